import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contestRanking } from "~/contests/results.server";
import {
  applyClosedAttempt,
  type BoardChange,
  boardChanges,
  followClosedAttempts,
  rebuildBoards,
  rebuildRoundBoard,
} from "~/live/board.server";
import { boardSnapshot } from "~/live/board-snapshot.server";
import { applyToContestBoard, nodesBelow, rebuildContestBoard } from "~/live/contest-board.server";
import type { SharedStore } from "~/store/store.server";
import { seedDemoData } from "../../seeds/demo";
import { createUserWithRole, nodeId, sessionCookie } from "../support/fixtures";
import { startTestRuntime, type TestRuntime } from "../support/runtime";
import { request, startTestSocketServer, type TestSocketServer } from "../support/socket-server";

/**
 * Whole-contest and per-node live boards, and the unit-participation board, over real sockets
 * (issue 5, point 2): the live contest board equals the rebuilt one and the official contest
 * ranking; a node's board lists only its contestants; who may watch what.
 */
let runtime: TestRuntime;
let sockets: TestSocketServer;
let contestId: string;
let rounds: string[];
const T0 = new Date(Date.now() - 3600_000);
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

const client = (cookie?: string): Promise<Socket> => sockets.connectedClient({ cookie });

/** A contestant of the given unit registered for the contest (the file's own by default). */
async function contestant(name: string, unitCode: string, contest = contestId) {
  const user = await createUserWithRole(runtime.db, { role: "CONTESTANT", nodeCode: unitCode, fullName: name });
  await runtime.db.registration.create({
    data: {
      contestId: contest,
      userId: user.id,
      fields: {},
      orgNodeId: await nodeId(runtime.db, unitCode),
      consentAt: T0,
      consentVersion: 1,
    },
  });
  return user.id;
}

/** A submitted attempt written straight into the database, numbered after the contestant's others. */
async function submittedAttempt(
  roundId: string,
  userId: string,
  score: number,
  timeUsedMs: number,
  closedAt: (number: number) => Date,
) {
  const number = (await runtime.db.attempt.count({ where: { roundId, userId } })) + 1;
  return runtime.db.attempt.create({
    data: {
      roundId,
      userId,
      number,
      status: "SUBMITTED",
      startedAt: at(0),
      deadlineAt: at(1800),
      closedAt: closedAt(number),
      score,
      maxScore: 10,
      correctCount: score,
      timeUsedMs,
    },
  });
}

/** A closed attempt, announced to the round's and the contest's boards as the server does. */
async function play(roundIndex: number, userId: string, score: number, timeUsedMs: number) {
  const roundId = rounds[roundIndex];
  await submittedAttempt(roundId, userId, score, timeUsedMs, (number) => at(60 + number + roundIndex * 100));
  await applyClosedAttempt(runtime.db, runtime.store, { roundId, userId });
  await applyToContestBoard(runtime.db, runtime.store, { contestId, userId });
}

beforeAll(async () => {
  runtime = await startTestRuntime();
  await seedDemoData(runtime.db);
  sockets = await startTestSocketServer(runtime);
  const contest = await runtime.db.contest.create({
    data: {
      orgNodeId: await nodeId(runtime.db, "HP-KIMTHANH"),
      title: "Bảng xếp hạng toàn cuộc thi (thử)",
      slug: "bang-xep-hang-toan-cuoc-thi",
      registrationFields: {},
      status: "PUBLISHED",
      rounds: {
        create: [1, 2].map((position) => ({
          name: `Đợt ${position}`,
          position,
          opensAt: at(-600),
          closesAt: at(7200),
          timeLimitSeconds: 1800,
          attemptsAllowed: 3,
          blueprint: { questionIds: [] },
          leaderboardVisibility: "LIVE" as const,
        })),
      },
    },
    include: { rounds: { orderBy: { position: "asc" } } },
  });
  contestId = contest.id;
  rounds = contest.rounds.map((round) => round.id);
});
afterAll(async () => {
  await sockets?.close();
  await runtime?.stop();
});

