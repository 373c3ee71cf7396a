import ExcelJS from "exceljs";
import type { DbOrTx } from "~/db/client.server";
import { formatVietnamDateTime } from "~/utils/vietnam-time";
import { surveyResults } from "./responses.server";
import type { QuestionResult } from "./results";

/**
 * A survey's results as Excel (issue 7 §3): a summary sheet, question by question, with the same
 * numbers as the results page (aggregateResults), and a sheet with every response — its number,
 * date, the respondent's unit when known, and the answers — never a name, e-mail or phone.
 */
const KIND_LABELS = {
  SINGLE: "Chọn một",
  MULTIPLE: "Chọn nhiều",
  SCALE: "Thang điểm 1–5",
  TEXT: "Trả lời tự do",
} as const;

function header(sheet: ExcelJS.Worksheet, titles: string[], widths: number[]) {
  sheet.addRow(titles).font = { bold: true };
  widths.forEach((width, index) => {
    sheet.getColumn(index + 1).width = width;
  });
}

const percent = (share: number | null) => (share === null ? "" : Math.round(share * 1000) / 10);

function summaryRows(sheet: ExcelJS.Worksheet, result: QuestionResult, number: number) {
  const { question } = result;
  sheet.addRow([`Câu ${number}. ${question.prompt}`]).font = { bold: true };
  sheet.addRow([`${KIND_LABELS[question.kind]} · ${result.answered} người trả lời câu này`]);
  if (question.kind === "SINGLE" || question.kind === "MULTIPLE") {
    header(sheet, ["Lựa chọn", "Số người chọn", "Tỷ lệ (%)"], [60, 16, 12]);
    for (const option of result.options) sheet.addRow([option.label, option.count, percent(option.share)]);
  } else if (question.kind === "SCALE") {
    header(sheet, ["Mức", "Số người chọn"], [60, 16]);
    for (const row of result.scale) {
      const label =
        row.value === 1 && question.scaleMinLabel
          ? `1 (${question.scaleMinLabel})`
          : row.value === 5 && question.scaleMaxLabel
            ? `5 (${question.scaleMaxLabel})`
            : String(row.value);
      sheet.addRow([label, row.count]);
    }
    sheet.addRow(["Điểm trung bình", result.mean === null ? "" : Math.round(result.mean * 100) / 100]);
  } else {
    sheet.addRow(["Số câu trả lời", result.texts]);
  }
  sheet.addRow([]);
}

export async function surveyWorkbook(db: DbOrTx, surveyId: string): Promise<{ buffer: Buffer; rows: number }> {
  const survey = await db.survey.findUniqueOrThrow({
    where: { id: surveyId },
    select: { title: true, isDemo: true, orgNode: { select: { name: true } } },
  });
  const results = await surveyResults(db, surveyId);
  const responses = await db.surveyResponse.findMany({
    where: { surveyId },
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    select: {
      submittedAt: true,
      answers: { select: { questionId: true, choices: true, scale: true, text: true } },
      // The unit the respondent belongs to (their first membership), never who they are.
      user: {
        select: {
          memberships: { orderBy: { createdAt: "asc" }, take: 1, select: { orgNode: { select: { name: true } } } },
        },
      },
    },
  });
  const workbook = new ExcelJS.Workbook();

  const summary = workbook.addWorksheet("Tổng hợp");
  summary.addRow([`Kết quả khảo sát: ${survey.title}${survey.isDemo ? " (dữ liệu demo)" : ""}`]).font = { bold: true };
  summary.addRow([`${survey.orgNode.name} · ${results.responses} phiếu trả lời`]);
  summary.addRow([]);
  for (const [index, result] of results.questions.entries()) summaryRows(summary, result, index + 1);

  const all = workbook.addWorksheet("Phiếu trả lời");
  header(
    all,
    [
      "Phiếu số",
      "Thời điểm gửi",
      "Đơn vị",
      ...results.questions.map((result, index) => `Câu ${index + 1}. ${result.question.prompt}`),
    ],
    [10, 18, 28, ...results.questions.map(() => 30)],
  );
  all.views = [{ state: "frozen", ySplit: 1 }];
  for (const [index, response] of responses.entries()) {
    const byQuestion = new Map(response.answers.map((answer) => [answer.questionId, answer]));
    all.addRow([
      index + 1,
      formatVietnamDateTime(response.submittedAt).replace("T", " "),
      response.user.memberships[0]?.orgNode.name ?? "",
      ...results.questions.map(({ question }) => {
        const answer = byQuestion.get(question.id);
        if (!answer) return "";
        if (question.kind === "SCALE") return answer.scale ?? "";
        if (question.kind === "TEXT") return answer.text ?? "";
        return answer.choices.map((choice) => question.options[choice] ?? `#${choice + 1}`).join("; ");
      }),
    ]);
  }
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  return { buffer, rows: responses.length };
}
