import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveAnswer, startAttempt, submitAttempt } from "~/contests/attempts.server";
import { followClosedAttempts } from "~/live/board.server";
import { PUSH_INTERVAL_MS } from "~/realtime/board-events.server";
import { DEMO_BANK, seedDemoData } from "../../seeds/demo";
import { createUserWithRole, drawnWithVersions, nodeId, sessionCookie } from "../support/fixtures";
import { startTestRuntime, type TestRuntime } from "../support/runtime";
import {
  type AckShape,
  connected,
  request,
  startTestSocketServer,
  type TestSocketServer,
} from "../support/socket-server";

/** The socket layer with real Socket.IO clients against a real server and database. */
let runtime: TestRuntime;
let sockets: TestSocketServer;
let url: string;
let stopFollowing: () => void;
const client = (options: { cookie?: string; origin?: string } = {}) => sockets.client(options);

async function contestantWithAttempt() {
  const { contestId, roundId } = await roundWithVisibility("LIVE");
  const user = await createUserWithRole(runtime.db, { role: "CONTESTANT", nodeCode: "HP-KIMTHANH-THCS" });
  await runtime.db.registration.create({
    data: { contestId, userId: user.id, fields: {}, consentAt: new Date(), consentVersion: 1 },
  });
  const started = await startAttempt(runtime.db, { userId: user.id, roundId });
  if (!started.ok) throw new Error(started.code);
  return { userId: user.id, attemptId: started.attemptId, cookie: await sessionCookie(runtime.db, user.id) };
}

beforeAll(async () => {
  runtime = await startTestRuntime();
  await seedDemoData(runtime.db);
  sockets = await startTestSocketServer(runtime);
  url = sockets.url;
  stopFollowing = followClosedAttempts(runtime);
});
afterAll(async () => {
  stopFollowing?.();
  await sockets?.close();
  await runtime?.stop();
});

