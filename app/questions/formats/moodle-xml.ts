import { XMLParser, XMLValidator } from "fast-xml-parser";
import type { ItemError, ParsedItem, ParseResult, QuestionDraft, QuestionOption } from "../draft";
import { TRUE_FALSE_OPTIONS } from "../draft";
import { stemToText, textToStem } from "../html";
import { sanitizeStem } from "../sanitize.server";
import {
  autoStem,
  CITATION_DOCUMENT_MISSING,
  categoryTopic,
  citationFromLine,
  citationFromParts,
  cleanText,
  difficultyError,
  draftItem,
  emptyDraft,
  lineLocator,
  MAX_TEXT_CHARS,
  parseDifficulty,
  plainStem,
  TOO_LARGE,
  unsupportedItem,
} from "./shared";

/**
 * Moodle XML (https://docs.moodle.org/en/Moodle_XML_format), read the way Moodle's importer
 * reads it (question/format/xml/format.php). We take `multichoice` (single or multiple answer)
 * and `truefalse`; a `category` pseudo-question makes the last segment of its path a topic of
 * the questions after it; every other type is reported with the line of its `<question`.
 *
 * Our own fields: topics are Moodle tags; difficulty is the tag `la-difficulty:EASY` (short
 * enough to survive a trip through Moodle, whose tags hold 50 characters); the citation is an
 * element `<la_citation document="…" number="…" article="…" clause="…"/>`, which Moodle's
 * importer skips because it reads only the elements it knows. A tag `la-citation:doc|no|art|cl`
 * is read too.
 */

type XmlNode = Record<string, unknown>;

const ARRAY_PATHS = new Set(["quiz.question", "quiz.question.answer", "quiz.question.tags.tag"]);
const META = XMLParser.getMetaDataSymbol() as symbol;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  // Numeric references (&#233;) are common in Moodle files; declared entities are refused below.
  htmlEntities: true,
  processEntities: { enabled: true, maxEntityCount: 20, maxEntitySize: 1000, maxExpandedLength: 100_000 },
  captureMetaData: true,
  isArray: (_name, path) => typeof path === "string" && ARRAY_PATHS.has(path),
});

function malformed(detail: string, line?: number): ParseResult {
  return {
    ok: false,
    code: "MALFORMED",
    message: "errors.import.malformedXml",
    params: { detail, ...(line ? { line: String(line) } : {}) },
  };
}

