import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contestRanking } from "~/contests/results.server";
import { applyClosedAttempt, rebuildBoards } from "~/live/board.server";
import { boardSnapshot } from "~/live/board-snapshot.server";
import { applyToContestBoard, nodesBelow, rebuildContestBoard } from "~/live/contest-board.server";
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

async function contestant(name: string, unitCode: string) {
  const user = await createUserWithRole(runtime.db, { role: "CONTESTANT", nodeCode: unitCode, fullName: name });
  await runtime.db.registration.create({
    data: {
      contestId,
      userId: user.id,
      fields: {},
      orgNodeId: await nodeId(runtime.db, unitCode),
      consentAt: T0,
      consentVersion: 1,
    },
  });
  return user.id;
}

/** A closed attempt, announced to the round's and the contest's boards as the server does. */
async function play(roundIndex: number, userId: string, score: number, timeUsedMs: number) {
  const roundId = rounds[roundIndex];
  const number = (await runtime.db.attempt.count({ where: { roundId, userId } })) + 1;
  await runtime.db.attempt.create({
    data: {
      roundId,
      userId,
      number,
      status: "SUBMITTED",
      startedAt: at(0),
      deadlineAt: at(1800),
      closedAt: at(60 + number + roundIndex * 100),
      score,
      maxScore: 10,
      correctCount: score,
      timeUsedMs,
    },
  });
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