describe("the socket layer", () => {
  it("answers every event through its ack, with a Vietnamese reason when it refuses", async () => {
    const anonymous = client();
    await connected(anonymous);
    const clock = await request(anonymous, "clock");
    expect(clock.ok).toBe(true);
    expect(Math.abs(Number(clock.serverTime) - Date.now())).toBeLessThan(5000);
    expect(await request(anonymous, "no-such-event", { a: 1 })).toEqual({
      ok: false,
      code: "UNKNOWN_EVENT",
      message: "Yêu cầu không được hỗ trợ.",
    });
    expect(await request(anonymous, "attempt:answer", { attemptId: "x", position: 0, selected: [0] })).toEqual({
      ok: false,
      code: "UNAUTHENTICATED",
      message: "Bạn cần đăng nhập để thực hiện thao tác này.",
    });
  });

  it("saves an answer only for its owner, after validating it, and acknowledges once committed", async () => {
    const owner = await contestantWithAttempt();
    const other = await contestantWithAttempt();
    const socket = client({ cookie: owner.cookie });
    await connected(socket);
    for (const bad of [
      null,
      "text",
      { attemptId: owner.attemptId, position: -1, selected: [0] },
      { attemptId: owner.attemptId, position: 0, selected: [1e9] },
      { attemptId: owner.attemptId, position: 0, selected: Array(50).fill(0) },
      { attemptId: "x".repeat(5000), position: 0, selected: [0] },
    ])
      expect(await request(socket, "attempt:answer", bad)).toMatchObject({ ok: false, code: "INVALID" });
    expect(
      await request(socket, "attempt:answer", { attemptId: other.attemptId, position: 0, selected: [0] }),
    ).toMatchObject({ ok: false, code: "ATTEMPT_NOT_FOUND", message: "Không tìm thấy bài thi." });
    expect(await runtime.db.attemptAnswer.count({ where: { attemptId: other.attemptId } })).toBe(0);

    const saved = await request(socket, "attempt:answer", { attemptId: owner.attemptId, position: 2, selected: [1] });
    expect(saved).toMatchObject({ ok: true, position: 2 });
    const row = await runtime.db.attemptAnswer.findUniqueOrThrow({
      where: { attemptId_position: { attemptId: owner.attemptId, position: 2 } },
    });
    expect(row.answeredAt.toISOString()).toBe(saved.savedAt);
  });

  it("starts, answers and submits a round over the socket, with the attempt page's data in the start's ack", async () => {
    const { contestId, roundId } = await roundWithVisibility("LIVE");
    const user = await createUserWithRole(runtime.db, { role: "CONTESTANT", nodeCode: "HP-KIMTHANH-THCS" });
    const socket = client({ cookie: await sessionCookie(runtime.db, user.id) });
    await connected(socket);
    expect(await request(socket, "attempt:start", { roundId })).toMatchObject({
      ok: false,
      code: "NOT_REGISTERED",
      message: "Bạn cần đăng ký dự thi trước khi làm bài.",
    });
    expect(await request(socket, "attempt:start", { roundId: "no-such-round" })).toMatchObject({
      ok: false,
      code: "ROUND_NOT_FOUND",
    });
    for (const bad of [null, { roundId: "" }, { roundId, extra: 1 }])
      expect(await request(socket, "attempt:start", bad)).toMatchObject({ ok: false, code: "INVALID" });
    await runtime.db.registration.create({
      data: { contestId, userId: user.id, fields: {}, consentAt: new Date(), consentVersion: 1 },
    });

    const started = await request(socket, "attempt:start", { roundId });
    expect(started).toMatchObject({ ok: true, resumed: false, page: { status: "IN_PROGRESS", roundName: "Đợt 1" } });
    const page = started.page as { id: string; questions: Array<{ position: number; options: string[] }> };
    expect(page.id).toBe(started.attemptId);
    expect(page.questions).toHaveLength(5);
    // Never the key: the options are texts only.
    expect(JSON.stringify(page)).not.toContain("correct");
    // A second start (a double tap, another tab) resumes the same attempt.
    expect(await request(socket, "attempt:start", { roundId })).toMatchObject({
      ok: true,
      attemptId: started.attemptId,
      resumed: true,
    });
    expect(await runtime.db.attempt.count({ where: { roundId, userId: user.id } })).toBe(1);

    for (const question of page.questions)
      expect(
        await request(socket, "attempt:answer", { attemptId: page.id, position: question.position, selected: [0] }),
      ).toMatchObject({ ok: true });
    const submitted = await request(socket, "attempt:submit", { attemptId: page.id, prediction: null });
    // The status only: the result page shows the score as the round's review policy allows.
    expect(submitted).toEqual({ ok: true, attemptId: page.id, status: "SUBMITTED" });
    const closed = await runtime.db.attempt.findUniqueOrThrow({ where: { id: page.id } });
    expect(closed.status).toBe("SUBMITTED");
    expect(closed.score).not.toBeNull();
    expect(await request(socket, "attempt:answer", { attemptId: page.id, position: 0, selected: [1] })).toMatchObject({
      ok: false,
      code: "ATTEMPT_CLOSED",
    });

    const stranger = await createUserWithRole(runtime.db, { role: "CONTESTANT", nodeCode: "HP-KIMTHANH-THCS" });
    const strangerSocket = client({ cookie: await sessionCookie(runtime.db, stranger.id) });
    await connected(strangerSocket);
    expect(await request(strangerSocket, "attempt:submit", { attemptId: page.id, prediction: null })).toMatchObject({
      ok: false,
      code: "ATTEMPT_NOT_FOUND",
    });
  });

  it("refuses a handshake from another site's page", async () => {
    const owner = await contestantWithAttempt();
    const hostile = client({ cookie: owner.cookie, origin: "https://evil.example" });
    await expect(connected(hostile)).rejects.toThrow();
    const sameSite = client({ cookie: owner.cookie, origin: url });
    await connected(sameSite);
  });

  it("refuses a flood, then cuts it off, and keeps serving everyone else", async () => {
    const flooder = client();
    await connected(flooder);
    const answers = await Promise.allSettled(Array.from({ length: 60 }, () => request(flooder, "clock")));
    const codes = answers.map((answer) => (answer.status === "fulfilled" ? (answer.value.code ?? "ok") : "lost"));
    expect(codes.filter((code) => code === "ok").length).toBeGreaterThanOrEqual(40);
    expect(codes).toContain("RATE_LIMITED");

    const fatal = new Promise<AckShape>((resolve) => flooder.once("fatal", resolve));
    const dropped = new Promise<string>((resolve) => flooder.once("disconnect", resolve));
    for (let index = 0; index < 400; index++) flooder.emit("clock", () => {});
    expect(await fatal).toMatchObject({ ok: false, code: "RATE_LIMITED" });
    expect(await dropped).toBe("io server disconnect");

    const bystander = client();
    await connected(bystander);
    expect((await request(bystander, "clock")).ok).toBe(true);
  });

  it("drops an oversized message without harm to the process", async () => {
    const big = client();
    await connected(big);
    const dropped = new Promise<string>((resolve) => big.once("disconnect", resolve));
    big.emit("attempt:answer", { attemptId: "x".repeat(64 * 1024) }, () => {});
    expect(await dropped).toBe("transport close");
    const next = client();
    await connected(next);
    expect((await request(next, "clock")).ok).toBe(true);
  });
});

