import { execFile } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { roundRanking } from "~/contests/results.server";
import {
  applyClosedAttempt,
  type BoardChange,
  boardChanges,
  finalizeClosedRounds,
  followClosedAttempts,
  rebuildIfEmpty,
  rebuildRoundBoard,
} from "~/live/board.server";
import { type BoardSnapshot, boardSnapshot, boardSnapshots, participationBoard } from "~/live/board-snapshot.server";
import { seedDemoData } from "../../seeds/demo";
import { createUserWithRole, nodeId } from "../support/fixtures";
import { startTestRuntime, type TestRuntime } from "../support/runtime";

/**
 * Live round boards (issue 5, point 2) against a real database, in Redis when TEST_REDIS_URL is
 * set and in the in-process store otherwise: the live board equals the rebuilt one and ranks as
 * the official results do.
 */
let runtime: TestRuntime;
let contestId: string;
let position = 0;
const T0 = new Date("2026-11-23T08:00:00Z");
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const OPEN = at(60);
const CLOSED = at(7200);

async function newRound(options: { countingAttempt?: "BEST" | "FIRST" | "LAST"; tieBreakOrder?: string[] } = {}) {
  position += 1;
  const round = await runtime.db.round.create({
    data: {
      contestId,
      name: `Đợt ${position}`,
      position,
      opensAt: at(-3600),
      closesAt: at(3600),
      timeLimitSeconds: 1800,
      attemptsAllowed: 5,
      predictionEnabled: true,
      blueprint: { questionIds: [] },
      ...options,
    },
  });
  return round.id;
}

async function contestant(name: string, registeredAs?: string) {
  const user = await createUserWithRole(runtime.db, {
    role: "CONTESTANT",
    nodeCode: "HP-KIMTHANH-THCS",
    fullName: name,
  });
  await runtime.db.registration.create({
    data: {
      contestId,
      userId: user.id,
      fields: registeredAs ? { fullName: registeredAs } : {},
      orgNodeId: await nodeId(runtime.db, "HP-KIMTHANH-THCS"),
      consentAt: T0,
      consentVersion: 1,
    },
  });
  return user.id;
}

interface Played {
  score: number;
  prediction?: number | null;
  timeUsedMs?: number;
  closedAt?: Date;
  status?: "SUBMITTED" | "EXPIRED" | "ANNULLED";
}

/** A closed attempt as the engine leaves it, then announced to the board as the server does. */
async function play(roundId: string, userId: string, played: Played, live = true) {
  const number = (await runtime.db.attempt.count({ where: { roundId, userId } })) + 1;
  const attempt = await runtime.db.attempt.create({
    data: {
      roundId,
      userId,
      number,
      status: played.status ?? "SUBMITTED",
      startedAt: at(0),
      deadlineAt: at(1800),
      closedAt: played.closedAt ?? at(600),
      score: played.score,
      maxScore: 10,
      correctCount: played.score,
      timeUsedMs: played.timeUsedMs ?? 600_000,
      prediction: played.prediction ?? null,
    },
  });
  if (live) await applyClosedAttempt(runtime.db, runtime.store, { roundId, userId, now: OPEN });
  return attempt.id;
}

const whole = (roundId: string, userId?: string) =>
  boardSnapshot(runtime.db, runtime.store, roundId, { top: 1000, userId });
const ranks = (snapshot: BoardSnapshot) => snapshot.top.map((row) => [row.userId, row.rank] as const);

beforeAll(async () => {
  runtime = await startTestRuntime();
  await seedDemoData(runtime.db);
  const contest = await runtime.db.contest.create({
    data: {
      orgNodeId: await nodeId(runtime.db, "HP-KIMTHANH"),
      title: "Bảng xếp hạng trực tiếp",
      slug: "bang-xep-hang-truc-tiep",
      registrationFields: { fullName: "required" },
      status: "PUBLISHED",
    },
  });
  contestId = contest.id;
});
afterAll(() => runtime?.stop());

