import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { z } from "zod";
import { audit } from "~/audit/audit.server";
import type { CurrentUser } from "~/auth/guards.server";
import type { Db } from "~/db/client.server";
import { createI18n } from "~/i18n/i18n";
import { type IntegrityFlag, roundIntegrity } from "./integrity.server";
import { askedFields, type RegistrationAnswers, registrationCell } from "./personal-data";
import { contestRanking, roundRanking } from "./results.server";
import type { RegistrationField } from "./schemas";

/**
 * Rankings as Excel workbooks for the organizer, with every registration field the contest asks
 * for. By default phone, citizen-ID numbers and dates of birth are masked. A full export shows
 * them whole: the organizer must confirm and state a purpose, and it is audited (who, when,
 * which round or contest, why, how many rows).
 */
export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export type ExportScope = { kind: "round"; roundId: string } | { kind: "contest"; contestId: string };

const FIELD_HEADERS: Record<RegistrationField, string> = {
  fullName: "Họ và tên (khi đăng ký)",
  dateOfBirth: "Ngày sinh",
  phone: "Số điện thoại",
  citizenId: "Số căn cước",
  unit: "Đơn vị, trường, lớp",
  address: "Địa chỉ",
  gender: "Giới tính",
};
const FIELD_WIDTHS: Record<RegistrationField, number> = {
  fullName: 28,
  dateOfBirth: 12,
  phone: 15,
  citizenId: 15,
  unit: 26,
  address: 32,
  gender: 9,
};

interface Registrant {
  answers: RegistrationAnswers;
  nodeName: string;
}

async function registrantsOf(db: Db, contestId: string): Promise<Map<string, Registrant>> {
  const registrations = await db.registration.findMany({
    where: { contestId },
    select: { userId: true, fields: true, orgNodeId: true },
  });
  const nodeIds = [...new Set(registrations.flatMap((registration) => registration.orgNodeId ?? []))];
  const nodes = await db.orgNode.findMany({ where: { id: { in: nodeIds } }, select: { id: true, name: true } });
  const nodeName = new Map(nodes.map((node) => [node.id, node.name]));
  return new Map(
    registrations.map((registration) => [
      registration.userId,
      {
        answers: (registration.fields ?? {}) as RegistrationAnswers,
        nodeName: registration.orgNodeId ? (nodeName.get(registration.orgNodeId) ?? "") : "",
      },
    ]),
  );
}

/** Excel refuses some characters and more than 31 characters in a sheet name. */
function sheetName(name: string, taken: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, " ").slice(0, 28) || "Trang";
  let candidate = base;
  for (let index = 2; taken.has(candidate); index++) candidate = `${base} ${index}`;
  taken.add(candidate);
  return candidate;
}

/**
 * The workbooks are streamed: each row is written out as it is added, so a contest of 200,000
 * contestants never holds a workbook model in memory (the in-memory one took minutes and about
 * 4 GB, `npm run bench -- data`). A streamed sheet writes its frozen panes when it is created and
 * its columns with its first row, so both are set before any row is committed.
 */
function streamedWorkbook(): { workbook: ExcelJS.stream.xlsx.WorkbookWriter; done: Promise<Buffer> } {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    stream.on("end", () => resolve(Buffer.concat(chunks)));
    stream.on("error", reject);
  });
  return { workbook: new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true }), done };
}

/** A sheet whose title lines, note and blank row are followed by a frozen header row. */
function addRankingSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, name: string, titleLines: number) {
  return workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: titleLines + 3 }] });
}

function addTitle(sheet: ExcelJS.Worksheet, lines: string[], full: boolean) {
  sheet.addRow([lines[0]]).font = { bold: true };
  for (const line of lines.slice(1)) sheet.addRow([line]);
  sheet.addRow([
    full
      ? "Bản đầy đủ, không che thông tin cá nhân: chỉ dùng cho mục đích đã khai báo."
      : "Số điện thoại, số căn cước và ngày sinh đã được che.",
  ]).font = { italic: true };
  sheet.addRow([]);
}

