import { randomBytes } from "node:crypto";
import { EventEmitter } from "node:events";
import { countingAttemptsSql } from "~/contests/results.server";
import { countingAttempt, type TieBreaker } from "~/contests/scoring";
import type { Db } from "~/db/client.server";
import type { DomainEvents } from "~/realtime/bus.server";
import type { SharedStore } from "~/store/store.server";
import type { Logger } from "~/utils/logger.server";
import { type BoardEntry, boardOrder, encodeMember, rankEntry } from "./board-encoding";
import { applyToContestBoard, rebuildContestBoard } from "./contest-board.server";

/**
 * Live round leaderboards (issue 5, point 2) kept in the SharedStore (Redis, or the in-process
 * fallback), always rebuildable from PostgreSQL, which stays the source of truth. The ranking
 * rules are those of the official results (app/contests/results.server.ts `roundRanking`):
 * each contestant's counting attempt (best / first / last; submitted or expired, never annulled)
 * ranked by the round's tie-break order — except that the prediction key only counts once the
 * round has closed (see `boardOrder`).
 *
 * Keys (under the store's own prefix):
 * - `board:round:<roundId>`: the board's description (JSON `BoardMeta`): its generation, order,
 *   participants (when it ranks by prediction), whether it is final.
 * - `board:round:<roundId>:<gen>:rank`: the sorted set (score = points, member = see
 *   board-encoding.ts).
 * - `board:round:<roundId>:<gen>:entries`: a hash userId → that user's current member, mark and
 *   time used, so a newly closed attempt replaces the user's entry (zRem old, zAdd new).
 * - `board:built`: set once every board has been built; its absence at start-up means Redis was
 *   flushed or restarted (`rebuildIfEmpty`).
 * A rebuild writes a new generation and then switches the description to it, so readers never
 * see a half-built board, and deletes the old generation's two keys.
 *
 * Which boards changed: every function returns it, and `boardChanges` emits
 * `changed({ roundId })` in this process whenever a board changed, so the socket layer can push
 * (coalesced) to the round's room without knowing about attempts.
 */
/** A round's board changed, or a contest's (whole and per node). */
export type BoardChange = { roundId: string; contestId?: undefined } | { contestId: string; roundId?: undefined };
export const boardChanges = new EventEmitter<{ changed: [BoardChange] }>();

const BUILT_KEY = "board:built";
const WRITE_BATCH = 2_000;
/** The sweep looks back this far for rounds that closed (older rounds were finalized then). */
const FINALIZE_WINDOW_MS = 24 * 3600 * 1000;

interface BoardMeta {
  gen: string;
  contestId: string;
  order: TieBreaker[];
  /** The participant count prediction errors were computed with; null while the round is open. */
  participants: number | null;
  /** Built after the round closed, for this `closesAt` (ISO). */
  finalFor: string | null;
  /** A contestant joined or left a final board: prediction errors changed, the sweep rebuilds. */
  stale?: boolean;
}

interface StoredEntry {
  m: string;
  s: number;
  max: number;
  t: number | null;
}

const metaKey = (roundId: string) => `board:round:${roundId}`;
const rankKey = (roundId: string, gen: string) => `board:round:${roundId}:${gen}:rank`;
const entriesKey = (roundId: string, gen: string) => `board:round:${roundId}:${gen}:entries`;

async function readMeta(store: SharedStore, roundId: string): Promise<BoardMeta | null> {
  const raw = await store.get(metaKey(roundId));
  return raw ? (JSON.parse(raw) as BoardMeta) : null;
}

const CLOSED_STATUSES = ["SUBMITTED", "EXPIRED"] as const;

interface BoardRow {
  userId: string;
  score: number;
  maxScore: number;
  timeUsedMs: number | null;
  predictionError: number | null;
  closedAt: Date | null;
}

function storedEntry(row: BoardRow, order: readonly TieBreaker[]): StoredEntry {
  const entry: BoardEntry = { ...row, predictionError: order.includes("prediction") ? row.predictionError : null };
  return { m: encodeMember(entry, order), s: row.score, max: row.maxScore, t: row.timeUsedMs };
}

// Rebuilds of one round in this process run once at a time; live updates wait for them, so an
// attempt closing during a rebuild is not written to the generation being replaced. (Across
// processes this is not guaranteed: the contestant's next closed attempt, the next rebuild or
// the finalizing sweep repairs it.)
const rebuilding = new Map<string, Promise<RebuiltBoard>>();

export interface RebuiltBoard {
  roundId: string;
  entries: number;
  final: boolean;
}

/**
 * Rebuilds one round's board from PostgreSQL: one query returning only the ranking columns of
 * each contestant's counting attempt (the SQL of the official results), written in batches.
 */
