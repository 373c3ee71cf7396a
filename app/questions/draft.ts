import { z } from "zod";

/**
 * A question as it travels between import formats, forms and the bank: the content of one
 * version, without bank, status or authorship. Every importer produces these; every
 * exporter consumes them. Validation messages are i18n keys (errors.question.*).
 */
export const QUESTION_TYPES = ["SINGLE_CHOICE", "MULTIPLE_CHOICE", "TRUE_FALSE"] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];
export const DIFFICULTIES = ["EASY", "MEDIUM", "HARD"] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];

export const MIN_OPTIONS = 2;
export const MAX_OPTIONS = 8;
/** The two options of a true/false question, in this order. */
export const TRUE_FALSE_OPTIONS = ["Đúng", "Sai"] as const;

export interface QuestionOption {
  /** Plain text (no HTML). */
  text: string;
  correct: boolean;
}

export interface LegalCitation {
  /** e.g. "Luật Trật tự, an toàn giao thông đường bộ" */
  document: string;
  /** e.g. "36/2024/QH15" */
  number: string | null;
  /** e.g. "Điều 9" */
  article: string | null;
  /** e.g. "khoản 2" */
  clause: string | null;
}

export interface QuestionDraft {
  type: QuestionType;
  /** Sanitised HTML (see sanitizeStem); plain-text formats are escaped into it. */
  stem: string;
  options: QuestionOption[];
  explanation: string | null;
  citation: LegalCitation | null;
  /** Topic names as written in the file; the bank maps them to its topics. */
  topics: string[];
  difficulty: Difficulty;
  /** A name or id the source format carried (Moodle question name, GIFT title), for round trips. */
  externalId: string | null;
}

/** One question (or what should have been one) read from a file, with where it started. */
export interface ParsedItem {
  /** 1-based line (text formats) or row (spreadsheets) where the item starts. */
  line: number;
  draft: QuestionDraft | null;
  errors: ItemError[];
}

export interface ItemError {
  code: ItemErrorCode;
  /** i18n key */
  message: string;
  params?: Record<string, string>;
}

export type ItemErrorCode =
  | "STEM_MISSING"
  | "TOO_FEW_OPTIONS"
  | "TOO_MANY_OPTIONS"
  | "KEY_MISSING"
  | "KEY_NOT_AN_OPTION"
  | "SINGLE_CHOICE_MANY_KEYS"
  | "TYPE_INVALID"
  | "DIFFICULTY_INVALID"
  | "UNSUPPORTED_TYPE"
  | "SYNTAX"
  | "TOPIC_UNKNOWN"
  | "DUPLICATE_IN_FILE"
  | "DUPLICATE_IN_BANK"
  | "TOO_LONG";

export type ParseResult =
  | { ok: true; items: ParsedItem[] }
  | {
      ok: false;
      code: "TOO_LARGE" | "UNSUPPORTED_TYPE" | "UNREADABLE" | "EMPTY" | "MALFORMED" | "MISSING_COLUMNS";
      message: string;
      params?: Record<string, string>;
    };

const optionSchema = z.object({ text: z.string().trim().min(1).max(1000), correct: z.boolean() });

/**
 * The rules every question obeys, whatever its source. Returns the errors (empty when valid);
 * the structural ones are the same for a form, an import row and an API call.
 */
export function validateDraft(draft: QuestionDraft): ItemError[] {
  const errors: ItemError[] = [];
  const plainStem = draft.stem.replace(/<[^>]*>/g, "").trim();
  if (!plainStem) errors.push({ code: "STEM_MISSING", message: "errors.question.stemMissing" });
  if (draft.stem.length > 10_000) errors.push({ code: "TOO_LONG", message: "errors.question.stemTooLong" });
  const options = draft.options.filter((option) => optionSchema.safeParse(option).success);
  if (options.length !== draft.options.length)
    errors.push({ code: "TOO_LONG", message: "errors.question.optionInvalid" });
  if (draft.type === "TRUE_FALSE") {
    const texts = draft.options.map((option) => option.text);
    if (texts.length !== 2 || texts[0] !== TRUE_FALSE_OPTIONS[0] || texts[1] !== TRUE_FALSE_OPTIONS[1]) {
      errors.push({ code: "TYPE_INVALID", message: "errors.question.trueFalseOptions" });
    }
  } else {
    if (draft.options.length < MIN_OPTIONS)
      errors.push({
        code: "TOO_FEW_OPTIONS",
        message: "errors.question.tooFewOptions",
        params: { min: String(MIN_OPTIONS) },
      });
    if (draft.options.length > MAX_OPTIONS)
      errors.push({
        code: "TOO_MANY_OPTIONS",
        message: "errors.question.tooManyOptions",
        params: { max: String(MAX_OPTIONS) },
      });
  }
  const correct = draft.options.filter((option) => option.correct).length;
  if (correct === 0) errors.push({ code: "KEY_MISSING", message: "errors.question.keyMissing" });
  if (correct > 1 && draft.type !== "MULTIPLE_CHOICE")
    errors.push({ code: "SINGLE_CHOICE_MANY_KEYS", message: "errors.question.manyKeys" });
  const texts = draft.options.map((option) => option.text.trim().toLowerCase());
  if (new Set(texts).size !== texts.length)
    errors.push({ code: "DUPLICATE_IN_FILE", message: "errors.question.duplicateOptions" });
  if ((draft.explanation?.length ?? 0) > 5000)
    errors.push({ code: "TOO_LONG", message: "errors.question.explanationTooLong" });
  return errors;
}