describe("live round board", () => {
  it("orders by every key of the round, equal entries sharing a rank, names from the registration", async () => {
    const roundId = await newRound();
    const same = { score: 5, prediction: 6, timeUsedMs: 1000, closedAt: at(100) };
    const a = await contestant("An", "Nguyễn Văn An");
    const b = await contestant("Bình");
    const c = await contestant("Chi");
    const d = await contestant("Dũng");
    const e = await contestant("Em");
    const f = await contestant("Phương");
    await play(roundId, a, same);
    await play(roundId, b, same); // equal to An on every key
    await play(roundId, c, { ...same, prediction: 9 }); // same score, worse prediction
    await play(roundId, d, { ...same, timeUsedMs: 2000 }); // same prediction error, slower
    await play(roundId, e, { ...same, score: 3 });
    await play(roundId, f, { ...same, prediction: null, timeUsedMs: 1 }); // no prediction: last among 5 points
    await finalizeClosedRounds(runtime.db, runtime.store, CLOSED);
    const board = await whole(roundId, e);
    expect(board.total).toBe(6);
    expect(board.top.map((row) => row.rank)).toEqual([1, 1, 3, 4, 5, 6]);
    expect(board.top.slice(2).map((row) => row.userId)).toEqual([d, c, f, e]);
    expect(board.top.find((row) => row.userId === a)).toMatchObject({ name: "Nguyễn Văn An", score: 5, maxScore: 10 });
    expect(board.top.find((row) => row.userId === b)?.name).toBe("Bình");
    expect(board.me).toMatchObject({ userId: e, rank: 6, timeUsedMs: 1000 });
    expect(board.around.map((row) => row.userId)).toEqual([c, f, e]);
    const official = await roundRanking(runtime.db, roundId);
    expect(new Map(ranks(board))).toEqual(new Map(official.ranking.map((row) => [row.userId, row.rank])));
    // A window starting inside a tie still gives the tie's rank.
    const second = await boardSnapshot(runtime.db, runtime.store, roundId, {
      top: 1,
      userId: board.top[1].userId,
      neighbours: 0,
    });
    expect(second.me?.rank).toBe(1);
    expect(second.around).toHaveLength(1);
    // A push reads the board once for every watcher: each watcher's place is the one they would
    // get alone, and a watcher without an entry gets the shared top only.
    const outsider = await contestant("Khách");
    const { shared, places } = await boardSnapshots(runtime.db, runtime.store, roundId, {
      top: 3,
      userIds: [a, e, f, outsider],
    });
    expect(shared.top).toEqual((await boardSnapshot(runtime.db, runtime.store, roundId, { top: 3 })).top);
    for (const userId of [a, e, f]) {
      const alone = await boardSnapshot(runtime.db, runtime.store, roundId, { top: 3, userId });
      expect(places.get(userId)).toEqual({ me: alone.me, around: alone.around });
    }
    expect(places.has(outsider)).toBe(false);
  });

  it("replaces a contestant's entry with a better second attempt when the best counts, not when the first does", async () => {
    const best = await newRound({ countingAttempt: "BEST" });
    const first = await newRound({ countingAttempt: "FIRST" });
    const userId = await contestant("Giang");
    const changed: string[] = [];
    const listener = ({ roundId }: { roundId?: string }) => roundId && changed.push(roundId);
    boardChanges.on("changed", listener);
    for (const roundId of [best, first]) {
      await play(roundId, userId, { score: 2 });
      await play(roundId, userId, { score: 7 });
    }
    boardChanges.off("changed", listener);
    expect((await whole(best)).top).toMatchObject([{ userId, score: 7, rank: 1 }]);
    expect((await whole(first)).top).toMatchObject([{ userId, score: 2, rank: 1 }]);
    expect(changed.filter((roundId) => roundId === best)).toHaveLength(2);
    // Applying again changes nothing.
    expect(await applyClosedAttempt(runtime.db, runtime.store, { roundId: first, userId })).toBe(false);
  });

  it("drops annulled attempts on a rebuild (and on a live update)", async () => {
    const roundId = await newRound();
    const kept = await contestant("Hà");
    const annulled = await contestant("Khánh");
    await play(roundId, kept, { score: 4 });
    const attemptId = await play(roundId, annulled, { score: 9 });
    expect((await whole(roundId)).top[0].userId).toBe(annulled);
    await runtime.db.attempt.update({ where: { id: attemptId }, data: { status: "ANNULLED" } });
    await rebuildRoundBoard(runtime.db, runtime.store, roundId, OPEN);
    expect((await whole(roundId)).top.map((row) => row.userId)).toEqual([kept]);
    await runtime.db.attempt.update({ where: { id: attemptId }, data: { status: "SUBMITTED" } });
    await applyClosedAttempt(runtime.db, runtime.store, { roundId, userId: annulled });
    await runtime.db.attempt.update({ where: { id: attemptId }, data: { status: "ANNULLED" } });
    expect(await applyClosedAttempt(runtime.db, runtime.store, { roundId, userId: annulled })).toBe(true);
    expect((await whole(roundId, annulled)).top.map((row) => row.userId)).toEqual([kept]);
    expect((await whole(roundId, annulled)).me).toBeNull();
  });

  it("ranks by prediction only once the round has closed", async () => {
    const roundId = await newRound();
    const fastFar = await contestant("Lan");
    const slowExact = await contestant("Minh");
    await play(roundId, fastFar, { score: 5, prediction: 100, timeUsedMs: 1000 });
    await play(roundId, slowExact, { score: 5, prediction: 2, timeUsedMs: 9000 });
    expect(await finalizeClosedRounds(runtime.db, runtime.store, OPEN)).not.toContain(roundId);
    expect(ranks(await whole(roundId))).toEqual([
      [fastFar, 1],
      [slowExact, 2],
    ]);
    expect(await finalizeClosedRounds(runtime.db, runtime.store, CLOSED)).toContain(roundId);
    expect(await finalizeClosedRounds(runtime.db, runtime.store, CLOSED)).not.toContain(roundId);
    expect(ranks(await whole(roundId))).toEqual([
      [slowExact, 1],
      [fastFar, 2],
    ]);
    // Someone joining after the close changes everyone's prediction error: the next sweep rebuilds.
    await play(roundId, await contestant("Muộn"), { score: 1, prediction: 3 });
    expect(await finalizeClosedRounds(runtime.db, runtime.store, CLOSED)).toContain(roundId);
  });

  it("builds live the same board as a rebuild from PostgreSQL, in the order of the official results", async () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (const countingAttempt of ["BEST", "FIRST", "LAST"] as const) {
      const roundId = await newRound({ countingAttempt });
      const users = await Promise.all(Array.from({ length: 12 }, (_, i) => contestant(`Ngẫu nhiên ${i}`)));
      // Few distinct values per key, so ties on several keys are common.
      const randomPlay = (): Played => ({
        score: random(4),
        prediction: random(3) === 0 ? null : 10 + random(4),
        timeUsedMs: 1000 * (1 + random(3)),
        closedAt: at(60 * (1 + random(3))),
        status: random(10) === 0 ? "EXPIRED" : "SUBMITTED",
      });
      for (let step = 0; step < 30; step++) await play(roundId, users[random(users.length)], randomPlay());
      const live = await whole(roundId);
      await rebuildRoundBoard(runtime.db, runtime.store, roundId, OPEN);
      expect(await whole(roundId), `${countingAttempt}, open`).toEqual(live);

      // The round closes; the attempts still running close later and reach the board live.
      await finalizeClosedRounds(runtime.db, runtime.store, CLOSED);
      const present = live.top.map((row) => row.userId);
      for (let step = 0; step < 10; step++) await play(roundId, present[random(present.length)], randomPlay());
      const liveClosed = await whole(roundId);
      await rebuildRoundBoard(runtime.db, runtime.store, roundId, CLOSED);
      expect(await whole(roundId), `${countingAttempt}, closed`).toEqual(liveClosed);
      const official = await roundRanking(runtime.db, roundId);
      expect(new Map(ranks(liveClosed))).toEqual(new Map(official.ranking.map((row) => [row.userId, row.rank])));
      expect(liveClosed.top.map((row) => row.score)).toEqual(official.ranking.map((row) => row.score));
    }
  });

  it("rebuilds every board at start-up when the store lost them", async () => {
    const roundId = await newRound();
    await play(roundId, await contestant("Oanh"), { score: 6 });
    await play(roundId, await contestant("Phúc"), { score: 8 });
    const before = await whole(roundId);
    await rebuildIfEmpty(runtime.db, runtime.store, OPEN);
    expect((await rebuildIfEmpty(runtime.db, runtime.store, OPEN)).rebuilt).toBe(false);
    // As after a Redis restart: the marker and the boards are gone.
    await runtime.store.del("board:built");
    await runtime.store.del(`board:round:${roundId}`);
    const rebuilt = await rebuildIfEmpty(runtime.db, runtime.store, OPEN);
    expect(rebuilt.rebuilt).toBe(true);
    expect(rebuilt.rounds.find((round) => round.roundId === roundId)).toMatchObject({ entries: 2, final: false });
    expect(await whole(roundId)).toEqual(before);
  });

  it("follows the runtime's closed-attempt events", async () => {
    const roundId = await newRound();
    const userId = await contestant("Tâm");
    const attemptId = await play(roundId, userId, { score: 4 }, false);
    const stop = followClosedAttempts(runtime);
    const changed = new Promise<BoardChange>((resolve) => boardChanges.once("changed", resolve));
    runtime.events.emit("attemptClosed", { attemptId, roundId, userId, at: new Date() });
    expect(await changed).toEqual({ roundId });
    stop();
    expect((await whole(roundId)).top).toMatchObject([{ userId, score: 4 }]);
  });

  it("counts participation per unit, up the tree", async () => {
    const roundId = await newRound();
    await play(roundId, await contestant("Quang"), { score: 1 });
    const board = await participationBoard(runtime.db, roundId);
    expect(board.participants).toBe(1);
    const school = await nodeId(runtime.db, "HP-KIMTHANH-THCS");
    const commune = await nodeId(runtime.db, "HP-KIMTHANH");
    const byNode = new Map(board.nodes.map((node) => [node.nodeId, node]));
    expect(byNode.get(school)?.participants).toBe(1);
    expect(byNode.get(commune)?.participants).toBe(1);
    expect(byNode.get(school)?.share).toBeGreaterThan(0);
  });
});

