import { describe, expect, it } from "vitest";
import type { ParsedItem, ParseResult, QuestionDraft } from "../draft";
import { parseAiken, toAiken } from "./aiken";
import { emptyDraft, plainStem } from "./shared";

function itemsOf(result: ParseResult): ParsedItem[] {
  if (!result.ok) throw new Error(`parse failed: ${result.code}`);
  return result.items;
}

const codes = (item: ParsedItem) => item.errors.map((error) => error.code);

describe("parseAiken", () => {
  it("reads Vietnamese questions with A. and A) options, blank lines allowed", () => {
    const text = [
      "Theo Bộ luật Lao động năm 2019, thời giờ làm việc bình thường không quá bao nhiêu giờ trong 01 tuần?",
      "A. 40 giờ",
      "B. 44 giờ",
      "C. 48 giờ",
      "D. 52 giờ",
      "ANSWER: C",
      "",
      "",
      "Câu hỏi viết",
      "trên hai dòng & có ký tự <đặc biệt>?",
      "",
      "A) Đúng vậy",
      "B) Không phải",
      "answer:a",
    ].join("\n");
    const items = itemsOf(parseAiken(text));
    expect(items.map((item) => [item.line, item.errors])).toEqual([
      [1, []],
      [9, []],
    ]);
    expect(items[0].draft).toEqual({
      ...emptyDraft(),
      type: "SINGLE_CHOICE",
      stem: "Theo Bộ luật Lao động năm 2019, thời giờ làm việc bình thường không quá bao nhiêu giờ trong 01 tuần?",
      options: [
        { text: "40 giờ", correct: false },
        { text: "44 giờ", correct: false },
        { text: "48 giờ", correct: true },
        { text: "52 giờ", correct: false },
      ],
    } satisfies QuestionDraft);
    expect(items[1].draft?.stem).toBe("Câu hỏi viết<br />trên hai dòng &amp; có ký tự &lt;đặc biệt&gt;?");
    expect(items[1].draft?.options.map((option) => option.correct)).toEqual([true, false]);
  });

  it("reports a question without ANSWER at its first line and reads the next one", () => {
    const text = [
      "Câu một?",
      "A. x",
      "B. y",
      "Câu hai?",
      "A. x",
      "B. y",
      "ANSWER: B",
      "",
      "Câu ba?",
      "A. x",
      "B. y",
    ].join("\n");
    const items = itemsOf(parseAiken(text));
    expect(items.map((item) => [item.line, codes(item), item.errors[0]?.message ?? null])).toEqual([
      [1, ["SYNTAX"], "errors.question.aikenAnswerMissing"],
      [4, [], null],
      [9, ["SYNTAX"], "errors.question.aikenAnswerMissing"],
    ]);
  });

  it("reports a key letter out of range as KEY_NOT_AN_OPTION, without a second KEY_MISSING", () => {
    const [item] = itemsOf(parseAiken(["Câu hỏi?", "A. x", "B. y", "C. z", "ANSWER: E"].join("\n")));
    expect(item.errors).toEqual([
      { code: "KEY_NOT_AN_OPTION", message: "errors.question.keyNotAnOption", params: { key: "E" } },
    ]);
    expect(item.draft?.options.every((option) => !option.correct)).toBe(true);
  });

  it("reports letters out of order and an unreadable ANSWER line", () => {
    const [skipped, unreadable] = itemsOf(
      parseAiken(["Câu một?", "A. x", "C. y", "ANSWER: A", "", "Câu hai?", "A. x", "B. y", "ANSWER: 1"].join("\n")),
    );
    expect(skipped.errors[0]).toEqual({
      code: "SYNTAX",
      message: "errors.question.optionLetterOrder",
      params: { expected: "B", found: "C" },
    });
    expect(unreadable.errors[0]).toEqual({
      code: "SYNTAX",
      message: "errors.question.answerLineInvalid",
      params: { value: "1" },
    });
  });

  it("checks drafts against the structural rules (one option is too few)", () => {
    const [item] = itemsOf(parseAiken(["Câu hỏi?", "A. Chỉ một", "ANSWER: A"].join("\n")));
    expect(codes(item)).toEqual(["TOO_FEW_OPTIONS"]);
  });

  it("gives no items for an empty file", () => {
    expect(itemsOf(parseAiken("\n\n  \n"))).toEqual([]);
  });
});

describe("toAiken", () => {
  const single: QuestionDraft = {
    ...emptyDraft(),
    stem: plainStem("Người dân có quyền tiếp cận thông tin theo luật nào? (A & B)"),
    options: [
      { text: "Luật Tiếp cận thông tin", correct: true },
      { text: "Luật Báo chí", correct: false },
      { text: "Luật Dân số", correct: false },
    ],
  };
  const multiple: QuestionDraft = { ...single, type: "MULTIPLE_CHOICE" };
  const trueFalse: QuestionDraft = {
    ...single,
    type: "TRUE_FALSE",
    options: [
      { text: "Đúng", correct: true },
      { text: "Sai", correct: false },
    ],
  };

  it("writes single choice only and counts what it skipped", () => {
    const { text, skipped } = toAiken([single, multiple, trueFalse]);
    expect(skipped).toBe(2);
    expect(text).toBe(
      [
        "Người dân có quyền tiếp cận thông tin theo luật nào? (A & B)",
        "A. Luật Tiếp cận thông tin",
        "B. Luật Báo chí",
        "C. Luật Dân số",
        "ANSWER: A",
        "",
      ].join("\n"),
    );
  });

  it("puts a stem of several lines on one line, as Moodle requires", () => {
    const { text } = toAiken([{ ...single, stem: plainStem("Dòng một\nDòng hai") }]);
    expect(text.split("\n")[0]).toBe("Dòng một Dòng hai");
  });

  it("round-trips stem, options and key", () => {
    const second = {
      ...single,
      stem: plainStem("Câu thứ hai?"),
      options: single.options.map((o, i) => ({ ...o, correct: i === 2 })),
    };
    const items = itemsOf(parseAiken(toAiken([single, second]).text));
    expect(items.map((item) => item.errors)).toEqual([[], []]);
    expect(items.map((item) => item.draft)).toEqual([single, second]);
  });
});
