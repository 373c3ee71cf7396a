import ExcelJS from "exceljs";
import { type ColumnAliases, readTable, type TableRow } from "~/imports/spreadsheet.server";
import type { ItemError, ParsedItem, ParseResult, QuestionDraft, QuestionType } from "../draft";
import { MAX_OPTIONS, TRUE_FALSE_OPTIONS } from "../draft";
import { stemToText } from "../html";
import { foldText } from "../text";
import {
  CITATION_DOCUMENT_MISSING,
  citationFromParts,
  DIFFICULTY_LABELS,
  difficultyError,
  draftItem,
  emptyDraft,
  parseDifficulty,
  plainStem,
} from "./shared";

/**
 * Our Excel/CSV question template: one question per row, Vietnamese headers (matched loosely:
 * case, accents and spacing ignored; English names accepted too). The template workbook carries
 * a "Hướng dẫn" sheet that explains each column to organizers.
 *
 * | column            | content                                                            |
 * |-------------------|--------------------------------------------------------------------|
 * | Loại câu hỏi      | Một đáp án / Nhiều đáp án / Đúng-Sai (or SINGLE_CHOICE …); empty: guessed from the key |
 * | Nội dung câu hỏi  | the question, plain text (required)                                 |
 * | Phương án A … H   | 2–8 options; empty for Đúng-Sai                                     |
 * | Đáp án đúng       | letters ("B", "A,C"); for Đúng-Sai "Đúng" or "Sai" (required)       |
 * | Giải thích        | explanation                                                         |
 * | Văn bản pháp luật, Số hiệu, Điều, Khoản | the legal citation ("105" is read as "Điều 105") |
 * | Chủ đề            | topics separated by ";"                                             |
 * | Mức độ            | Dễ / Trung bình / Khó (or EASY/MEDIUM/HARD); empty: Trung bình       |
 * | Mã câu hỏi        | the organizer's own id, optional                                    |
 */
const OPTION_LETTERS = ["A", "B", "C", "D", "E", "F", "G", "H"] as const;
type OptionLetter = (typeof OPTION_LETTERS)[number];
type OptionColumn = `option${OptionLetter}`;

const optionColumns = Object.fromEntries(
  OPTION_LETTERS.map((letter) => [
    `option${letter}`,
    { required: false, headers: [`Phương án ${letter}`, `Đáp án ${letter}`, `Lựa chọn ${letter}`, `Option ${letter}`] },
  ]),
) as Record<OptionColumn, { required: boolean; headers: string[] }>;

const COLUMNS = {
  type: { required: false, headers: ["Loại câu hỏi", "Loại", "Type"] },
  stem: { required: true, headers: ["Nội dung câu hỏi", "Câu hỏi", "Nội dung", "Question", "Stem"] },
  ...optionColumns,
  key: { required: true, headers: ["Đáp án đúng", "Đáp án", "Key", "Answer", "Correct answer"] },
  explanation: { required: false, headers: ["Giải thích", "Explanation"] },
  document: { required: false, headers: ["Văn bản pháp luật", "Văn bản", "Căn cứ pháp lý", "Document"] },
  number: { required: false, headers: ["Số hiệu", "Số hiệu văn bản", "Number"] },
  article: { required: false, headers: ["Điều", "Article"] },
  clause: { required: false, headers: ["Khoản", "Clause"] },
  topics: { required: false, headers: ["Chủ đề", "Topics", "Topic"] },
  difficulty: { required: false, headers: ["Mức độ", "Độ khó", "Difficulty"] },
  externalId: { required: false, headers: ["Mã câu hỏi", "Mã", "ID", "External ID"] },
} satisfies ColumnAliases<string>;
type Column = keyof typeof COLUMNS;

export const QUESTION_SHEET_HEADERS = [
  "Loại câu hỏi",
  "Nội dung câu hỏi",
  ...OPTION_LETTERS.map((letter) => `Phương án ${letter}`),
  "Đáp án đúng",
  "Giải thích",
  "Văn bản pháp luật",
  "Số hiệu",
  "Điều",
  "Khoản",
  "Chủ đề",
  "Mức độ",
  "Mã câu hỏi",
];

const TYPE_LABELS: Record<QuestionType, string> = {
  SINGLE_CHOICE: "Một đáp án",
  MULTIPLE_CHOICE: "Nhiều đáp án",
  TRUE_FALSE: "Đúng-Sai",
};

const TYPE_WORDS: Record<string, QuestionType> = {
  "mot dap an": "SINGLE_CHOICE",
  "1 dap an": "SINGLE_CHOICE",
  "single choice": "SINGLE_CHOICE",
  single: "SINGLE_CHOICE",
  "nhieu dap an": "MULTIPLE_CHOICE",
  "multiple choice": "MULTIPLE_CHOICE",
  multiple: "MULTIPLE_CHOICE",
  "dung sai": "TRUE_FALSE",
  "true false": "TRUE_FALSE",
};

