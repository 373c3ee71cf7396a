import { audit } from "~/audit/audit.server";
import type { CurrentUser } from "~/auth/guards.server";
import type { Db } from "~/db/client.server";
import { loadBankFor, topicKey } from "./banks.server";
import { insertQuestionDrafts } from "./bulk-insert.server";
import type { ItemError, QuestionDraft } from "./draft";
import { detectFormat, parseQuestionFile } from "./formats";
import { sanitizeStem } from "./sanitize.server";
import { stemKeyOf } from "./text";

/**
 * Imports questions from any supported file into a bank in two steps: a check that reports
 * every bad item with its line and reason, then (if the organizer goes on) one transaction that
 * writes every good item — or nothing at all if anything fails.
 */
export interface QuestionImportOptions {
  dryRun: boolean;
  /** Imported questions start approved (an existing, reviewed bank) or as drafts. */
  status: "DRAFT" | "APPROVED";
  /** Create topics the bank does not have yet; otherwise they are reported as unknown. */
  createTopics: boolean;
  /** Run by the operator's CLI: audited without an actor. */
  system?: boolean;
}

export interface QuestionImportReport {
  ok: boolean;
  fileError?: { code: string; message: string; params?: Record<string, string> };
  format: string | null;
  total: number;
  good: number;
  errors: Array<{ line: number } & ItemError>;
  imported: number;
}

export async function importQuestions(
  db: Db,
  request: Request | null,
  user: CurrentUser,
  bankId: string,
  file: { name: string; bytes: Uint8Array },
  options: QuestionImportOptions,
): Promise<QuestionImportReport> {
  const loaded = await loadBankFor(db, user, bankId);
  if (!loaded || loaded.access !== "write")
    throw new Error("importQuestions: the caller must check write access first");
  const parsed = await parseQuestionFile(file);
  if (!parsed.ok) {
    return {
      ok: false,
      fileError: { code: parsed.code, message: parsed.message, params: parsed.params },
      format: null,
      total: 0,
      good: 0,
      errors: [],
      imported: 0,
    };
  }

  const [topics, existing] = await Promise.all([
    db.topic.findMany({ where: { bankId }, select: { nameKey: true } }),
    db.question.findMany({ where: { bankId, status: { not: "RETIRED" } }, select: { stemKey: true } }),
  ]);
  const knownTopics = new Set(topics.map((topic) => topic.nameKey));
  const bankStems = new Set(existing.map((question) => question.stemKey));
  const fileStems = new Map<string, number>();

  const errors: QuestionImportReport["errors"] = [];
  const good: Array<{ line: number; draft: QuestionDraft }> = [];
  for (const item of parsed.items) {
    const itemErrors: ItemError[] = [...item.errors];
    if (item.draft && itemErrors.length === 0) {
      const draft = { ...item.draft, stem: sanitizeStem(item.draft.stem) };
      const stemKey = stemKeyOf(draft.stem);
      const unknown = options.createTopics ? [] : draft.topics.filter((topic) => !knownTopics.has(topicKey(topic)));
      if (unknown.length > 0) {
        itemErrors.push({
          code: "TOPIC_UNKNOWN",
          message: "errors.question.topicUnknown",
          params: { topics: unknown.join(", ") },
        });
      }
      const firstLine = fileStems.get(stemKey);
      if (firstLine !== undefined) {
        itemErrors.push({
          code: "DUPLICATE_IN_FILE",
          message: "errors.question.duplicateInFile",
          params: { line: String(firstLine) },
        });
      } else {
        fileStems.set(stemKey, item.line);
        if (bankStems.has(stemKey))
          itemErrors.push({ code: "DUPLICATE_IN_BANK", message: "errors.question.duplicateInBank" });
      }
      if (itemErrors.length === 0) good.push({ line: item.line, draft });
    }
    for (const error of itemErrors) errors.push({ line: item.line, ...error });
  }

  const report: QuestionImportReport = {
    ok: errors.length === 0,
    format: detectFormat(file.name, file.bytes),
    total: parsed.items.length,
    good: good.length,
    errors,
    imported: 0,
  };
  if (options.dryRun || good.length === 0) return report;

  await insertQuestionDrafts(
    db,
    bankId,
    good.map((item) => item.draft),
    { status: options.status, authorId: options.system ? null : user.id },
  );
  await audit(db, request, {
    actorId: options.system ? null : user.id,
    action: "question.imported",
    targetType: "QuestionBank",
    targetId: bankId,
    orgNodeId: loaded.bank.orgNodeId,
    details: { file: file.name.slice(0, 200), format: report.format, imported: good.length, skipped: errors.length },
  });
  return { ...report, imported: good.length };
}