async function roundWithVisibility(leaderboardVisibility: "LIVE" | "HIDDEN") {
  const bankId = (await runtime.db.questionBank.findFirstOrThrow({ where: { name: DEMO_BANK.name } })).id;
  const now = Date.now();
  const contest = await runtime.db.contest.create({
    data: {
      orgNodeId: await nodeId(runtime.db, "HP-KIMTHANH"),
      title: "Cuộc thi thử bảng xếp hạng",
      slug: `thu-bang-${Math.random().toString(36).slice(2, 8)}`,
      registrationFields: {},
      status: "PUBLISHED",
      rounds: {
        create: {
          name: "Đợt 1",
          position: 1,
          opensAt: new Date(now - 60_000),
          closesAt: new Date(now + 3_600_000),
          timeLimitSeconds: 600,
          leaderboardVisibility,
          blueprint: { rules: [{ bankId, count: 5 }] },
        },
      },
    },
    include: { rounds: true },
  });
  return { contestId: contest.id, roundId: contest.rounds[0].id };
}

async function takeRound(contestId: string, roundId: string, correctness: number) {
  const user = await createUserWithRole(runtime.db, {
    role: "CONTESTANT",
    nodeCode: "HP-KIMTHANH-THCS",
    fullName: `Thí sinh thử ${correctness} (demo)`,
  });
  await runtime.db.registration.create({
    data: { contestId, userId: user.id, fields: {}, consentAt: new Date(), consentVersion: 1 },
  });
  const started = await startAttempt(runtime.db, { userId: user.id, roundId });
  if (!started.ok) throw new Error(started.code);
  // Answer `correctness` questions right: read the key on the server side, as a test may.
  const questions = await drawnWithVersions(runtime.db, [started.attemptId]);
  for (const question of questions.slice(0, correctness)) {
    const options = question.questionVersion.options as Array<{ correct: boolean }>;
    const shown = question.optionOrder.flatMap((original, index) => (options[original].correct ? [index] : []));
    await saveAnswer(runtime.db, {
      attemptId: started.attemptId,
      userId: user.id,
      position: question.position,
      selected: shown,
    });
  }
  return { userId: user.id, attemptId: started.attemptId };
}