const fold = foldText;

export async function parseQuestionSheet(file: { name: string; bytes: Uint8Array }): Promise<ParseResult> {
  const table = await readTable(file, COLUMNS);
  if (!table.ok) return table;
  return { ok: true, items: table.rows.map(readRow) };
}

function readRow(row: TableRow<Column>): ParsedItem {
  const cell = (column: Column) => unguard(row.values[column].normalize("NFC").trim());
  const errors: ItemError[] = [];
  const key = cell("key");

  let type = cell("type") ? (TYPE_WORDS[fold(cell("type"))] ?? null) : null;
  if (cell("type") && !type) {
    errors.push({ code: "TYPE_INVALID", message: "errors.question.typeInvalid", params: { value: cell("type") } });
  }
  type ??= trueFalseKey(key) !== null ? "TRUE_FALSE" : keyLetters(key).length > 1 ? "MULTIPLE_CHOICE" : "SINGLE_CHOICE";

  const draft: QuestionDraft = {
    ...emptyDraft(),
    type,
    stem: plainStem(cell("stem")),
    explanation: cell("explanation") || null,
    topics: cell("topics").split(/[;\n]/),
    externalId: cell("externalId") || null,
  };

  if (type === "TRUE_FALSE") {
    const right = trueFalseKey(key);
    if (key && right === null) errors.push(keyNotAnOption(key));
    draft.options = TRUE_FALSE_OPTIONS.map((text, index) => ({
      text,
      correct: right !== null && (index === 0) === right,
    }));
  } else {
    const filled = OPTION_LETTERS.filter((letter) => cell(`option${letter}`) !== "");
    const keys = keyLetters(key);
    for (const letter of keys) if (!filled.includes(letter as OptionLetter)) errors.push(keyNotAnOption(letter));
    draft.options = filled.map((letter) => ({ text: cell(`option${letter}`), correct: keys.includes(letter) }));
  }

  if (cell("difficulty")) {
    const difficulty = parseDifficulty(cell("difficulty"));
    if (difficulty) draft.difficulty = difficulty;
    else errors.push(difficultyError(cell("difficulty")));
  }
  const citation = citationFromParts([
    cell("document"),
    cell("number"),
    /^\d+[a-z]?$/i.test(cell("article")) ? `Điều ${cell("article")}` : cell("article"),
    /^\d+$/.test(cell("clause")) ? `khoản ${cell("clause")}` : cell("clause"),
  ]);
  if (citation === "DOCUMENT_MISSING") errors.push(CITATION_DOCUMENT_MISSING);
  else draft.citation = citation;

  return draftItem(row.line, draft, errors);
}

function keyNotAnOption(key: string): ItemError {
  return { code: "KEY_NOT_AN_OPTION", message: "errors.question.keyNotAnOption", params: { key } };
}

/** "B", "A,C", "A; C", "A C" or "AC" → the letters, upper case; anything else is kept as written. */
function keyLetters(key: string): string[] {
  const tokens = key
    .toUpperCase()
    .split(/[\s,;]+/)
    .filter(Boolean);
  if (tokens.length === 1 && /^[A-H]{2,8}$/.test(tokens[0])) return [...new Set(tokens[0])];
  return [...new Set(tokens)];
}

function trueFalseKey(key: string): boolean | null {
  const word = fold(key);
  // Not "D"/"F": those are option letters.
  if (word === "dung" || word === "true") return true;
  if (word === "sai" || word === "false") return false;
  return null;
}

// A CSV cell that starts with = + - @ would run as a formula in Excel; we write it after a "'".
const FORMULA_START = /^[=+\-@\t\r]/;

