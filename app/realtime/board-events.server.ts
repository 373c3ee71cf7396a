import type { Server } from "socket.io";
import { z } from "zod";
import { hasRole } from "~/auth/access";
import type { CurrentUser } from "~/auth/guards.server";
import { boardIsPublic } from "~/contests/public.server";
import type { Db } from "~/db/client.server";
import { boardChanges } from "~/live/board.server";
import { boardSnapshot, boardSnapshots } from "~/live/board-snapshot.server";
import type { Runtime } from "~/runtime.server";
import { defineEvent, refusal } from "./events.server";

/**
 * Watching a round's live board. A watcher joins the round's room and gets the board at once;
 * afterwards pushes are coalesced: whatever happens, a room gets at most one `board:update`
 * per PUSH_INTERVAL_MS, carrying the top of the board plus, for a logged-in contestant, their
 * own rank and neighbours.
 */
export const PUSH_INTERVAL_MS = 500;
export const BOARD_TOP = 10;
export const roomOfRound = (roundId: string) => `round:${roundId}`;

/** The public may watch when the organizer made the board public; the contest's organizers always. */
async function mayWatch(db: Db, user: CurrentUser | null, roundId: string, now: Date): Promise<boolean> {
  const round = await db.round.findUnique({
    where: { id: roundId },
    select: {
      opensAt: true,
      closesAt: true,
      leaderboardVisibility: true,
      contest: { select: { status: true, orgNode: { select: { path: true } } } },
    },
  });
  if (!round) return false;
  if (user && hasRole(user.grants, "ORGANIZER", round.contest.orgNode.path)) return true;
  return round.contest.status === "PUBLISHED" && boardIsPublic(round, now);
}

const roundPayload = z.object({ roundId: z.string().min(1).max(64) });

export const boardEvents = [
  defineEvent({
    name: "board:watch",
    schema: roundPayload,
    access: "anyone",
    async handle(context, { roundId }) {
      const { db, store } = context.runtime;
      // An unknown round and a hidden one are refused alike: ids cannot be probed.
      if (!(await mayWatch(db, context.user, roundId, new Date())))
        return refusal(context, "FORBIDDEN", "errors.socket.forbidden");
      await context.socket.join(roomOfRound(roundId));
      const board = await boardSnapshot(db, store, roundId, { top: BOARD_TOP, userId: context.user?.id });
      return { ok: true, roundId, board };
    },
  }),
  defineEvent({
    name: "board:unwatch",
    schema: roundPayload,
    access: "anyone",
    async handle(context, { roundId }) {
      await context.socket.leave(roomOfRound(roundId));
      return { ok: true, roundId };
    },
  }),
];

/**
 * Pushes changed boards to this process's watchers. A change in any process reaches every
 * process (serverSideEmit through the Redis adapter), and each process pushes to its own
 * sockets, so the per-watcher part (own rank) is computed where the socket lives.
 */
export function startBoardPublisher(io: Server, runtime: Runtime): { stop(): void } {
  const dirty = new Set<string>();
  let flushing = false;
  const onChanged = ({ roundId }: { roundId: string }) => {
    dirty.add(roundId);
    if (runtime.store.kind === "redis") io.serverSideEmit("board:dirty", roundId);
  };
  boardChanges.on("changed", onChanged);
  io.on("board:dirty", (roundId: unknown) => {
    if (typeof roundId === "string") dirty.add(roundId);
  });

  const flush = async () => {
    if (flushing || dirty.size === 0) return;
    flushing = true;
    const rounds = [...dirty];
    dirty.clear();
    try {
      for (const roundId of rounds) {
        const watchers = await io.local.in(roomOfRound(roundId)).fetchSockets();
        if (watchers.length === 0) continue;
        const userIds = watchers.flatMap((watcher) => (watcher.data.user as CurrentUser | null)?.id ?? []);
        // The board is read once per push; only each logged-in watcher's own place differs.
        const { shared, places } = await boardSnapshots(runtime.db, runtime.store, roundId, {
          top: BOARD_TOP,
          userIds,
        });
        for (const watcher of watchers) {
          const userId = (watcher.data.user as CurrentUser | null)?.id;
          const place = userId ? places.get(userId) : undefined;
          watcher.emit("board:update", { roundId, board: place ? { ...shared, ...place } : shared });
        }
      }
    } catch (error) {
      runtime.logger.error({ err: error }, "pushing boards failed");
    } finally {
      flushing = false;
    }
  };
  const timer = setInterval(() => void flush(), PUSH_INTERVAL_MS);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      boardChanges.off("changed", onChanged);
    },
  };
}