export function parseMoodleXml(input: string): ParseResult {
  if (input.length > MAX_TEXT_CHARS) return TOO_LARGE;
  const text = cleanText(input);
  // Moodle never writes a DTD; one with declarations is how entity-expansion attacks start.
  if (/<!DOCTYPE[^>]*\[|<!ENTITY/i.test(text)) return malformed("DOCTYPE/ENTITY declarations are not accepted");
  const valid = XMLValidator.validate(text);
  if (valid !== true) return malformed(`line ${valid.err.line}: ${valid.err.msg}`, valid.err.line);
  let document: XmlNode;
  try {
    document = parser.parse(text) as XmlNode;
  } catch (error) {
    return malformed(error instanceof Error ? error.message : String(error));
  }
  if (!("quiz" in document)) return malformed("the root element is not <quiz>");
  const quiz = document.quiz;
  const questions = quiz && typeof quiz === "object" ? asNodes((quiz as XmlNode).question) : [];

  const lineAt = lineLocator(text);
  const items: ParsedItem[] = [];
  let category: string | null = null;
  for (const question of questions) {
    const start = (Reflect.get(question, META) as { startIndex?: number } | undefined)?.startIndex ?? 0;
    const line = lineAt(start);
    const type = String(question["@_type"] ?? "").trim();
    if (type === "category") category = categoryTopic(textOf(question.category));
    else if (type === "multichoice" || type === "truefalse") items.push(readQuestion(question, type, line, category));
    else items.push(unsupportedItem(line, type || "?"));
  }
  return { ok: true, items };
}

function asNodes(value: unknown): XmlNode[] {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.filter((entry): entry is XmlNode => typeof entry === "object" && entry !== null);
}

/** The text of an element holding `<text>` (or of a `<text>` itself), "" when absent. */
function textOf(value: unknown): string {
  if (Array.isArray(value)) return textOf(value[0]);
  if (typeof value === "string") return value.trim();
  if (value && typeof value === "object") {
    const node = value as XmlNode;
    if ("text" in node) return textOf(node.text);
    if (typeof node["#text"] === "string") return node["#text"].trim();
  }
  return "";
}

function formatOf(value: unknown, fallback: string): string {
  const node = Array.isArray(value) ? value[0] : value;
  const format = node && typeof node === "object" ? (node as XmlNode)["@_format"] : undefined;
  return typeof format === "string" && format ? format : fallback;
}

function stemOf(text: string, format: string): string {
  if (format === "html") return sanitizeStem(text);
  if (format === "moodle_auto_format") return autoStem(text);
  return plainStem(text);
}

/** Answers and feedback are plain text in our drafts; HTML ones are flattened. */
function plainOf(text: string, format: string): string {
  if (format === "plain_text" || format === "markdown") return text.trim();
  if (format === "moodle_auto_format" && !/<[a-z!/][^>]*>/i.test(text)) return text.trim();
  return stemToText(text);
}

function readQuestion(question: XmlNode, type: "multichoice" | "truefalse", line: number, category: string | null) {
  const errors: ItemError[] = [];
  const stemFormat = formatOf(question.questiontext, "html");
  const draft: QuestionDraft = {
    ...emptyDraft(),
    stem: stemOf(textOf(question.questiontext), stemFormat),
    explanation: plainOf(textOf(question.generalfeedback), formatOf(question.generalfeedback, stemFormat)) || null,
    externalId: textOf(question.name) || null,
    topics: category ? [category] : [],
  };
  readOwnFields(question, draft, errors);

  const answers = asNodes(question.answer).map((answer) => ({
    text: textOf(answer),
    format: formatOf(answer, stemFormat),
    fraction: Number(answer["@_fraction"] ?? 0) || 0,
  }));
  if (type === "truefalse") {
    draft.type = "TRUE_FALSE";
    draft.options = TRUE_FALSE_OPTIONS.map((text, index) => ({
      text,
      correct: (index === 0) === trueIsRight(answers),
    }));
  } else {
    const single = ["true", "1", "yes", "on"].includes(textOf(question.single).toLowerCase() || "true");
    draft.type = single ? "SINGLE_CHOICE" : "MULTIPLE_CHOICE";
    draft.options = answers.map(
      (answer): QuestionOption => ({ text: plainOf(answer.text, answer.format), correct: answer.fraction > 0 }),
    );
  }
  return draftItem(line, draft, errors);
}

/** Moodle matches the answers "true"/"false" by text and falls back to their order (true first). */
function trueIsRight(answers: Array<{ text: string; fraction: number }>): boolean {
  const named = answers.map((answer, index) => ({
    ...answer,
    word: answer.text === "true" || answer.text === "false" ? answer.text : index === 0 ? "true" : "false",
  }));
  const right = named.find((answer) => answer.word === "true");
  if (right) return right.fraction === 100;
  const wrong = named.find((answer) => answer.word === "false");
  return wrong ? wrong.fraction !== 100 : true;
}

function readOwnFields(question: XmlNode, draft: QuestionDraft, errors: ItemError[]): void {
  const tags = question.tags && typeof question.tags === "object" ? (question.tags as XmlNode).tag : undefined;
  for (const tag of asNodes(tags).map(textOf)) {
    const difficulty = /^la-difficulty:(.*)$/i.exec(tag);
    const citation = /^la-citation:(.*)$/i.exec(tag);
    if (difficulty) {
      const value = parseDifficulty(difficulty[1]);
      if (value) draft.difficulty = value;
      else errors.push(difficultyError(difficulty[1].trim()));
    } else if (citation) {
      applyCitation(draft, errors, citationFromLine(citation[1]));
    } else if (tag) {
      draft.topics.push(tag);
    }
  }
  const element = asNodes(question.la_citation)[0];
  if (element) {
    const attribute = (name: string) => {
      const value = element[`@_${name}`];
      return typeof value === "string" ? value : null;
    };
    applyCitation(draft, errors, citationFromParts(["document", "number", "article", "clause"].map(attribute)));
  }
}

function applyCitation(draft: QuestionDraft, errors: ItemError[], citation: ReturnType<typeof citationFromLine>) {
  if (citation === "DOCUMENT_MISSING") errors.push(CITATION_DOCUMENT_MISSING);
  else if (citation) draft.citation = citation;
}

// ——— Writing ———

function xml(text: string): string {
  return (
    text
      // Characters XML 1.0 cannot hold at all.
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, "")
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
  );
}

