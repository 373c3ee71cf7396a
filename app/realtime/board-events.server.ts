import type { Server } from "socket.io";
import { z } from "zod";
import { hasRole, isWithin } from "~/auth/access";
import type { CurrentUser } from "~/auth/guards.server";
import { boardIsPublic } from "~/contests/public.server";
import { participationByNode } from "~/contests/statistics.server";
import type { Db } from "~/db/client.server";
import { type BoardChange, boardChanges } from "~/live/board.server";
import { type BoardRef, boardSnapshot, boardSnapshots } from "~/live/board-snapshot.server";
import type { Runtime } from "~/runtime.server";
import { defineEvent, refusal } from "./events.server";

/**
 * Watching live boards (issue 5, point 2): a round's, a whole contest's, or a contest's board
 * restricted to one org node (a commune's or a school's ranking), and the unit-participation
 * board (participants and share of members per node). A watcher joins the board's room and
 * gets it at once; afterwards pushes are coalesced: a room gets at most one `board:update`
 * per PUSH_INTERVAL_MS (one `participation:update` per PARTICIPATION_INTERVAL_MS, since it is
 * computed in SQL), carrying the top of the board plus, for a logged-in contestant, their own
 * rank and neighbours.
 */
export const PUSH_INTERVAL_MS = 500;
export const PARTICIPATION_INTERVAL_MS = 2_000;
export const BOARD_TOP = 10;

export const roomOfRound = (roundId: string) => `round:${roundId}`;
export const roomOfBoard = (ref: BoardRef) =>
  "roundId" in ref
    ? roomOfRound(ref.roundId)
    : ref.nodeId
      ? `contest:${ref.contestId}:node:${ref.nodeId}`
      : `contest:${ref.contestId}`;
const participationRoom = (contestId: string, roundId?: string) =>
  roundId ? `participation:round:${roundId}` : `participation:contest:${contestId}`;

const ID = z.string().min(1).max(64);
/** `{ roundId }`, or `{ contestId }` with an optional `nodeId` under the contest's node. */
const boardPayload = z.union([
  z.object({ roundId: ID }).strict(),
  z.object({ contestId: ID, nodeId: ID.optional() }).strict(),
]);

interface Watched {
  contestId: string;
  orgNodePath: string;
  orgNodeDepth: number;
  roundIds: string[];
}

interface DescribedBoard extends Watched {
  published: boolean;
  rounds: Array<{ opensAt: Date; closesAt: Date; leaderboardVisibility: "HIDDEN" | "AFTER_CLOSE" | "LIVE" }>;
}

/** The contest and rounds behind a board; null when the board does not exist. */
async function describeBoard(db: Db, ref: BoardRef): Promise<DescribedBoard | null> {
  const contestId =
    "roundId" in ref
      ? (await db.round.findUnique({ where: { id: ref.roundId }, select: { contestId: true } }))?.contestId
      : ref.contestId;
  if (!contestId) return null;
  const contest = await db.contest.findUnique({
    where: { id: contestId },
    select: {
      status: true,
      orgNode: { select: { path: true, depth: true } },
      rounds: { select: { id: true, opensAt: true, closesAt: true, leaderboardVisibility: true } },
    },
  });
  if (!contest) return null;
  if ("nodeId" in ref && ref.nodeId) {
    const node = await db.orgNode.findUnique({ where: { id: ref.nodeId }, select: { path: true } });
    if (!node || node.path === contest.orgNode.path || !isWithin(contest.orgNode.path, node.path)) return null;
  }
  const rounds = "roundId" in ref ? contest.rounds.filter((round) => round.id === ref.roundId) : contest.rounds;
  return {
    contestId,
    orgNodePath: contest.orgNode.path,
    orgNodeDepth: contest.orgNode.depth,
    roundIds: rounds.map((round) => round.id),
    published: contest.status === "PUBLISHED",
    rounds,
  };
}

/**
 * Who may watch: the contest's organizers always; the public when the contest is published and
 * the organizer made the board public — for a contest-wide board, every round that has opened
 * must be public, so a hidden round's results never leak through the totals. An unknown board
 * and a hidden one are refused alike, so ids cannot be probed.
 */
async function watchable(db: Db, user: CurrentUser | null, ref: BoardRef, now: Date): Promise<Watched | null> {
  const board = await describeBoard(db, ref);
  if (!board) return null;
  if (user && hasRole(user.grants, "ORGANIZER", board.orgNodePath)) return board;
  const opened = board.rounds.filter((round) => round.opensAt <= now);
  const allPublic = opened.length > 0 && opened.every((round) => boardIsPublic(round, now));
  return board.published && allPublic ? board : null;
}

