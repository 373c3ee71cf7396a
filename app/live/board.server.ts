import { randomBytes } from "node:crypto";
import { EventEmitter } from "node:events";
import { countingAttemptsSql } from "~/contests/results.server";
import { countingAttempt, type TieBreaker } from "~/contests/scoring";
import type { Db } from "~/db/client.server";
import type { CountingAttempt } from "~/generated/prisma/enums";
import type { DomainEvents } from "~/realtime/bus.server";
import type { ScoredMember, SharedStore, StoreWrite } from "~/store/store.server";
import { type BoardEntry, boardOrder, encodeMember, rankEntry } from "./board-encoding";
import {
  applyManyToContestBoard,
  type ContestRules,
  currentContestBoard,
  rebuildContestBoard,
} from "./contest-board.server";

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
export function applyClosedAttempt(
  db: Db,
  store: SharedStore,
  input: { roundId: string; userId: string; now?: Date },
): Promise<boolean> {
  return applyClosedAttempts(db, store, { roundId: input.roundId, userIds: [input.userId], now: input.now });
}

/**
 * `applyClosedAttempt` for many contestants of one round at once, as a storm of submits needs:
 * one query for all their closed attempts, one store read of their entries, one store
 * transaction for every change, one `boardChanges` event. `countingAttempt` is the round's
 * rule when the caller has already read it.
 */
