import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attemptView, closeExpiredAttempts, saveAnswer, startAttempt, submitAttempt } from "~/contests/attempts.server";
import type { QuestionOption } from "~/questions/draft";
import { DEMO_BANK, seedDemoData } from "../../seeds/demo";
import { createUserWithRole, drawnWithVersions, nodeId } from "../support/fixtures";
import { startTestRuntime, type TestRuntime } from "../support/runtime";

let runtime: TestRuntime;
let bankId: string;
let contestId: string;
const T0 = new Date("2026-11-23T08:00:00Z");
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

async function newRound(overrides: Record<string, unknown> = {}) {
  const position = (await runtime.db.round.count({ where: { contestId } })) + 1;
  return runtime.db.round.create({
    data: {
      contestId,
      name: `Đợt ${position}`,
      position,
      opensAt: minutes(-60),
      closesAt: minutes(60),
      timeLimitSeconds: 15 * 60,
      blueprint: {
        rules: [
          { bankId, difficulty: "EASY", count: 5 },
          { bankId, difficulty: "MEDIUM", count: 10 },
          { bankId, difficulty: "HARD", count: 5 },
        ],
      },
      ...overrides,
    },
  });
}

async function contestant() {
  const user = await createUserWithRole(runtime.db, { role: "CONTESTANT", nodeCode: "HP-KIMTHANH-THCS" });
  await runtime.db.registration.create({
    data: { contestId, userId: user.id, fields: {}, consentAt: T0, consentVersion: 1 },
  });
  return user.id;
}

beforeAll(async () => {
  runtime = await startTestRuntime();
  await seedDemoData(runtime.db);
  bankId = (await runtime.db.questionBank.findFirstOrThrow({ where: { name: DEMO_BANK.name } })).id;
  const contest = await runtime.db.contest.create({
    data: {
      orgNodeId: await nodeId(runtime.db, "HP"),
      title: "Cuộc thi thử",
      slug: "cuoc-thi-thu",
      registrationFields: {},
      status: "PUBLISHED",
    },
  });
  contestId = contest.id;
});
afterAll(() => runtime?.stop());

