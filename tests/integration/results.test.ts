import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveAnswer, startAttempt, submitAttempt } from "~/contests/attempts.server";
import { roundRanking } from "~/contests/results.server";
import type { QuestionOption } from "~/questions/draft";
import { DEMO_BANK, seedDemoData } from "../../seeds/demo";
import { createUserWithRole, nodeId } from "../support/fixtures";
import { startTestRuntime, type TestRuntime } from "../support/runtime";

let runtime: TestRuntime;
let roundId: string;
let contestId: string;
const T0 = new Date("2026-11-23T08:00:00Z");
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

/** Starts an attempt, answers the first `correct` questions right and the rest wrong, submits. */
async function play(userId: string, correct: number, submitAfterSeconds: number, prediction: number | null) {
  const started = await startAttempt(runtime.db, { userId, roundId, now: T0 });
  if (!started.ok) throw new Error(started.code);
  const questions = await runtime.db.attemptQuestion.findMany({
    where: { attemptId: started.attemptId },
    orderBy: { position: "asc" },
    include: { questionVersion: true },
  });
  for (const question of questions) {
    const options = question.questionVersion.options as unknown as QuestionOption[];
    const right = question.optionOrder.flatMap((original, shown) => (options[original].correct ? [shown] : []));
    const wrong = question.optionOrder
      .flatMap((original, shown) => (options[original].correct ? [] : [shown]))
      .slice(0, 1);
    await saveAnswer(runtime.db, {
      attemptId: started.attemptId,
      userId,
      position: question.position,
      selected: question.position < correct ? right : wrong,
      now: at(1),
    });
  }
  return submitAttempt(runtime.db, { attemptId: started.attemptId, userId, prediction, now: at(submitAfterSeconds) });
}

async function contestant(name: string) {
  const user = await createUserWithRole(runtime.db, {
    role: "CONTESTANT",
    nodeCode: "HP-KIMTHANH-THCS",
    fullName: name,
  });
  await runtime.db.registration.create({
    data: { contestId, userId: user.id, fields: {}, consentAt: T0, consentVersion: 1 },
  });
  return user.id;
}

beforeAll(async () => {
  runtime = await startTestRuntime();
  await seedDemoData(runtime.db);
  const bankId = (await runtime.db.questionBank.findFirstOrThrow({ where: { name: DEMO_BANK.name } })).id;
  const contest = await runtime.db.contest.create({
    data: {
      orgNodeId: await nodeId(runtime.db, "HP-KIMTHANH"),
      title: "Xếp hạng thử",
      slug: "xep-hang-thu",
      registrationFields: {},
      status: "PUBLISHED",
    },
  });
  contestId = contest.id;
  const round = await runtime.db.round.create({
    data: {
      contestId,
      name: "Đợt 1",
      position: 1,
      opensAt: at(-3600),
      closesAt: at(3600),
      timeLimitSeconds: 1800,
      attemptsAllowed: 2,
      countingAttempt: "BEST",
      predictionEnabled: true,
      blueprint: { rules: [{ bankId, count: 10 }] },
    },
  });
  roundId = round.id;
});
afterAll(() => runtime?.stop());

describe("round ranking", () => {
  it("ranks by score, then prediction closeness, then time, counting each contestant's best attempt", async () => {
    const an = await contestant("An");
    const binh = await contestant("Bình");
    const chi = await contestant("Chi");
    const dung = await contestant("Dũng");
    await play(an, 8, 300, 10); // 8 points
    await play(binh, 9, 600, 50); // 9 points: first
    await play(chi, 8, 200, 4); // 8 points, prediction 4 is exact (4 participants): ahead of An
    await play(dung, 5, 100, 4); // first attempt 5 points…
    await play(dung, 8, 200, 100); // …second attempt 8 points, far prediction, fast
    const { participants, ranking } = await roundRanking(runtime.db, roundId);
    expect(participants).toBe(4);
    expect(ranking.map((entry) => [entry.fullName, entry.score, entry.rank])).toEqual([
      ["Bình", 9, 1],
      ["Chi", 8, 2],
      ["An", 8, 3],
      ["Dũng", 8, 4],
    ]);
    expect(ranking.find((entry) => entry.fullName === "Dũng")?.number).toBe(2);
  });

  it("exports the ranking to Excel with personal numbers masked", async () => {
    const ExcelJS = (await import("exceljs")).default;
    const { rankingWorkbook } = await import("~/contests/ranking-export.server");
    const phoneUser = await contestant("Giang");
    await runtime.db.registration.update({
      where: { contestId_userId: { contestId, userId: phoneUser } },
      data: { fields: { fullName: "Giang", unit: "Lớp 9B", phone: "0912345678", citizenId: "031203001234" } },
    });
    await play(phoneUser, 1, 100, null);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await rankingWorkbook(runtime.db, roundId)) as unknown as ArrayBuffer);
    const rows = workbook.worksheets[0].getSheetValues().filter(Boolean) as unknown[][];
    const giang = rows.find((row) => row.includes("Giang")) as unknown[];
    expect(giang).toContain("Lớp 9B");
    expect(giang).toContain("091****678");
    expect(giang).toContain("031******234");
    expect(JSON.stringify(rows)).not.toContain("0912345678");
    expect(JSON.stringify(rows)).not.toContain("031203001234");
    expect(rows.find((row) => row.includes("Bình"))?.[1]).toBe(1);
  });

  it("leaves annulled attempts out", async () => {
    const cheat = await contestant("Em");
    await play(cheat, 10, 50, 4);
    await runtime.db.attempt.updateMany({
      where: { userId: cheat },
      data: { status: "ANNULLED", annulledReason: "Nhiều tài khoản trên một thiết bị" },
    });
    const { ranking } = await roundRanking(runtime.db, roundId);
    expect(ranking.some((entry) => entry.fullName === "Em")).toBe(false);
  });
});
