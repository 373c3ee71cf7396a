import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { ParsedItem, ParseResult, QuestionDraft } from "../draft";
import { plainStem } from "./shared";
import { parseQuestionSheet, QUESTION_SHEET_HEADERS, questionTemplate, toQuestionSheet } from "./spreadsheet.server";

function itemsOf(result: ParseResult): ParsedItem[] {
  if (!result.ok) throw new Error(`parse failed: ${result.code} ${JSON.stringify(result.params)}`);
  return result.items;
}

const codes = (item: ParsedItem) => item.errors.map((error) => error.code);
const csv = (text: string, name = "cau-hoi.csv") => ({ name, bytes: new TextEncoder().encode(text) });

async function xlsx(rows: unknown[][]): Promise<{ name: string; bytes: Uint8Array }> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Câu hỏi");
  for (const row of rows) sheet.addRow(row);
  return { name: "cau-hoi.xlsx", bytes: new Uint8Array(await workbook.xlsx.writeBuffer()) };
}

describe("parseQuestionSheet", () => {
  it("reads every column of a CSV with Vietnamese text", async () => {
    const text = [
      "Loại câu hỏi,Nội dung câu hỏi,Phương án A,Phương án B,Phương án C,Phương án D,Đáp án đúng,Giải thích,Văn bản pháp luật,Số hiệu,Điều,Khoản,Chủ đề,Mức độ,Mã câu hỏi",
      'Nhiều đáp án,"Hành vi nào bị nghiêm cấm, theo luật?",Uống rượu khi lái xe,Đi đúng làn,Chạy quá tốc độ,,"A, C","Dòng một\nDòng hai",Luật Trật tự an toàn giao thông đường bộ,36/2024/QH15,9,2,Giao thông; Trật tự ;giao thông,Khó,GT-01',
    ].join("\r\n");
    const [item] = itemsOf(await parseQuestionSheet(csv(text)));
    expect(item.line).toBe(2);
    expect(item.errors).toEqual([]);
    expect(item.draft).toEqual({
      type: "MULTIPLE_CHOICE",
      stem: "Hành vi nào bị nghiêm cấm, theo luật?",
      options: [
        { text: "Uống rượu khi lái xe", correct: true },
        { text: "Đi đúng làn", correct: false },
        { text: "Chạy quá tốc độ", correct: true },
      ],
      explanation: "Dòng một\nDòng hai",
      citation: {
        document: "Luật Trật tự an toàn giao thông đường bộ",
        number: "36/2024/QH15",
        article: "Điều 9",
        clause: "khoản 2",
      },
      topics: ["Giao thông", "Trật tự"],
      difficulty: "HARD",
      externalId: "GT-01",
    } satisfies QuestionDraft);
  });

  it("reads a CSV separated by ';' (Excel in Vietnamese locales) and guesses missing types", async () => {
    const text = [
      "Nội dung câu hỏi;Phương án A;Phương án B;Phương án C;Đáp án đúng;Mức độ",
      "Câu một đáp án?;Có;Không;;b;dễ",
      "Câu nhiều đáp án?;Một;Hai;Ba;AC;",
      "Câu đúng sai?;;;;Sai;TRUNG BÌNH",
    ].join("\n");
    const items = itemsOf(await parseQuestionSheet(csv(text)));
    expect(items.map((item) => [item.line, item.draft?.type, item.draft?.difficulty, item.errors])).toEqual([
      [2, "SINGLE_CHOICE", "EASY", []],
      [3, "MULTIPLE_CHOICE", "MEDIUM", []],
      [4, "TRUE_FALSE", "MEDIUM", []],
    ]);
    expect(items[2].draft?.options).toEqual([
      { text: "Đúng", correct: false },
      { text: "Sai", correct: true },
    ]);
  });

  it("reports each bad cell with its row and code", async () => {
    const rows = [
      [
        "Loại câu hỏi",
        "Nội dung câu hỏi",
        "Phương án A",
        "Phương án B",
        "Phương án C",
        "Đáp án đúng",
        "Mức độ",
        "Văn bản pháp luật",
        "Điều",
      ],
      ["Một đáp án", "Khóa chỉ vào phương án trống", "Có", "Không", "", "C", "", "", ""],
      ["Tự luận", "Loại lạ", "Có", "Không", "", "A", "", "", ""],
      ["Đúng-Sai", "Khóa đúng sai sai", "", "", "", "Có lẽ", "", "", ""],
      ["Một đáp án", "Mức độ lạ và điều thiếu văn bản", "Có", "Không", "", "A", "Rất khó", "", "12"],
      ["Một đáp án", "Hai khóa cho một đáp án", "Có", "Không", "", "A,B", "", "", ""],
      ["Một đáp án", "", "Có", "Không", "", "Z", "", "", ""],
    ];
    const items = itemsOf(await parseQuestionSheet(await xlsx(rows)));
    expect(items.map((item) => [item.line, codes(item)])).toEqual([
      [2, ["KEY_NOT_AN_OPTION"]],
      [3, ["TYPE_INVALID"]],
      [4, ["KEY_NOT_AN_OPTION"]],
      [5, ["DIFFICULTY_INVALID", "SYNTAX"]],
      [6, ["SINGLE_CHOICE_MANY_KEYS"]],
      [7, ["KEY_NOT_AN_OPTION", "STEM_MISSING"]],
    ]);
    expect(items[0].errors[0]).toEqual({
      code: "KEY_NOT_AN_OPTION",
      message: "errors.question.keyNotAnOption",
      params: { key: "C" },
    });
    expect(items[1].errors[0]).toEqual({
      code: "TYPE_INVALID",
      message: "errors.question.typeInvalid",
      params: { value: "Tự luận" },
    });
    expect(items[3].errors.map((error) => error.message)).toEqual([
      "errors.question.difficultyInvalid",
      "errors.question.citationDocumentMissing",
    ]);
  });

  it("reads numbers typed into Excel cells as text", async () => {
    const rows = [
      ["Nội dung câu hỏi", "Phương án A", "Phương án B", "Đáp án đúng", "Văn bản pháp luật", "Điều", "Khoản"],
      ["Tuổi bầu cử?", 18, 21, "A", "Hiến pháp năm 2013", 27, ""],
    ];
    const [item] = itemsOf(await parseQuestionSheet(await xlsx(rows)));
    expect(item.draft?.options.map((option) => option.text)).toEqual(["18", "21"]);
    expect(item.draft?.citation).toEqual({
      document: "Hiến pháp năm 2013",
      number: null,
      article: "Điều 27",
      clause: null,
    });
  });

  it("refuses a sheet without the required columns", async () => {
    const result = await parseQuestionSheet(csv("Câu,Phương án A\nx,y"));
    expect(result).toEqual({
      ok: false,
      code: "MISSING_COLUMNS",
      message: "errors.import.missingColumns",
      params: { columns: "Nội dung câu hỏi, Đáp án đúng" },
    });
  });

  it("refuses a CSV that is not UTF-8", async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode("Nội dung câu hỏi,Đáp án đúng\n"), 0xc3, 0x28, 0x0a]);
    expect(await parseQuestionSheet({ name: "x.csv", bytes })).toMatchObject({ ok: false, code: "UNREADABLE" });
  });
});