function cdata(html: string): string {
  return html ? `<![CDATA[${html.replace(/]]>/g, "]]]]><![CDATA[>")}]]>` : "";
}

function fractionOf(weight: number): string {
  return Number.isInteger(weight) ? String(weight) : weight.toFixed(5);
}

export function toMoodleXml(drafts: QuestionDraft[]): string {
  return ['<?xml version="1.0" encoding="UTF-8"?>', "<quiz>", ...drafts.map(writeQuestion), "</quiz>", ""].join("\n");
}

function writeQuestion(draft: QuestionDraft): string {
  const trueFalse = draft.type === "TRUE_FALSE";
  // Moodle needs a name; without our own id it gets the start of the question, as Moodle would.
  const name = draft.externalId ?? stemToText(draft.stem).replace(/\s+/g, " ").slice(0, 80);
  const lines = [
    `  <question type="${trueFalse ? "truefalse" : "multichoice"}">`,
    `    <name><text>${xml(name)}</text></name>`,
    `    <questiontext format="html"><text>${cdata(draft.stem)}</text></questiontext>`,
    `    <generalfeedback format="html"><text>${cdata(draft.explanation ? textToStem(draft.explanation) : "")}</text></generalfeedback>`,
    "    <defaultgrade>1</defaultgrade>",
    `    <penalty>${trueFalse ? "1" : "0.3333333"}</penalty>`,
    "    <hidden>0</hidden>",
  ];
  const answer = (fraction: string, text: string, format: string) =>
    `    <answer fraction="${fraction}" format="${format}"><text>${xml(text)}</text><feedback format="html"><text></text></feedback></answer>`;
  if (trueFalse) {
    const trueRight = draft.options.find((option) => option.correct)?.text === TRUE_FALSE_OPTIONS[0];
    lines.push(answer(trueRight ? "100" : "0", "true", "moodle_auto_format"));
    lines.push(answer(trueRight ? "0" : "100", "false", "moodle_auto_format"));
  } else {
    const multiple = draft.type === "MULTIPLE_CHOICE";
    const right = fractionOf(100 / Math.max(1, draft.options.filter((option) => option.correct).length));
    lines.push(`    <single>${multiple ? "false" : "true"}</single>`);
    lines.push("    <shuffleanswers>true</shuffleanswers>");
    lines.push("    <answernumbering>ABCD</answernumbering>");
    for (const option of draft.options) {
      const fraction = option.correct ? (multiple ? right : "100") : multiple ? "-100" : "0";
      lines.push(answer(fraction, option.text, "plain_text"));
    }
  }
  if (draft.citation) {
    const attributes = (["document", "number", "article", "clause"] as const)
      .filter((key) => draft.citation?.[key])
      .map((key) => ` ${key}="${xml(draft.citation?.[key] ?? "")}"`)
      .join("");
    lines.push(`    <la_citation${attributes}/>`);
  }
  const tags = [...draft.topics, `la-difficulty:${draft.difficulty}`];
  lines.push(`    <tags>${tags.map((tag) => `<tag><text>${xml(tag)}</text></tag>`).join("")}</tags>`);
  lines.push("  </question>");
  return lines.join("\n");
}
