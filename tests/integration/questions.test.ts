import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "~/auth/guards.server";
import { bankAccess, createBank, loadBankFor } from "~/questions/banks.server";
import type { QuestionDraft } from "~/questions/draft";
import {
  bulkUpdate,
  createQuestion,
  findSimilarQuestions,
  listQuestions,
  reviewQuestion,
  updateQuestion,
} from "~/questions/questions.server";
import { seedDemoData } from "../../seeds/demo";
import { createUserWithRole, currentUserFor, nodeId } from "../support/fixtures";
import { startTestRuntime, type TestRuntime } from "../support/runtime";

let runtime: TestRuntime;
let cityOrganizer: CurrentUser;
let communeOrganizer: CurrentUser;
let siblingOrganizer: CurrentUser;
let cityBankId: string;

const draft = (overrides: Partial<QuestionDraft> = {}): QuestionDraft => ({
  type: "SINGLE_CHOICE",
  stem: "Theo Luật Hôn nhân và gia đình, nam kết hôn từ đủ bao nhiêu tuổi?",
  options: [
    { text: "18 tuổi", correct: false },
    { text: "20 tuổi", correct: true },
    { text: "21 tuổi", correct: false },
  ],
  explanation: "Điều 8 khoản 1 điểm a: nam từ đủ 20 tuổi trở lên.",
  citation: { document: "Luật Hôn nhân và gia đình", number: "52/2014/QH13", article: "Điều 8", clause: "khoản 1" },
  topics: ["Hôn nhân và gia đình"],
  difficulty: "EASY",
  externalId: null,
  ...overrides,
});

beforeAll(async () => {
  runtime = await startTestRuntime();
  const db = runtime.db;
  await seedDemoData(db);
  cityOrganizer = await currentUserFor(db, (await createUserWithRole(db, { role: "ORGANIZER", nodeCode: "HP" })).id);
  communeOrganizer = await currentUserFor(
    db,
    (await createUserWithRole(db, { role: "ORGANIZER", nodeCode: "HP-KIMTHANH" })).id,
  );
  siblingOrganizer = await currentUserFor(
    db,
    (await createUserWithRole(db, { role: "ORGANIZER", nodeCode: "GL-KONCHIENG" })).id,
  );
  const created = await createBank(db, null, cityOrganizer, {
    orgNodeId: await nodeId(db, "HP"),
    name: "Ngân hàng thành phố",
    description: null,
  });
  if (!created.ok) throw new Error("setup");
  cityBankId = created.bankId;
});
afterAll(() => runtime?.stop());

describe("bank access down the tree", () => {
  it("lets the city edit, its communes read, and other provinces see nothing", async () => {
    const db = runtime.db;
    expect((await loadBankFor(db, cityOrganizer, cityBankId))?.access).toBe("write");
    expect((await loadBankFor(db, communeOrganizer, cityBankId))?.access).toBe("read");
    expect(await loadBankFor(db, siblingOrganizer, cityBankId)).toBeNull();
    expect(bankAccess(communeOrganizer, "/other/")).toBe("none");
    const denied = await createQuestion(db, null, communeOrganizer, cityBankId, draft({ stem: "Câu hỏi của xã" }));
    expect(denied).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });
});

describe("versions and review", () => {
  it("keeps the approved version for draws while an edit waits for review", async () => {
    const db = runtime.db;
    const created = await createQuestion(db, null, cityOrganizer, cityBankId, draft());
    if (!created.ok) throw new Error(created.message);
    expect(await reviewQuestion(db, null, cityOrganizer, created.questionId, "submit", null)).toEqual({
      ok: true,
      status: "IN_REVIEW",
    });
    expect(await reviewQuestion(db, null, cityOrganizer, created.questionId, "return", " ")).toMatchObject({
      ok: false,
      code: "COMMENT_REQUIRED",
    });
    expect(await reviewQuestion(db, null, cityOrganizer, created.questionId, "approve", null)).toEqual({
      ok: true,
      status: "APPROVED",
    });
    const approved = await db.question.findUniqueOrThrow({ where: { id: created.questionId } });
    expect(approved.approvedVersionId).toBe(approved.latestVersionId);

    const edited = await updateQuestion(
      db,
      null,
      cityOrganizer,
      created.questionId,
      draft({ explanation: "Giải thích mới." }),
    );
    expect(edited).toEqual({ ok: true, version: 2 });
    const after = await db.question.findUniqueOrThrow({
      where: { id: created.questionId },
      include: { approvedVersion: true, latestVersion: true },
    });
    expect(after.status).toBe("DRAFT");
    expect(after.approvedVersion?.version).toBe(1);
    expect(after.approvedVersion?.explanation).toBe("Điều 8 khoản 1 điểm a: nam từ đủ 20 tuổi trở lên.");
    expect(after.latestVersion?.version).toBe(2);
    expect(await db.questionVersion.count({ where: { questionId: created.questionId } })).toBe(2);

    expect(await reviewQuestion(db, null, cityOrganizer, created.questionId, "retire", null)).toEqual({
      ok: true,
      status: "RETIRED",
    });
    expect(await reviewQuestion(db, null, cityOrganizer, created.questionId, "retire", null)).toMatchObject({
      ok: false,
      code: "WRONG_STATUS",
    });
    expect(await reviewQuestion(db, null, cityOrganizer, created.questionId, "restore", null)).toEqual({
      ok: true,
      status: "DRAFT",
    });
  });

  it("refuses an invalid question with the first reason", async () => {
    const result = await createQuestion(
      runtime.db,
      null,
      cityOrganizer,
      cityBankId,
      draft({
        options: [
          { text: "Một", correct: false },
          { text: "Hai", correct: false },
        ],
      }),
    );
    expect(result).toMatchObject({ ok: false, code: "KEY_MISSING", message: "errors.question.keyMissing" });
  });
});

