import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { corpusFile } from "../../../tests/support/corpus";
import type { ParsedItem, ParseResult, QuestionDraft } from "../draft";
import { parseGift, toGift } from "./gift";
import { plainStem } from "./shared";

const CORPUS = corpusFile("questions.gift.txt");

function itemsOf(result: ParseResult): ParsedItem[] {
  if (!result.ok) throw new Error(`parse failed: ${result.code}`);
  return result.items;
}

const codes = (item: ParsedItem) => item.errors.map((error) => error.code);

describe("parseGift on Moodle's own fixture", () => {
  const items = itemsOf(parseGift(readFileSync(CORPUS, "utf8")));

  it("reports every question it does not take, with its line and type", () => {
    const unsupported = items
      .filter((item) => item.draft === null)
      .map((item) => ({ line: item.line, codes: codes(item), type: item.errors[0].params?.type }));
    expect(unsupported).toEqual([
      { line: 2, codes: ["UNSUPPORTED_TYPE"], type: "essay" },
      { line: 5, codes: ["UNSUPPORTED_TYPE"], type: "matching" },
      { line: 31, codes: ["UNSUPPORTED_TYPE"], type: "numerical" },
      { line: 34, codes: ["UNSUPPORTED_TYPE"], type: "shortanswer" },
    ]);
    expect(items.find((item) => item.line === 2)?.errors[0].message).toBe("errors.question.unsupportedType");
  });

  it("takes single choice, multiple choice and the three true/false spellings", () => {
    const taken = items
      .filter((item) => item.draft !== null)
      .map((item) => ({
        line: item.line,
        errors: item.errors,
        type: item.draft?.type,
        externalId: item.draft?.externalId,
        options: item.draft?.options.map((option) => `${option.correct ? "*" : ""}${option.text}`),
      }));
    expect(taken).toEqual([
      {
        line: 14,
        errors: [],
        type: "SINGLE_CHOICE",
        externalId: "Q2",
        options: ["*yellow", "red", "blue"],
      },
      {
        line: 22,
        errors: [],
        type: "MULTIPLE_CHOICE",
        externalId: "colours",
        options: ["*yellow", "red", "*off-beige", "blue"],
      },
      { line: 41, errors: [], type: "TRUE_FALSE", externalId: "Q1", options: ["Đúng", "*Sai"] },
      { line: 46, errors: [], type: "TRUE_FALSE", externalId: "2-08 TSL", options: ["*Đúng", "Sai"] },
      { line: 49, errors: [], type: "TRUE_FALSE", externalId: "2-08 TSL", options: ["*Đúng", "Sai"] },
    ]);
  });

  it('keeps stems, general feedback as explanation, and ignores the stray "; after a brace', () => {
    const byLine = (line: number) => items.find((item) => item.line === line)?.draft;
    expect(byLine(14)?.stem).toBe("What's between orange and green in the spectrum?");
    expect(byLine(41)).toMatchObject({
      stem: "42 is the Absolute Answer to everything.",
      explanation: "This is, of course, a Hitchiker's Guide to the Galaxy reference.",
      topics: [],
      difficulty: "MEDIUM",
      citation: null,
    });
    expect(byLine(46)?.explanation).toBeNull();
  });
});