export function rebuildRoundBoard(
  db: Db,
  store: SharedStore,
  roundId: string,
  now: Date = new Date(),
): Promise<RebuiltBoard> {
  const running = rebuilding.get(roundId);
  if (running) return running;
  const job = buildBoard(db, store, roundId, now).finally(() => rebuilding.delete(roundId));
  rebuilding.set(roundId, job);
  return job;
}

async function buildBoard(db: Db, store: SharedStore, roundId: string, now: Date): Promise<RebuiltBoard> {
  const round = await db.round.findUniqueOrThrow({
    where: { id: roundId },
    select: { id: true, contestId: true, countingAttempt: true, tieBreakOrder: true, closesAt: true },
  });
  const order = boardOrder(round, now);
  const final = now >= round.closesAt;
  const rows = await db.$queryRaw<BoardRow[]>`
    WITH counting AS (${countingAttemptsSql({ ...round, tieBreakOrder: order })})
    SELECT "userId", score, "maxScore", "timeUsedMs", "predictionError", "closedAt" FROM counting`;
  const gen = `${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;
  for (let start = 0; start < rows.length; start += WRITE_BATCH) {
    const batch = rows.slice(start, start + WRITE_BATCH);
    const stored = batch.map((row) => storedEntry(row, order));
    await store.zAddMany(
      rankKey(roundId, gen),
      stored.map((entry) => ({ member: entry.m, score: entry.s })),
    );
    await store.hSetMany(
      entriesKey(roundId, gen),
      Object.fromEntries(batch.map((row, index) => [row.userId, JSON.stringify(stored[index])])),
    );
  }
  const previous = await readMeta(store, roundId);
  const meta: BoardMeta = {
    gen,
    contestId: round.contestId,
    order,
    participants: final ? rows.length : null,
    finalFor: final ? round.closesAt.toISOString() : null,
  };
  await store.set(metaKey(roundId), JSON.stringify(meta));
  if (previous && previous.gen !== gen) {
    await store.del(rankKey(roundId, previous.gen));
    await store.del(entriesKey(roundId, previous.gen));
  }
  boardChanges.emit("changed", { roundId });
  return { roundId, entries: rows.length, final };
}

/**
 * A contestant's attempt closed (or was annulled or reinstated): recomputes their counting
 * attempt from PostgreSQL and replaces their entry. True when the board changed. A round with
 * no board yet (first attempt, or Redis lost it) is rebuilt whole instead.
 */
export async function applyClosedAttempt(
  db: Db,
  store: SharedStore,
  input: { roundId: string; userId: string; now?: Date },
): Promise<boolean> {
  const { roundId, userId } = input;
  await rebuilding.get(roundId);
  const meta = await readMeta(store, roundId);
  if (!meta) {
    await rebuildRoundBoard(db, store, roundId, input.now);
    return true;
  }
  const round = await db.round.findUniqueOrThrow({ where: { id: roundId }, select: { countingAttempt: true } });
  const attempts = await db.attempt.findMany({
    where: { roundId, userId, status: { in: [...CLOSED_STATUSES] } },
    select: { number: true, score: true, maxScore: true, timeUsedMs: true, prediction: true, closedAt: true },
  });
  // Prediction errors use the participant count the board was built with, like every other entry.
  const rows = attempts.map((attempt) => {
    const row: BoardRow = {
      userId,
      score: attempt.score ?? 0,
      maxScore: attempt.maxScore,
      timeUsedMs: attempt.timeUsedMs,
      closedAt: attempt.closedAt,
      predictionError:
        meta.participants === null || attempt.prediction === null
          ? null
          : Math.abs(attempt.prediction - meta.participants),
    };
    return { ...rankEntry(row), number: attempt.number, row };
  });
  const counting = countingAttempt(rows, round.countingAttempt, meta.order);
  const next = counting ? storedEntry(counting.row, meta.order) : null;
  const raw = await store.hGet(entriesKey(roundId, meta.gen), userId);
  const previous = parseStoredEntry(raw);
  if (JSON.stringify(previous) === JSON.stringify(next)) return false;

  const rank = rankKey(roundId, meta.gen);
  if (previous && previous.m !== next?.m) await store.zRem(rank, previous.m);
  if (next) {
    await store.zAdd(rank, next.s, next.m);
    await store.hSetMany(entriesKey(roundId, meta.gen), { [userId]: JSON.stringify(next) });
  } else {
    await store.hDel(entriesKey(roundId, meta.gen), userId);
  }
  // On a final board the participant count is everyone's prediction target: someone joining or
  // leaving changes every prediction error, so the next sweep rebuilds it (once, not per attempt).
  if (meta.participants !== null && Boolean(previous) !== Boolean(next))
    await store.set(metaKey(roundId), JSON.stringify({ ...meta, stale: true } satisfies BoardMeta));
  boardChanges.emit("changed", { roundId });
  return true;
}

export interface RebuiltBoards {
  rounds: Array<RebuiltBoard & { roundName: string; contestTitle: string }>;
  /** Whole-contest boards rebuilt (with their per-node boards): only when every board is. */
  contests: number;
}

/**
 * Rebuilds the boards of every round of a published (or archived) contest that has a closed
 * attempt, or of the one round given; marks the store as holding boards.
 */
export async function rebuildBoards(
  db: Db,
  store: SharedStore,
  options: { roundId?: string; now?: Date } = {},
): Promise<RebuiltBoards> {
  const rounds = await db.round.findMany({
    where: options.roundId
      ? { id: options.roundId }
      : {
          contest: { status: { in: ["PUBLISHED", "ARCHIVED"] } },
          attempts: { some: { status: { in: [...CLOSED_STATUSES] } } },
        },
    select: { id: true, name: true, contestId: true, contest: { select: { title: true } } },
    orderBy: [{ contestId: "asc" }, { position: "asc" }],
  });
  const rebuilt: RebuiltBoards["rounds"] = [];
  for (const round of rounds) {
    const board = await rebuildRoundBoard(db, store, round.id, options.now);
    rebuilt.push({ ...board, roundName: round.name, contestTitle: round.contest.title });
  }
  let contests = 0;
  if (!options.roundId) {
    for (const contestId of new Set(rounds.map((round) => round.contestId))) {
      await rebuildContestBoard(db, store, contestId);
      contests += 1;
    }
    await store.set(BUILT_KEY, new Date().toISOString());
  }
  return { rounds: rebuilt, contests };
}

/** At start-up: builds every board when the store holds none (Redis flushed, restarted, or in-process). */
export async function rebuildIfEmpty(
  db: Db,
  store: SharedStore,
  now?: Date,
): Promise<{ rebuilt: boolean } & RebuiltBoards> {
  if (await store.get(BUILT_KEY)) return { rebuilt: false, rounds: [], contests: 0 };
  return { rebuilt: true, ...(await rebuildBoards(db, store, { now })) };
}

/**
 * For the server's 5 s sweep: rebuilds, with the final participant count and the full order,
 * each round that closed in the last day and whose board was not built after that close (or
 * went stale since). Returns the rounds rebuilt.
 */
export async function finalizeClosedRounds(db: Db, store: SharedStore, now: Date = new Date()): Promise<string[]> {
  const rounds = await db.round.findMany({
    where: {
      closesAt: { lte: now, gt: new Date(now.getTime() - FINALIZE_WINDOW_MS) },
      contest: { status: { in: ["PUBLISHED", "ARCHIVED"] } },
      attempts: { some: { status: { in: [...CLOSED_STATUSES] } } },
    },
    select: { id: true, closesAt: true },
  });
  const finalized: string[] = [];
  for (const round of rounds) {
    const meta = await readMeta(store, round.id);
    if (meta && !meta.stale && meta.finalFor === round.closesAt.toISOString()) continue;
    await rebuildRoundBoard(db, store, round.id, now);
    finalized.push(round.id);
  }
  return finalized;
}

/** The board's current keys, building it first when the store has none (for readers). */
export async function currentBoard(
  db: Db,
  store: SharedStore,
  roundId: string,
): Promise<{ meta: BoardMeta; rankKey: string; entriesKey: string }> {
  let meta = await readMeta(store, roundId);
  if (!meta) {
    await rebuildRoundBoard(db, store, roundId);
    meta = (await readMeta(store, roundId)) as BoardMeta;
  }
  return { meta, rankKey: rankKey(roundId, meta.gen), entriesKey: entriesKey(roundId, meta.gen) };
}

export function parseStoredEntry(raw: string | null): StoredEntry | null {
  return raw ? (JSON.parse(raw) as StoredEntry) : null;
}

export type { BoardMeta, StoredEntry };

/**
 * Keeps this process's boards following the attempt engine: each closed attempt (announced on
 * the runtime's bus after its commit) updates its round's board. Returns the unsubscribe.
 */
export function followClosedAttempts(runtime: {
  db: Db;
  store: SharedStore;
  events: DomainEvents;
  logger: Logger;
}): () => void {
  const onClosed = ({ roundId, userId, attemptId }: { roundId: string; userId: string; attemptId: string }) => {
    applyClosedAttempt(runtime.db, runtime.store, { roundId, userId })
      .then(() => runtime.db.round.findUniqueOrThrow({ where: { id: roundId }, select: { contestId: true } }))
      .then(({ contestId }) => applyToContestBoard(runtime.db, runtime.store, { contestId, userId }))
      .catch((error) => runtime.logger.error({ err: error, roundId, attemptId }, "updating the live board failed"));
  };
  runtime.events.on("attemptClosed", onClosed);
  return () => runtime.events.off("attemptClosed", onClosed);
}
