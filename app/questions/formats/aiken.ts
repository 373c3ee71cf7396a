import type { ItemError, ParsedItem, ParseResult, QuestionDraft } from "../draft";
import { MAX_OPTIONS } from "../draft";
import { stemToText } from "../html";
import {
  cleanText,
  draftItem,
  emptyDraft,
  MAX_TEXT_CHARS,
  plainStem,
  splitLines,
  syntaxItem,
  TOO_LARGE,
} from "./shared";

/**
 * The Aiken format (https://docs.moodle.org/en/Aiken_format): single-choice questions only.
 *
 *   Theo Luật ..., câu nào đúng?
 *   A. …
 *   B) …
 *   ANSWER: B
 *
 * A question ends at its ANSWER line. Moodle wants the question on one line; we also accept a
 * question written over several lines (joined with line breaks) and blank lines in between.
 * Aiken has no explanation, topics, difficulty or citation.
 */
const OPTION_LINE = /^([A-Z])[.)][ \t]+(.*)$/;
const ANSWER_LINE = /^ANSWER\s*:(.*)$/i;
const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

interface Pending {
  line: number;
  stem: string[];
  options: Array<{ letter: string; text: string }>;
  errors: ItemError[];
}

export function parseAiken(input: string): ParseResult {
  if (input.length > MAX_TEXT_CHARS) return TOO_LARGE;
  const items: ParsedItem[] = [];
  let pending: Pending | null = null;
  const start = (line: number): Pending => ({ line, stem: [], options: [], errors: [] });

  splitLines(cleanText(input)).forEach((raw, index) => {
    const line = index + 1;
    const text = raw.trim();
    if (text === "") return;
    const option = OPTION_LINE.exec(text);
    const answer = ANSWER_LINE.exec(text);
    if (answer) {
      const question = pending ?? start(line);
      items.push(finish(question, answer[1].trim()));
      pending = null;
    } else if (option) {
      pending ??= start(line);
      const expected = LETTERS[pending.options.length];
      if (option[1] !== expected && pending.errors.length === 0) {
        pending.errors.push({
          code: "SYNTAX",
          message: "errors.question.optionLetterOrder",
          params: { expected, found: option[1] },
        });
      }
      pending.options.push({ letter: option[1], text: option[2].trim() });
    } else {
      // A line of text after the options starts the next question: this one had no ANSWER.
      if (pending && pending.options.length > 0) {
        items.push(missingAnswer(pending));
        pending = null;
      }
      pending ??= start(line);
      pending.stem.push(text);
    }
  });
  if (pending) items.push(missingAnswer(pending));
  return { ok: true, items };
}

function missingAnswer(question: Pending): ParsedItem {
  return syntaxItem(question.line, "errors.question.aikenAnswerMissing");
}

function finish(question: Pending, answer: string): ParsedItem {
  const errors = [...question.errors];
  const key = answer.toUpperCase().replace(/^([A-Z])[.)]$/, "$1");
  const draft: QuestionDraft = {
    ...emptyDraft(),
    type: "SINGLE_CHOICE",
    stem: plainStem(question.stem.join("\n")),
    options: question.options.map((option) => ({ text: option.text, correct: option.letter === key })),
  };
  if (!/^[A-Z]$/.test(key)) {
    errors.push({ code: "SYNTAX", message: "errors.question.answerLineInvalid", params: { value: answer } });
  } else if (!question.options.some((option) => option.letter === key)) {
    errors.push({ code: "KEY_NOT_AN_OPTION", message: "errors.question.keyNotAnOption", params: { key } });
  }
  return draftItem(question.line, draft, errors);
}

/**
 * Single-choice drafts as Aiken, the question on one line as Moodle requires. Other types
 * cannot be written and are counted in `skipped`; so are drafts with more than 8 options.
 */
export function toAiken(drafts: QuestionDraft[]): { text: string; skipped: number } {
  const oneLine = (text: string) => text.replace(/\s+/g, " ").trim();
  const blocks: string[] = [];
  let skipped = 0;
  for (const draft of drafts) {
    const key = draft.options.findIndex((option) => option.correct);
    if (draft.type !== "SINGLE_CHOICE" || key === -1 || draft.options.length > MAX_OPTIONS) {
      skipped++;
      continue;
    }
    blocks.push(
      [
        oneLine(stemToText(draft.stem)),
        ...draft.options.map((option, index) => `${LETTERS[index]}. ${oneLine(option.text)}`),
        `ANSWER: ${LETTERS[key]}`,
      ].join("\n"),
    );
  }
  return { text: blocks.length > 0 ? `${blocks.join("\n\n")}\n` : "", skipped };
}
