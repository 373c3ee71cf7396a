import type { ItemError, ParsedItem, ParseResult, QuestionDraft, QuestionOption } from "../draft";
import { TRUE_FALSE_OPTIONS } from "../draft";
import { stemToText } from "../html";
import { sanitizeStem } from "../sanitize.server";
import {
  autoStem,
  CITATION_DOCUMENT_MISSING,
  categoryTopic,
  citationFromLine,
  citationToLine,
  cleanText,
  difficultyError,
  draftItem,
  emptyDraft,
  MAX_TEXT_CHARS,
  parseDifficulty,
  plainStem,
  splitLines,
  syntaxItem,
  TOO_LARGE,
  unsupportedItem,
} from "./shared";

/**
 * Moodle's GIFT format (https://docs.moodle.org/en/GIFT_format), read the way Moodle's own
 * importer reads it (question/format/gift/format.php): questions are separated by blank lines,
 * lines starting with // are comments, `::name::` names a question, the first {…} holds the
 * answers. We take single choice (`=` right, `~` wrong), multiple choice (`~%50%` weights, no
 * `=`) and true/false; every other type is reported with its line.
 *
 * Our own fields travel in comments directly above a question, which Moodle ignores:
 *   // la:topics=Giao thông;Lao động
 *   // la:difficulty=EASY
 *   // la:citation=<document>|<number>|<article>|<clause>
 */

type TextFormat = "html" | "plain" | "markdown" | "moodle" | "auto";

// Escaped characters are swapped for private-use characters while the structure is read.
const ESCAPES: Record<string, string> = {
  "\\": "\uE000",
  ":": "\uE001",
  "#": "\uE002",
  "=": "\uE003",
  "{": "\uE004",
  "}": "\uE005",
  "~": "\uE006",
  n: "\uE007",
};
const UNESCAPED: Record<string, string> = Object.fromEntries(
  Object.entries(ESCAPES).map(([char, placeholder]) => [placeholder, char === "n" ? "\n" : char]),
);

