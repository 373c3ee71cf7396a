import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { audit } from "~/audit/audit.server";
import type { Db } from "~/db/client.server";
import { orgCodeSchema } from "~/org/schemas";
import { isUniqueViolation } from "~/org/tree.server";
import { bankDrafts, type ExportFormat, exportQuestions } from "~/questions/export.server";
import { detectFormat } from "~/questions/formats";
import { importQuestions, type QuestionImportReport } from "~/questions/import.server";
import { foldDiacritics } from "~/utils/text";
import { SYSTEM_ACTOR } from "./context";
import { type CommandResult, EXIT, translate } from "./output";

/** Names as the formats are called in the web UI and in Moodle. */
const FORMAT_LABELS: Record<ExportFormat, string> = {
  xlsx: "Excel",
  csv: "CSV",
  "moodle-xml": "Moodle XML",
  gift: "GIFT",
  aiken: "Aiken",
};

/** An option the operator typed that names nothing usable (no file was read or written). */
interface OptionError {
  option: "--node" | "--bank";
  code: "NODE_NOT_FOUND" | "BANK_NAME_INVALID" | "BANK_NOT_FOUND";
  message: string;
}

interface Node {
  id: string;
  code: string;
  name: string;
}

async function findNode(db: Db, code: string): Promise<Node | OptionError> {
  const parsed = orgCodeSchema.safeParse(code);
  const node = parsed.success
    ? await db.orgNode.findUnique({ where: { code: parsed.data }, select: { id: true, code: true, name: true } })
    : null;
  return (
    node ?? {
      option: "--node",
      code: "NODE_NOT_FOUND",
      message: `Không tìm thấy đơn vị có mã ${parsed.success ? parsed.data : code.trim()}.`,
    }
  );
}

/** The rule of the web form that creates banks: 2 to 150 characters. */
function bankName(name: string): string | OptionError {
  const trimmed = name.trim();
  if (trimmed.length >= 2 && trimmed.length <= 150) return trimmed;
  return { option: "--bank", code: "BANK_NAME_INVALID", message: translate("errors.bank.nameRequired") };
}

function isOptionError(value: unknown): value is OptionError {
  return typeof value === "object" && value !== null && "option" in value && "code" in value;
}

export interface ImportQuestionsInput {
  /** Org node code. */
  node: string;
  /** Bank name; the bank is created if the node has none of that name. */
  bank: string;
  dryRun?: boolean;
  /** Import as approved instead of drafts. */
  approved?: boolean;
  createTopics: boolean;
  /** Import the good items even if some are bad (otherwise a bad item stops everything). */
  skipBad?: boolean;
}

interface ImportJson {
  ok: boolean;
  dryRun: boolean;
  bank: { name: string; created: boolean; existed: boolean };
  format: string | null;
  total: number;
  good: number;
  bad: number;
  imported: number;
  errors: Array<{ line: number; code: string; message: string }>;
  fileError?: { code: string; message: string };
  error?: OptionError;
}

/**
 * `questions:import <file>`: the web import's checks and report, as the system, into a bank of
 * a node (created when missing). Unlike the web page, where the organizer chooses after seeing
 * the report, a bad item stops the whole import unless --skip-bad is given.
 */