describe("finding questions", () => {
  let bankId: string;
  beforeAll(async () => {
    const db = runtime.db;
    const created = await createBank(db, null, cityOrganizer, {
      orgNodeId: await nodeId(db, "HP"),
      name: "Ngân hàng tìm kiếm",
      description: null,
    });
    if (!created.ok) throw new Error("setup");
    bankId = created.bankId;
    const stems = [
      ["Luật Đất đai năm 2024 quy định đất đai thuộc sở hữu của ai?", "Đất đai", "MEDIUM"],
      ["Người điều khiển xe mô tô có phải đội mũ bảo hiểm không?", "Giao thông", "EASY"],
      ["Thẻ căn cước được cấp cho công dân từ bao nhiêu tuổi?", "Căn cước", "HARD"],
    ] as const;
    for (const [stem, topic, difficulty] of stems) {
      await createQuestion(db, null, cityOrganizer, bankId, draft({ stem, topics: [topic], difficulty }));
    }
  });

  it("finds 'luat dat dai' in 'Luật Đất đai', ignoring accents and case", async () => {
    const result = await listQuestions(runtime.db, bankId, { q: "luat dat dai" }, { skip: 0, take: 10 });
    expect(result.total).toBe(1);
    expect(result.rows[0].stemText).toContain("Luật Đất đai");
    expect((await listQuestions(runtime.db, bankId, { q: "MU BAO HIEM" }, { skip: 0, take: 10 })).total).toBe(1);
    expect((await listQuestions(runtime.db, bankId, { q: "can cu" }, { skip: 0, take: 10 })).total).toBe(1); // prefix
    expect((await listQuestions(runtime.db, bankId, { q: "hình sự" }, { skip: 0, take: 10 })).total).toBe(0);
  });

  it("filters by difficulty, status and topic, and pages", async () => {
    const db = runtime.db;
    expect(
      (await listQuestions(db, bankId, { difficulty: "HARD" }, { skip: 0, take: 10 })).rows.map((r) => r.topics),
    ).toEqual([["Căn cước"]]);
    expect((await listQuestions(db, bankId, { status: "APPROVED" }, { skip: 0, take: 10 })).total).toBe(0);
    const topic = await db.topic.findFirstOrThrow({ where: { bankId, name: "Giao thông" } });
    expect((await listQuestions(db, bankId, { topicId: topic.id }, { skip: 0, take: 10 })).total).toBe(1);
    const page2 = await listQuestions(db, bankId, {}, { skip: 2, take: 2 });
    expect(page2.total).toBe(3);
    expect(page2.rows).toHaveLength(1);
  });

  it("warns about a nearly identical stem", async () => {
    const similar = await findSimilarQuestions(
      runtime.db,
      bankId,
      "Người điều khiển xe mô tô có phải đội mũ bảo hiểm hay không?",
    );
    expect(similar).toHaveLength(1);
    expect(similar[0].similarity).toBeGreaterThan(0.75);
    expect(await findSimilarQuestions(runtime.db, bankId, "Trẻ em là người dưới bao nhiêu tuổi?")).toEqual([]);
  });

  it("tags, approves and moves in bulk, all or nothing", async () => {
    const db = runtime.db;
    const { rows } = await listQuestions(db, bankId, {}, { skip: 0, take: 10 });
    const ids = rows.map((row) => row.id);
    expect(
      await bulkUpdate(db, null, cityOrganizer, bankId, { action: "tag", questionIds: ids, topic: "Ôn thi tuần 1" }),
    ).toEqual({ ok: true, count: 3 });
    expect(await bulkUpdate(db, null, cityOrganizer, bankId, { action: "approve", questionIds: ids })).toEqual({
      ok: true,
      count: 3,
    });
    expect((await listQuestions(db, bankId, { status: "APPROVED" }, { skip: 0, take: 10 })).total).toBe(3);
    expect(await bulkUpdate(db, null, communeOrganizer, bankId, { action: "retire", questionIds: ids })).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    const moved = await bulkUpdate(db, null, cityOrganizer, bankId, {
      action: "move",
      questionIds: ids.slice(0, 1),
      targetBankId: cityBankId,
    });
    expect(moved).toEqual({ ok: true, count: 1 });
    const movedQuestion = await db.question.findUniqueOrThrow({
      where: { id: ids[0] },
      include: { topics: { include: { topic: true } } },
    });
    expect(movedQuestion.bankId).toBe(cityBankId);
    expect(movedQuestion.topics.every((link) => link.topic.bankId === cityBankId)).toBe(true);
  });
});