describe("contest and node boards", () => {
  it("sums the counting attempts of every round, ties by total time, as the official contest ranking", async () => {
    const lan = await contestant("Lan", "HP-KIMTHANH-THCS");
    const hung = await contestant("Hùng", "HP-KIMTHANH-THCS");
    const mai = await contestant("Mai", "HP-KIMTHANH-UBND");
    await play(0, lan, 6, 300_000);
    await play(1, lan, 7, 300_000); // 13 in 600 s
    await play(0, hung, 8, 200_000);
    await play(1, hung, 5, 300_000); // 13 in 500 s: ahead of Lan
    await play(0, mai, 4, 100_000);
    await play(0, mai, 9, 100_000); // the best attempt counts: 9
    const live = await boardSnapshot(runtime.db, runtime.store, { contestId }, { top: 100, userId: lan });
    expect(live.top.map((row) => [row.name, row.score, row.rank])).toEqual([
      ["Hùng", 13, 1],
      ["Lan", 13, 2],
      ["Mai", 9, 3],
    ]);
    expect(live.me).toMatchObject({ userId: lan, rank: 2, maxScore: 20 });
    const official = await contestRanking(runtime.db, contestId);
    expect(live.top.map((row) => [row.userId, row.rank])).toEqual(
      official.ranking.map((row) => [row.userId, row.rank]),
    );
    // Rebuilt from PostgreSQL, the board is the same.
    await rebuildContestBoard(runtime.db, runtime.store, contestId);
    const rebuilt = await boardSnapshot(runtime.db, runtime.store, { contestId }, { top: 100, userId: lan });
    expect(rebuilt).toEqual(live);

    // A unit's board lists its own contestants; the commune's lists all of its units'.
    const school = await nodeId(runtime.db, "HP-KIMTHANH-THCS");
    const schoolBoard = await boardSnapshot(runtime.db, runtime.store, { contestId, nodeId: school }, { top: 100 });
    expect(schoolBoard.top.map((row) => [row.name, row.rank])).toEqual([
      ["Hùng", 1],
      ["Lan", 2],
    ]);
    const office = await nodeId(runtime.db, "HP-KIMTHANH-UBND");
    expect(
      (await boardSnapshot(runtime.db, runtime.store, { contestId, nodeId: office }, { top: 100 })).top,
    ).toMatchObject([{ name: "Mai", rank: 1 }]);

    // An annulled attempt leaves the totals at once.
    await runtime.db.attempt.updateMany({ where: { userId: hung, roundId: rounds[1] }, data: { status: "ANNULLED" } });
    await applyToContestBoard(runtime.db, runtime.store, { contestId, userId: hung });
    const after = await boardSnapshot(runtime.db, runtime.store, { contestId, nodeId: school }, { top: 100 });
    expect(after.top.map((row) => [row.name, row.score])).toEqual([
      ["Lan", 13],
      ["Hùng", 8],
    ]);
    // Rebuilding every board includes contest boards.
    const all = await rebuildBoards(runtime.db, runtime.store);
    expect(all.contests).toBeGreaterThanOrEqual(1);
  });

  it("places a contestant on the boards of their unit and every node above it up to the contest's", () => {
    expect(nodesBelow("c", "/root/c/commune/school/")).toEqual(["commune", "school"]);
    expect(nodesBelow("c", "/root/c/")).toEqual([]);
    expect(nodesBelow("c", "/root/other/")).toEqual([]);
    expect(nodesBelow("c", null)).toEqual([]);
  });

  it("lets the public watch contest and node boards only when every opened round's board is public", async () => {
    const anonymous = await client();
    const school = await nodeId(runtime.db, "HP-KIMTHANH-THCS");
    const watched = await request(anonymous, "board:watch", { contestId, nodeId: school });
    expect(watched).toMatchObject({ ok: true, contestId, nodeId: school });
    // Pushes carry the node's board as it changes: one soon carries the new contestant.
    const update = new Promise<string[]>((resolve) =>
      anonymous.on("board:update", (payload: { nodeId?: string; board: { top: Array<{ name: string }> } }) => {
        const names = payload.board.top.map((row) => row.name);
        if (payload.nodeId === school && names.includes("Vy")) resolve(names);
      }),
    );
    await play(1, await contestant("Vy", "HP-KIMTHANH-THCS"), 10, 1000);
    expect(await update).toEqual(["Lan", "Vy", "Hùng"]); // Hùng lost round 2 to the annulment above

    // A node outside the contest's subtree, and the contest's own node, are not boards.
    for (const outside of ["HP-HAIAN", "HP-KIMTHANH"])
      expect(
        await request(anonymous, "board:watch", { contestId, nodeId: await nodeId(runtime.db, outside) }),
      ).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await request(anonymous, "board:watch", { contestId, roundId: rounds[0] })).toMatchObject({
      ok: false,
      code: "INVALID",
    });

    // One hidden round hides the contest's totals from the public, not from its organizers.
    await runtime.db.round.update({ where: { id: rounds[1] }, data: { leaderboardVisibility: "HIDDEN" } });
    expect(await request(anonymous, "board:watch", { contestId })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await request(anonymous, "board:watch", { roundId: rounds[0] })).toMatchObject({ ok: true });
    const organizer = await createUserWithRole(runtime.db, { role: "ORGANIZER", nodeCode: "HP-KIMTHANH" });
    const organizerSocket = await client(await sessionCookie(runtime.db, organizer.id));
    expect(await request(organizerSocket, "board:watch", { contestId })).toMatchObject({ ok: true });
    const participation = await request(organizerSocket, "participation:watch", { contestId });
    expect(participation).toMatchObject({ ok: true });
    const nodes = (participation.participation as { nodes: Array<{ nodeId: string; participants: number }> }).nodes;
    expect(nodes.find((node) => node.nodeId === school)?.participants).toBe(3);
    await runtime.db.round.update({ where: { id: rounds[1] }, data: { leaderboardVisibility: "LIVE" } });
  });
});

