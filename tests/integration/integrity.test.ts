import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveAnswer, startAttempt, submitAttempt } from "~/contests/attempts.server";
import {
  annulAttempt,
  recordAttemptSession,
  recordPageSignals,
  reinstateAttempt,
  roundIntegrity,
  THRESHOLDS,
} from "~/contests/integrity.server";
import { roundRanking } from "~/contests/results.server";
import { DEMO_BANK, seedDemoData } from "../../seeds/demo";
import { createUserWithRole, currentUserFor, nodeId } from "../support/fixtures";
import { startTestRuntime, type TestRuntime } from "../support/runtime";

/**
 * Integrity signals recorded as an attempt runs, the organizer's flags, and annulment. Each
 * test uses its own round so that shared-address counts do not leak between tests.
 */
let runtime: TestRuntime;
let bankId: string;
let contestId: string;
const T0 = new Date("2026-11-23T08:00:00Z");
const seconds = (n: number) => new Date(T0.getTime() + n * 1000);

async function newRound() {
  const position = (await runtime.db.round.count({ where: { contestId } })) + 1;
  return runtime.db.round.create({
    data: {
      contestId,
      name: `Đợt ${position}`,
      position,
      opensAt: seconds(-3600),
      closesAt: seconds(3600),
      timeLimitSeconds: 15 * 60,
      blueprint: { rules: [{ bankId, difficulty: "MEDIUM", count: 8 }] },
    },
  });
}

async function contestant() {
  const user = await createUserWithRole(runtime.db, {
    role: "CONTESTANT",
    nodeCode: "HP-KIMTHANH-THCS",
    fullName: "Thí sinh thử (demo)",
  });
  await runtime.db.registration.create({
    data: { contestId, userId: user.id, fields: {}, consentAt: T0, consentVersion: 1 },
  });
  return user.id;
}

async function start(roundId: string, userId: string, origin: { ip?: string; deviceId?: string } = {}) {
  const started = await startAttempt(runtime.db, {
    userId,
    roundId,
    now: T0,
    origin: { sessionId: `session-${userId}`, ip: origin.ip ?? null, deviceId: origin.deviceId ?? null },
  });
  if (!started.ok) throw new Error(started.code);
  return started.attemptId;
}

beforeAll(async () => {
  runtime = await startTestRuntime();
  await seedDemoData(runtime.db);
  bankId = (await runtime.db.questionBank.findFirstOrThrow({ where: { name: DEMO_BANK.name } })).id;
  const contest = await runtime.db.contest.create({
    data: {
      orgNodeId: await nodeId(runtime.db, "HP-KIMTHANH"),
      title: "Cuộc thi thử tính trung thực",
      slug: "cuoc-thi-thu-trung-thuc",
      registrationFields: {},
      status: "PUBLISHED",
    },
  });
  contestId = contest.id;
});
afterAll(() => runtime?.stop());

describe("integrity signals", () => {
  it("records where an attempt started, the sessions that opened it, and the page's reports", async () => {
    const round = await newRound();
    const userId = await contestant();
    const attemptId = await start(round.id, userId, { ip: "203.0.113.7", deviceId: "device-aaaaaaaaaaaaaaaa" });
    await recordAttemptSession(runtime.db, attemptId, `session-${userId}`); // a reload: no new session
    await recordAttemptSession(runtime.db, attemptId, "another-phone");
    const report = { hiddenCount: 2, hiddenMs: 40_000, hiddenMaxMs: 30_000, copyCount: 0, pasteCount: 1 };
    expect(await recordPageSignals(runtime.db, { attemptId, userId, signals: report })).toBe("recorded");
    expect(
      await recordPageSignals(runtime.db, {
        attemptId,
        userId,
        signals: { ...report, hiddenCount: 1, hiddenMs: 25_000, hiddenMaxMs: 25_000, pasteCount: 0 },
      }),
    ).toBe("recorded");
    // Somebody else cannot add to it, and it does not exist for them.
    const stranger = await contestant();
    expect(await recordPageSignals(runtime.db, { attemptId, userId: stranger, signals: report })).toBe("notFound");

    const attempt = await runtime.db.attempt.findUniqueOrThrow({ where: { id: attemptId } });
    expect(attempt).toMatchObject({
      startIp: "203.0.113.7",
      deviceId: "device-aaaaaaaaaaaaaaaa",
      sessionIds: [`session-${userId}`, "another-phone"],
      hiddenCount: 3,
      hiddenMs: 65_000,
      hiddenMaxMs: 30_000,
      pasteCount: 1,
    });
    const flags = (await roundIntegrity(runtime.db, round.id)).get(attemptId);
    expect(flags?.map((flag) => flag.kind).sort()).toEqual(["concurrentSessions", "copyPaste", "tabHidden"]);
    expect(flags?.find((flag) => flag.kind === "tabHidden")?.detail).toEqual({
      count: 3,
      seconds: 65,
      longestSeconds: 30,
    });

    // Once closed, the attempt takes no more reports.
    await submitAttempt(runtime.db, { attemptId, userId, now: seconds(600) });
    expect(await recordPageSignals(runtime.db, { attemptId, userId, signals: report })).toBe("closed");
  });

  it("flags answers given faster than a question can be read, first answers only", async () => {
    const round = await newRound();
    const userId = await contestant();
    const attemptId = await start(round.id, userId);
    // Six questions answered 1 s apart, then one changed quickly (not counted again), two at a normal pace.
    for (let position = 0; position < 6; position++)
      await saveAnswer(runtime.db, { attemptId, userId, position, selected: [0], now: seconds(position + 1) });
    await saveAnswer(runtime.db, { attemptId, userId, position: 5, selected: [1], now: seconds(6.5) });
    await saveAnswer(runtime.db, { attemptId, userId, position: 6, selected: [0], now: seconds(40) });
    await saveAnswer(runtime.db, { attemptId, userId, position: 7, selected: [0], now: seconds(80) });
    await submitAttempt(runtime.db, { attemptId, userId, now: seconds(90) });
    expect((await runtime.db.attempt.findUniqueOrThrow({ where: { id: attemptId } })).fastAnswerCount).toBe(6);
    expect((await roundIntegrity(runtime.db, round.id)).get(attemptId)).toEqual([
      { kind: "fastAnswers", detail: { count: 6, questions: 8 } },
    ]);

    // A contestant reading each question raises nothing.
    const careful = await contestant();
    const carefulAttempt = await start(round.id, careful);
    for (let position = 0; position < 8; position++)
      await saveAnswer(runtime.db, {
        attemptId: carefulAttempt,
        userId: careful,
        position,
        selected: [0],
        now: seconds(20 * (position + 1)),
      });
    await submitAttempt(runtime.db, { attemptId: carefulAttempt, userId: careful, now: seconds(200) });
    expect((await roundIntegrity(runtime.db, round.id)).has(carefulAttempt)).toBe(false);
  });

  it("flags many accounts on one device at once, and on one address only past a school's worth", async () => {
    const round = await newRound();
    const onePhone = [await contestant(), await contestant()];
    const phoneAttempts = await Promise.all(
      onePhone.map((userId) => start(round.id, userId, { deviceId: "shared-phone-000000" })),
    );
    const belowThreshold = THRESHOLDS.sharedIpAccounts - 1;
    const schoolAttempts: string[] = [];
    for (let index = 0; index < belowThreshold; index++)
      schoolAttempts.push(await start(round.id, await contestant(), { ip: "198.51.100.20" }));
    let flags = await roundIntegrity(runtime.db, round.id);
    for (const attemptId of phoneAttempts)
      expect(flags.get(attemptId)).toEqual([{ kind: "sharedDevice", detail: { accounts: 2 } }]);
    for (const attemptId of schoolAttempts) expect(flags.has(attemptId)).toBe(false);

    schoolAttempts.push(await start(round.id, await contestant(), { ip: "198.51.100.20" }));
    flags = await roundIntegrity(runtime.db, round.id);
    for (const attemptId of schoolAttempts)
      expect(flags.get(attemptId)).toEqual([{ kind: "sharedIp", detail: { accounts: THRESHOLDS.sharedIpAccounts } }]);
  });
});

