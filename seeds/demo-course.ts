import { readFileSync } from "node:fs";
import path from "node:path";
import PDFDocument from "pdfkit";
import { CERTIFICATE_FONTS } from "../app/certificates/pdf.server";
import { courseSearchText } from "../app/courses/search.server";
import type { Db } from "../app/db/client.server";
import type { FileStore } from "../app/storage/files.server";
import { fileUrl, keyFor } from "../app/storage/files.server";
import { detectMediaType } from "../app/storage/media";
import { syncOnlineActivity } from "../app/training/online.server";

/**
 * The demo course (issue 6): text, a narrated video, a PDF handout, an audio lesson and a final
 * test drawn from the demo bank. Demo content, marked so: it cites only the Prime Minister's
 * Decision 766/QĐ-TTg and the local plans in ../shared/plans, and the video and audio are read by
 * a machine voice (seeds/media/make-demo-media.sh rebuilds them from their scripts).
 */
export const DEMO_COURSE = {
  slug: "ky-nang-chuyen-doi-so-trong-pho-bien-giao-duc-phap-luat",
  title: "Kỹ năng chuyển đổi số trong phổ biến, giáo dục pháp luật",
  nodeCode: "HP-KIMTHANH",
  /** The final test: this many questions from the demo bank, passed at this share. */
  quizQuestions: 5,
  quizPassPercent: 60,
};

const MEDIA_DIR = path.resolve(process.cwd(), "seeds/media");

const INTRODUCTION = `<h2>Đề án chuyển đổi số trong công tác phổ biến, giáo dục pháp luật</h2>
<p>Ngày 15/4/2025, Thủ tướng Chính phủ ban hành Quyết định số 766/QĐ-TTg phê duyệt Đề án “Chuyển đổi số trong công tác phổ biến, giáo dục pháp luật giai đoạn 2025–2030”. Các địa phương xây dựng kế hoạch thực hiện Đề án; chẳng hạn Ủy ban nhân dân thành phố Hải Phòng có Kế hoạch số 160/KH-UBND ngày 01/7/2025, Ủy ban nhân dân xã Kim Thành có Kế hoạch số 1092/KH-UBND ngày 01/10/2025.</p>
<h3>Mục tiêu về nguồn nhân lực</h3>
<p>Kế hoạch của các xã, phường chia hai giai đoạn: giai đoạn 1 (2025–2027) và giai đoạn 2 (2028–2030). Kế hoạch của xã Kim Thành đặt mục tiêu:</p>
<ul>
<li>ít nhất 80% cán bộ, công chức, viên chức tham mưu công tác phổ biến, giáo dục pháp luật, báo cáo viên pháp luật, tuyên truyền viên pháp luật được tập huấn kiến thức, kỹ năng chuyển đổi số trong giai đoạn 1, và 100% trong giai đoạn 2;</li>
<li>ít nhất 75% hoạt động tập huấn được thực hiện trực tuyến trong giai đoạn 1, và ít nhất 90% trong giai đoạn 2.</li>
</ul>
<p>Mỗi địa phương có chỉ tiêu riêng: phường Hải An đặt 90% và 80% cho giai đoạn 1, xã Kon Chiêng và thành phố Huế có những con số khác. Hãy đọc kế hoạch của địa phương mình.</p>
<h3>Những kỹ năng cần có</h3>
<ul>
<li>khai thác các cơ sở dữ liệu, phần mềm và công cụ số dùng chung phục vụ phổ biến, giáo dục pháp luật;</li>
<li>sản xuất nội dung số (bài viết, video, âm thanh, hình ảnh) phù hợp với từng nhóm đối tượng;</li>
<li>tổ chức tập huấn, cuộc thi tìm hiểu pháp luật trực tuyến và hướng dẫn người dân sử dụng.</li>
</ul>
<p><em>Nội dung mẫu (demo) để minh họa nền tảng; hãy đối chiếu với văn bản chính thức trước khi dùng thật.</em></p>`;

