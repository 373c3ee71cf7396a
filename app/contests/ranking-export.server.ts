import ExcelJS from "exceljs";
import { maskIdentifier } from "~/auth/accounts.server";
import type { Db } from "~/db/client.server";
import { roundRanking } from "./results.server";

/**
 * A round's ranking as an Excel workbook for the organizer. Personal numbers (phone, CCCD) are
 * masked, as in every default export; date of birth is left out.
 */
export async function rankingWorkbook(db: Db, roundId: string): Promise<Buffer> {
  const round = await db.round.findUniqueOrThrow({
    where: { id: roundId },
    select: { name: true, contestId: true, contest: { select: { title: true } } },
  });
  const { participants, ranking } = await roundRanking(db, roundId);
  const registrations = await db.registration.findMany({
    where: { contestId: round.contestId, userId: { in: ranking.map((entry) => entry.userId) } },
    select: { userId: true, fields: true },
  });
  const fieldsOf = new Map(
    registrations.map((registration) => [
      registration.userId,
      registration.fields as Record<string, string | undefined>,
    ]),
  );

  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Xếp hạng");
  sheet.addRow([round.contest.title]).font = { bold: true };
  sheet.addRow([`${round.name} · ${participants} người dự thi`]);
  sheet.addRow([]);
  const header = sheet.addRow([
    "Hạng",
    "Họ và tên",
    "Đơn vị, trường, lớp",
    "Số điện thoại",
    "Số căn cước",
    "Điểm",
    "Số câu đúng",
    "Dự đoán",
    "Thời gian (giây)",
  ]);
  header.font = { bold: true };
  for (const entry of ranking) {
    const fields = fieldsOf.get(entry.userId) ?? {};
    sheet.addRow([
      entry.rank,
      fields.fullName ?? entry.fullName,
      fields.unit ?? "",
      fields.phone ? maskIdentifier(fields.phone) : "",
      fields.citizenId ? `${fields.citizenId.slice(0, 3)}******${fields.citizenId.slice(-3)}` : "",
      entry.score,
      entry.correctCount ?? 0,
      entry.prediction ?? "",
      Math.round(entry.timeUsedMs / 1000),
    ]);
  }
  [8, 28, 24, 16, 16, 8, 12, 10, 16].forEach((width, index) => {
    sheet.getColumn(index + 1).width = width;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
