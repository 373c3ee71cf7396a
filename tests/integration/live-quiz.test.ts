import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { joinSession } from "~/live-quiz/players.server";
import { MAX_POINTS, MIN_POINTS } from "~/live-quiz/rules";
import { createLiveSession, sessionQuestions } from "~/live-quiz/sessions.server";
import { PROGRESS_INTERVAL_MS } from "~/realtime/live-quiz-events.server";
import { DEMO_BANK, seedDemoData } from "../../seeds/demo";
import { createUserWithRole, currentUserFor, nodeId, sessionCookie } from "../support/fixtures";
import { startTestRuntime, type TestRuntime } from "../support/runtime";
import { request, startTestSocketServer, type TestSocketServer } from "../support/socket-server";

/**
 * The live quiz (issue 5, point 3) with real Socket.IO clients against a real server and
 * database: joining, answering, reveal, own ranks, late joiners, coming back after a drop,
 * pause, skip and end, and what a player or a stranger may not do.
 */
let runtime: TestRuntime;
let sockets: TestSocketServer;
let bankId: string;
let organizer: { id: string; cookie: string };

const client = (cookie?: string): Promise<Socket> => sockets.connectedClient({ cookie });

/** Collects every push of one event a socket gets. */
function record<T = Record<string, unknown>>(socket: Socket, event: string): T[] {
  const seen: T[] = [];
  socket.on(event, (payload: T) => seen.push(payload));
  return seen;
}