const VIDEO_NOTE = `<p>Bài giảng mẫu (demo, đọc bằng giọng máy): phổ biến pháp luật trên trang thông tin điện tử, mạng xã hội, video, âm thanh và cuộc thi trực tuyến; dẫn đúng văn bản, đúng điều luật và kiểm tra văn bản còn hiệu lực.</p>`;

const AUDIO_NOTE = `<p>Bài nghe mẫu (demo, đọc bằng giọng máy) dành cho người thích hoặc cần nghe: nhiệm vụ của báo cáo viên, tuyên truyền viên pháp luật trong chuyển đổi số.</p>`;

const HANDOUT_SECTIONS: Array<{ heading: string; items: string[] }> = [
  {
    heading: "1. Trước khi soạn",
    items: [
      "Xác định nhóm người đọc: học sinh, đoàn viên, người cao tuổi, đồng bào dân tộc thiểu số, người khuyết tật…",
      "Chọn văn bản đang có hiệu lực; ghi đúng tên, số, ký hiệu và điều, khoản được dẫn.",
    ],
  },
  {
    heading: "2. Khi soạn",
    items: [
      "Câu ngắn, từ ngữ quen thuộc; mỗi bài một vấn đề.",
      "Video, âm thanh có phụ đề hoặc bản chữ đi kèm.",
      "Không đăng thông tin cá nhân của người dân khi chưa được đồng ý.",
    ],
  },
  {
    heading: "3. Sau khi đăng",
    items: [
      "Theo dõi câu hỏi của người dân và trả lời hoặc chuyển cơ quan có thẩm quyền.",
      "Cập nhật hoặc gỡ bài khi văn bản được dẫn hết hiệu lực.",
    ],
  },
];

/** The handout as a small A4 PDF in Noto Serif (every Vietnamese letter), made at seed time. */
export function renderHandoutPdf(): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margin: 56,
    lang: "vi-VN",
    info: { Title: "Sổ tay soạn nội dung pháp luật trên môi trường số (demo)" },
  });
  doc.registerFont("regular", readFileSync(CERTIFICATE_FONTS.regular));
  doc.registerFont("bold", readFileSync(CERTIFICATE_FONTS.bold));
  doc.registerFont("italic", readFileSync(CERTIFICATE_FONTS.italic));
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  doc.font("bold").fontSize(18).text("SỔ TAY SOẠN NỘI DUNG PHÁP LUẬT TRÊN MÔI TRƯỜNG SỐ", { align: "center" });
  doc
    .moveDown(0.3)
    .font("italic")
    .fontSize(11)
    .text("Tài liệu mẫu (demo) của khóa học “Kỹ năng chuyển đổi số trong phổ biến, giáo dục pháp luật”", {
      align: "center",
    });
  doc.moveDown(1);
  for (const section of HANDOUT_SECTIONS) {
    doc.font("bold").fontSize(13).text(section.heading);
    doc.moveDown(0.3);
    doc.font("regular").fontSize(12).list(section.items, { bulletRadius: 2, textIndent: 12, paragraphGap: 4 });
    doc.moveDown(0.8);
  }
  doc
    .font("italic")
    .fontSize(10)
    .text(
      "Căn cứ: Quyết định số 766/QĐ-TTg ngày 15/4/2025 của Thủ tướng Chính phủ phê duyệt Đề án “Chuyển đổi số trong công tác phổ biến, giáo dục pháp luật giai đoạn 2025–2030”. Nội dung mẫu, cần rà soát trước khi dùng thật.",
    );
  doc.end();
  return done;
}

async function storeMedia(files: FileStore, bytes: Uint8Array): Promise<string> {
  const type = detectMediaType(bytes);
  if (!type) throw new Error("Demo media of an unknown type");
  const key = keyFor("lessons", bytes, type);
  await files.put(key, bytes);
  return fileUrl(key);
}