function protect(text: string): string {
  return text.replace(/\\([\\:#={}~n])/g, (_, char: string) => ESCAPES[char]);
}

function restore(text: string): string {
  return text.replace(/[\uE000-\uE007]/g, (placeholder) => UNESCAPED[placeholder]);
}

interface Metadata {
  topics: string[];
  difficulty: QuestionDraft["difficulty"];
  citation: QuestionDraft["citation"];
  errors: ItemError[];
}

export function parseGift(input: string): ParseResult {
  if (input.length > MAX_TEXT_CHARS) return TOO_LARGE;
  const items: ParsedItem[] = [];
  let categoryTopicName: string | null = null;
  let block: Array<{ text: string; line: number }> = [];
  const flush = () => {
    const read = readBlock(block, categoryTopicName);
    if (read.category !== undefined) categoryTopicName = read.category;
    if (read.item) items.push(read.item);
    block = [];
  };
  splitLines(cleanText(input)).forEach((text, index) => {
    if (text.trim() === "") flush();
    else block.push({ text: text.trim(), line: index + 1 });
  });
  flush();
  return { ok: true, items };
}

function readBlock(
  block: Array<{ text: string; line: number }>,
  categoryTopicName: string | null,
): { item?: ParsedItem; category?: string | null } {
  const metadata: Metadata = { topics: [], difficulty: "MEDIUM", citation: null, errors: [] };
  const body = block.filter((entry) => {
    if (!entry.text.startsWith("//")) return true;
    readMetadata(entry.text, metadata);
    return false;
  });
  if (body.length === 0) return {};
  const line = body[0].line;
  const text = protect(body.map((entry) => entry.text).join("\n")).trim();
  if (text.startsWith("$CATEGORY:")) return { category: categoryTopic(restore(text.slice("$CATEGORY:".length))) };

  const parts = splitQuestion(text);
  if (parts === "BRACES") return { item: syntaxItem(line, "errors.question.giftBraces") };
  if (parts.answers === null) return { item: unsupportedItem(line, "description") };
  const unsupported = unsupportedKind(parts.answers);
  if (unsupported) return { item: unsupportedItem(line, unsupported) };

  const stem = withFormat(parts.stem, "auto");
  const draft: QuestionDraft = {
    ...emptyDraft(),
    stem: stemHtml(stem.format, restore(stem.text)),
    explanation: parts.feedback === null ? null : explanationText(parts.feedback, stem.format),
    citation: metadata.citation,
    topics: [...(categoryTopicName ? [categoryTopicName] : []), ...metadata.topics],
    difficulty: metadata.difficulty,
    externalId: parts.name,
  };
  const trueFalse = trueFalseAnswer(parts.answers);
  if (trueFalse !== null) {
    draft.type = "TRUE_FALSE";
    draft.options = TRUE_FALSE_OPTIONS.map((text, index) => ({ text, correct: (index === 0) === trueFalse }));
  } else {
    const choice = readChoices(parts.answers, stem.format);
    draft.type = choice.multiple ? "MULTIPLE_CHOICE" : "SINGLE_CHOICE";
    draft.options = choice.options;
  }
  return { item: draftItem(line, draft, metadata.errors) };
}

interface QuestionParts {
  name: string | null;
  /** Still escaped (placeholders), with its [format] prefix if any. */
  stem: string;
  /** The part between the braces without the general feedback; null when there are no braces. */
  answers: string | null;
  feedback: string | null;
}

/** `::name:: stem {answers####feedback}`, split as Moodle does: the first { and the first }. */
function splitQuestion(protectedText: string): QuestionParts | "BRACES" {
  let text = protectedText;
  let name: string | null = null;
  if (text.startsWith("::")) {
    const end = text.indexOf("::", 2);
    if (end === -1) text = text.slice(2);
    else {
      name = restore(text.slice(2, end)).trim() || null;
      text = text.slice(end + 2).trim();
    }
  }
  const open = text.indexOf("{");
  const close = text.indexOf("}");
  if (open === -1 && close === -1) return { name, stem: text, answers: null, feedback: null };
  if (open === -1 || close < open || text.slice(open + 1, close).includes("{") || /[{}]/.test(text.slice(close + 1))) {
    return "BRACES";
  }
  // Text after the answers makes a "missing word" question, except the stray `";` some files carry.
  const after = text.slice(close + 1);
  const stem = (/^["';\s]*$/.test(after) ? text.slice(0, open) : `${text.slice(0, open)}_____${after}`).trim();
  const answers = text.slice(open + 1, close).trim();
  const feedbackAt = answers.lastIndexOf("####");
  if (feedbackAt === -1) return { name, stem, answers, feedback: null };
  return { name, stem, answers: answers.slice(0, feedbackAt).trim(), feedback: answers.slice(feedbackAt + 4).trim() };
}

function readMetadata(comment: string, metadata: Metadata): void {
  const match = /^\/\/\s*la:(topics|difficulty|citation)\s*=(.*)$/i.exec(comment);
  if (!match) return;
  const value = match[2].trim();
  switch (match[1].toLowerCase()) {
    case "topics":
      metadata.topics.push(...value.split(";"));
      break;
    case "difficulty": {
      const difficulty = parseDifficulty(value);
      if (difficulty) metadata.difficulty = difficulty;
      else metadata.errors.push(difficultyError(value));
      break;
    }
    case "citation": {
      const citation = citationFromLine(value);
      if (citation === "DOCUMENT_MISSING") metadata.errors.push(CITATION_DOCUMENT_MISSING);
      else metadata.citation = citation;
      break;
    }
  }
}

/** Moodle's type decision for the answer part (general feedback already removed); null = a choice or true/false. */
function unsupportedKind(answers: string): string | null {
  if (answers === "") return "essay";
  if (answers.startsWith("#")) return "numerical";
  if (answers.includes("~")) return null;
  if (answers.includes("=") && answers.includes("->")) return "matching";
  if (trueFalseAnswer(answers) !== null) return null;
  return "shortanswer";
}

/** true/false for {T}, {TRUE}, {F}, {FALSE} (any case, feedback after #); null otherwise. */
function trueFalseAnswer(answers: string): boolean | null {
  if (answers.includes("~")) return null;
  const word = answers.split("#", 1)[0].trim().toUpperCase();
  if (word === "T" || word === "TRUE") return true;
  if (word === "F" || word === "FALSE") return false;
  return null;
}

/**
 * `=` marks the right answer of a single-choice question. Without any `=`, Moodle makes a
 * multiple-response question whose right answers are those with a positive `%weight%`.
 * Per-answer feedback (after #) is dropped.
 */
function readChoices(answers: string, format: TextFormat): { multiple: boolean; options: QuestionOption[] } {
  const multiple = !answers.includes("=");
  const parts = answers.replace(/=/g, "~=").split("~");
  if (parts[0].trim() === "") parts.shift();
  const options = parts.map((part) => {
    let answer = part.trim();
    let weight = 0;
    if (answer.startsWith("=")) {
      weight = 100;
      answer = answer.slice(1);
    } else {
      const weighted = /^%(-?\d+(?:\.\d*)?)%/.exec(answer);
      if (weighted) {
        weight = Number(weighted[1]);
        answer = answer.slice(weighted[0].length);
      }
    }
    const text = withFormat(answer.split("#", 1)[0].trim(), format);
    return { text: optionText(text.format, restore(text.text)), correct: weight > 0 };
  });
  return { multiple, options };
}

function withFormat(raw: string, inherited: TextFormat): { format: TextFormat; text: string } {
  const match = /^\[(html|plain|markdown|moodle)\]/.exec(raw);
  return match
    ? { format: match[1] as TextFormat, text: raw.slice(match[0].length).trim() }
    : { format: inherited, text: raw };
}

function hasMarkup(text: string): boolean {
  return /<[a-z!/][^>]*>/i.test(text);
}

function stemHtml(format: TextFormat, text: string): string {
  if (format === "html") return sanitizeStem(text);
  if (format === "moodle" || format === "auto") return autoStem(text);
  return plainStem(text);
}

function optionText(format: TextFormat, text: string): string {
  const html = format === "html" || ((format === "moodle" || format === "auto") && hasMarkup(text));
  return (html ? stemToText(text) : text).trim();
}

function explanationText(raw: string, inherited: TextFormat): string | null {
  const feedback = withFormat(raw, inherited);
  return optionText(feedback.format, restore(feedback.text)) || null;
}

// ——— Writing ———

/** GIFT's reserved characters escaped, line breaks as \n (Moodle's repchar). */
function escapeGift(text: string): string {
  return text
    .replace(/[\\#=~{}:]/g, (char) => `\\${char}`)
    .replace(/\r/g, "")
    .replace(/\n/g, "\\n");
}

/** Text inside an [html] question: only what HTML needs escaped (named, so # stays out of the way). */
function htmlText(text: string): string {
  return text.trim().replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\r?\n/g, "<br>");
}

function metadataValue(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** Weights of the right answers of a multiple-response question, as Moodle's grade list writes them. */
function weightOf(rightCount: number): string {
  const weight = 100 / rightCount;
  return Number.isInteger(weight) ? String(weight) : weight.toFixed(5);
}

export function toGift(drafts: QuestionDraft[]): string {
  return `${drafts.map(writeQuestion).join("\n\n")}\n`;
}

function writeQuestion(draft: QuestionDraft): string {
  const lines: string[] = [];
  const topics = draft.topics.map((topic) => metadataValue(topic).replace(/;/g, ",")).filter(Boolean);
  if (topics.length > 0) lines.push(`// la:topics=${topics.join(";")}`);
  lines.push(`// la:difficulty=${draft.difficulty}`);
  if (draft.citation) lines.push(`// la:citation=${metadataValue(citationToLine(draft.citation))}`);

  // Plain text where it reads as such; HTML (with options and explanation escaped) otherwise.
  const stemText = stemToText(draft.stem);
  const texts = [stemText, ...draft.options.map((option) => option.text), draft.explanation ?? ""];
  const html = hasMarkup(draft.stem) || texts.some((text) => /[<>&]/.test(text));
  const stem = html ? `[html]${escapeGift(draft.stem)}` : escapeGift(stemText);
  const plain = (text: string) => escapeGift(html ? htmlText(text) : text.trim());
  const explanation = draft.explanation?.trim() ? `####${plain(draft.explanation)}` : "";
  const name = draft.externalId ? `::${escapeGift(draft.externalId)}::` : "";

  if (draft.type === "TRUE_FALSE") {
    const right = draft.options.find((option) => option.correct)?.text === TRUE_FALSE_OPTIONS[0];
    lines.push(`${name}${stem}{${right ? "TRUE" : "FALSE"}${explanation}}`);
    return lines.join("\n");
  }
  lines.push(`${name}${stem}{`);
  const weight = weightOf(draft.options.filter((option) => option.correct).length || 1);
  for (const option of draft.options) {
    const mark =
      draft.type === "MULTIPLE_CHOICE" ? (option.correct ? `~%${weight}%` : "~%-100%") : option.correct ? "=" : "~";
    lines.push(`\t${mark}${plain(option.text)}`);
  }
  if (explanation) lines.push(`\t${explanation}`);
  lines.push("}");
  return lines.join("\n");
}
