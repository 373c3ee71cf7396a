import type { DbOrTx } from "~/db/client.server";
import type { QuestionStatus } from "~/generated/prisma/enums";
import type { QuestionDraft } from "./draft";
import { toAiken, toGift, toMoodleXml, toQuestionSheet } from "./formats";
import { draftOfVersion } from "./questions.server";

export const EXPORT_FORMATS = ["xlsx", "csv", "moodle-xml", "gift", "aiken"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const FILE_TYPES: Record<ExportFormat, { extension: string; contentType: string }> = {
  xlsx: { extension: "xlsx", contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
  csv: { extension: "csv", contentType: "text/csv; charset=utf-8" },
  "moodle-xml": { extension: "xml", contentType: "application/xml; charset=utf-8" },
  gift: { extension: "gift.txt", contentType: "text/plain; charset=utf-8" },
  aiken: { extension: "aiken.txt", contentType: "text/plain; charset=utf-8" },
};

/** The latest version of each question of a bank (retired ones only when asked), oldest first. */
export async function bankDrafts(
  db: DbOrTx,
  bankId: string,
  options: { statuses?: QuestionStatus[] } = {},
): Promise<QuestionDraft[]> {
  const questions = await db.question.findMany({
    where: { bankId, status: { in: options.statuses ?? ["DRAFT", "IN_REVIEW", "APPROVED"] } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { externalId: true, latestVersion: true },
  });
  return questions.flatMap((question) =>
    question.latestVersion ? [draftOfVersion(question.latestVersion, question.externalId)] : [],
  );
}

export async function exportQuestions(
  drafts: QuestionDraft[],
  format: ExportFormat,
  baseName: string,
): Promise<{ bytes: Uint8Array; fileName: string; contentType: string; skipped: number }> {
  const { extension, contentType } = FILE_TYPES[format];
  let bytes: Uint8Array;
  let skipped = 0;
  switch (format) {
    case "xlsx":
    case "csv":
      bytes = new Uint8Array(await toQuestionSheet(drafts, format));
      break;
    case "moodle-xml":
      bytes = new TextEncoder().encode(toMoodleXml(drafts));
      break;
    case "gift":
      bytes = new TextEncoder().encode(toGift(drafts));
      break;
    case "aiken": {
      const aiken = toAiken(drafts);
      bytes = new TextEncoder().encode(aiken.text);
      skipped = aiken.skipped;
      break;
    }
  }
  return { bytes, fileName: `${baseName}.${extension}`, contentType, skipped };
}