export async function seedDemoCourse(db: Db, files: FileStore, bankId: string): Promise<void> {
  const node = await db.orgNode.findUniqueOrThrow({ where: { code: DEMO_COURSE.nodeCode } });
  const videoUrl = await storeMedia(files, new Uint8Array(readFileSync(path.join(MEDIA_DIR, "bai-giang-demo.webm"))));
  const audioUrl = await storeMedia(files, new Uint8Array(readFileSync(path.join(MEDIA_DIR, "bai-nghe-demo.ogg"))));
  const pdfUrl = await storeMedia(files, new Uint8Array(await renderHandoutPdf()));
  const audience = [
    "công chức tư pháp",
    "báo cáo viên pháp luật",
    "tuyên truyền viên pháp luật",
    "hòa giải viên ở cơ sở",
  ];
  const summary =
    "Khóa học mẫu (demo) về Đề án chuyển đổi số trong công tác phổ biến, giáo dục pháp luật giai đoạn 2025–2030 và những kỹ năng số cần có: bài đọc, bài giảng video, tài liệu PDF, bài nghe và bài kiểm tra cuối khóa.";
  const category = "Kỹ năng chuyển đổi số trong PBGDPL";
  const now = new Date();
  await db.$transaction(async (tx) => {
    const course = await tx.course.create({
      data: {
        orgNodeId: node.id,
        slug: DEMO_COURSE.slug,
        title: DEMO_COURSE.title,
        summary,
        category,
        audience,
        estimatedMinutes: 60,
        sequential: true,
        status: "PUBLISHED",
        publishedAt: now,
        isDemo: true,
        searchText: courseSearchText({ title: DEMO_COURSE.title, summary, category, audience }),
      },
    });
    const modules = [
      "Chương 1. Đề án chuyển đổi số trong công tác phổ biến, giáo dục pháp luật",
      "Chương 2. Thực hành trên môi trường số",
      "Chương 3. Kiểm tra cuối khóa",
    ];
    const moduleIds: string[] = [];
    for (const [index, title] of modules.entries())
      moduleIds.push((await tx.courseModule.create({ data: { courseId: course.id, title, position: index + 1 } })).id);
    const lesson = (moduleIndex: number, position: number, data: Record<string, unknown>) =>
      tx.lesson.create({
        data: {
          courseId: course.id,
          moduleId: moduleIds[moduleIndex],
          position,
          title: "",
          type: "TEXT",
          ...data,
        },
      });
    await lesson(0, 1, { title: "Đề án và mục tiêu của địa phương", type: "TEXT", body: INTRODUCTION });
    await lesson(0, 2, {
      title: "Bài giảng: Phổ biến pháp luật trên môi trường số",
      type: "VIDEO",
      body: VIDEO_NOTE,
      mediaUrl: videoUrl,
      durationSeconds: 26,
      completionRule: "WATCHED",
      minWatchPercent: 80,
    });
    await lesson(1, 1, {
      title: "Tài liệu: Sổ tay soạn nội dung pháp luật trên môi trường số",
      type: "PDF",
      mediaUrl: pdfUrl,
      body: "<p>Tài liệu mẫu (demo) để đọc hoặc in.</p>",
    });
    await lesson(1, 2, {
      title: "Bài nghe: Nhiệm vụ của báo cáo viên, tuyên truyền viên pháp luật",
      type: "AUDIO",
      body: AUDIO_NOTE,
      mediaUrl: audioUrl,
      durationSeconds: 60,
      completionRule: "WATCHED",
      minWatchPercent: 80,
    });
    await lesson(2, 1, {
      title: "Bài kiểm tra cuối khóa",
      type: "QUIZ",
      body: "<p>Câu hỏi lấy ngẫu nhiên từ ngân hàng câu hỏi pháp luật (demo).</p>",
      completionRule: "QUIZ_PASSED",
      quizBlueprint: { rules: [{ bankId, count: DEMO_COURSE.quizQuestions }] },
      quizPassPercent: DEMO_COURSE.quizPassPercent,
      quizAttemptsAllowed: 0,
      isFinalTest: true,
    });
    // Published as seeded: its run counts as an online training activity.
    await syncOnlineActivity(tx, course.id);
  });
}