export async function applyClosedAttempts(
  db: Db,
  store: SharedStore,
  input: { roundId: string; userIds: readonly string[]; now?: Date; countingAttempt?: CountingAttempt },
): Promise<boolean> {
  const { roundId } = input;
  const userIds = [...new Set(input.userIds)];
  if (userIds.length === 0) return false;
  await rebuilding.get(roundId);
  // Read together: under a storm each query waits for a pooled connection, so waits add up.
  const [meta, rule, attempts] = await Promise.all([
    readMeta(store, roundId),
    input.countingAttempt ??
      db.round
        .findUniqueOrThrow({ where: { id: roundId }, select: { countingAttempt: true } })
        .then((round) => round.countingAttempt),
    db.attempt.findMany({
      where: { roundId, userId: { in: userIds }, status: { in: [...CLOSED_STATUSES] } },
      select: {
        userId: true,
        number: true,
        score: true,
        maxScore: true,
        timeUsedMs: true,
        prediction: true,
        closedAt: true,
      },
    }),
  ]);
  if (!meta) {
    await rebuildRoundBoard(db, store, roundId, input.now);
    return true;
  }
  const attemptsOf = new Map<string, typeof attempts>();
  for (const attempt of attempts) {
    const mine = attemptsOf.get(attempt.userId);
    if (mine) mine.push(attempt);
    else attemptsOf.set(attempt.userId, [attempt]);
  }

  const entries = entriesKey(roundId, meta.gen);
  const previousEntries = await store.hGetMany(entries, userIds);
  const removed: string[] = [];
  const added: ScoredMember[] = [];
  const replaced: Record<string, string> = {};
  const dropped: string[] = [];
  let joinedOrLeft = false;
  userIds.forEach((userId, index) => {
    // Prediction errors use the participant count the board was built with, like every other entry.
    const rows = (attemptsOf.get(userId) ?? []).map((attempt) => {
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
    const counting = countingAttempt(rows, rule, meta.order);
    const next = counting ? storedEntry(counting.row, meta.order) : null;
    const previous = parseStoredEntry(previousEntries[index]);
    if (JSON.stringify(previous) === JSON.stringify(next)) return;
    if (previous && previous.m !== next?.m) removed.push(previous.m);
    if (next) {
      added.push({ member: next.m, score: next.s });
      replaced[userId] = JSON.stringify(next);
    } else {
      dropped.push(userId);
    }
    if (Boolean(previous) !== Boolean(next)) joinedOrLeft = true;
  });
  if (removed.length + added.length + dropped.length === 0) return false;

  const rank = rankKey(roundId, meta.gen);
  const writes: StoreWrite[] = [
    { op: "zRem", key: rank, members: removed },
    { op: "zAdd", key: rank, members: added },
    { op: "hSet", key: entries, fields: replaced },
    { op: "hDel", key: entries, fields: dropped },
  ];
  // On a final board the participant count is everyone's prediction target: someone joining or
  // leaving changes every prediction error, so the next sweep rebuilds it (once, not per attempt).
  if (meta.participants !== null && joinedOrLeft)
    writes.push({
      op: "set",
      key: metaKey(roundId),
      value: JSON.stringify({ ...meta, stale: true } satisfies BoardMeta),
    });
  await store.write(writes);
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

/** Enough of the app's logger (pino) for the follower, so a test can hear what it logs. */
type ErrorLogger = { error(details: object, message: string): void };

/** At most this many closed attempts go into one batch; the rest wait for the next. */
const FOLLOW_BATCH = 500;
/** The follower refreshes what it knows of a round this often, and forgets a round unseen this long. */
const RULES_REFRESH_MS = 5_000;
const RULES_FORGET_MS = 60_000;

interface WaitingClose {
  roundId: string;
  userId: string;
  attemptId: string;
}

interface FollowedRound {
  id: string;
  countingAttempt: CountingAttempt;
  contestId: string;
  contest: ContestRules;
}

/**
 * What the follower knows of each round it has seen (counting rule, contest, the contest's node
 * and rounds): read at a round's first close, then refreshed in the background, so no batch but
 * a round's first waits for it (in a storm it took three queries, each waiting for a pooled
 * connection: 1–3 s). An organizer's edit reaches live updates within RULES_REFRESH_MS; boards
 * built under the old rules need a rebuild anyway.
 */
function followedRounds(
  db: Db,
  logger: ErrorLogger,
): { of(roundIds: readonly string[]): Promise<FollowedRound[]>; knows(roundId: string): boolean } {
  const known = new Map<string, { round: FollowedRound; readAt: number }>();
  let refreshing = false;
  const read = async (roundIds: readonly string[]) => {
    const readAt = Date.now();
    const rounds = await db.round.findMany({
      where: { id: { in: [...roundIds] } },
      select: {
        id: true,
        countingAttempt: true,
        contestId: true,
        contest: {
          select: {
            orgNodeId: true,
            rounds: { orderBy: { position: "asc" }, select: { id: true, countingAttempt: true, tieBreakOrder: true } },
          },
        },
      },
    });
    for (const round of rounds) known.set(round.id, { round, readAt });
  };
  const of = async (roundIds: readonly string[]) => {
    const now = Date.now();
    for (const [roundId, { readAt }] of known) if (readAt <= now - RULES_FORGET_MS) known.delete(roundId);
    const missing = roundIds.filter((roundId) => !known.has(roundId));
    if (missing.length > 0) await read(missing);
    const stale = roundIds.filter((roundId) => (known.get(roundId)?.readAt ?? now) <= now - RULES_REFRESH_MS);
    if (stale.length > 0 && !refreshing) {
      refreshing = true;
      read(stale)
        .catch((error) => logger.error({ err: error, rounds: stale }, "refreshing the rules of followed rounds failed"))
        .finally(() => {
          refreshing = false;
        });
    }
    return roundIds.flatMap((roundId) => known.get(roundId)?.round ?? []);
  };
  return { of, knows: (roundId) => known.has(roundId) };
}

/**
 * Keeps this process's boards following the attempt engine: closed attempts (announced on the
 * runtime's bus after their commit) update their round's board and their contest's boards.
 * They are applied in batches, one at a time: whatever closed while a batch was being applied
 * makes the next one, so a storm of submits costs a few queries and store round trips per
 * batch instead of per attempt. A failed batch is logged and skipped (the next close of those
 * contestants, a rebuild or the finalizing sweep repairs their entries). Started attempts
 * prepare their round's boards. Returns the unsubscribe; closes already waiting are still
 * applied.
 */
export function followClosedAttempts(runtime: {
  db: Db;
  store: SharedStore;
  events: DomainEvents;
  logger: ErrorLogger;
}): () => void {
  const waiting: WaitingClose[] = [];
  let scheduled = false;
  const rounds = followedRounds(runtime.db, runtime.logger);
  const schedule = () => {
    if (scheduled || waiting.length === 0) return;
    scheduled = true;
    // setImmediate: the closes announced in this turn of the event loop join the batch.
    setImmediate(() => {
      const batch = waiting.splice(0, FOLLOW_BATCH);
      applyClosedBatch(runtime, rounds.of, batch).finally(() => {
        scheduled = false;
        schedule();
      });
    });
  };
  const onClosed = ({ roundId, userId, attemptId }: { roundId: string; userId: string; attemptId: string }) => {
    waiting.push({ roundId, userId, attemptId });
    schedule();
  };
  // A round's first start (seen by this process) prepares what its first closes need, its rules
  // and its boards, so that the first batch of a storm does not wait for them (measured: 6 s).
  const preparing = new Set<string>();
  const onStarted = ({ roundId }: { roundId: string }) => {
    if (rounds.knows(roundId) || preparing.has(roundId)) return;
    preparing.add(roundId);
    rounds
      .of([roundId])
      .then(async ([round]) => {
        if (!round) return;
        await currentBoard(runtime.db, runtime.store, roundId);
        await currentContestBoard(runtime.db, runtime.store, round.contestId);
      })
      .catch((error) => runtime.logger.error({ err: error, roundId }, "preparing the live boards failed"))
      .finally(() => preparing.delete(roundId));
  };
  runtime.events.on("attemptStarted", onStarted);
  runtime.events.on("attemptClosed", onClosed);
  return () => {
    runtime.events.off("attemptStarted", onStarted);
    runtime.events.off("attemptClosed", onClosed);
  };
}

/** Applies a batch of closes to their rounds' boards, then their contests'; never throws. */
async function applyClosedBatch(
  runtime: { db: Db; store: SharedStore; logger: ErrorLogger },
  roundsOf: (roundIds: readonly string[]) => Promise<FollowedRound[]>,
  batch: readonly WaitingClose[],
): Promise<void> {
  const { db, store, logger } = runtime;
  const usersOf = (closes: readonly WaitingClose[]) => closes.map((close) => close.userId);
  const failed = (error: unknown, closes: readonly WaitingClose[], board: Record<string, string>) =>
    logger.error(
      { err: error, ...board, closes: closes.length, attemptIds: closes.slice(0, 10).map((close) => close.attemptId) },
      "updating the live board failed",
    );
  let rounds: FollowedRound[];
  try {
    rounds = await roundsOf([...new Set(batch.map((close) => close.roundId))]);
  } catch (error) {
    failed(error, batch, {});
    return;
  }
  const contests = new Map<string, { rules: ContestRules; closes: WaitingClose[] }>();
  await Promise.all(
    rounds.map((round) => {
      const closes = batch.filter((close) => close.roundId === round.id);
      const contest = contests.get(round.contestId) ?? { rules: round.contest, closes: [] };
      contest.closes.push(...closes);
      contests.set(round.contestId, contest);
      return applyClosedAttempts(db, store, {
        roundId: round.id,
        userIds: usersOf(closes),
        countingAttempt: round.countingAttempt,
      }).catch((error) => failed(error, closes, { roundId: round.id }));
    }),
  );
  // Contest totals come from PostgreSQL too: they are updated even when a round's board failed.
  await Promise.all(
    [...contests].map(([contestId, { rules, closes }]) =>
      applyManyToContestBoard(db, store, { contestId, userIds: usersOf(closes), rules }).catch((error) =>
        failed(error, closes, { contestId }),
      ),
    ),
  );
}
