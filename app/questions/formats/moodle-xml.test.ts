import { readFileSync } from "node:fs";
import { XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { corpusFile } from "../../../tests/support/corpus";
import type { ParsedItem, ParseResult, QuestionDraft } from "../draft";
import { parseMoodleXml, toMoodleXml } from "./moodle-xml";
import { categoryTopic, plainStem } from "./shared";

const CORPUS = corpusFile("nested_categories_with_questions.xml");

function itemsOf(result: ParseResult): ParsedItem[] {
  if (!result.ok) throw new Error(`parse failed: ${result.code} ${JSON.stringify(result.params)}`);
  return result.items;
}

const quiz = (...questions: string[]) =>
  ['<?xml version="1.0" encoding="UTF-8"?>', "<quiz>", ...questions, "</quiz>"].join("\n");

describe("parseMoodleXml on Moodle's own fixture", () => {
  const items = itemsOf(parseMoodleXml(readFileSync(CORPUS, "utf8")));

  it("takes the four true/false questions, each with its category as topic", () => {
    const taken = items
      .filter((item) => item.draft)
      .map((item) => ({
        line: item.line,
        errors: item.errors,
        type: item.draft?.type,
        stem: item.draft?.stem,
        options: item.draft?.options,
        topics: item.draft?.topics,
        externalId: item.draft?.externalId,
        explanation: item.draft?.explanation,
      }));
    const trueIsRight = [
      { text: "Đúng", correct: true },
      { text: "Sai", correct: false },
    ];
    expect(taken).toEqual(
      [
        [15, "Iota"],
        [83, "Kappa"],
        [123, "Lambda"],
        [163, "Mu"],
      ].map(([line, name]) => ({
        line,
        errors: [],
        type: "TRUE_FALSE",
        stem: `<p>Testing ${name} Question</p>`,
        options: trueIsRight,
        topics: [name],
        externalId: `${name} Question`,
        explanation: null,
      })),
    );
  });

  it("reports the essay at the line of its <question>, and no category as an item", () => {
    const reported = items.filter((item) => !item.draft);
    expect(reported).toEqual([
      {
        line: 55,
        draft: null,
        errors: [{ code: "UNSUPPORTED_TYPE", message: "errors.question.unsupportedType", params: { type: "essay" } }],
      },
    ]);
    expect(items).toHaveLength(5);
  });
});

describe("parseMoodleXml", () => {
  it("reads single and multiple choice with HTML, entities, tags and our own fields", () => {
    const text = quiz(
      '  <question type="category"><category><text>$course$/top/Default for C/Pháp luật//Lao động</text></category></question>',
      '  <question type="multichoice">',
      "    <name><text>LĐ-01</text></name>",
      '    <questiontext format="html"><text><![CDATA[<p>Thời giờ làm việc <b>bình thường</b> tối đa?</p><script>x()</script>]]></text></questiontext>',
      '    <generalfeedback format="html"><text>&lt;p&gt;Khoản 1 &amp;amp; khoản 2&lt;/p&gt;</text></generalfeedback>',
      "    <single>true</single>",
      '    <answer fraction="0" format="html"><text>&lt;p&gt;40 giờ&lt;/p&gt;</text><feedback><text>Sai</text></feedback></answer>',
      '    <answer fraction="100" format="plain_text"><text>48 giờ &lt; 50</text></answer>',
      '    <answer fraction="0"><text>52 gi&#7901;</text></answer>',
      "    <tags><tag><text>Tiền lương</text></tag><tag><text>la-difficulty:HARD</text></tag><tag><text> pháp luật/lao động </text></tag></tags>",
      '    <la_citation document="Bộ luật Lao động" number="45/2019/QH14" article="Điều 105" clause="khoản 1"/>',
      "  </question>",
      '  <question type="multichoice">',
      "    <name><text>LĐ-02</text></name>",
      '    <questiontext format="plain_text"><text>Chọn các ý đúng: a &lt; b</text></questiontext>',
      "    <single>false</single>",
      '    <answer fraction="50"><text>Một</text></answer>',
      '    <answer fraction="-100"><text>Hai</text></answer>',
      '    <answer fraction="50"><text>Ba</text></answer>',
      "    <tags><tag><text>la-citation:Hiến pháp năm 2013||Điều 27|</text></tag></tags>",
      "  </question>",
    );
    const [first, second] = itemsOf(parseMoodleXml(text));
    expect(first.errors).toEqual([]);
    expect(first.draft).toEqual({
      type: "SINGLE_CHOICE",
      stem: "<p>Thời giờ làm việc <b>bình thường</b> tối đa?</p>",
      options: [
        { text: "40 giờ", correct: false },
        { text: "48 giờ < 50", correct: true },
        { text: "52 giờ", correct: false },
      ],
      explanation: "Khoản 1 & khoản 2",
      citation: { document: "Bộ luật Lao động", number: "45/2019/QH14", article: "Điều 105", clause: "khoản 1" },
      topics: ["Pháp luật/Lao động", "Tiền lương"],
      difficulty: "HARD",
      externalId: "LĐ-01",
    } satisfies QuestionDraft);
    expect(second.line).toBe(15);
    expect(second.draft).toMatchObject({
      type: "MULTIPLE_CHOICE",
      stem: "Chọn các ý đúng: a &lt; b",
      options: [
        { text: "Một", correct: true },
        { text: "Hai", correct: false },
        { text: "Ba", correct: true },
      ],
      citation: { document: "Hiến pháp năm 2013", number: null, article: "Điều 27", clause: null },
      topics: ["Pháp luật/Lao động"],
      difficulty: "MEDIUM",
    });
  });

  it("reports other question types with their lines, counting Windows line endings", () => {
    const text = quiz(
      '<question type="shortanswer"><name><text>a</text></name></question>',
      "",
      '<question type="matching">',
      "</question>",
      '<question type="cloze"/>',
    ).replace(/\n/g, "\r\n");
    const items = itemsOf(parseMoodleXml(text));
    expect(items.map((item) => [item.line, item.errors[0].code, item.errors[0].params?.type])).toEqual([
      [3, "UNSUPPORTED_TYPE", "shortanswer"],
      [5, "UNSUPPORTED_TYPE", "matching"],
      [7, "UNSUPPORTED_TYPE", "cloze"],
    ]);
  });

  it("checks every draft against the structural rules", () => {
    const text = quiz(
      '<question type="multichoice"><name><text>x</text></name><questiontext><text></text></questiontext>',
      '<answer fraction="100"><text>Chỉ một</text></answer></question>',
    );
    const [item] = itemsOf(parseMoodleXml(text));
    expect(item.errors.map((error) => error.code)).toEqual(["STEM_MISSING", "TOO_FEW_OPTIONS"]);
  });

  it("refuses XML that is not well-formed, with the line", () => {
    const result = parseMoodleXml(quiz('<question type="truefalse">', "<name><text>x</name>", "</question>"));
    expect(result).toMatchObject({ ok: false, code: "MALFORMED", message: "errors.import.malformedXml" });
    if (!result.ok) {
      expect(result.params?.line).toBe("4");
      expect(result.params?.detail).toMatch(/^line 4: /);
    }
    expect(parseMoodleXml("không phải XML")).toMatchObject({ ok: false, code: "MALFORMED" });
    expect(parseMoodleXml("<quiz><question>")).toMatchObject({ ok: false, code: "MALFORMED" });
    expect(parseMoodleXml("<html><body/></html>")).toMatchObject({
      ok: false,
      code: "MALFORMED",
      params: { detail: "the root element is not <quiz>" },
    });
  });

  it("refuses entity declarations (billion laughs, external entities) without expanding them", () => {
    const laughs = [
      '<?xml version="1.0"?>',
      '<!DOCTYPE quiz [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">',
      '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>',
      "<quiz>&d;&d;&d;&d;&d;&d;&d;&d;</quiz>",
    ].join("\n");
    expect(parseMoodleXml(laughs)).toMatchObject({ ok: false, code: "MALFORMED" });
    const external = '<!DOCTYPE quiz [<!ENTITY x SYSTEM "file:///etc/passwd">]><quiz><question>&x;</question></quiz>';
    expect(parseMoodleXml(external)).toMatchObject({ ok: false, code: "MALFORMED" });
  });

  it("refuses text over the size limit", () => {
    expect(parseMoodleXml(`<quiz>${" ".repeat(5 * 1024 * 1024)}</quiz>`)).toMatchObject({
      ok: false,
      code: "TOO_LARGE",
    });
  });
});

describe("categoryTopic", () => {
  it.each([
    ["$course$/top/Default for C/Sub", "Sub"],
    ["$course$/Iota/Kappa", "Kappa"],
    ["$course$/top", null],
    ["$system$/", null],
    ["top/An toàn//Giao thông", "An toàn/Giao thông"],
  ])("%s → %s", (path, topic) => {
    expect(categoryTopic(path)).toBe(topic);
  });
});

describe("toMoodleXml", () => {
  const drafts: QuestionDraft[] = [
    {
      type: "SINGLE_CHOICE",
      stem: '<p>Câu có <strong>HTML</strong> và chuỗi ]]&gt; lạ</p><img src="https://example.org/a.png" alt="Ảnh" />',
      options: [
        { text: "A & B <c>", correct: false },
        { text: 'Có "ngoặc kép"', correct: true },
      ],
      explanation: "Dòng một\nDòng hai & <ba>",
      citation: {
        document: "Luật Trật tự, an toàn giao thông đường bộ",
        number: "36/2024/QH15",
        article: "Điều 9",
        clause: "khoản 2",
      },
      topics: ["Giao thông", "Trật tự"],
      difficulty: "EASY",
      externalId: "GT-01",
    },
    {
      type: "MULTIPLE_CHOICE",
      stem: plainStem("Chọn ba ý"),
      options: [
        { text: "Một", correct: true },
        { text: "Hai", correct: true },
        { text: "Ba", correct: true },
        { text: "Bốn", correct: false },
      ],
      explanation: null,
      citation: null,
      topics: [],
      difficulty: "HARD",
      externalId: "MC",
    },
    {
      type: "TRUE_FALSE",
      stem: plainStem("Người đủ 18 tuổi có quyền bầu cử."),
      options: [
        { text: "Đúng", correct: false },
        { text: "Sai", correct: true },
      ],
      explanation: null,
      citation: { document: "Hiến pháp năm 2013", number: null, article: "Điều 27", clause: null },
      topics: ["Hiến pháp"],
      difficulty: "MEDIUM",
      externalId: "TF",
    },
  ];

  it("writes well-formed XML that Moodle reads: types, fractions, true/false answers", () => {
    const text = toMoodleXml(drafts);
    expect(XMLValidator.validate(text)).toBe(true);
    expect(text).toContain('<question type="truefalse">');
    expect(text).toContain("<single>false</single>");
    expect(text).toContain('<answer fraction="33.33333" format="plain_text"><text>Một</text>');
    expect(text).toContain('<answer fraction="-100" format="plain_text"><text>Bốn</text>');
    expect(text).toContain('<answer fraction="0" format="moodle_auto_format"><text>true</text>');
    expect(text).toContain("<tag><text>la-difficulty:EASY</text></tag>");
  });

  it("round-trips every field", () => {
    const items = itemsOf(parseMoodleXml(toMoodleXml(drafts)));
    expect(items.map((item) => item.errors)).toEqual([[], [], []]);
    expect(items.map((item) => item.draft)).toEqual(drafts);
  });

  it("names a question without our id after the start of its text, as Moodle needs a name", () => {
    const [item] = itemsOf(parseMoodleXml(toMoodleXml([{ ...drafts[1], externalId: null }])));
    expect(item.draft?.externalId).toBe("Chọn ba ý");
  });
});