describe("the attempt lifecycle", () => {
  it("draws the blueprint, freezes it, and sends no key or explanation", async () => {
    const round = await newRound();
    const userId = await contestant();
    const started = await startAttempt(runtime.db, { userId, roundId: round.id, now: T0 });
    if (!started.ok) throw new Error(started.code);
    const view = await attemptView(runtime.db, { attemptId: started.attemptId, userId, now: T0 });
    expect(view?.questions).toHaveLength(20);
    expect(view?.remainingMs).toBe(15 * 60_000);
    const payload = JSON.stringify(view);
    expect(payload).not.toMatch(/"correct"|explanation|citation/i);
    const frozen = await drawnWithVersions(runtime.db, [started.attemptId]);
    expect(new Set(frozen.map((q) => q.questionVersionId)).size).toBe(20);
    expect(frozen.filter((q) => q.questionVersion.difficulty === "HARD")).toHaveLength(5);
  });

  it("resumes the same attempt on reload and under a double click, never two", async () => {
    const round = await newRound();
    const userId = await contestant();
    const results = await Promise.all(
      Array.from({ length: 5 }, () => startAttempt(runtime.db, { userId, roundId: round.id, now: T0 })),
    );
    const ids = new Set(results.map((result) => (result.ok ? result.attemptId : result.code)));
    expect(ids.size).toBe(1);
    expect(await runtime.db.attempt.count({ where: { userId } })).toBe(1);
    const again = await startAttempt(runtime.db, { userId, roundId: round.id, now: minutes(1) });
    expect(again).toMatchObject({ ok: true, resumed: true });
  });

  it("saves concurrent answers, scores them on submit, and is idempotent", async () => {
    const round = await newRound({ shuffleOptions: true });
    const userId = await contestant();
    const started = await startAttempt(runtime.db, { userId, roundId: round.id, now: T0 });
    if (!started.ok) throw new Error(started.code);
    const frozen = await drawnWithVersions(runtime.db, [started.attemptId]);
    // Answer the first 12 correctly (translating the key into the shown order), the rest wrongly.
    const saves = frozen.map((question) => {
      const options = question.questionVersion.options as unknown as QuestionOption[];
      const shownCorrect = question.optionOrder.flatMap((original, shown) =>
        options[original].correct ? [shown] : [],
      );
      const shownWrong = question.optionOrder
        .flatMap((original, shown) => (options[original].correct ? [] : [shown]))
        .slice(0, 1);
      return saveAnswer(runtime.db, {
        attemptId: started.attemptId,
        userId,
        position: question.position,
        selected: question.position < 12 ? shownCorrect : shownWrong,
        now: minutes(2),
      });
    });
    const acks = await Promise.all([...saves, ...saves.slice(0, 3)]);
    expect(acks.every((ack) => ack.ok)).toBe(true);
    expect(await runtime.db.attemptAnswer.count({ where: { attemptId: started.attemptId } })).toBe(20);

    const submitted = await submitAttempt(runtime.db, {
      attemptId: started.attemptId,
      userId,
      prediction: 100,
      now: minutes(5),
    });
    expect(submitted).toEqual({ ok: true, status: "SUBMITTED", score: 12 });
    expect(await submitAttempt(runtime.db, { attemptId: started.attemptId, userId, now: minutes(6) })).toEqual({
      ok: true,
      status: "SUBMITTED",
      score: 12,
    });
    const stored = await runtime.db.attempt.findUniqueOrThrow({ where: { id: started.attemptId } });
    expect(stored).toMatchObject({ correctCount: 12, timeUsedMs: 5 * 60_000, prediction: 100, maxScore: 20 });
    expect(
      await saveAnswer(runtime.db, {
        attemptId: started.attemptId,
        userId,
        position: 0,
        selected: [0],
        now: minutes(7),
      }),
    ).toMatchObject({ ok: false, code: "ATTEMPT_CLOSED" });
  });

  it("never acknowledges an answer the score leaves out: saves racing a submit are either counted or refused", async () => {
    // Found by the fault test (tests/faults/): a save committed while the submit was scoring
    // was acknowledged "saved" yet missing from the score. Two tabs of one contestant do this.
    for (let round = 0; round < 6; round++) {
      const userId = await contestant();
      const started = await startAttempt(runtime.db, { userId, roundId: (await newRound()).id, now: T0 });
      if (!started.ok) throw new Error(started.code);
      const frozen = await drawnWithVersions(runtime.db, [started.attemptId]);
      const correct = (question: (typeof frozen)[number]) =>
        question.optionOrder.flatMap((original, shown) =>
          (question.questionVersion.options as unknown as QuestionOption[])[original].correct ? [shown] : [],
        );
      const saves = frozen.map((question) =>
        saveAnswer(runtime.db, {
          attemptId: started.attemptId,
          userId,
          position: question.position,
          selected: correct(question),
          now: minutes(2),
        }),
      );
      const submit = submitAttempt(runtime.db, { attemptId: started.attemptId, userId, now: minutes(2) });
      const acks = await Promise.all(saves);
      const submitted = await submit;
      const acknowledged = acks.filter((ack) => ack.ok).length;
      expect(acks.every((ack) => ack.ok || ack.code === "ATTEMPT_CLOSED")).toBe(true);
      expect(submitted).toMatchObject({ ok: true, score: acknowledged });
      expect(await runtime.db.attemptAnswer.count({ where: { attemptId: started.attemptId } })).toBe(acknowledged);
    }
  });

  it("closes the attempt on the server at the deadline with what was saved, and refuses later answers", async () => {
    const round = await newRound({ timeLimitSeconds: 60 });
    const userId = await contestant();
    const started = await startAttempt(runtime.db, { userId, roundId: round.id, now: T0 });
    if (!started.ok) throw new Error(started.code);
    expect(
      (
        await saveAnswer(runtime.db, {
          attemptId: started.attemptId,
          userId,
          position: 0,
          selected: [0],
          now: minutes(0.5),
        })
      ).ok,
    ).toBe(true);
    const late = await saveAnswer(runtime.db, {
      attemptId: started.attemptId,
      userId,
      position: 1,
      selected: [0],
      now: minutes(1.5),
    });
    expect(late).toMatchObject({ ok: false, code: "DEADLINE_PASSED", message: "errors.attempt.DEADLINE_PASSED" });
    const closedAttempt = await runtime.db.attempt.findUniqueOrThrow({ where: { id: started.attemptId } });
    expect(closedAttempt.status).toBe("EXPIRED");
    expect(closedAttempt.timeUsedMs).toBe(60_000);
    expect(await runtime.db.attemptAnswer.count({ where: { attemptId: started.attemptId } })).toBe(1);
  });

  it("closes abandoned attempts from the sweep, the browser long gone", async () => {
    const round = await newRound({ timeLimitSeconds: 120 });
    const userId = await contestant();
    const started = await startAttempt(runtime.db, { userId, roundId: round.id, now: T0 });
    if (!started.ok) throw new Error(started.code);
    expect(await closeExpiredAttempts(runtime.db, minutes(1))).toBe(0);
    expect(await closeExpiredAttempts(runtime.db, minutes(3))).toBeGreaterThanOrEqual(1);
    expect((await runtime.db.attempt.findUniqueOrThrow({ where: { id: started.attemptId } })).status).toBe("EXPIRED");
  });

  it("tells live views once when an attempt starts and once when it closes, by submit or by the sweep", async () => {
    const seen: string[] = [];
    const started = (event: { attemptId: string }) => seen.push(`started ${event.attemptId}`);
    const closed = (event: { attemptId: string }) => seen.push(`closed ${event.attemptId}`);
    runtime.events.on("attemptStarted", started);
    runtime.events.on("attemptClosed", closed);
    try {
      const round = await newRound({ timeLimitSeconds: 120 });
      const submitter = await contestant();
      const first = await startAttempt(runtime.db, { userId: submitter, roundId: round.id, now: T0 });
      const resumed = await startAttempt(runtime.db, { userId: submitter, roundId: round.id, now: T0 });
      if (!first.ok || !resumed.ok) throw new Error("not started");
      await submitAttempt(runtime.db, { attemptId: first.attemptId, userId: submitter, now: minutes(1) });
      await submitAttempt(runtime.db, { attemptId: first.attemptId, userId: submitter, now: minutes(1) });
      const walker = await contestant();
      const abandoned = await startAttempt(runtime.db, { userId: walker, roundId: round.id, now: T0 });
      if (!abandoned.ok) throw new Error(abandoned.code);
      await closeExpiredAttempts(runtime.db, minutes(3), { userId: walker });
      await closeExpiredAttempts(runtime.db, minutes(4), { userId: walker });
      expect(seen).toEqual([
        `started ${first.attemptId}`,
        `closed ${first.attemptId}`,
        `started ${abandoned.attemptId}`,
        `closed ${abandoned.attemptId}`,
      ]);
    } finally {
      runtime.events.off("attemptStarted", started);
      runtime.events.off("attemptClosed", closed);
    }
  });

  it("refuses starts outside the window, over the limit, unregistered, or while another round's attempt runs", async () => {
    const userId = await contestant();
    const early = await newRound({ opensAt: minutes(10) });
    expect(await startAttempt(runtime.db, { userId, roundId: early.id, now: T0 })).toMatchObject({
      ok: false,
      code: "ROUND_NOT_OPEN",
    });
    const closed = await newRound({ closesAt: minutes(-1) });
    expect(await startAttempt(runtime.db, { userId, roundId: closed.id, now: T0 })).toMatchObject({
      ok: false,
      code: "ROUND_CLOSED",
    });

    const first = await newRound();
    const second = await newRound();
    const running = await startAttempt(runtime.db, { userId, roundId: first.id, now: T0 });
    expect(running.ok).toBe(true);
    expect(await startAttempt(runtime.db, { userId, roundId: second.id, now: T0 })).toMatchObject({
      ok: false,
      code: "ANOTHER_ATTEMPT_RUNNING",
    });
    if (running.ok) await submitAttempt(runtime.db, { attemptId: running.attemptId, userId, now: minutes(1) });
    expect(await startAttempt(runtime.db, { userId, roundId: first.id, now: minutes(2) })).toMatchObject({
      ok: false,
      code: "ATTEMPT_LIMIT",
    });

    const stranger = (await createUserWithRole(runtime.db, { role: "CONTESTANT", nodeCode: "HP-HAIAN-THPT" })).id;
    expect(await startAttempt(runtime.db, { userId: stranger, roundId: second.id, now: T0 })).toMatchObject({
      ok: false,
      code: "NOT_REGISTERED",
    });
  });

  it.each(["Asia/Ho_Chi_Minh", "America/New_York"])(
    "reads the round's window and the deadline right with the server in %s",
    async (zone) => {
      // The start's and the answers' statements bypass Prisma (poolOf), whose timestamps are UTC
      // without a time zone; node-postgres would read them in the process's local time.
      const previousZone = process.env.TZ;
      process.env.TZ = zone;
      try {
        const userId = await contestant();
        const early = await newRound({ opensAt: minutes(10) });
        expect(await startAttempt(runtime.db, { userId, roundId: early.id, now: T0 })).toMatchObject({
          code: "ROUND_NOT_OPEN",
        });
        const round = await newRound({ timeLimitSeconds: 60 });
        const started = await startAttempt(runtime.db, { userId, roundId: round.id, now: T0 });
        if (!started.ok) throw new Error(started.code);
        const save = (position: number, now: Date) =>
          saveAnswer(runtime.db, { attemptId: started.attemptId, userId, position, selected: [0], now });
        expect(await save(0, minutes(0.9))).toMatchObject({ ok: true });
        expect(await save(1, minutes(1.1))).toMatchObject({ ok: false, code: "DEADLINE_PASSED" });
      } finally {
        if (previousZone === undefined) delete process.env.TZ;
        else process.env.TZ = previousZone;
      }
    },
  );

  it("the round's close cuts the time limit short", async () => {
    const round = await newRound({ closesAt: minutes(5), timeLimitSeconds: 30 * 60 });
    const userId = await contestant();
    const started = await startAttempt(runtime.db, { userId, roundId: round.id, now: T0 });
    if (!started.ok) throw new Error(started.code);
    expect((await attemptView(runtime.db, { attemptId: started.attemptId, userId, now: T0 }))?.remainingMs).toBe(
      5 * 60_000,
    );
  });

  it("refuses answers that are not options of the question, and other people's attempts", async () => {
    const round = await newRound();
    const userId = await contestant();
    const started = await startAttempt(runtime.db, { userId, roundId: round.id, now: T0 });
    if (!started.ok) throw new Error(started.code);
    const bad = [
      { position: 0, selected: [9] },
      { position: 0, selected: [-1] },
      { position: 99, selected: [0] },
    ];
    for (const answer of bad) {
      expect(await saveAnswer(runtime.db, { attemptId: started.attemptId, userId, ...answer, now: T0 })).toMatchObject({
        ok: false,
        code: "INVALID_ANSWER",
      });
    }
    const other = await contestant();
    expect(
      await saveAnswer(runtime.db, {
        attemptId: started.attemptId,
        userId: other,
        position: 0,
        selected: [0],
        now: T0,
      }),
    ).toMatchObject({ ok: false, code: "ATTEMPT_NOT_FOUND" });
    expect(await attemptView(runtime.db, { attemptId: started.attemptId, userId: other, now: T0 })).toBeNull();
  });

  it("keeps the latest choice of a question when an older save is written after it", async () => {
    const round = await newRound();
    const userId = await contestant();
    const started = await startAttempt(runtime.db, { userId, roundId: round.id, now: T0 });
    if (!started.ok) throw new Error(started.code);
    const [question] = await drawnWithVersions(runtime.db, [started.attemptId]);
    const save = (shown: number, at: Date) =>
      saveAnswer(runtime.db, { attemptId: started.attemptId, userId, position: 0, selected: [shown], now: at });
    // Options 0 and 1: every drawn question has at least two (a true/false one has only those).
    expect(await save(1, minutes(3))).toMatchObject({ ok: true });
    // Received earlier, written later (two batches committing in the other order).
    expect(await save(0, minutes(2))).toMatchObject({ ok: true });
    const stored = await runtime.db.attemptAnswer.findUniqueOrThrow({
      where: { attemptId_position: { attemptId: started.attemptId, position: 0 } },
    });
    expect(stored.selected).toEqual([question.optionOrder[1]]);
    expect(stored.answeredAt).toEqual(minutes(3));
  });

  it("takes a storm of simultaneous starts, answers and submits in batches without mixing contestants up", async () => {
    // Everything below arrives at once, so the engine writes it in a few batches (group commit).
    const round = await newRound({ shuffleOptions: true, shuffleQuestions: true });
    const users = await Promise.all(Array.from({ length: 30 }, () => contestant()));
    const starts = await Promise.all(
      users.map((userId) => startAttempt(runtime.db, { userId, roundId: round.id, now: T0 })),
    );
    const attempts = starts.map((started, index) => {
      if (!started.ok || !started.view) throw new Error(started.ok ? "no view" : started.code);
      return { userId: users[index], id: started.attemptId, view: started.view };
    });
    expect(new Set(attempts.map((attempt) => attempt.id)).size).toBe(30);
    // The view built at the start is what the page reads back from the database.
    for (const attempt of attempts.slice(0, 3)) {
      const stored = await attemptView(runtime.db, { attemptId: attempt.id, userId: attempt.userId, now: T0 });
      expect({ ...attempt.view, predictionEnabled: undefined, roundName: undefined }).toEqual({
        ...stored,
        predictionEnabled: undefined,
        roundName: undefined,
      });
    }

    // Contestant i answers the first i % 21 questions correctly (in the order shown to them) and
    // the rest wrongly, all at once; then all submit at once.
    const frozen = await drawnWithVersions(
      runtime.db,
      attempts.map((attempt) => attempt.id),
    );
    const saves = frozen.map((question) => {
      const owner = attempts.findIndex((attempt) => attempt.id === question.attemptId);
      const options = question.questionVersion.options as unknown as QuestionOption[];
      const wanted = question.position < owner % 21;
      const shown = question.optionOrder.flatMap((original, index) =>
        options[original].correct === wanted ? [index] : [],
      );
      return saveAnswer(runtime.db, {
        attemptId: question.attemptId,
        userId: attempts[owner].userId,
        position: question.position,
        selected: wanted ? shown : shown.slice(0, 1),
        now: minutes(2),
      });
    });
    expect((await Promise.all(saves)).every((ack) => ack.ok)).toBe(true);
    const submitted = await Promise.all(
      attempts.map((attempt, index) =>
        submitAttempt(runtime.db, {
          attemptId: attempt.id,
          userId: attempt.userId,
          prediction: index,
          now: minutes(3),
        }),
      ),
    );
    expect(submitted).toEqual(attempts.map((_, index) => ({ ok: true, status: "SUBMITTED", score: index % 21 })));
    const stored = await runtime.db.attempt.findMany({ where: { id: { in: attempts.map((attempt) => attempt.id) } } });
    for (const [index, attempt] of attempts.entries())
      expect(stored.find((row) => row.id === attempt.id)).toMatchObject({
        status: "SUBMITTED",
        score: index % 21,
        correctCount: index % 21,
        prediction: index,
        timeUsedMs: 3 * 60_000,
      });
  });
});
