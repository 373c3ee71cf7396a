import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { announcementRows } from "~/contests/announcement.server";
import { contestRanking, scoreDistribution } from "~/contests/results.server";
import { isCorrect } from "~/contests/scoring";
import { participationByNode, participationTimeline, questionStatistics } from "~/contests/statistics.server";
import type { QuestionOption } from "~/questions/draft";
import { seedDemoData } from "../../seeds/demo";
import { createUserWithRole, nodeId } from "../support/fixtures";
import { startTestRuntime, type TestRuntime } from "../support/runtime";

/**
 * The organizer's statistics on a real database. Attempts are written directly, with answers
 * chosen so that every number below can be worked out by hand:
 * - 6 strong contestants answer Q1–Q4 right (4 points), 8 medium ones Q1–Q3 (3 points), 6 weak
 *   ones Q1 and Q5 (2 points). With 20 attempts the upper and lower groups hold 6 each.
 * - Q1 is answered right by everyone: discrimination 0, flagged low. Q5 is answered right only by
 *   the weak: discrimination −1, flagged negative. Q2–Q4 separate perfectly: 1.
 * - Q2 has two correct options; the order in which they were chosen does not matter.
 */
let runtime: TestRuntime;
let contestId: string;
let firstRoundId: string;
let secondRoundId: string;
const versionIds: string[] = [];
const options: QuestionOption[][] = [];
// 08:00 UTC is 15:00 in Vietnam.
const T0 = new Date("2026-11-23T08:00:00Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

const trueFalse = [
  { text: "Đúng", correct: true },
  { text: "Sai", correct: false },
];
const twoKeys = [
  { text: "Phương án A", correct: true },
  { text: "Phương án B", correct: false },
  { text: "Phương án C", correct: true },
];
const RIGHT: number[][] = [[0], [2, 0], [0], [0], [0]];
const WRONG: number[][] = [[1], [0], [1], [1], [1]];

async function question(bankId: string, index: number, choices: QuestionOption[]) {
  const type = choices.length === 2 ? "TRUE_FALSE" : "MULTIPLE_CHOICE";
  const created = await runtime.db.question.create({
    data: { bankId, type, difficulty: "EASY", searchText: `thong ke ${index}`, stemKey: `thong-ke-${index}` },
  });
  const version = await runtime.db.questionVersion.create({
    data: {
      questionId: created.id,
      version: 1,
      type,
      stem: `<p>Câu hỏi thống kê số ${index + 1}</p>`,
      options: choices.map((option) => ({ text: option.text, correct: option.correct })),
      difficulty: "EASY",
      topicNames: [],
    },
  });
  versionIds.push(version.id);
  options.push(choices);
}

/** A closed attempt answering right exactly the questions in `right` (indexes 0–4). */
async function closedAttempt(userId: string, roundId: string, right: number[], startedAt: Date, number = 1) {
  const selections = RIGHT.map((key, index) => (right.includes(index) ? key : WRONG[index]));
  const score = selections.filter((selected, index) => isCorrect(options[index], selected)).length;
  await runtime.db.attempt.create({
    data: {
      roundId,
      userId,
      number,
      status: "SUBMITTED",
      startedAt,
      deadlineAt: new Date(startedAt.getTime() + 30 * 60_000),
      closedAt: new Date(startedAt.getTime() + 10 * 60_000),
      score,
      maxScore: 5,
      correctCount: score,
      timeUsedMs: 10 * 60_000,
      drawn: versionIds.map((versionId, position) => ({
        versionId,
        optionOrder: options[position].map((_, index) => index),
        points: 1,
      })),
      answers: { create: selections.map((selected, position) => ({ position, selected })) },
    },
  });
}

async function contestant(nodeCode: string, registeredFor: string | null) {
  const user = await createUserWithRole(runtime.db, { role: "CONTESTANT", nodeCode });
  await runtime.db.registration.create({
    data: {
      contestId,
      userId: user.id,
      fields: {},
      orgNodeId: registeredFor ? await nodeId(runtime.db, registeredFor) : null,
      consentAt: T0,
      consentVersion: 1,
    },
  });
  return user.id;
}

beforeAll(async () => {
  runtime = await startTestRuntime();
  await seedDemoData(runtime.db);
  const db = runtime.db;
  const bank = await db.questionBank.create({
    data: { orgNodeId: await nodeId(db, "HP-KIMTHANH"), name: "Ngân hàng thống kê (thử)" },
  });
  for (const [index, choices] of [trueFalse, twoKeys, trueFalse, trueFalse, trueFalse].entries()) {
    await question(bank.id, index, choices);
  }
  const contest = await db.contest.create({
    data: {
      orgNodeId: await nodeId(db, "HP-KIMTHANH"),
      title: "Thống kê thử",
      slug: "thong-ke-thu",
      registrationFields: {},
      status: "PUBLISHED",
    },
  });
  contestId = contest.id;
  const round = (position: number, hours: number) =>
    db.round.create({
      data: {
        contestId,
        name: `Đợt ${position}`,
        position,
        opensAt: at(-60),
        closesAt: at(hours * 60),
        timeLimitSeconds: 1800,
        blueprint: { questionIds: [] },
      },
    });
  firstRoundId = (await round(1, 6)).id;
  secondRoundId = (await round(2, 24 * 7)).id;

  // Strong: registered for the school, from 15:00. Medium: school members, no unit chosen, from 17:00.
  // Weak: members of the commune's justice office, from 17:00.
  for (let index = 0; index < 6; index++) {
    await closedAttempt(await contestant("HP-KIMTHANH-DOAN", "HP-KIMTHANH-THCS"), firstRoundId, [0, 1, 2, 3], at(5));
  }
  for (let index = 0; index < 8; index++) {
    await closedAttempt(await contestant("HP-KIMTHANH-THCS", null), firstRoundId, [0, 1, 2], at(125));
  }
  const weak: string[] = [];
  for (let index = 0; index < 6; index++) {
    weak.push(await contestant("HP-KIMTHANH-UBND", null));
    await closedAttempt(weak[index], firstRoundId, [0, 4], at(130));
  }
  // Second round: one weak contestant again, and a contestant from another commune.
  await closedAttempt(weak[0], secondRoundId, [0, 1, 2, 3, 4], at(24 * 60));
  await closedAttempt(await contestant("HP-HAIAN-THPT", null), secondRoundId, [0], at(24 * 60 + 30));
  // Neither a running nor an annulled attempt is a result.
  const running = await contestant("HP-KIMTHANH-THCS", null);
  await runtime.db.attempt.create({
    data: { roundId: firstRoundId, userId: running, number: 1, startedAt: at(10), deadlineAt: at(40), maxScore: 5 },
  });
});
afterAll(() => runtime?.stop());

describe("per-question statistics", () => {
  it("counts draws and right answers and flags low and negative discrimination", async () => {
    const rows = await questionStatistics(runtime.db, firstRoundId);
    const byIndex = (index: number) => rows.find((row) => row.questionVersionId === versionIds[index]);
    expect(rows).toHaveLength(5);
    expect(byIndex(0)).toMatchObject({ drawn: 20, correct: 20, shareCorrect: 1, discrimination: 0, flag: "low" });
    expect(byIndex(1)).toMatchObject({ drawn: 20, correct: 14, discrimination: 1, flag: null });
    expect(byIndex(3)).toMatchObject({ correct: 6, upperDrawn: 6, lowerDrawn: 6, discrimination: 1, flag: null });
    expect(byIndex(4)).toMatchObject({ correct: 6, discrimination: -1, flag: "negative" });
    expect(byIndex(4)?.stem).toBe("Câu hỏi thống kê số 5");
    // The worst question is listed first.
    expect(rows[0].questionVersionId).toBe(versionIds[4]);
  });
});

describe("participation", () => {
  it("counts attempts started and finished and new contestants per hour of a short round", async () => {
    const points = await participationTimeline(runtime.db, [firstRoundId], "hour");
    expect(points).toEqual([
      { at: "2026-11-23T15:00", started: 7, finished: 6, newContestants: 7 },
      { at: "2026-11-23T16:00", started: 0, finished: 0, newContestants: 0 },
      { at: "2026-11-23T17:00", started: 14, finished: 14, newContestants: 14 },
    ]);
  });

  it("counts per day over the whole contest", async () => {
    const points = await participationTimeline(runtime.db, [firstRoundId, secondRoundId], "day");
    expect(points.map((point) => [point.at, point.started, point.newContestants])).toEqual([
      ["2026-11-23T00:00", 21, 21],
      ["2026-11-24T00:00", 2, 1],
    ]);
  });

  it("attributes contestants to the unit they registered for, else their own, with the share of members", async () => {
    const { participants, outside, nodes } = await participationByNode(runtime.db, await contestNode(), [
      firstRoundId,
      secondRoundId,
    ]);
    expect(participants).toBe(21);
    expect(outside).toBe(1);
    const school = nodes.find((node) => node.name.startsWith("Trường THCS xã Kim Thành"));
    const office = nodes.find((node) => node.name.startsWith("UBND xã Kim Thành"));
    const commune = nodes.find((node) => node.level === 0);
    expect(school?.participants).toBe(14);
    expect(office?.participants).toBe(6);
    expect(commune?.participants).toBe(20);
    // The youth union has members (the strong contestants) but none competes for it.
    expect(nodes.some((node) => node.name.startsWith("Đoàn Thanh niên xã Kim Thành"))).toBe(false);
    const schoolMembers = await runtime.db.membership.count({
      where: { orgNodeId: school?.nodeId, role: { in: ["CONTESTANT", "LEARNER"] } },
    });
    expect(school?.members).toBe(schoolMembers);
    expect(school?.share).toBeCloseTo(14 / schoolMembers);
  });
});

async function contestNode() {
  const contest = await runtime.db.contest.findUniqueOrThrow({
    where: { id: contestId },
    select: { id: true, orgNode: { select: { path: true, depth: true } } },
  });
  return { id: contest.id, orgNodePath: contest.orgNode.path, orgNodeDepth: contest.orgNode.depth };
}

describe("scores over the contest", () => {
  it("gives the score distribution of a round and of the contest totals", async () => {
    expect(await scoreDistribution(runtime.db, { roundId: firstRoundId })).toEqual({
      maxScore: 5,
      counts: [
        { score: 2, count: 6 },
        { score: 3, count: 8 },
        { score: 4, count: 6 },
      ],
    });
    const contest = await scoreDistribution(runtime.db, { contestId });
    expect(contest.maxScore).toBe(10);
    expect(contest.counts).toEqual([
      { score: 1, count: 1 },
      { score: 2, count: 5 },
      { score: 3, count: 8 },
      { score: 4, count: 6 },
      { score: 7, count: 1 },
    ]);
  });

  it("ranks the whole contest by the sum of each round's counting score", async () => {
    const { participants, ranking } = await contestRanking(runtime.db, contestId);
    expect(participants).toBe(21);
    expect(ranking[0]).toMatchObject({ rank: 1, score: 7, roundsTaken: 2, timeUsedMs: 20 * 60_000 });
    // The six strong contestants are equal on score, time and submission: they share rank 2.
    expect(ranking.slice(1, 7).every((entry) => entry.score === 4 && entry.rank === 2)).toBe(true);
    const page = await contestRanking(runtime.db, contestId, { offset: 20, limit: 10 });
    expect(page.participants).toBe(21);
    expect(page.ranking.map((entry) => [entry.rank, entry.score])).toEqual([[21, 1]]);
  });
});

describe("result announcement", () => {
  it("lists the top N and everyone sharing the N-th rank, phone numbers masked", async () => {
    const contest = { id: contestId, registrationFields: { fullName: "required", phone: "optional" } };
    const strong = await runtime.db.attempt.findFirstOrThrow({
      where: { roundId: firstRoundId, score: 4 },
      select: { userId: true },
    });
    await runtime.db.registration.update({
      where: { contestId_userId: { contestId, userId: strong.userId } },
      data: { fields: { fullName: "Người thử nhất", phone: "0900000456" } },
    });
    // Top 3 of the contest: 1 at rank 1, then six strong contestants tied at rank 2.
    const { participants, rows, tiesIncluded } = await announcementRows(runtime.db, contest, { contestId }, 3);
    expect(participants).toBe(21);
    expect(tiesIncluded).toBe(true);
    expect(rows.map((row) => row.rank)).toEqual([1, 2, 2, 2, 2, 2, 2]);
    const named = rows.find((row) => row.fullName === "Người thử nhất");
    expect(named?.phone).toBe("090****456");
    expect(named?.unit).toBe("Trường THCS xã Kim Thành (demo)");
    const round = await announcementRows(runtime.db, contest, { roundId: firstRoundId }, 6);
    expect(round.tiesIncluded).toBe(false);
    expect(round.rows.map((row) => [row.rank, row.score, row.maxScore])).toEqual(Array(6).fill([1, 4, 5]));
  });
});
