import ExcelJS from "exceljs";
import type { Db } from "~/db/client.server";
import { stemToText } from "~/questions/html";
import { sessionQuestions } from "./sessions.server";
import { standings } from "./standings.server";

/**
 * A live session's results as Excel, like a contest's ranking: the ranking (rank, nickname, the
 * linked account's name when there is one, points, correct answers, time on correct answers),
 * then each question with its key and how the room answered, then every answer. No phone, ID
 * or birth date is ever collected by a live session, so there is nothing to mask.
 */
const LETTERS = "ABCDEFGHIJKLMNOPQRST";
const letters = (indexes: readonly number[]) => indexes.map((index) => LETTERS[index] ?? "?").join(", ");

function header(sheet: ExcelJS.Worksheet, titles: string[], widths: number[]) {
  sheet.addRow(titles).font = { bold: true };
  widths.forEach((width, index) => {
    sheet.getColumn(index + 1).width = width;
  });
  sheet.views = [{ state: "frozen", ySplit: sheet.rowCount }];
}

export async function liveResultsWorkbook(db: Db, sessionId: string): Promise<{ buffer: Buffer; rows: number }> {
  const session = await db.liveSession.findUniqueOrThrow({
    where: { id: sessionId },
    select: {
      title: true,
      createdAt: true,
      orgNode: { select: { name: true } },
      questions: { orderBy: { position: "asc" }, select: { position: true, skipped: true } },
    },
  });
  const [ranking, questions, players, answers] = await Promise.all([
    standings(db, sessionId, null),
    sessionQuestions(db, sessionId),
    db.livePlayer.findMany({
      where: { sessionId },
      select: { id: true, nickname: true, kickedAt: true, user: { select: { fullName: true } } },
    }),
    db.liveAnswer.findMany({
      where: { sessionId },
      orderBy: [{ position: "asc" }, { answeredAt: "asc" }],
      select: { playerId: true, position: true, selected: true, correct: true, points: true, elapsedMs: true },
    }),
  ]);
  const playerOf = new Map(players.map((player) => [player.id, player]));
  const skipped = new Set(
    session.questions.filter((question) => question.skipped).map((question) => question.position),
  );
  const workbook = new ExcelJS.Workbook();

  const board = workbook.addWorksheet("Xếp hạng");
  board.addRow([`Kết quả phiên thi trực tiếp: ${session.title}`]).font = { bold: true };
  board.addRow([`${session.orgNode.name} · ${players.length} người tham gia · ${questions.length} câu hỏi`]);
  board.addRow([]);
  header(
    board,
    ["Hạng", "Tên hiển thị", "Tài khoản", "Điểm", "Số câu đúng", "Thời gian trả lời đúng (giây)"],
    [8, 28, 28, 10, 12, 16],
  );
  for (const row of ranking)
    board.addRow([
      row.rank,
      row.nickname,
      playerOf.get(row.playerId)?.user?.fullName ?? "",
      row.score,
      row.correctCount,
      Math.round(row.correctTimeMs / 100) / 10,
    ]);

  const byQuestion = workbook.addWorksheet("Câu hỏi");
  header(
    byQuestion,
    ["Câu", "Nội dung", "Đáp án đúng", "Số người trả lời", "Tỉ lệ đúng (%)", "Ghi chú"],
    [6, 60, 12, 14, 14, 24],
  );
  for (const question of questions) {
    const given = answers.filter((answer) => answer.position === question.position);
    const right = given.filter((answer) => answer.correct).length;
    byQuestion.addRow([
      question.position + 1,
      stemToText(question.stem),
      letters(question.correct),
      given.length,
      given.length ? Math.round((right / given.length) * 1000) / 10 : "",
      skipped.has(question.position) ? "Đã bỏ qua: không tính điểm" : "",
    ]);
  }

  const detail = workbook.addWorksheet("Chi tiết trả lời");
  header(detail, ["Câu", "Tên hiển thị", "Chọn", "Đúng", "Điểm", "Thời gian (giây)"], [6, 28, 10, 8, 10, 14]);
  for (const answer of answers)
    detail.addRow([
      answer.position + 1,
      playerOf.get(answer.playerId)?.nickname ?? "",
      letters(answer.selected),
      answer.correct ? "Đúng" : "Sai",
      answer.points,
      Math.round(answer.elapsedMs / 100) / 10,
    ]);

  return { buffer: Buffer.from(await workbook.xlsx.writeBuffer()), rows: ranking.length };
}
