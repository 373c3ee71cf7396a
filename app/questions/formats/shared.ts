import { foldDiacritics } from "~/utils/text";
import {
  type Difficulty,
  type ItemError,
  type LegalCitation,
  type ParsedItem,
  type ParseResult,
  type QuestionDraft,
  validateDraft,
} from "../draft";
import { textToStem } from "../html";
import { sanitizeStem } from "../sanitize.server";

/**
 * What every question format shares: turning a read draft into a checked item, and the small
 * conventions (topics, difficulty words, citations, Moodle category paths) the formats agree on.
 */

/** Text formats are refused above this many characters (the byte limit of uploads, as characters). */
export const MAX_TEXT_CHARS = 5 * 1024 * 1024;

export const TOO_LARGE: ParseResult = {
  ok: false,
  code: "TOO_LARGE",
  message: "errors.import.tooLarge",
  params: { limit: "5 MB" },
};

/** Trimmed, without empties, each topic once (case and accents ignored, as the bank matches them). */
export function normalizeTopics(topics: string[]): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const raw of topics) {
    const topic = raw.replace(/\s+/g, " ").trim();
    const key = foldDiacritics(topic).toLowerCase();
    if (!topic || seen.has(key)) continue;
    seen.add(key);
    result.push(topic);
  }
  return result;
}

/**
 * The item for a draft read from a file: topics normalised, then the structural rules of
 * validateDraft. Errors the reader already found come first; a KEY_MISSING that only repeats a
 * key the reader could not place (KEY_NOT_AN_OPTION) is left out.
 */
export function draftItem(line: number, draft: QuestionDraft, readErrors: ItemError[] = []): ParsedItem {
  const normalized: QuestionDraft = { ...draft, topics: normalizeTopics(draft.topics) };
  const keyUnplaced = readErrors.some((error) => error.code === "KEY_NOT_AN_OPTION");
  const rules = validateDraft(normalized).filter((error) => !(keyUnplaced && error.code === "KEY_MISSING"));
  return { line, draft: normalized, errors: [...readErrors, ...rules] };
}

export function unsupportedItem(line: number, type: string): ParsedItem {
  return {
    line,
    draft: null,
    errors: [{ code: "UNSUPPORTED_TYPE", message: "errors.question.unsupportedType", params: { type } }],
  };
}

export function syntaxItem(line: number, message: string, params?: Record<string, string>): ParsedItem {
  return { line, draft: null, errors: [{ code: "SYNTAX", message, ...(params ? { params } : {}) }] };
}

export function emptyDraft(): QuestionDraft {
  return {
    type: "SINGLE_CHOICE",
    stem: "",
    options: [],
    explanation: null,
    citation: null,
    topics: [],
    difficulty: "MEDIUM",
    externalId: null,
  };
}

/** Plain text (one question's stem as a person typed it) → the stem HTML the bank stores. */
export function plainStem(text: string): string {
  return sanitizeStem(textToStem(text));
}

/** Text that is meant as HTML only when it holds a tag; Moodle's "auto" format works so. */
export function autoStem(text: string): string {
  return /<[a-z!/][^>]*>/i.test(text) ? sanitizeStem(text) : plainStem(text);
}

const DIFFICULTY_WORDS: Record<string, Difficulty> = {
  easy: "EASY",
  de: "EASY",
  medium: "MEDIUM",
  "trung binh": "MEDIUM",
  tb: "MEDIUM",
  hard: "HARD",
  kho: "HARD",
};

/** EASY/MEDIUM/HARD or Dễ/Trung bình/Khó, any case, with or without accents; null when neither. */
export function parseDifficulty(value: string): Difficulty | null {
  const key = foldDiacritics(value)
    .toLowerCase()
    .replace(/[\s_-]+/g, " ")
    .trim();
  return DIFFICULTY_WORDS[key] ?? null;
}

export const DIFFICULTY_LABELS: Record<Difficulty, string> = { EASY: "Dễ", MEDIUM: "Trung bình", HARD: "Khó" };

export function difficultyError(value: string): ItemError {
  return { code: "DIFFICULTY_INVALID", message: "errors.question.difficultyInvalid", params: { value } };
}

/**
 * A citation in one line: `document|number|article|clause`, empty parts allowed after the
 * document. Used by GIFT comments and Moodle tags. A "|" inside a part becomes "/".
 */
export function citationToLine(citation: LegalCitation): string {
  const part = (value: string | null) => (value ?? "").replace(/\|/g, "/").replace(/\s+/g, " ").trim();
  return [citation.document, citation.number, citation.article, citation.clause].map(part).join("|");
}

export function citationFromParts(parts: Array<string | null | undefined>): LegalCitation | "DOCUMENT_MISSING" | null {
  const [document, number, article, clause] = [0, 1, 2, 3].map((index) => parts[index]?.trim() || null);
  if (!document) return number || article || clause ? "DOCUMENT_MISSING" : null;
  return { document, number, article, clause };
}

export function citationFromLine(line: string): LegalCitation | "DOCUMENT_MISSING" | null {
  return citationFromParts(line.split("|"));
}

export const CITATION_DOCUMENT_MISSING: ItemError = {
  code: "SYNTAX",
  message: "errors.question.citationDocumentMissing",
};

/**
 * The topic a Moodle category stands for: its last path segment ("$course$/top/Default for C/Sub"
 * → "Sub"). Moodle writes a "/" inside a name as "//". The context ($course$…) and "top" are
 * containers, not topics.
 */
export function categoryTopic(path: string): string | null {
  const segments = path
    .trim()
    .split(/(?<!\/)\/(?!\/)/)
    .map((segment) => segment.replace(/\/\//g, "/").trim())
    .filter((segment) => segment && !/^\$\w+\$$/.test(segment));
  const last = segments.at(-1);
  return last && last.toLowerCase() !== "top" ? last : null;
}

/** 1-based line of each character offset, for formats parsed as a whole (XML). */
export function lineLocator(text: string): (offset: number) => number {
  const starts = [0];
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === "\n" || (char === "\r" && text[index + 1] !== "\n")) starts.push(index + 1);
  }
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  };
}

/** Text as read from a file: no byte-order mark, composed Unicode (macOS and some keyboards decompose). */
export function cleanText(text: string): string {
  return text.replace(/^\uFEFF/, "").normalize("NFC");
}

export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}