export const boardEvents = [
  defineEvent({
    name: "board:watch",
    schema: boardPayload,
    access: "anyone",
    async handle(context, ref) {
      const { db, store } = context.runtime;
      if (!(await watchable(db, context.user, ref, new Date())))
        return refusal(context, "FORBIDDEN", "errors.socket.forbidden");
      await context.socket.join(roomOfBoard(ref));
      const board = await boardSnapshot(db, store, ref, { top: BOARD_TOP, userId: context.user?.id });
      return { ok: true, ...ref, board };
    },
  }),
  defineEvent({
    name: "board:unwatch",
    schema: boardPayload,
    access: "anyone",
    async handle(context, ref) {
      await context.socket.leave(roomOfBoard(ref));
      return { ok: true, ...ref };
    },
  }),
  defineEvent({
    name: "participation:watch",
    schema: boardPayload,
    access: "anyone",
    async handle(context, ref) {
      const { db } = context.runtime;
      if ("nodeId" in ref && ref.nodeId) return refusal(context, "INVALID", "errors.socket.invalid");
      const watched = await watchable(db, context.user, ref, new Date());
      if (!watched) return refusal(context, "FORBIDDEN", "errors.socket.forbidden");
      await context.socket.join(participationRoom(watched.contestId, "roundId" in ref ? ref.roundId : undefined));
      return { ok: true, ...ref, participation: await participation(db, watched) };
    },
  }),
];

function participation(db: Db, watched: Watched) {
  return participationByNode(
    db,
    { id: watched.contestId, orgNodePath: watched.orgNodePath, orgNodeDepth: watched.orgNodeDepth },
    watched.roundIds,
  );
}

const changeKey = (change: BoardChange) => (change.roundId ? `round:${change.roundId}` : `contest:${change.contestId}`);

/**
 * Pushes changed boards to this process's watchers. A change in any process reaches every
 * process (serverSideEmit through the Redis adapter), and each process pushes to its own
 * sockets, so the per-watcher part (own rank) is computed where the socket lives.
 */
export function startBoardPublisher(io: Server, runtime: Runtime): { stop(): void } {
  const dirty = new Set<string>();
  const participationDirty = new Set<string>();
  let flushing = false;
  const markDirty = (key: string) => {
    dirty.add(key);
    participationDirty.add(key);
  };
  const onChanged = (change: BoardChange) => {
    markDirty(changeKey(change));
    if (runtime.store.kind === "redis") io.serverSideEmit("board:dirty", changeKey(change));
  };
  boardChanges.on("changed", onChanged);
  io.on("board:dirty", (key: unknown) => {
    if (typeof key === "string" && /^(round|contest):[^:]+$/.test(key)) markDirty(key);
  });

  /** The rooms of this process watching boards of a changed round or contest. */
  const roomsOf = (key: string): BoardRef[] => {
    const [kind, id] = key.split(":");
    if (kind === "round") return [{ roundId: id }];
    const refs: BoardRef[] = [{ contestId: id }];
    const nodePrefix = `contest:${id}:node:`;
    for (const room of io.of("/").adapter.rooms.keys())
      if (room.startsWith(nodePrefix)) refs.push({ contestId: id, nodeId: room.slice(nodePrefix.length) });
    return refs;
  };

  const flush = async () => {
    if (flushing || dirty.size === 0) return;
    flushing = true;
    const keys = [...dirty];
    dirty.clear();
    try {
      for (const ref of keys.flatMap(roomsOf)) {
        const watchers = await io.local.in(roomOfBoard(ref)).fetchSockets();
        if (watchers.length === 0) continue;
        const userIds = watchers.flatMap((watcher) => (watcher.data.user as CurrentUser | null)?.id ?? []);
        // The board is read once per push; only each logged-in watcher's own place differs.
        const { shared, places } = await boardSnapshots(runtime.db, runtime.store, ref, { top: BOARD_TOP, userIds });
        for (const watcher of watchers) {
          const userId = (watcher.data.user as CurrentUser | null)?.id;
          const place = userId ? places.get(userId) : undefined;
          watcher.emit("board:update", { ...ref, board: place ? { ...shared, ...place } : shared });
        }
      }
    } catch (error) {
      runtime.logger.error({ err: error }, "pushing boards failed");
    } finally {
      flushing = false;
    }
  };

  const flushParticipation = async () => {
    const keys = [...participationDirty];
    participationDirty.clear();
    try {
      for (const key of keys) {
        const [kind, id] = key.split(":");
        const round =
          kind === "round" ? await runtime.db.round.findUnique({ where: { id }, select: { contestId: true } }) : null;
        const contestId = round?.contestId ?? id;
        // A round's change also changes its contest's participation.
        const refs: BoardRef[] = kind === "round" ? [{ roundId: id }, { contestId }] : [{ contestId }];
        for (const ref of refs) {
          const room = participationRoom(contestId, "roundId" in ref ? ref.roundId : undefined);
          if ((await io.local.in(room).fetchSockets()).length === 0) continue;
          // Everyone in the room was let in when they joined (organizers may watch hidden boards).
          const watched = await describeBoard(runtime.db, ref);
          if (watched)
            io.local
              .to(room)
              .emit("participation:update", { ...ref, participation: await participation(runtime.db, watched) });
        }
      }
    } catch (error) {
      runtime.logger.error({ err: error }, "pushing participation failed");
    }
  };

  const timer = setInterval(() => void flush(), PUSH_INTERVAL_MS);
  timer.unref();
  const participationTimer = setInterval(() => void flushParticipation(), PARTICIPATION_INTERVAL_MS);
  participationTimer.unref();
  return {
    stop() {
      clearInterval(timer);
      clearInterval(participationTimer);
      boardChanges.off("changed", onChanged);
    },
  };
}
