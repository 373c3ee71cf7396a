import type { Db } from "../app/db/client.server";
import type { SurveyQuestionKind } from "../app/generated/prisma/enums";

/**
 * A demo "legal information needs" survey of xã Kim Thành (issue 7 §3), as the plans ask
 * localities to run. Questions only: no responses (no made-up residents). Marked demo.
 * Safe to run again: a demo survey already there (by node and title) is left as it is.
 */
export const DEMO_SURVEY = {
  nodeCode: "HP-KIMTHANH",
  code: "kimthanh2026",
  title: "Khảo sát nhu cầu tìm hiểu pháp luật (demo)",
  intro:
    "Ủy ban nhân dân xã Kim Thành khảo sát nhu cầu tìm hiểu pháp luật của người dân để chọn nội dung và hình thức phổ biến pháp luật phù hợp. Khảo sát mất khoảng 3 phút; câu trả lời chỉ dùng để tổng hợp, không công bố tên người trả lời. (Khảo sát mẫu để thử hệ thống.)",
};

export const DEMO_SURVEY_QUESTIONS: Array<{
  kind: SurveyQuestionKind;
  prompt: string;
  options?: string[];
  required: boolean;
  scaleMinLabel?: string;
  scaleMaxLabel?: string;
}> = [
  {
    kind: "MULTIPLE",
    prompt: "Bạn quan tâm tìm hiểu pháp luật về lĩnh vực nào?",
    options: [
      "Đất đai",
      "Hôn nhân và gia đình",
      "Lao động, việc làm",
      "Trật tự, an toàn giao thông đường bộ",
      "An ninh mạng, phòng chống lừa đảo trực tuyến",
      "Bảo vệ quyền lợi người tiêu dùng",
    ],
    required: true,
  },
  {
    kind: "MULTIPLE",
    prompt: "Bạn muốn nhận thông tin pháp luật qua kênh nào?",
    options: [
      "Zalo, Facebook của xã",
      "Cổng thông tin điện tử của xã",
      "Loa truyền thanh",
      "Hội nghị tại thôn",
      "Tờ gấp, tài liệu in",
    ],
    required: true,
  },
  {
    kind: "SINGLE",
    prompt: "Bạn thường tìm hiểu pháp luật bao lâu một lần?",
    options: ["Hằng tuần", "Hằng tháng", "Vài tháng một lần", "Chỉ khi có việc cần"],
    required: true,
  },
  {
    kind: "SCALE",
    prompt: "Thông tin pháp luật hiện nay của xã dễ hiểu đến mức nào với bạn?",
    required: true,
    scaleMinLabel: "Rất khó hiểu",
    scaleMaxLabel: "Rất dễ hiểu",
  },
  {
    kind: "TEXT",
    prompt: "Bạn có vướng mắc pháp luật nào muốn được giải đáp hoặc góp ý nào khác?",
    required: false,
  },
];

export async function seedDemoSurveys(db: Db): Promise<void> {
  const node = await db.orgNode.findUnique({ where: { code: DEMO_SURVEY.nodeCode } });
  if (!node) return;
  const existing = await db.survey.findFirst({
    where: { OR: [{ orgNodeId: node.id, title: DEMO_SURVEY.title, isDemo: true }, { code: DEMO_SURVEY.code }] },
  });
  if (existing) return;
  await db.survey.create({
    data: {
      orgNodeId: node.id,
      code: DEMO_SURVEY.code,
      title: DEMO_SURVEY.title,
      intro: DEMO_SURVEY.intro,
      status: "OPEN",
      isDemo: true,
      questions: {
        create: DEMO_SURVEY_QUESTIONS.map((question, position) => ({
          position,
          kind: question.kind,
          prompt: question.prompt,
          options: question.options ?? [],
          required: question.required,
          scaleMinLabel: question.scaleMinLabel ?? null,
          scaleMaxLabel: question.scaleMaxLabel ?? null,
        })),
      },
    },
  });
}