function addHeader(sheet: ExcelJS.Worksheet, headers: string[], widths: number[]) {
  sheet.addRow(headers).font = { bold: true };
  widths.forEach((width, index) => {
    sheet.getColumn(index + 1).width = width;
  });
}

function flagNames(flags: IntegrityFlag[] | undefined, t: ReturnType<typeof createI18n>["t"]): string {
  return (flags ?? []).map((flag) => t(`results.flagNames.${flag.kind}`)).join("; ");
}

async function addRoundSheet(
  db: Db,
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  taken: Set<string>,
  context: { contestTitle: string; fields: RegistrationField[]; registrants: Map<string, Registrant>; full: boolean },
  round: { id: string; name: string },
): Promise<number> {
  const [{ participants, ranking }, flags] = await Promise.all([
    roundRanking(db, round.id),
    roundIntegrity(db, round.id),
  ]);
  const { t } = createI18n("vi");
  const title = [context.contestTitle, `${round.name} · ${participants} người dự thi`];
  const sheet = addRankingSheet(workbook, sheetName(round.name, taken), title.length);
  addTitle(sheet, title, context.full);
  addHeader(
    sheet,
    [
      "Hạng",
      "Họ và tên",
      ...context.fields.map((field) => FIELD_HEADERS[field]),
      "Thi cho đơn vị",
      "Điểm",
      "Điểm tối đa",
      "Số câu đúng",
      "Dự đoán",
      "Thời gian (giây)",
      "Nộp bài lúc (giờ Việt Nam)",
      "Lượt",
      "Dấu hiệu bất thường",
    ],
    [8, 28, ...context.fields.map((field) => FIELD_WIDTHS[field]), 26, 8, 10, 11, 10, 14, 18, 7, 30],
  );
  sheet.getColumn(context.fields.length + 9).numFmt = "dd/mm/yyyy hh:mm:ss";
  for (const entry of ranking) {
    const registrant = context.registrants.get(entry.userId);
    const answers = registrant?.answers ?? {};
    sheet
      .addRow([
        entry.rank,
        entry.fullName,
        ...context.fields.map((field) => registrationCell(field, answers, !context.full)),
        registrant?.nodeName ?? "",
        entry.score,
        entry.maxScore,
        entry.correctCount ?? 0,
        entry.prediction ?? "",
        Math.round(entry.timeUsedMs / 1000),
        vietnamWallClock(entry.submittedAt),
        entry.number,
        flagNames(flags.get(entry.attemptId), t),
      ])
      .commit();
  }
  sheet.commit();
  return ranking.length;
}

/** Excel has no time zones: a cell shows the wall clock it is given, so give it Vietnam's (UTC+7). */
function vietnamWallClock(date: Date): Date {
  return new Date(date.getTime() + 7 * 3_600_000);
}

async function contestContext(db: Db, contestId: string, full: boolean) {
  const contest = await db.contest.findUniqueOrThrow({
    where: { id: contestId },
    select: {
      title: true,
      registrationFields: true,
      rounds: { orderBy: { position: "asc" }, select: { id: true, name: true } },
    },
  });
  return {
    contest,
    context: {
      contestTitle: contest.title,
      fields: askedFields(contest.registrationFields),
      registrants: await registrantsOf(db, contestId),
      full,
    },
  };
}

async function finish(workbook: ExcelJS.stream.xlsx.WorkbookWriter, done: Promise<Buffer>): Promise<Buffer> {
  await workbook.commit();
  return done;
}

