import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "~/auth/guards.server";
import { createBank } from "~/questions/banks.server";
import type { QuestionDraft } from "~/questions/draft";
import { bankDrafts, EXPORT_FORMATS, exportQuestions } from "~/questions/export.server";
import { importQuestions } from "~/questions/import.server";
import { DEMO_BANK, seedDemoData } from "../../seeds/demo";
import { DEMO_TOPICS } from "../../seeds/question-bank";
import { corpusFile } from "../support/corpus";
import { createUserWithRole, currentUserFor, nodeId } from "../support/fixtures";
import { startTestRuntime, type TestRuntime } from "../support/runtime";

let runtime: TestRuntime;
let organizer: CurrentUser;
let demoBankId: string;
let bankCounter = 0;

beforeAll(async () => {
  runtime = await startTestRuntime();
  await seedDemoData(runtime.db);
  organizer = await currentUserFor(
    runtime.db,
    (await createUserWithRole(runtime.db, { role: "ORGANIZER", nodeCode: "HP" })).id,
  );
  demoBankId = (await runtime.db.questionBank.findFirstOrThrow({ where: { name: DEMO_BANK.name } })).id;
});
afterAll(() => runtime?.stop());

async function emptyBank(): Promise<string> {
  const created = await createBank(runtime.db, null, organizer, {
    orgNodeId: await nodeId(runtime.db, "HP"),
    name: `Ngân hàng thử ${++bankCounter}`,
    description: null,
  });
  if (!created.ok) throw new Error("setup");
  return created.bankId;
}

const defaults = { dryRun: false, status: "DRAFT" as const, createTopics: true };
const file = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) });

describe("the demo bank", () => {
  it("holds at least 120 approved questions over several topics, each explained and cited", async () => {
    const drafts = await bankDrafts(runtime.db, demoBankId);
    expect(drafts.length).toBeGreaterThanOrEqual(120);
    expect(new Set(drafts.flatMap((draft) => draft.topics))).toEqual(new Set(DEMO_TOPICS));
    expect(drafts.every((draft) => draft.explanation && draft.citation?.document && draft.citation.article)).toBe(true);
    expect(
      await runtime.db.question.count({
        where: { bankId: demoBankId, status: "APPROVED", approvedVersionId: { not: null } },
      }),
    ).toBe(drafts.length);
  });
});

describe("export → import round trips", () => {
  // What each format can carry; the rest is compared as it comes back.
  const comparable = (format: string, draft: QuestionDraft) =>
    format === "aiken"
      ? { type: draft.type, stem: draft.stem, options: draft.options }
      : { ...draft, topics: [...draft.topics].sort() };

  it.each(EXPORT_FORMATS)("%s gives back the same questions", async (format) => {
    const original = await bankDrafts(runtime.db, demoBankId);
    const exported = await exportQuestions(original, format, "demo");
    const target = await emptyBank();
    const report = await importQuestions(
      runtime.db,
      null,
      organizer,
      target,
      { name: exported.fileName, bytes: exported.bytes },
      defaults,
    );
    expect(report.errors).toEqual([]);
    const expected = format === "aiken" ? original.filter((draft) => draft.type === "SINGLE_CHOICE") : original;
    expect(report.imported).toBe(expected.length);
    const roundTripped = await bankDrafts(runtime.db, target);
    expect(roundTripped.map((draft) => comparable(format, draft))).toEqual(
      expected.map((draft) => comparable(format, draft)),
    );
  });
});

