import type { Server } from "socket.io";
import { z } from "zod";
import { hasRole } from "~/auth/access";
import type { Db } from "~/db/client.server";
import type { Runtime } from "~/runtime.server";
import { defineEvent, refusal } from "./events.server";

/**
 * The organizer's live view of a running round: how many people are in an attempt now, and
 * attempts started and finished per minute over the last half hour. Recomputed from PostgreSQL
 * (two indexed aggregates) at most once a second per round, only while someone watches.
 */
export const ACTIVITY_MINUTES = 30;
const FLUSH_MS = 1_000;
/** Minute buckets roll over even when nothing happens: watched rounds refresh this often. */
const REFRESH_MS = 30_000;
export const roomOfActivity = (roundId: string) => `activity:${roundId}`;

export interface RoundActivity {
  running: number;
  /** Oldest first; minutes[i] is the start of the minute (ISO) of started[i] and finished[i]. */
  minutes: string[];
  started: number[];
  finished: number[];
}

export async function roundActivity(db: Db, roundId: string, now: Date = new Date()): Promise<RoundActivity> {
  const end = Math.floor(now.getTime() / 60_000) * 60_000;
  const from = new Date(end - (ACTIVITY_MINUTES - 1) * 60_000);
  const [running, rows] = await Promise.all([
    db.attempt.count({ where: { roundId, status: "IN_PROGRESS" } }),
    db.$queryRaw<Array<{ minute: Date; started: number; finished: number }>>`
      SELECT minute, sum(started)::int AS started, sum(finished)::int AS finished FROM (
        SELECT date_trunc('minute', "startedAt") AS minute, 1 AS started, 0 AS finished
          FROM "Attempt" WHERE "roundId" = ${roundId} AND "startedAt" >= ${from}
        UNION ALL
        SELECT date_trunc('minute', "closedAt"), 0, 1
          FROM "Attempt" WHERE "roundId" = ${roundId} AND "closedAt" >= ${from}
      ) AS events GROUP BY minute`,
  ]);
  const minutes = Array.from({ length: ACTIVITY_MINUTES }, (_, index) => from.getTime() + index * 60_000);
  const byMinute = new Map(rows.map((row) => [row.minute.getTime(), row]));
  return {
    running,
    minutes: minutes.map((minute) => new Date(minute).toISOString()),
    started: minutes.map((minute) => byMinute.get(minute)?.started ?? 0),
    finished: minutes.map((minute) => byMinute.get(minute)?.finished ?? 0),
  };
}

export const activityEvents = [
  defineEvent({
    name: "round:activity",
    schema: z.object({ roundId: z.string().min(1).max(64) }),
    access: "user",
    async handle(context, { roundId }) {
      const round = await context.runtime.db.round.findUnique({
        where: { id: roundId },
        select: { contest: { select: { orgNode: { select: { path: true } } } } },
      });
      // Only the contest's organizers; an unknown round is refused the same way.
      if (!round || !context.user || !hasRole(context.user.grants, "ORGANIZER", round.contest.orgNode.path))
        return refusal(context, "FORBIDDEN", "errors.socket.forbidden");
      await context.socket.join(roomOfActivity(roundId));
      return { ok: true, roundId, activity: await roundActivity(context.runtime.db, roundId) };
    },
  }),
];

/** Pushes a watched round's activity when attempts start or close, coalesced per second. */
export function startActivityPublisher(io: Server, runtime: Runtime): { stop(): void } {
  const dirty = new Set<string>();
  // Rounds already told to the other processes since the last flush: a round's opening starts
  // thousands of attempts within a second, and one Redis message per round and second is
  // enough for them to push it too (one per attempt cost about 7 % of the start's CPU).
  const toldOthers = new Set<string>();
  let flushing = false;
  const onAttempt = ({ roundId }: { roundId: string }) => {
    dirty.add(roundId);
    if (runtime.store.kind === "redis" && !toldOthers.has(roundId)) {
      toldOthers.add(roundId);
      io.serverSideEmit("activity:dirty", roundId);
    }
  };
  runtime.events.on("attemptStarted", onAttempt);
  runtime.events.on("attemptClosed", onAttempt);
  io.on("activity:dirty", (roundId: unknown) => {
    if (typeof roundId === "string") dirty.add(roundId);
  });
  const flush = async () => {
    if (flushing || dirty.size === 0) return;
    flushing = true;
    const rounds = [...dirty];
    dirty.clear();
    toldOthers.clear();
    try {
      for (const roundId of rounds) {
        const room = roomOfActivity(roundId);
        if (!io.of("/").adapter.rooms.get(room)?.size) continue; // nobody here watches it
        io.local.to(room).emit("round:activity", { roundId, activity: await roundActivity(runtime.db, roundId) });
      }
    } catch (error) {
      runtime.logger.error({ err: error }, "pushing round activity failed");
    } finally {
      flushing = false;
    }
  };
  const refresh = () => {
    for (const room of io.of("/").adapter.rooms.keys())
      if (room.startsWith("activity:")) dirty.add(room.slice("activity:".length));
  };
  const timers = [setInterval(() => void flush(), FLUSH_MS), setInterval(refresh, REFRESH_MS)];
  for (const timer of timers) timer.unref();
  return {
    stop() {
      for (const timer of timers) clearInterval(timer);
      runtime.events.off("attemptStarted", onAttempt);
      runtime.events.off("attemptClosed", onAttempt);
    },
  };
}