describe("questionTemplate", () => {
  it("has our headers, two valid examples marked (ví dụ), and a guide sheet", async () => {
    const buffer = await questionTemplate();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["Câu hỏi", "Hướng dẫn"]);
    expect((workbook.worksheets[0].getRow(1).values as unknown[]).slice(1)).toEqual(QUESTION_SHEET_HEADERS);

    const items = itemsOf(await parseQuestionSheet({ name: "mau.xlsx", bytes: new Uint8Array(buffer) }));
    expect(items.map((item) => [item.line, item.draft?.type, item.errors])).toEqual([
      [2, "SINGLE_CHOICE", []],
      [3, "TRUE_FALSE", []],
    ]);
    expect(items.every((item) => item.draft?.stem.startsWith("(ví dụ)"))).toBe(true);
    expect(items[0].draft?.citation).toEqual({
      document: "Bộ luật Lao động",
      number: "45/2019/QH14",
      article: "Điều 105",
      clause: "khoản 1",
    });
  });
});

describe("toQuestionSheet", () => {
  const drafts: QuestionDraft[] = [
    {
      type: "SINGLE_CHOICE",
      stem: plainStem('Câu có dấu phẩy, chấm phẩy; ngoặc kép "x" & <thẻ>'),
      options: [
        { text: "=1+1", correct: false },
        { text: "-5 triệu đồng", correct: true },
        { text: "@mention", correct: false },
      ],
      explanation: "Dòng một\nDòng hai",
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
      stem: plainStem("Chọn các ý đúng"),
      options: ["A", "B", "C", "D", "E", "F", "G", "H"].map((letter) => ({
        text: `Ý ${letter}`,
        correct: letter > "E",
      })),
      explanation: null,
      citation: null,
      topics: [],
      difficulty: "HARD",
      externalId: null,
    },
    {
      type: "TRUE_FALSE",
      stem: plainStem("Công dân đủ 18 tuổi có quyền bầu cử."),
      options: [
        { text: "Đúng", correct: true },
        { text: "Sai", correct: false },
      ],
      explanation: null,
      citation: { document: "Hiến pháp năm 2013", number: null, article: "Điều 27", clause: null },
      topics: ["Hiến pháp"],
      difficulty: "MEDIUM",
      externalId: null,
    },
  ];

  it.each(["xlsx", "csv"] as const)("round-trips plain-text drafts through %s", async (format) => {
    const buffer = await toQuestionSheet(drafts, format);
    const items = itemsOf(await parseQuestionSheet({ name: `xuat.${format}`, bytes: new Uint8Array(buffer) }));
    expect(items.map((item) => item.errors)).toEqual([[], [], []]);
    expect(items.map((item) => item.draft)).toEqual(drafts);
  });

  it("writes CSV in UTF-8 with a byte-order mark, and formulas disarmed", async () => {
    const buffer = await toQuestionSheet(drafts, "csv");
    expect([...buffer.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = buffer.toString("utf8");
    expect(text).toContain(`${QUESTION_SHEET_HEADERS.join(",")}\r\n`);
    expect(text).toContain(",'=1+1,'-5 triệu đồng,'@mention,");
    expect(text).toContain('"Câu có dấu phẩy, chấm phẩy; ngoặc kép ""x"" & <thẻ>"');
  });
});