function guard(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function unguard(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

function rowOf(draft: QuestionDraft): string[] {
  const trueFalse = draft.type === "TRUE_FALSE";
  const options = trueFalse ? [] : draft.options.slice(0, MAX_OPTIONS);
  const key = trueFalse
    ? (draft.options.find((option) => option.correct)?.text ?? "")
    : options.flatMap((option, index) => (option.correct ? [OPTION_LETTERS[index]] : [])).join(",");
  return [
    TYPE_LABELS[draft.type],
    stemToText(draft.stem),
    ...OPTION_LETTERS.map((_, index) => options[index]?.text ?? ""),
    key,
    draft.explanation ?? "",
    draft.citation?.document ?? "",
    draft.citation?.number ?? "",
    draft.citation?.article ?? "",
    draft.citation?.clause ?? "",
    draft.topics.join("; "),
    DIFFICULTY_LABELS[draft.difficulty],
    draft.externalId ?? "",
  ];
}

function csvCell(value: string): string {
  const guarded = guard(value);
  return /[",;\r\n]|^\s|\s$/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

/** The drafts in our template: .xlsx, or CSV in UTF-8 with a byte-order mark so Excel reads Vietnamese. */
export async function toQuestionSheet(drafts: QuestionDraft[], format: "xlsx" | "csv"): Promise<Buffer> {
  const rows = drafts.map(rowOf);
  if (format === "csv") {
    const lines = [QUESTION_SHEET_HEADERS, ...rows].map((row) => row.map(csvCell).join(","));
    return Buffer.from(`\uFEFF${lines.join("\r\n")}\r\n`, "utf8");
  }
  const workbook = new ExcelJS.Workbook();
  addQuestionSheet(workbook, rows);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function addQuestionSheet(workbook: ExcelJS.Workbook, rows: string[][]): void {
  const sheet = workbook.addWorksheet("Câu hỏi", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.addRow(QUESTION_SHEET_HEADERS).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  sheet.columns.forEach((column, index) => {
    column.width = index === 1 ? 60 : Math.max(14, QUESTION_SHEET_HEADERS[index].length + 4);
  });
}

const TEMPLATE_EXAMPLES: string[][] = [
  [
    "Một đáp án",
    "(ví dụ) Theo Bộ luật Lao động năm 2019, thời giờ làm việc bình thường không quá bao nhiêu giờ trong 01 tuần?",
    "40 giờ",
    "44 giờ",
    "48 giờ",
    "52 giờ",
    "",
    "",
    "",
    "",
    "C",
    "Thời giờ làm việc bình thường không quá 08 giờ trong 01 ngày và không quá 48 giờ trong 01 tuần.",
    "Bộ luật Lao động",
    "45/2019/QH14",
    "Điều 105",
    "khoản 1",
    "Lao động",
    "Dễ",
    "",
  ],
  [
    "Đúng-Sai",
    "(ví dụ) Theo Hiến pháp năm 2013, công dân đủ mười tám tuổi trở lên có quyền bầu cử.",
    "",
    "",
    "",
    "",
    "",
    "",
    "",
    "",
    "Đúng",
    "Công dân đủ mười tám tuổi trở lên có quyền bầu cử và đủ hai mươi mốt tuổi trở lên có quyền ứng cử vào Quốc hội, Hội đồng nhân dân.",
    "Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam năm 2013",
    "",
    "Điều 27",
    "",
    "Hiến pháp; Bầu cử",
    "Trung bình",
    "",
  ],
];

const TEMPLATE_GUIDE: string[][] = [
  ["Cột", "Bắt buộc", "Cách ghi"],
  ["Loại câu hỏi", "Không", "Một đáp án, Nhiều đáp án hoặc Đúng-Sai. Bỏ trống: suy ra từ cột Đáp án đúng."],
  ["Nội dung câu hỏi", "Có", "Nội dung câu hỏi."],
  ["Phương án A … Phương án H", "Có (trừ câu Đúng-Sai)", "Từ 2 đến 8 phương án. Câu Đúng-Sai để trống các cột này."],
  ["Đáp án đúng", "Có", 'Chữ cái của phương án đúng, ví dụ "B"; nhiều đáp án: "A,C". Câu Đúng-Sai: "Đúng" hoặc "Sai".'],
  ["Giải thích", "Không", "Giải thích đáp án."],
  ["Văn bản pháp luật", "Không", 'Tên văn bản, ví dụ "Bộ luật Lao động". Cần có khi ghi Số hiệu, Điều hoặc Khoản.'],
  ["Số hiệu", "Không", 'Ví dụ "45/2019/QH14".'],
  ["Điều", "Không", 'Ví dụ "Điều 105" hoặc "105".'],
  ["Khoản", "Không", 'Ví dụ "khoản 1" hoặc "1".'],
  ["Chủ đề", "Không", 'Nhiều chủ đề cách nhau bằng dấu chấm phẩy ";".'],
  ["Mức độ", "Không", "Dễ, Trung bình hoặc Khó. Bỏ trống: Trung bình."],
  ["Mã câu hỏi", "Không", "Mã riêng của đơn vị để đối chiếu, nếu có."],
  ["", "", "Các dòng ghi (ví dụ) trong trang Câu hỏi là mẫu: hãy xóa trước khi nhập."],
];

/** The template to download: the question sheet with two example rows, and a guide sheet. */
export async function questionTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  addQuestionSheet(workbook, TEMPLATE_EXAMPLES);
  const guide = workbook.addWorksheet("Hướng dẫn");
  for (const row of TEMPLATE_GUIDE) guide.addRow(row);
  guide.getRow(1).font = { bold: true };
  [28, 22, 90].forEach((width, index) => {
    guide.getColumn(index + 1).width = width;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