describe("npm run cli -- leaderboards:rebuild", () => {
  const repoRoot = path.resolve(__dirname, "../..");
  const cli = (args: string[]) => {
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "test", DATA_DIR: runtime.env.dataDir };
    delete env.REDIS_URL;
    delete env.LOG_LEVEL;
    delete env.DATABASE_URL;
    if (runtime.schema && process.env.TEST_DATABASE_URL) {
      const url = new URL(process.env.TEST_DATABASE_URL);
      url.searchParams.set("schema", runtime.schema);
      env.DATABASE_URL = url.toString();
    }
    return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(
        path.join(repoRoot, "node_modules/.bin/tsx"),
        ["app/cli/main.ts", "leaderboards:rebuild", ...args],
        { cwd: repoRoot, env, timeout: 60_000 },
        (error, stdout, stderr) =>
          resolve({ code: error ? (typeof error.code === "number" ? error.code : -1) : 0, stdout, stderr }),
      );
    });
  };

  it("rebuilds one round or all, and refuses an unknown round", async () => {
    const roundId = await newRound();
    await play(roundId, await contestant("Sơn"), { score: 3 });
    const one = await cli(["--round", roundId, "--json"]);
    expect(one.code, one.stderr).toBe(0);
    expect(JSON.parse(one.stdout)).toMatchObject({ ok: true, rounds: [{ roundId, entries: 1 }] });
    const all = await cli([]);
    expect(all.code, all.stderr).toBe(0);
    expect(all.stdout).toContain(roundId);
    expect(all.stdout).toMatch(/Đã dựng lại \d+ bảng xếp hạng/);
    const unknown = await cli(["--round", "khong-co", "--json"]);
    expect(unknown.code).toBe(1);
    expect(JSON.parse(unknown.stdout).error.code).toBe("ROUND_NOT_FOUND");
  }, 120_000);
});