describe("importing", () => {
  it("takes Moodle's own GIFT test file, reporting each unsupported question with its line", async () => {
    const text = readFileSync(corpusFile("questions.gift.txt"), "utf8");
    const report = await importQuestions(
      runtime.db,
      null,
      organizer,
      await emptyBank(),
      file("questions.gift.txt", text),
      { ...defaults, dryRun: true },
    );
    expect(report.fileError).toBeUndefined();
    // Five questions are of our types, but the file repeats two stems (lines 22 and 49).
    expect(report.good).toBe(3);
    expect(report.errors.map((error) => [error.line, error.code])).toEqual([
      [2, "UNSUPPORTED_TYPE"],
      [5, "UNSUPPORTED_TYPE"],
      [22, "DUPLICATE_IN_FILE"],
      [31, "UNSUPPORTED_TYPE"],
      [34, "UNSUPPORTED_TYPE"],
      [49, "DUPLICATE_IN_FILE"],
    ]);
  });

  it("takes Moodle's nested-category XML file: four true/false questions, the essay reported", async () => {
    const text = readFileSync(corpusFile("nested_categories_with_questions.xml"), "utf8");
    const bankId = await emptyBank();
    const report = await importQuestions(runtime.db, null, organizer, bankId, file("moodle.xml", text), defaults);
    expect(report.imported).toBe(4);
    expect(report.errors).toEqual([expect.objectContaining({ code: "UNSUPPORTED_TYPE" })]);
    expect((await bankDrafts(runtime.db, bankId)).every((draft) => draft.type === "TRUE_FALSE")).toBe(true);
  });

  it("reports bad rows of the template with their row and reason, and imports only the good ones when asked", async () => {
    const csv = [
      "Loại câu hỏi,Nội dung câu hỏi,Phương án A,Phương án B,Phương án C,Phương án D,Đáp án đúng,Giải thích,Văn bản pháp luật,Số hiệu,Điều,Khoản,Chủ đề,Mức độ",
      "Một đáp án,Trẻ em là người dưới bao nhiêu tuổi?,14,16,18,,B,Điều 1 Luật Trẻ em.,Luật Trẻ em,102/2016/QH13,Điều 1,,Trẻ em,Dễ",
      "Một đáp án,Câu không có đáp án đúng?,A1,B1,,,,,,,,,Trẻ em,Dễ",
      "Một đáp án,Đáp án trỏ vào ô trống?,A1,B1,,,D,,,,,,Trẻ em,Dễ",
      "Đúng-Sai,Công dân đủ 14 tuổi phải làm thủ tục cấp thẻ căn cước.,,,,,Đúng,,Luật Căn cước,26/2023/QH15,Điều 19,khoản 1,Căn cước,Trung bình",
    ].join("\n");
    const bankId = await emptyBank();
    const checked = await importQuestions(runtime.db, null, organizer, bankId, file("mau.csv", csv), {
      ...defaults,
      dryRun: true,
    });
    expect(checked.total).toBe(4);
    expect(checked.good).toBe(2);
    expect(checked.errors.map((error) => [error.line, error.code])).toEqual([
      [3, "KEY_MISSING"],
      [4, "KEY_NOT_AN_OPTION"],
    ]);
    expect(await runtime.db.question.count({ where: { bankId } })).toBe(0);

    const applied = await importQuestions(runtime.db, null, organizer, bankId, file("mau.csv", csv), defaults);
    expect(applied.imported).toBe(2);
    expect(await runtime.db.question.count({ where: { bankId } })).toBe(2);
    const again = await importQuestions(runtime.db, null, organizer, bankId, file("mau.csv", csv), {
      ...defaults,
      dryRun: true,
    });
    expect(again.errors.filter((error) => error.code === "DUPLICATE_IN_BANK").map((error) => error.line)).toEqual([
      2, 5,
    ]);
  });

  it("reports unknown topics unless asked to create them, and duplicates within the file", async () => {
    const gift = [
      "// la:topics=Chủ đề lạ",
      "::A:: Câu một? {=Đúng ~Sai ~Không rõ}",
      "",
      "::B:: Câu một? {=Đúng ~Sai ~Không rõ}",
    ].join("\n");
    const bankId = await emptyBank();
    const report = await importQuestions(runtime.db, null, organizer, bankId, file("q.gift", gift), {
      ...defaults,
      dryRun: true,
      createTopics: false,
    });
    expect(report.errors.map((error) => error.code).sort()).toEqual(["DUPLICATE_IN_FILE", "TOPIC_UNKNOWN"]);
  });

  it("refuses files it cannot read, with a reason", async () => {
    const bankId = await emptyBank();
    const broken = await importQuestions(runtime.db, null, organizer, bankId, file("x.xml", "<quiz><question type="), {
      ...defaults,
      dryRun: true,
    });
    expect(broken.fileError?.code).toBe("MALFORMED");
    const pdf = await importQuestions(runtime.db, null, organizer, bankId, file("x.pdf", "%PDF"), {
      ...defaults,
      dryRun: true,
    });
    expect(pdf.fileError?.code).toBe("UNSUPPORTED_TYPE");
    const big = await importQuestions(
      runtime.db,
      null,
      organizer,
      bankId,
      { name: "x.gift", bytes: new Uint8Array(6 * 1024 * 1024) },
      { ...defaults, dryRun: true },
    );
    expect(big.fileError?.code).toBe("TOO_LARGE");
  });
});