export async function importQuestionFile(db: Db, file: string, input: ImportQuestionsInput): Promise<CommandResult> {
  const dryRun = Boolean(input.dryRun);
  const json: ImportJson = {
    ok: false,
    dryRun,
    bank: { name: input.bank.trim(), created: false, existed: false },
    format: null,
    total: 0,
    good: 0,
    bad: 0,
    imported: 0,
    errors: [],
  };

  const rejected = (error: OptionError): CommandResult => ({
    exitCode: EXIT.INVALID,
    json: { ...json, error },
    lines: [`${error.option}: ${error.message}`, "Chưa nhập câu hỏi nào."],
  });
  const name = bankName(input.bank);
  if (isOptionError(name)) return rejected(name);
  const node = await findNode(db, input.node);
  if (isOptionError(node)) return rejected(node);
  json.bank.name = name;

  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "không tồn tại" : "không đọc được";
    const message = `Tệp ${file} ${reason}.`;
    return {
      exitCode: EXIT.INVALID,
      json: { ...json, fileError: { code: "FILE_NOT_READABLE", message } },
      lines: [message],
    };
  }
  const upload = { name: path.basename(file), bytes };
  const options = {
    status: input.approved ? ("APPROVED" as const) : ("DRAFT" as const),
    createTopics: input.createTopics,
    system: true,
  };

  const existing = await db.questionBank.findUnique({
    where: { orgNodeId_name: { orgNodeId: node.id, name } },
    select: { id: true },
  });
  json.bank.existed = existing !== null;
  // Check first (as the web page does), then decide whether anything is written.
  let report = existing
    ? await importQuestions(db, null, SYSTEM_ACTOR, existing.id, upload, { ...options, dryRun: true })
    : await checkForNewBank(db, node, name, upload, options);

  const bad = report.total - report.good;
  const writes = !report.fileError && report.good > 0 && (bad === 0 || Boolean(input.skipBad));
  if (writes && !dryRun) {
    let bankId = existing?.id ?? (await createBankAsSystem(db, node, name));
    json.bank.created = !existing && bankId !== null;
    bankId ??= (
      await db.questionBank.findUniqueOrThrow({
        where: { orgNodeId_name: { orgNodeId: node.id, name } },
        select: { id: true },
      })
    ).id;
    report = await importQuestions(db, null, SYSTEM_ACTOR, bankId, upload, { ...options, dryRun: false });
  }

  const errors = report.errors.map((error) => ({
    line: error.line,
    code: error.code,
    message: translate(error.message, error.params),
  }));
  const fileError = report.fileError
    ? { code: report.fileError.code, message: translate(report.fileError.message, report.fileError.params) }
    : undefined;
  Object.assign(json, {
    ok: writes,
    format: report.format,
    total: report.total,
    good: report.good,
    bad: report.total - report.good,
    imported: report.imported,
    errors,
    ...(fileError ? { fileError } : {}),
  });
  const exitCode = writes ? EXIT.OK : EXIT.INVALID;

  const where = `${node.code} — ${node.name}`;
  if (fileError) {
    return { exitCode, json, lines: [fileError.message, "Chưa nhập câu hỏi nào."] };
  }
  const lines: string[] = [];
  if (json.bank.created) lines.push(`Đã tạo ngân hàng câu hỏi “${name}” tại ${where}.`);
  lines.push(
    `Tệp ${upload.name} (${FORMAT_LABELS[report.format as ExportFormat] ?? report.format}): ${translate(
      "questionImport.summary",
      { total: json.total, good: json.good, bad: json.bad },
    )}`,
  );
  lines.push(...errors.map((error) => `${translate("imports.line")} ${error.line} [${error.code}]: ${error.message}`));

  const statusLabel = translate(input.approved ? "questionImport.statusApproved" : "questionImport.statusDraft");
  const missingBank = existing ? "" : ` Đơn vị ${where} chưa có ngân hàng “${name}”; ngân hàng sẽ được tạo khi nhập.`;
  if (report.good === 0) {
    lines.push(`Không có câu hỏi hợp lệ nào để nhập. Chưa ghi gì vào cơ sở dữ liệu.`);
  } else if (!writes) {
    lines.push(
      `Có ${errors.length} lỗi ở ${json.bad} câu hỏi. Chưa nhập câu nào — hãy sửa tệp rồi chạy lại, ` +
        `hoặc thêm --skip-bad để chỉ nhập ${json.good} câu hợp lệ.`,
    );
  } else if (dryRun) {
    lines.push(
      `Chạy thử (--dry-run): khi nhập sẽ thêm ${json.good} câu hỏi (${statusLabel}) vào ngân hàng “${name}”.` +
        `${missingBank} Chưa ghi gì vào cơ sở dữ liệu.`,
    );
  } else {
    lines.push(
      `${translate("questionImport.applied", { imported: json.imported, skipped: json.bad })} ` +
        `Ngân hàng “${name}” tại ${where}; trạng thái: ${statusLabel}.`,
    );
  }
  return { exitCode, json, lines };
}

class CheckDone extends Error {
  constructor(readonly report: QuestionImportReport) {
    super("check done");
  }
}

/**
 * The check of a file against a bank that does not exist yet: the bank is created inside a
 * transaction that is always rolled back, so a dry run or a rejected file leaves no bank
 * behind. The dry run of importQuestions only reads (bank, topics, stems), which the
 * transaction client serves as the client would.
 */