describe("parseGift", () => {
  it("reads Vietnamese text, escapes, our metadata comments and per-answer feedback", () => {
    const text = [
      "// Câu hỏi về giao thông",
      "// la:topics=Giao thông; Trật tự an toàn ;giao thong",
      "// la:difficulty=Khó",
      "// la:citation=Luật Trật tự, an toàn giao thông đường bộ|36/2024/QH15|Điều 9|khoản 2",
      "::GT\\:01::Theo Luật\\: mức phạt \\{tối đa\\} là bao nhiêu? {",
      "  =Phạt 5\\~10 triệu đồng # đúng rồi",
      "  ~Không bị phạt \\= miễn trừ",
      "  ~Nhắc nhở \\#1 \\\\ lần đầu",
      "####Xem [Điều 9].\\nDòng hai.",
      "}",
    ].join("\n");
    const [item] = itemsOf(parseGift(text));
    expect(item.line).toBe(5);
    expect(item.errors).toEqual([]);
    expect(item.draft).toEqual({
      type: "SINGLE_CHOICE",
      stem: "Theo Luật: mức phạt {tối đa} là bao nhiêu?",
      options: [
        { text: "Phạt 5~10 triệu đồng", correct: true },
        { text: "Không bị phạt = miễn trừ", correct: false },
        { text: "Nhắc nhở #1 \\ lần đầu", correct: false },
      ],
      explanation: "Xem [Điều 9].\nDòng hai.",
      citation: {
        document: "Luật Trật tự, an toàn giao thông đường bộ",
        number: "36/2024/QH15",
        article: "Điều 9",
        clause: "khoản 2",
      },
      topics: ["Giao thông", "Trật tự an toàn"],
      difficulty: "HARD",
      externalId: "GT:01",
    } satisfies QuestionDraft);
  });

  it("sanitizes [html] stems and flattens [html] answers to text", () => {
    const [item] = itemsOf(
      parseGift("::h::[html]<p>Điều <b>9</b> &amp; khoản 2</p><script>alert(1)</script>{=<i>Có</i> ~Không}"),
    );
    expect(item.draft?.stem).toBe("<p>Điều <b>9</b> &amp; khoản 2</p>");
    expect(item.draft?.options.map((option) => option.text)).toEqual(["Có", "Không"]);
  });

  it("escapes plain stems, so markup typed as [plain] is shown, not run", () => {
    const [item] = itemsOf(parseGift("[plain]Thẻ <b> có ý nghĩa gì?{T}"));
    expect(item.draft?.stem).toBe("Thẻ &lt;b&gt; có ý nghĩa gì?");
  });

  it("makes a missing-word question when text follows the answers", () => {
    const [item] = itemsOf(parseGift("Người lái xe phải {=dừng lại ~đi tiếp} khi gặp đèn đỏ."));
    expect(item.draft?.stem).toBe("Người lái xe phải _____ khi gặp đèn đỏ.");
    expect(item.draft?.type).toBe("SINGLE_CHOICE");
  });

  it("decides single or multiple choice the way Moodle does", () => {
    const [oneWeighted, twoEquals, onlyTilde] = itemsOf(
      parseGift(["Q1 {~%100%đúng ~%-100%sai}", "", "Q2 {=một =hai ~ba}", "", "Q3 {~a ~b}"].join("\n")),
    );
    // No "=": a multiple-response question, even with a single 100% answer.
    expect(oneWeighted.draft?.type).toBe("MULTIPLE_CHOICE");
    expect(oneWeighted.errors).toEqual([]);
    // Several "=" answers: Moodle's single choice with two full-mark answers, which we cannot hold.
    expect(twoEquals.draft?.type).toBe("SINGLE_CHOICE");
    expect(codes(twoEquals)).toEqual(["SINGLE_CHOICE_MANY_KEYS"]);
    // Every draft goes through validateDraft.
    expect(codes(onlyTilde)).toEqual(["KEY_MISSING"]);
  });

  it("reads true/false with feedback, in any case", () => {
    const items = itemsOf(parseGift(["A {F#sai rồi#đúng}", "", "B {true}", "", "C {FALSE####Giải thích}"].join("\n")));
    expect(items.map((item) => item.draft?.options.find((option) => option.correct)?.text)).toEqual([
      "Sai",
      "Đúng",
      "Sai",
    ]);
    expect(items[2].draft?.explanation).toBe("Giải thích");
  });

  it("reports unbalanced braces as a syntax error and goes on with the next question", () => {
    const text = [
      "// trước",
      "::a:: Câu hỏi chưa đóng {=a ~b",
      "",
      "Câu hỏi thừa ngoặc } {=a ~b}",
      "",
      "Câu hỏi tốt {=a ~b}",
    ].join("\n");
    const items = itemsOf(parseGift(text));
    expect(items.map((item) => ({ line: item.line, codes: codes(item), draft: item.draft !== null }))).toEqual([
      { line: 2, codes: ["SYNTAX"], draft: false },
      { line: 4, codes: ["SYNTAX"], draft: false },
      { line: 6, codes: [], draft: true },
    ]);
    expect(items[0].errors[0].message).toBe("errors.question.giftBraces");
  });

  it("reports description-only blocks and bad metadata, and skips comment-only blocks", () => {
    const text = [
      "// chỉ có chú thích",
      "",
      "Đây là đoạn mô tả, không có đáp án.",
      "",
      "// la:difficulty=rất khó",
      "// la:citation=|45/2019/QH14|Điều 105|",
      "Câu hỏi {T}",
    ].join("\n");
    const [description, badMetadata] = itemsOf(parseGift(text));
    expect(description).toMatchObject({ line: 3, draft: null });
    expect(description.errors[0].params).toEqual({ type: "description" });
    expect(badMetadata.line).toBe(7);
    expect(badMetadata.errors.map((error) => [error.code, error.message])).toEqual([
      ["DIFFICULTY_INVALID", "errors.question.difficultyInvalid"],
      ["SYNTAX", "errors.question.citationDocumentMissing"],
    ]);
  });

  it("turns $CATEGORY into a topic of the questions after it", () => {
    const items = itemsOf(
      parseGift(["$CATEGORY: $course$/top/Pháp luật Lao động", "", "// la:topics=Tiền lương", "Câu {T}"].join("\n")),
    );
    expect(items).toHaveLength(1);
    expect(items[0].draft?.topics).toEqual(["Pháp luật Lao động", "Tiền lương"]);
  });

  it("handles Windows line endings, a byte-order mark and decomposed Vietnamese", () => {
    const decomposed = "Câu hỏi Đúng".normalize("NFD");
    const [item] = itemsOf(parseGift(`\uFEFF// c\r\n::x::${decomposed} {T}\r\n`));
    expect(item.line).toBe(2);
    expect(item.draft?.stem).toBe("Câu hỏi Đúng");
  });
});