/** One round's ranking. */
export async function rankingWorkbook(
  db: Db,
  roundId: string,
  options: { full?: boolean } = {},
): Promise<{ buffer: Buffer; rows: number }> {
  const round = await db.round.findUniqueOrThrow({ where: { id: roundId }, select: { contestId: true } });
  const { contest, context } = await contestContext(db, round.contestId, options.full ?? false);
  const { workbook, done } = streamedWorkbook();
  const rows = await addRoundSheet(
    db,
    workbook,
    new Set(),
    context,
    contest.rounds.find((candidate) => candidate.id === roundId) as { id: string; name: string },
  );
  return { buffer: await finish(workbook, done), rows };
}

/** The whole contest's ranking on the first sheet, then each round's on its own sheet. */
export async function contestRankingWorkbook(
  db: Db,
  contestId: string,
  options: { full?: boolean } = {},
): Promise<{ buffer: Buffer; rows: number }> {
  const { contest, context } = await contestContext(db, contestId, options.full ?? false);
  const { participants, ranking } = await contestRanking(db, contestId);
  const { workbook, done } = streamedWorkbook();
  const taken = new Set<string>();
  const title = [
    contest.title,
    `Toàn cuộc thi · ${participants} người dự thi`,
    "Tổng điểm = tổng điểm bài được tính của từng đợt; bằng điểm thì xét tổng thời gian làm bài, rồi ai nộp bài cuối sớm hơn.",
  ];
  const sheet = addRankingSheet(workbook, sheetName("Toàn cuộc thi", taken), title.length);
  addTitle(sheet, title, context.full);
  addHeader(
    sheet,
    [
      "Hạng",
      "Họ và tên",
      ...context.fields.map((field) => FIELD_HEADERS[field]),
      "Thi cho đơn vị",
      "Tổng điểm",
      "Số đợt đã thi",
      "Tổng thời gian (giây)",
    ],
    [8, 28, ...context.fields.map((field) => FIELD_WIDTHS[field]), 26, 10, 12, 18],
  );
  for (const entry of ranking) {
    const registrant = context.registrants.get(entry.userId);
    sheet
      .addRow([
        entry.rank,
        entry.fullName,
        ...context.fields.map((field) => registrationCell(field, registrant?.answers ?? {}, !context.full)),
        registrant?.nodeName ?? "",
        entry.score,
        entry.roundsTaken,
        Math.round(entry.timeUsedMs / 1000),
      ])
      .commit();
  }
  sheet.commit();
  let rows = ranking.length;
  for (const round of contest.rounds) rows += await addRoundSheet(db, workbook, taken, context, round);
  return { buffer: await finish(workbook, done), rows };
}

/** What the organizer must give for a full export; messages are i18n keys. */
export const fullExportSchema = z.object({
  purpose: z
    .string({ error: "errors.results.purposeTooShort" })
    .trim()
    .min(10, "errors.results.purposeTooShort")
    .max(300, "errors.results.purposeTooLong"),
  confirm: z.literal("on", { error: "errors.results.confirmRequired" }),
});

/** Builds the unmasked workbook and records who exported what, when, and why. */
export async function fullExport(
  db: Db,
  request: Request,
  user: CurrentUser,
  input: { scope: ExportScope; contestId: string; orgNodeId: string; purpose: string },
): Promise<Buffer> {
  const { buffer, rows } =
    input.scope.kind === "round"
      ? await rankingWorkbook(db, input.scope.roundId, { full: true })
      : await contestRankingWorkbook(db, input.scope.contestId, { full: true });
  await audit(db, request, {
    actorId: user.id,
    action: "contest.results_exported_full",
    targetType: input.scope.kind === "round" ? "Round" : "Contest",
    targetId: input.scope.kind === "round" ? input.scope.roundId : input.scope.contestId,
    orgNodeId: input.orgNodeId,
    details: { contestId: input.contestId, scope: input.scope.kind, purpose: input.purpose, rows },
  });
  return buffer;
}

export function xlsxResponse(buffer: Buffer, filename: string): Response {
  return new Response(new Uint8Array(buffer), {
    headers: {
      "Content-Type": XLSX_TYPE,
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
    },
  });
}