async function checkForNewBank(
  db: Db,
  node: Node,
  name: string,
  upload: { name: string; bytes: Uint8Array },
  options: { status: "DRAFT" | "APPROVED"; createTopics: boolean; system: boolean },
): Promise<QuestionImportReport> {
  try {
    await db.$transaction(
      async (tx) => {
        const bank = await tx.questionBank.create({ data: { orgNodeId: node.id, name }, select: { id: true } });
        const report = await importQuestions(tx as unknown as Db, null, SYSTEM_ACTOR, bank.id, upload, {
          ...options,
          dryRun: true,
        });
        throw new CheckDone(report);
      },
      { timeout: 120_000, maxWait: 30_000 },
    );
  } catch (error) {
    if (error instanceof CheckDone) return error.report;
    throw error;
  }
  throw new Error("checkForNewBank: the transaction was not rolled back");
}

/**
 * As the web form creates banks, audited without an actor. Null if someone created a bank of
 * that name since the check (the caller then imports into that one).
 */
async function createBankAsSystem(db: Db, node: Node, name: string): Promise<string | null> {
  let bankId: string;
  try {
    bankId = (await db.questionBank.create({ data: { orgNodeId: node.id, name }, select: { id: true } })).id;
  } catch (error) {
    if (isUniqueViolation(error)) return null;
    throw error;
  }
  await audit(db, null, {
    actorId: null,
    action: "bank.created",
    targetType: "QuestionBank",
    targetId: bankId,
    orgNodeId: node.id,
    details: { name, via: "cli" },
  });
  return bankId;
}

export interface ExportQuestionsInput {
  node: string;
  bank: string;
  format: ExportFormat;
  out: string;
}

/**
 * `questions:export`: a bank's questions (drafts, in review and approved; not retired) in one
 * of the import formats, as the web download gives them.
 */
export async function exportQuestionFile(db: Db, input: ExportQuestionsInput): Promise<CommandResult> {
  const out = path.resolve(input.out);
  const rejected = (error: OptionError | { code: "FILE_NOT_WRITABLE"; message: string }): CommandResult => ({
    exitCode: EXIT.INVALID,
    json: { ok: false, file: out, format: input.format, count: 0, skipped: 0, error },
    lines: ["option" in error ? `${error.option}: ${error.message}` : error.message, "Chưa ghi tệp nào."],
  });

  const name = bankName(input.bank);
  if (isOptionError(name)) return rejected(name);
  const node = await findNode(db, input.node);
  if (isOptionError(node)) return rejected(node);
  const bank = await db.questionBank.findUnique({
    where: { orgNodeId_name: { orgNodeId: node.id, name } },
    select: { id: true, name: true },
  });
  if (!bank) {
    const banks = await db.questionBank.findMany({
      where: { orgNodeId: node.id },
      orderBy: { name: "asc" },
      select: { name: true },
    });
    const known =
      banks.length === 0
        ? "Đơn vị này chưa có ngân hàng câu hỏi nào."
        : `Các ngân hàng của đơn vị: ${banks.map((known) => `“${known.name}”`).join(", ")}.`;
    return rejected({
      option: "--bank",
      code: "BANK_NOT_FOUND",
      message: `Đơn vị ${node.code} không có ngân hàng câu hỏi “${name}”. ${known}`,
    });
  }

  const drafts = await bankDrafts(db, bank.id);
  const baseName =
    foldDiacritics(bank.name)
      .replace(/[^A-Za-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .toLowerCase() || "ngan-hang";
  const exported = await exportQuestions(drafts, input.format, baseName);
  try {
    await writeFile(out, exported.bytes);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "thư mục không tồn tại" : "không ghi được";
    return rejected({ code: "FILE_NOT_WRITABLE", message: `Không ghi được tệp ${input.out}: ${reason}.` });
  }

  const count = drafts.length - exported.skipped;
  const lines = [
    `Đã xuất ${count} câu hỏi của ngân hàng “${bank.name}” (${node.code} — ${node.name}) ra tệp ${input.out} ` +
      `(${FORMAT_LABELS[input.format]}).`,
  ];
  if (exported.skipped > 0) {
    lines.push(
      `${exported.skipped} câu không xuất được: định dạng Aiken chỉ ghi được câu một đáp án (tối đa 8 phương án).`,
    );
  }
  // The import recognises a file by its extension; warn when this one would not be read back as written.
  const extension = exported.fileName.slice(baseName.length + 1);
  if (count > 0 && detectFormat(path.basename(out), exported.bytes) !== input.format) {
    lines.push(`Lưu ý: để nhập lại tệp này, hãy đặt tên tệp có đuôi .${extension}.`);
  }
  return {
    exitCode: EXIT.OK,
    json: { ok: true, file: out, format: input.format, count, skipped: exported.skipped },
    lines,
  };
}