describe("toGift", () => {
  const drafts: QuestionDraft[] = [
    {
      type: "SINGLE_CHOICE",
      stem: plainStem("Theo Luật: mức phạt {tối đa} = bao nhiêu? Ký hiệu ~ và # và \\"),
      options: [
        { text: "5~10 triệu đồng", correct: false },
        { text: "a=b: {c}", correct: true },
        { text: "Không # phạt", correct: false },
      ],
      explanation: "Dòng một\nDòng hai: xem Điều 9",
      citation: {
        document: "Luật Trật tự, an toàn giao thông đường bộ",
        number: "36/2024/QH15",
        article: "Điều 9",
        clause: null,
      },
      topics: ["Giao thông", "Trật tự"],
      difficulty: "HARD",
      externalId: "GT::01",
    },
    {
      type: "MULTIPLE_CHOICE",
      stem: '<p>Những hành vi nào <strong>bị nghiêm cấm</strong>?</p><img src="https://example.org/bien-bao.png?a=1&amp;b=2" alt="Biển báo: cấm" />',
      options: [
        { text: "Uống rượu bia & lái xe", correct: true },
        { text: "Đi đúng làn <đường>", correct: false },
        { text: "Chạy quá tốc độ", correct: true },
      ],
      explanation: "Theo Điều 9 & các quy định khác.\nXem thêm.",
      citation: null,
      topics: [],
      difficulty: "EASY",
      externalId: null,
    },
    {
      type: "MULTIPLE_CHOICE",
      stem: plainStem("Ba đáp án đúng?"),
      options: [
        { text: "Một", correct: true },
        { text: "Hai", correct: true },
        { text: "Ba", correct: true },
        { text: "Bốn", correct: false },
      ],
      explanation: null,
      citation: null,
      topics: [],
      difficulty: "MEDIUM",
      externalId: "ba",
    },
    {
      type: "TRUE_FALSE",
      stem: plainStem("Công dân đủ 18 tuổi có quyền bầu cử."),
      options: [
        { text: "Đúng", correct: true },
        { text: "Sai", correct: false },
      ],
      explanation: "Điều 27 Hiến pháp năm 2013.",
      citation: { document: "Hiến pháp năm 2013", number: null, article: "Điều 27", clause: null },
      topics: ["Hiến pháp"],
      difficulty: "MEDIUM",
      externalId: null,
    },
  ];

  it("round-trips every field", () => {
    const result = parseGift(toGift(drafts));
    const items = itemsOf(result);
    expect(items.map((item) => item.errors)).toEqual([[], [], [], []]);
    expect(items.map((item) => item.draft)).toEqual(drafts);
  });

  it("writes what Moodle reads: escapes, weights, metadata as comments", () => {
    const text = toGift(drafts);
    expect(text).toContain("::GT\\:\\:01::");
    expect(text).toContain("\t=a\\=b\\: \\{c\\}");
    expect(text).toContain("\t~%50%Uống rượu bia &amp; lái xe");
    expect(text).toContain("\t~%-100%Đi đúng làn &lt;đường&gt;");
    expect(text).toContain("\t~%33.33333%Một");
    expect(text).toContain("{TRUE####Điều 27 Hiến pháp năm 2013.}");
    expect(text).toContain("// la:citation=Hiến pháp năm 2013||Điều 27|");
    // Every line of our metadata is a GIFT comment, and questions are separated by one blank line.
    expect(
      text
        .split("\n")
        .filter((line) => line.includes("la:"))
        .every((line) => line.startsWith("// la:")),
    ).toBe(true);
    expect(text.split("\n\n")).toHaveLength(4);
  });
});
