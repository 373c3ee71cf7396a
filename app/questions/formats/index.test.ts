import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { MAX_IMPORT_BYTES } from "~/imports/spreadsheet.server";
import { corpusFile } from "../../../tests/support/corpus";
import { detectFormat, parseQuestionFile } from "./index";

const GIFT_CORPUS = readFileSync(corpusFile("questions.gift.txt"));
const XML_CORPUS = readFileSync(corpusFile("nested_categories_with_questions.xml"));
const utf8 = (text: string) => new TextEncoder().encode(text);
const AIKEN = "Câu hỏi?\nA. Có\nB. Không\nANSWER: A\n";

describe("detectFormat", () => {
  it.each([
    ["ngan-hang.XLSX", utf8(""), "xlsx"],
    ["cau-hoi.csv", utf8(""), "csv"],
    ["moodle.xml", utf8(""), "moodle-xml"],
    ["cau-hoi.gift", utf8(AIKEN), "gift"],
    ["questions.gift.txt", GIFT_CORPUS, "gift"],
    ["aiken.txt", utf8(AIKEN), "aiken"],
    ["aiken-thieu-answer.txt", utf8("Câu hỏi?\nA. Có\nB. Không\n"), "aiken"],
    ["gift-nhac-answer.txt", utf8("// ANSWER: là đáp án\nCâu hỏi? {=Có ~Không}\n"), "gift"],
    ["cau-hoi.docx", utf8(""), null],
    ["khong-duoi", utf8(""), null],
  ])("%s → %s", (name, bytes, format) => {
    expect(detectFormat(name, bytes)).toBe(format);
  });
});

describe("parseQuestionFile", () => {
  it("dispatches the Moodle corpus files to their readers", async () => {
    const gift = await parseQuestionFile({ name: "questions.gift.txt", bytes: GIFT_CORPUS });
    const xml = await parseQuestionFile({ name: "nested_categories_with_questions.xml", bytes: XML_CORPUS });
    if (!gift.ok || !xml.ok) throw new Error("corpus not read");
    expect(gift.items.filter((item) => item.draft).map((item) => item.line)).toEqual([14, 22, 41, 46, 49]);
    expect(gift.items.filter((item) => !item.draft).map((item) => item.line)).toEqual([2, 5, 31, 34]);
    expect(xml.items.filter((item) => item.draft).map((item) => item.line)).toEqual([15, 83, 123, 163]);
    expect(xml.items.filter((item) => !item.draft).map((item) => item.line)).toEqual([55]);
  });

  it("reads Aiken from a .txt", async () => {
    const result = await parseQuestionFile({ name: "de-thi.txt", bytes: utf8(AIKEN) });
    expect(result).toMatchObject({ ok: true, items: [{ line: 1, errors: [], draft: { type: "SINGLE_CHOICE" } }] });
  });

  it("reads a text file saved as UTF-16 (Notepad's “Unicode”)", async () => {
    const text = "\uFEFFCâu hỏi tiếng Việt {T}";
    const bytes = new Uint8Array(Buffer.from(text, "utf16le"));
    const result = await parseQuestionFile({ name: "cau-hoi.gift", bytes });
    expect(result).toMatchObject({ ok: true, items: [{ draft: { stem: "Câu hỏi tiếng Việt", type: "TRUE_FALSE" } }] });
  });

  it("refuses files that are too large, unknown, not UTF-8 or without questions", async () => {
    expect(await parseQuestionFile({ name: "to.gift", bytes: new Uint8Array(MAX_IMPORT_BYTES + 1) })).toEqual({
      ok: false,
      code: "TOO_LARGE",
      message: "errors.import.tooLarge",
      params: { limit: "5 MB" },
    });
    expect(await parseQuestionFile({ name: "de.docx", bytes: utf8("x") })).toEqual({
      ok: false,
      code: "UNSUPPORTED_TYPE",
      message: "errors.import.unsupportedQuestionFormat",
    });
    const latin1 = new Uint8Array([0x43, 0xe2, 0x75, 0x20, 0x68, 0xf4, 0x69, 0x20, 0x7b, 0x54, 0x7d]); // "Câu hôi {T}" in Latin-1
    for (const name of ["cu.gift", "cu.txt", "cu.xml"]) {
      expect(await parseQuestionFile({ name, bytes: latin1 })).toEqual({
        ok: false,
        code: "UNREADABLE",
        message: "errors.import.notUtf8",
      });
    }
    for (const [name, text] of [
      ["chu-thich.gift", "// chỉ có chú thích\n\n// la:difficulty=EASY\n"],
      ["rong.txt", "\n\n"],
      ["rong.xml", "<quiz></quiz>"],
      ["rong.csv", "Nội dung câu hỏi,Đáp án đúng\n,\n"],
    ]) {
      expect(await parseQuestionFile({ name, bytes: utf8(text) })).toMatchObject({ ok: false, code: "EMPTY" });
    }
  });

  it("passes malformed XML through as MALFORMED, not as an exception", async () => {
    const result = await parseQuestionFile({
      name: "hong.xml",
      bytes: utf8("<quiz><question type='truefalse'></quiz>"),
    });
    expect(result).toMatchObject({ ok: false, code: "MALFORMED", message: "errors.import.malformedXml" });
  });
});