function next<T = Record<string, unknown>>(socket: Socket, event: string, where: (payload: T) => boolean = () => true) {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within 8 s`)), 8000);
    const listener = (payload: T) => {
      if (!where(payload)) return;
      clearTimeout(timer);
      socket.off(event, listener);
      resolve(payload);
    };
    socket.on(event, listener);
  });
}

async function newSession(questionCount = 3, secondsPerQuestion = 60) {
  const user = await currentUserFor(runtime.db, organizer.id);
  const created = await createLiveSession(runtime.db, user, {
    title: "Rung chuông pháp luật (thử)",
    orgNodeId: await nodeId(runtime.db, "HP-KIMTHANH"),
    bankId,
    difficulty: "",
    questionCount,
    secondsPerQuestion,
    shuffleOptions: true,
  });
  if (!created.ok) throw new Error(created.code);
  const session = await runtime.db.liveSession.findUniqueOrThrow({ where: { id: created.sessionId } });
  const host = await client(organizer.cookie);
  const hosted = await request(host, "quiz:host", { sessionId: session.id });
  expect(hosted).toMatchObject({ ok: true, state: { status: "LOBBY", total: questionCount } });
  return { sessionId: session.id, code: session.joinCode as string, host };
}

async function player(code: string, nickname: string) {
  const socket = await client();
  const joined = await request(socket, "quiz:join", { code, nickname });
  expect(joined).toMatchObject({ ok: true });
  const { playerId, token } = joined.player as { playerId: string; token: string };
  return { socket, playerId, token };
}

const control = (host: Socket, sessionId: string, action: string) =>
  request(host, "quiz:control", { sessionId, action });

/** The shown indexes of the right and a wrong answer to a question of the session. */
async function answersTo(sessionId: string, position: number) {
  const question = (await sessionQuestions(runtime.db, sessionId))[position];
  const wrong = question.options.findIndex((_, index) => !question.correct.includes(index));
  return { right: question.correct, wrong: [wrong] };
}

beforeAll(async () => {
  runtime = await startTestRuntime();
  await seedDemoData(runtime.db);
  sockets = await startTestSocketServer(runtime);
  const bank = await runtime.db.questionBank.findFirstOrThrow({ where: { name: DEMO_BANK.name } });
  bankId = bank.id;
  const user = await createUserWithRole(runtime.db, { role: "ORGANIZER", nodeCode: "HP-KIMTHANH" });
  organizer = { id: user.id, cookie: await sessionCookie(runtime.db, user.id) };
});
afterAll(async () => {
  await sockets?.close();
  await runtime?.stop();
});

describe("live quiz", () => {
  it("plays a question: no key before the reveal, points for right and fast, each phone its own rank", async () => {
    const { sessionId, code, host } = await newSession();
    const an = await player(code, "An");
    const binh = await player(code, "Bình");
    const chi = await player(code, "Chi");
    expect(await request(await client(), "quiz:join", { code, nickname: "bình" })).toMatchObject({
      ok: false,
      code: "NICKNAME_TAKEN",
      message: "Tên này đã có người dùng trong phiên, hãy chọn tên khác.",
    });
    expect(await request(await client(), "quiz:join", { code: "999999", nickname: "Dũng" })).toMatchObject({
      ok: false,
      code: "SESSION_NOT_FOUND",
    });

    const opened = next<{ status: string; question: Record<string, unknown> }>(an.socket, "quiz:state");
    expect(await control(host, sessionId, "start")).toMatchObject({ ok: true, status: "QUESTION", position: 0 });
    const state = await opened;
    expect(state.status).toBe("QUESTION");
    expect(Object.keys(state.question).sort()).toEqual(["options", "position", "stem", "type"]);
    expect(JSON.stringify(state)).not.toMatch(/correct|explanation/i);

    const { right, wrong } = await answersTo(sessionId, 0);
    const revealed = next<{ correct: number[]; distribution: number[]; answered: number; top: unknown[] }>(
      host,
      "quiz:reveal",
    );
    const places = [an, binh, chi].map((p) =>
      next<{ rank: number; points: number; correct: boolean; score: number }>(p.socket, "quiz:you"),
    );
    expect(await request(an.socket, "quiz:answer", { position: 0, selected: right })).toEqual({
      ok: true,
      position: 0,
    });
    expect(await request(an.socket, "quiz:answer", { position: 0, selected: wrong })).toMatchObject({
      ok: false,
      code: "ALREADY_ANSWERED",
    });
    expect(await request(binh.socket, "quiz:answer", { position: 1, selected: right })).toMatchObject({
      ok: false,
      code: "WRONG_QUESTION",
    });
    expect(await request(binh.socket, "quiz:answer", { position: 0, selected: [9] })).toMatchObject({
      ok: false,
      code: "INVALID_ANSWER",
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await request(binh.socket, "quiz:answer", { position: 0, selected: right })).toMatchObject({ ok: true });
    expect(await request(chi.socket, "quiz:answer", { position: 0, selected: wrong })).toMatchObject({ ok: true });

    // Everyone answered: the question closes without waiting for its 60 s.
    const reveal = await revealed;
    expect(reveal.correct).toEqual(right);
    expect(reveal.answered).toBe(3);
    // A multiple-choice answer counts once for each option it chose.
    for (const index of right) expect(reveal.distribution[index]).toBe(2);
    expect(reveal.distribution[wrong[0]]).toBe(1);
    expect(reveal.distribution.reduce((sum, count) => sum + count, 0)).toBe(2 * right.length + 1);
    const [anPlace, binhPlace, chiPlace] = await Promise.all(places);
    expect(anPlace).toMatchObject({ rank: 1, correct: true });
    expect(binhPlace).toMatchObject({ rank: 2, correct: true });
    expect(chiPlace).toMatchObject({ rank: 3, correct: false, points: 0, score: 0 });
    for (const place of [anPlace, binhPlace]) {
      expect(place.points).toBeGreaterThanOrEqual(MIN_POINTS);
      expect(place.points).toBeLessThanOrEqual(MAX_POINTS);
    }
    expect(anPlace.points).toBeGreaterThan(binhPlace.points);
    expect(await request(chi.socket, "quiz:answer", { position: 0, selected: right })).toMatchObject({
      ok: false,
      code: "NO_QUESTION_OPEN",
    });
  });

  it("lets a late joiner in at the next question, and a dropped player back with their score", async () => {
    const { sessionId, code, host } = await newSession();
    const an = await player(code, "An");
    await control(host, sessionId, "start");
    const late = await player(code, "Muộn");
    const { right } = await answersTo(sessionId, 0);
    expect(await request(late.socket, "quiz:answer", { position: 0, selected: right })).toMatchObject({
      ok: false,
      code: "LATE_JOINER",
      message: "Bạn vào sau khi câu này đã mở: bạn sẽ bắt đầu từ câu tiếp theo.",
    });
    expect(await request(an.socket, "quiz:answer", { position: 0, selected: right })).toMatchObject({ ok: true });
    // The late joiner does not count as someone who must answer: An's answer closes question 1.
    await next(host, "quiz:reveal");
    an.socket.disconnect();

    // Back on another connection with the phone's token: the same player, the same score.
    const again = await client();
    const back = await request(again, "quiz:join", { code, token: an.token });
    expect(back).toMatchObject({ ok: true, player: { playerId: an.playerId, token: null }, you: { rank: 1 } });
    expect((back.you as { score: number }).score).toBeGreaterThan(0);
    expect(await control(host, sessionId, "next")).toMatchObject({ ok: true, status: "QUESTION", position: 1 });
    const second = await answersTo(sessionId, 1);
    expect(await request(late.socket, "quiz:answer", { position: 1, selected: second.right })).toMatchObject({
      ok: true,
    });
    expect(await request(again, "quiz:answer", { position: 1, selected: second.wrong })).toMatchObject({ ok: true });
    // An unknown token is nobody: the phone is asked for a name.
    expect(await request(await client(), "quiz:join", { code, token: "x".repeat(32) })).toMatchObject({
      ok: false,
      code: "NOT_JOINED",
    });
  });

  it("pauses and resumes without counting the pause, skips a question voiding its points, and ends", async () => {
    const { sessionId, code, host } = await newSession(3, 30);
    const an = await player(code, "An");
    const binh = await player(code, "Bình");
    await control(host, sessionId, "start");
    expect(await control(host, sessionId, "pause")).toMatchObject({ ok: true, status: "PAUSED" });
    const { right } = await answersTo(sessionId, 0);
    expect(await request(an.socket, "quiz:answer", { position: 0, selected: right })).toMatchObject({
      ok: false,
      code: "NO_QUESTION_OPEN",
    });
    expect(await control(host, sessionId, "pause")).toMatchObject({ ok: false, code: "WRONG_STATE" });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const resumed = next<{ status: string; remainingMs: number }>(an.socket, "quiz:state");
    expect(await control(host, sessionId, "resume")).toMatchObject({ ok: true, status: "QUESTION" });
    expect((await resumed).remainingMs).toBeGreaterThan(28_000);
    expect(await request(an.socket, "quiz:answer", { position: 0, selected: right })).toMatchObject({ ok: true });
    const answer = await runtime.db.liveAnswer.findFirstOrThrow({ where: { playerId: an.playerId } });
    expect(answer.elapsedMs).toBeLessThan(1000); // the 1.5 s paused are not counted

    // Skipping question 1 takes An's points back and opens question 2.
    expect(await control(host, sessionId, "skip")).toMatchObject({ ok: true, status: "QUESTION", position: 1 });
    const afterSkip = await runtime.db.livePlayer.findUniqueOrThrow({ where: { id: an.playerId } });
    expect(afterSkip).toMatchObject({ score: 0, correctCount: 0, correctTimeMs: 0 });

    const final = next<{ top: Array<{ nickname: string }> }>(binh.socket, "quiz:final");
    const finalPlace = next<{ rank: number; players: number }>(binh.socket, "quiz:you");
    expect(await control(host, sessionId, "end")).toMatchObject({ ok: true, status: "ENDED" });
    expect((await final).top.map((row) => row.nickname).sort()).toEqual(["An", "Bình"]);
    expect(await finalPlace).toMatchObject({ rank: 1, players: 2 });
    expect(await control(host, sessionId, "next")).toMatchObject({ ok: false, code: "SESSION_ENDED" });
    // The code is free again and nobody can join an ended session.
    expect(await request(await client(), "quiz:join", { code, nickname: "Chi" })).toMatchObject({
      ok: false,
      code: "SESSION_NOT_FOUND",
    });
  });

  it("closes a question when its time is up, even when the timer's process is gone", async () => {
    const { sessionId, code, host } = await newSession(2, 60);
    await player(code, "An");
    await control(host, sessionId, "start");
    // As if the process that armed the timer had died: only the sweep can close it now.
    await runtime.db.liveSession.update({
      where: { id: sessionId },
      data: { questionClosesAt: new Date(Date.now() - 5000) },
    });
    const reveal = await next<{ position: number; answered: number }>(host, "quiz:reveal");
    expect(reveal).toMatchObject({ position: 0, answered: 0 });
  });

  it("coalesces progress: many answers, at most one push per interval to the room", async () => {
    const { sessionId, code, host } = await newSession(1, 60);
    const players = await Promise.all(Array.from({ length: 12 }, (_, index) => player(code, `Người ${index + 1}`)));
    const pushes = record<{ answered: number }>(host, "quiz:progress");
    await control(host, sessionId, "start");
    const started = Date.now();
    const { wrong } = await answersTo(sessionId, 0);
    // Eleven answer; the twelfth keeps the question open.
    await Promise.all(players.slice(1).map((p) => request(p.socket, "quiz:answer", { position: 0, selected: wrong })));
    await new Promise((resolve) => setTimeout(resolve, PROGRESS_INTERVAL_MS * 2 + 200));
    const elapsed = Date.now() - started;
    expect(pushes.at(-1)?.answered).toBe(11);
    expect(pushes.length).toBeLessThanOrEqual(Math.ceil(elapsed / PROGRESS_INTERVAL_MS) + 1);
    expect(pushes.length).toBeLessThan(11);
  });

  it("lets only the session's organizers host, and refuses malformed payloads", async () => {
    const { sessionId, code } = await newSession(1);
    const stranger = await createUserWithRole(runtime.db, { role: "ORGANIZER", nodeCode: "HP-HAIAN" });
    const strangerSocket = await client(await sessionCookie(runtime.db, stranger.id));
    expect(await request(strangerSocket, "quiz:host", { sessionId })).toMatchObject({ ok: false, code: "NOT_HOST" });
    expect(await control(strangerSocket, sessionId, "start")).toMatchObject({ ok: false, code: "NOT_HOST" });
    const anonymous = await client();
    expect(await control(anonymous, sessionId, "start")).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    const p = await player(code, "An");
    expect(await request(p.socket, "quiz:control", { sessionId, action: "start" })).toMatchObject({
      ok: false,
      code: "UNAUTHENTICATED",
    });
    for (const bad of [null, { code: "12" }, { code, nickname: "x".repeat(5000) }, { code, token: "<script>" }])
      expect(await request(anonymous, "quiz:join", bad)).toMatchObject({ ok: false });
    for (const bad of [{ position: -1, selected: [0] }, { position: 0, selected: [] }, { position: 0 }, "x"])
      expect(await request(p.socket, "quiz:answer", bad)).toMatchObject({ ok: false, code: "INVALID" });
    expect(await request(anonymous, "quiz:answer", { position: 0, selected: [0] })).toMatchObject({
      ok: false,
      code: "NOT_JOINED",
    });
    expect(await request(await client(), "quiz:join", { code, nickname: "<b>Hacker</b>" })).toMatchObject({
      ok: false,
      code: "NICKNAME_INVALID",
    });
  });

  it("stops new players at the session's limit, while those in it can still come back", async () => {
    const { code } = await newSession(1);
    const an = await player(code, "An");
    await player(code, "Bình");
    expect(await joinSession(runtime.db, { code, nickname: "Chi" }, { maxPlayers: 2 })).toEqual({
      ok: false,
      code: "SESSION_FULL",
    });
    expect(await joinSession(runtime.db, { code, token: an.token }, { maxPlayers: 2 })).toMatchObject({
      ok: true,
      player: { playerId: an.playerId },
    });
  });

  it("lets the host remove a player, who can no longer answer or come back", async () => {
    const { sessionId, code, host } = await newSession(1);
    const rude = await player(code, "Tên xấu");
    const kicked = next(rude.socket, "quiz:kicked");
    expect(await request(host, "quiz:kick", { sessionId, playerId: rude.playerId })).toMatchObject({ ok: true });
    await kicked;
    expect(await request(await client(), "quiz:join", { code, token: rude.token })).toMatchObject({
      ok: false,
      code: "KICKED",
    });
    await control(host, sessionId, "start");
    const { right } = await answersTo(sessionId, 0);
    expect(await request(rude.socket, "quiz:answer", { position: 0, selected: right })).toMatchObject({
      ok: false,
      code: "KICKED",
    });
  });
});