describe("live round boards", () => {
  it("lets the public watch a public board only, and the contest's organizers any", async () => {
    const hidden = await roundWithVisibility("HIDDEN");
    const anonymous = client();
    await connected(anonymous);
    const refused = await request(anonymous, "board:watch", { roundId: hidden.roundId });
    expect(refused).toEqual({ ok: false, code: "FORBIDDEN", message: "Bạn không có quyền xem nội dung này." });
    // An unknown round is refused the same way: ids cannot be probed.
    expect(await request(anonymous, "board:watch", { roundId: "khong-ton-tai" })).toEqual(refused);

    const organizer = await createUserWithRole(runtime.db, { role: "ORGANIZER", nodeCode: "HP-KIMTHANH" });
    const sibling = await createUserWithRole(runtime.db, { role: "ORGANIZER", nodeCode: "HP-HAIAN" });
    const organizerSocket = client({ cookie: await sessionCookie(runtime.db, organizer.id) });
    const siblingSocket = client({ cookie: await sessionCookie(runtime.db, sibling.id) });
    await Promise.all([connected(organizerSocket), connected(siblingSocket)]);
    expect(await request(organizerSocket, "board:watch", { roundId: hidden.roundId })).toMatchObject({
      ok: true,
      board: { total: 0, top: [] },
    });
    expect(await request(siblingSocket, "board:watch", { roundId: hidden.roundId })).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
  });

  it("pushes closed attempts to watchers, coalesced to one push per interval, with each watcher's own rank", async () => {
    const { contestId, roundId } = await roundWithVisibility("LIVE");
    const anonymous = client();
    await connected(anonymous);
    expect(await request(anonymous, "board:watch", { roundId })).toMatchObject({ ok: true, board: { total: 0 } });

    const takers = [];
    for (let correctness = 0; correctness < 5; correctness++)
      for (let copy = 0; copy < 2; copy++) takers.push(await takeRound(contestId, roundId, correctness));
    const mine = takers[takers.length - 1]; // 4 right: shares rank 1 with the other 4-right contestant
    const contestantSocket = client({ cookie: await sessionCookie(runtime.db, mine.userId) });
    await connected(contestantSocket);
    await request(contestantSocket, "board:watch", { roundId });

    const pushes: Array<{ at: number; board: { total: number; top: Array<{ rank: number; score: number }> } }> = [];
    anonymous.on("board:update", (update) => pushes.push({ at: Date.now(), board: update.board }));
    let mineLast: { me: { rank: number; score: number } | null } | null = null;
    contestantSocket.on("board:update", (update) => {
      mineLast = update.board;
    });
    const started = Date.now();
    await Promise.all(takers.map((taker) => submitAttempt(runtime.db, { ...taker })));
    const submitted = Date.now();
    await expect.poll(() => pushes.at(-1)?.board.total, { timeout: 5000 }).toBe(10);
    await new Promise((resolve) => setTimeout(resolve, PUSH_INTERVAL_MS * 2));

    // Ten closes, yet at most one push per interval (plus one for a partly covered interval).
    const window = Math.max(...pushes.map((push) => push.at), submitted) - started;
    expect(pushes.length).toBeGreaterThanOrEqual(1);
    expect(pushes.length).toBeLessThanOrEqual(Math.ceil(window / PUSH_INTERVAL_MS) + 1);
    for (let index = 1; index < pushes.length; index++)
      expect(pushes[index].at - pushes[index - 1].at).toBeGreaterThanOrEqual(PUSH_INTERVAL_MS - 50);

    const finalBoard = (pushes.at(-1) as (typeof pushes)[number]).board;
    expect(finalBoard.top.map((row) => row.score)).toEqual([4, 4, 3, 3, 2, 2, 1, 1, 0, 0]);
    expect(finalBoard.top[0].rank).toBe(1);
    expect(finalBoard.top[9].rank).toBeGreaterThan(finalBoard.top[0].rank);
    await expect.poll(() => mineLast?.me?.score).toBe(4);
    expect((mineLast as unknown as { me: { rank: number } }).me.rank).toBeLessThanOrEqual(2);
  });
});

describe("the organizer's live view of a round", () => {
  it("shows people in an attempt and attempts per minute to the contest's organizers only, as they happen", async () => {
    const { contestId, roundId } = await roundWithVisibility("HIDDEN");
    const organizer = await createUserWithRole(runtime.db, { role: "ORGANIZER", nodeCode: "HP-KIMTHANH" });
    const watcher = client({ cookie: await sessionCookie(runtime.db, organizer.id) });
    const stranger = await contestantWithAttempt();
    const strangerSocket = client({ cookie: stranger.cookie });
    await Promise.all([connected(watcher), connected(strangerSocket)]);
    expect(await request(strangerSocket, "round:activity", { roundId })).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    const first = await request(watcher, "round:activity", { roundId });
    expect(first).toMatchObject({ ok: true, activity: { running: 0 } });
    expect((first.activity as { minutes: string[] }).minutes).toHaveLength(30);

    const updates: Array<{ running: number; started: number[]; finished: number[] }> = [];
    watcher.on("round:activity", (update) => updates.push(update.activity));
    const taker = await takeRound(contestId, roundId, 2);
    await expect.poll(() => updates.at(-1)?.running, { timeout: 5000 }).toBe(1);
    await submitAttempt(runtime.db, { ...taker });
    await expect.poll(() => updates.at(-1)?.running, { timeout: 5000 }).toBe(0);
    const last = updates.at(-1) as (typeof updates)[number];
    expect(last.started.reduce((sum, count) => sum + count, 0)).toBe(1);
    expect(last.finished.reduce((sum, count) => sum + count, 0)).toBe(1);
  });
});