describe("annulment", () => {
  it("is the contest organizer's, needs a reason, is audited, and can be undone", async () => {
    const round = await newRound();
    const organizer = await currentUserFor(
      runtime.db,
      (await createUserWithRole(runtime.db, { role: "ORGANIZER", nodeCode: "HP-KIMTHANH" })).id,
    );
    const sibling = await currentUserFor(
      runtime.db,
      (await createUserWithRole(runtime.db, { role: "ORGANIZER", nodeCode: "HP-HAIAN" })).id,
    );
    const userId = await contestant();
    const attemptId = await start(round.id, userId);
    const reason = "Làm bài hộ người khác (đã xác minh)";

    expect(await annulAttempt(runtime.db, null, organizer, { attemptId, reason })).toMatchObject({
      ok: false,
      code: "STILL_RUNNING",
    });
    await submitAttempt(runtime.db, { attemptId, userId, now: seconds(300) });
    expect((await roundRanking(runtime.db, round.id)).ranking).toHaveLength(1);

    expect(await annulAttempt(runtime.db, null, sibling, { attemptId, reason })).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
    expect(await annulAttempt(runtime.db, null, organizer, { attemptId, reason: " gian " })).toMatchObject({
      ok: false,
      message: "errors.integrity.reasonTooShort",
    });
    expect((await runtime.db.attempt.findUniqueOrThrow({ where: { id: attemptId } })).status).toBe("SUBMITTED");

    expect(await annulAttempt(runtime.db, null, organizer, { attemptId, reason })).toEqual({ ok: true });
    const annulled = await runtime.db.attempt.findUniqueOrThrow({ where: { id: attemptId } });
    expect(annulled).toMatchObject({ status: "ANNULLED", annulledReason: reason, annulledById: organizer.id });
    expect((await roundRanking(runtime.db, round.id)).ranking).toHaveLength(0);
    expect(await annulAttempt(runtime.db, null, organizer, { attemptId, reason })).toMatchObject({
      code: "ALREADY_ANNULLED",
    });

    expect(await reinstateAttempt(runtime.db, null, organizer, { attemptId })).toEqual({ ok: true });
    expect(await runtime.db.attempt.findUniqueOrThrow({ where: { id: attemptId } })).toMatchObject({
      status: "SUBMITTED",
      annulledReason: null,
    });
    expect((await roundRanking(runtime.db, round.id)).ranking).toHaveLength(1);

    const trail = await runtime.db.auditLog.findMany({
      where: { targetId: attemptId },
      orderBy: { createdAt: "asc" },
      select: { action: true, actorId: true, details: true },
    });
    expect(trail).toEqual([
      { action: "attempt.annulled", actorId: organizer.id, details: { reason, previousStatus: "SUBMITTED" } },
      { action: "attempt.reinstated", actorId: organizer.id, details: { annulledReason: reason, status: "SUBMITTED" } },
    ]);
  });
});