describe("closes applied in batches", () => {
  let batchContest: string;
  let best: string;
  let last: string;
  const units = ["HP-KIMTHANH-THCS", "HP-KIMTHANH-UBND", "HP-HAIAN-THPT"];

  beforeAll(async () => {
    // At the city's node, so each contestant is on two node boards: their commune's and their unit's.
    const contest = await runtime.db.contest.create({
      data: {
        orgNodeId: await nodeId(runtime.db, "HP"),
        title: "Bảng xếp hạng cập nhật theo lô (thử)",
        slug: "bang-xep-hang-theo-lo",
        registrationFields: {},
        status: "PUBLISHED",
        rounds: {
          create: (["BEST", "LAST"] as const).map((countingAttempt, index) => ({
            name: `Đợt ${index + 1}`,
            position: index + 1,
            opensAt: at(-600),
            closesAt: at(7200),
            timeLimitSeconds: 1800,
            attemptsAllowed: 3,
            countingAttempt,
            blueprint: { questionIds: [] },
            leaderboardVisibility: "LIVE" as const,
          })),
        },
      },
      include: { rounds: { orderBy: { position: "asc" } } },
    });
    batchContest = contest.id;
    [best, last] = contest.rounds.map((round) => round.id);
  });

  const registered = (name: string, unitCode: string) => contestant(name, unitCode, batchContest);

  /** A closed attempt in the database, not yet on any board; what the engine announces. */
  async function closed(roundId: string, userId: string, score: number, timeUsedMs: number) {
    const attempt = await submittedAttempt(roundId, userId, score, timeUsedMs, () => at(60 + (score % 3)));
    return { attemptId: attempt.id, roundId, userId, at: new Date() };
  }

  const nodeBoards = async () =>
    Promise.all(
      units.flatMap((code) => [code, code.split("-").slice(0, 2).join("-")]).map((code) => nodeId(runtime.db, code)),
    );
  async function everyBoard() {
    const refs = [
      best,
      last,
      { contestId: batchContest },
      ...(await nodeBoards()).map((nodeId) => ({ contestId: batchContest, nodeId })),
    ];
    return Promise.all(refs.map((ref) => boardSnapshot(runtime.db, runtime.store, ref, { top: 1000 })));
  }

  it("gives the boards a rebuild gives, with one change per board and batch", async () => {
    let seed = 11;
    const random = (n: number) => {
      seed = (seed * 16807) % 2147483647; // Park–Miller: exact in doubles, unlike a 2^31 LCG
      return seed % n;
    };
    const users = await Promise.all(
      Array.from({ length: 12 }, (_, i) => registered(`Lô ${i}`, units[i % units.length])),
    );
    // Boards exist before the storm (a batch on a round without one rebuilds it instead): a few
    // contestants already on them, applied one by one.
    for (const userId of users.slice(0, 3))
      for (const roundId of [best, last]) {
        await closed(roundId, userId, 5, 300_000);
        await applyClosedAttempt(runtime.db, runtime.store, { roundId, userId });
        await applyToContestBoard(runtime.db, runtime.store, { contestId: batchContest, userId });
      }
    // The storm: several attempts per contestant in both rounds, few distinct values so ties are common,
    // and one earlier attempt annulled (its contestant leaves the round's board).
    const closes = [];
    for (let step = 0; step < 40; step++)
      closes.push(
        await closed([best, last][random(2)], users[random(users.length)], random(4) * 3, 100_000 * (1 + random(2))),
      );
    const annulled = await runtime.db.attempt.findFirstOrThrow({
      where: { roundId: best, userId: users[0], number: 1 },
    });
    await runtime.db.attempt.update({ where: { id: annulled.id }, data: { status: "ANNULLED" } });
    closes.push({ attemptId: annulled.id, roundId: best, userId: users[0], at: new Date() });

    const changes: BoardChange[] = [];
    const record = (change: BoardChange) => changes.push(change);
    boardChanges.on("changed", record);
    const stop = followClosedAttempts(runtime);
    const applied = new Promise<void>((resolve) =>
      boardChanges.on("changed", function done(change) {
        if (change.contestId !== batchContest) return;
        boardChanges.off("changed", done);
        resolve();
      }),
    );
    for (const close of closes) runtime.events.emit("attemptClosed", close);
    await applied;
    stop();
    boardChanges.off("changed", record);
    expect(changes).toEqual(
      expect.arrayContaining([{ roundId: best }, { roundId: last }, { contestId: batchContest }]),
    );
    expect(changes).toHaveLength(3);

    const live = await everyBoard();
    expect(live[2].total).toBe(
      await runtime.db.attempt
        .groupBy({ by: ["userId"], where: { roundId: { in: [best, last] }, status: "SUBMITTED" } })
        .then((groups) => groups.length),
    );
    await rebuildRoundBoard(runtime.db, runtime.store, best);
    await rebuildRoundBoard(runtime.db, runtime.store, last);
    await rebuildContestBoard(runtime.db, runtime.store, batchContest);
    expect(await everyBoard()).toEqual(live);
    const official = await contestRanking(runtime.db, batchContest);
    // Within a tie the two list in different orders (both are right): compared per contestant.
    expect(new Map(live[2].top.map((row) => [row.userId, [row.score, row.rank]]))).toEqual(
      new Map(official.ranking.map((row) => [row.userId, [row.score, row.rank]])),
    );
  });

  it("builds a round's boards at its first start, before its first close", async () => {
    const contest = await runtime.db.contest.create({
      data: {
        orgNodeId: await nodeId(runtime.db, "HP"),
        title: "Bảng dựng sẵn (thử)",
        slug: "bang-dung-san",
        registrationFields: {},
        status: "PUBLISHED",
        rounds: {
          create: {
            name: "Đợt 1",
            position: 1,
            opensAt: at(-600),
            closesAt: at(7200),
            timeLimitSeconds: 1800,
            blueprint: { questionIds: [] },
          },
        },
      },
      include: { rounds: true },
    });
    const roundId = contest.rounds[0].id;
    const built: BoardChange[] = [];
    const bothBuilt = new Promise<void>((resolve) =>
      boardChanges.on("changed", function record(change) {
        if (change.roundId === roundId || change.contestId === contest.id) built.push(change);
        if (built.length < 2) return;
        boardChanges.off("changed", record);
        resolve();
      }),
    );
    const stop = followClosedAttempts(runtime);
    const userId = await registered("Sớm", "HP-KIMTHANH-THCS");
    for (let i = 0; i < 3; i++)
      runtime.events.emit("attemptStarted", { attemptId: `a${i}`, roundId, userId, at: new Date() });
    await bothBuilt;
    stop();
    expect(built).toEqual([{ roundId }, { contestId: contest.id }]);
    expect(await boardSnapshot(runtime.db, runtime.store, roundId)).toMatchObject({ total: 0, top: [] });
  });

  it("logs a failed batch and applies the next; a rebuild repairs what it missed", async () => {
    const failing = Object.create(runtime.store) as SharedStore;
    let failures = 1;
    failing.write = (writes) =>
      failures-- > 0 ? Promise.reject(new Error("Redis went away")) : runtime.store.write(writes);
    const logged: string[] = [];
    const stop = followClosedAttempts({
      ...runtime,
      store: failing,
      logger: { error: (_details: object, message: string) => void logged.push(message) },
    });
    const contestChanged = () =>
      new Promise<void>((resolve) =>
        boardChanges.on("changed", function done(change) {
          if (change.contestId !== batchContest) return;
          boardChanges.off("changed", done);
          resolve();
        }),
      );
    // Both boards exist, so each batch writes to the round's board first, then the contest's.
    await rebuildRoundBoard(runtime.db, runtime.store, last);
    await rebuildContestBoard(runtime.db, runtime.store, batchContest);
    const missed = await registered("Lỡ", "HP-KIMTHANH-THCS");
    const next = await registered("Kế", "HP-HAIAN-THPT");
    // The round's write fails; the contest's goes through.
    let applied = contestChanged();
    runtime.events.emit("attemptClosed", await closed(last, missed, 9, 100_000));
    await applied;
    expect(logged).toEqual(["updating the live board failed"]);
    applied = contestChanged();
    runtime.events.emit("attemptClosed", await closed(last, next, 6, 100_000));
    await applied;
    stop();
    const onBoard = async () =>
      (await boardSnapshot(runtime.db, runtime.store, last, { top: 1000 })).top.map((row) => row.userId);
    expect(await onBoard()).toContain(next);
    expect(await onBoard()).not.toContain(missed);
    await rebuildRoundBoard(runtime.db, runtime.store, last);
    expect(await onBoard()).toEqual(expect.arrayContaining([missed, next]));
  });
});
