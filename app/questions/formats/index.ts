import { MAX_IMPORT_BYTES } from "~/imports/spreadsheet.server";
import type { ParseResult } from "../draft";
import { parseAiken } from "./aiken";
import { parseGift } from "./gift";
import { parseMoodleXml } from "./moodle-xml";
import { parseQuestionSheet } from "./spreadsheet.server";

/**
 * One entry for every question file an organizer uploads: which format it is, and its items.
 * Server only (spreadsheets go through exceljs). Every item's draft has already been checked
 * with validateDraft by its format's reader.
 */
export type QuestionFileFormat = "xlsx" | "csv" | "moodle-xml" | "gift" | "aiken";

export { toAiken } from "./aiken";
export { toGift } from "./gift";
export { toMoodleXml } from "./moodle-xml";
export { questionTemplate, toQuestionSheet } from "./spreadsheet.server";

/** By extension; a .txt is GIFT or Aiken by what it holds. Null for anything else. */
export function detectFormat(fileName: string, bytes: Uint8Array): QuestionFileFormat | null {
  const extension = fileName.toLowerCase().split(".").pop() ?? "";
  if (extension === "xlsx") return "xlsx";
  if (extension === "csv") return "csv";
  if (extension === "xml") return "moodle-xml";
  if (extension === "gift") return "gift";
  if (extension !== "txt") return null;
  return looksLikeAiken(decodeText(bytes, false) ?? "") ? "aiken" : "gift";
}

/**
 * Aiken when it has ANSWER: lines and option lines, and fewer GIFT answer blocks than ANSWER
 * lines (a GIFT question may mention "ANSWER:" in its text, but then has braces too).
 */
function looksLikeAiken(text: string): boolean {
  const lines = text.split(/\r\n|\r|\n/).map((line) => line.trim());
  const answers = lines.filter((line) => /^ANSWER\s*:/i.test(line)).length;
  const options = lines.filter((line) => /^[A-Z][.)][ \t]/.test(line)).length;
  const braces = lines.filter((line) => !line.startsWith("//") && /(^|[^\\])\{/.test(line)).length;
  return braces === 0 ? answers > 0 || options > 0 : answers > braces;
}

/** UTF-8 (with or without BOM), or UTF-16 when the file starts with its BOM (Notepad's "Unicode"). */
function decodeText(bytes: Uint8Array, fatal: boolean): string | null {
  let encoding = "utf-8";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) encoding = "utf-16le";
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) encoding = "utf-16be";
  try {
    return new TextDecoder(encoding, { fatal }).decode(bytes);
  } catch {
    return null;
  }
}

export async function parseQuestionFile(file: { name: string; bytes: Uint8Array }): Promise<ParseResult> {
  if (file.bytes.byteLength > MAX_IMPORT_BYTES) {
    return { ok: false, code: "TOO_LARGE", message: "errors.import.tooLarge", params: { limit: "5 MB" } };
  }
  const format = detectFormat(file.name, file.bytes);
  if (!format) return { ok: false, code: "UNSUPPORTED_TYPE", message: "errors.import.unsupportedQuestionFormat" };
  let result: ParseResult;
  if (format === "xlsx" || format === "csv") {
    result = await parseQuestionSheet(file);
  } else {
    const text = decodeText(file.bytes, true);
    if (text === null) return { ok: false, code: "UNREADABLE", message: "errors.import.notUtf8" };
    result = format === "moodle-xml" ? parseMoodleXml(text) : format === "gift" ? parseGift(text) : parseAiken(text);
  }
  if (result.ok && result.items.length === 0) return { ok: false, code: "EMPTY", message: "errors.import.empty" };
  return result;
}
