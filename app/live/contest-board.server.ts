import { randomBytes } from "node:crypto";
import { contestRounds, contestTotalsSql, type RoundRules } from "~/contests/results.server";
import type { Db } from "~/db/client.server";
import type { ScoredMember, SharedStore, StoreWrite } from "~/store/store.server";
import { boardChanges, type StoredEntry } from "./board.server";
import { encodeMember } from "./board-encoding";

/**
 * Live whole-contest boards, and one per org node under the contest's node (a commune's, a
 * school's ranking within the contest), kept in the SharedStore beside the round boards and
 * rebuildable from PostgreSQL in the same way. The order is the official contest ranking's
 * (`contestRanking`): total points, then total time used, then who finished their last
 * counting attempt first. A contestant counts on the board of the unit they registered for and
 * of every node above it up to the contest's node.
 *
 * Keys: `board:contest:<id>` (JSON meta: generation), `…:<gen>:rank` (the whole contest),
 * `…:<gen>:node:<nodeId>` (one node's), `…:<gen>:entries` (userId → entry with its nodes).
 */
export const CONTEST_ORDER = ["score", "time", "submittedAt"] as const;
const WRITE_BATCH = 2_000;

interface ContestMeta {
  gen: string;
  contestId: string;
  /** The nodes that have a board in this generation, so an old generation's keys can be deleted. */
  nodes: string[];
}

export interface ContestStoredEntry extends StoredEntry {
  /** The nodes whose boards list this contestant (unit and ancestors below the contest's node). */
  nodes: string[];
}

interface TotalsRow {
  userId: string;
  score: number;
  maxScore: number;
  timeUsedMs: number;
  closedAt: Date | null;
  unitPath: string | null;
}

const metaKey = (contestId: string) => `board:contest:${contestId}`;
const entriesKey = (contestId: string, gen: string) => `board:contest:${contestId}:${gen}:entries`;
export const contestRankKey = (contestId: string, gen: string, nodeId?: string | null) =>
  nodeId ? `board:contest:${contestId}:${gen}:node:${nodeId}` : `board:contest:${contestId}:${gen}:rank`;

/** The nodes under the contest's node on the way down to the unit (materialised paths). */
export function nodesBelow(contestNodeId: string, unitPath: string | null): string[] {
  if (!unitPath) return [];
  const ids = unitPath.split("/").filter(Boolean);
  const start = ids.indexOf(contestNodeId);
  return start === -1 ? [] : ids.slice(start + 1);
}

function stored(row: TotalsRow, contestNodeId: string): ContestStoredEntry {
  const member = encodeMember(
    { userId: row.userId, score: row.score, predictionError: null, timeUsedMs: row.timeUsedMs, closedAt: row.closedAt },
    CONTEST_ORDER,
  );
  return {
    m: member,
    s: row.score,
    max: row.maxScore,
    t: row.timeUsedMs,
    nodes: nodesBelow(contestNodeId, row.unitPath),
  };
}

async function readMeta(store: SharedStore, contestId: string): Promise<ContestMeta | null> {
  const raw = await store.get(metaKey(contestId));
  return raw ? (JSON.parse(raw) as ContestMeta) : null;
}

/** What a contestant's entry depends on besides their attempts: the contest's node and rounds. */
export interface ContestRules {
  orgNodeId: string;
  rounds: RoundRules[];
}

async function contestRules(db: Db, contestId: string): Promise<ContestRules> {
  const [{ orgNodeId }, rounds] = await Promise.all([
    db.contest.findUniqueOrThrow({ where: { id: contestId }, select: { orgNodeId: true } }),
    contestRounds(db, contestId),
  ]);
  return { orgNodeId, rounds };
}

const rebuilding = new Map<string, Promise<number>>();

/** Rebuilds a contest's boards (whole and per node) from PostgreSQL; returns the entries written. */
export function rebuildContestBoard(db: Db, store: SharedStore, contestId: string): Promise<number> {
  const running = rebuilding.get(contestId);
  if (running) return running;
  const job = buildContestBoard(db, store, contestId).finally(() => rebuilding.delete(contestId));
  rebuilding.set(contestId, job);
  return job;
}

async function buildContestBoard(db: Db, store: SharedStore, contestId: string): Promise<number> {
  const { orgNodeId, rounds } = await contestRules(db, contestId);
  const rows = rounds.length ? await db.$queryRaw<TotalsRow[]>(contestTotalsSql(contestId, rounds)) : [];
  const gen = `${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;
  const nodeKeys = new Set<string>();
  for (let start = 0; start < rows.length; start += WRITE_BATCH) {
    const batch = rows
      .slice(start, start + WRITE_BATCH)
      .map((row) => ({ userId: row.userId, entry: stored(row, orgNodeId) }));
    await store.zAddMany(
      contestRankKey(contestId, gen),
      batch.map(({ entry }) => ({ member: entry.m, score: entry.s })),
    );
    const byNode = new Map<string, Array<{ member: string; score: number }>>();
    for (const { entry } of batch)
      for (const nodeId of entry.nodes) {
        const members = byNode.get(nodeId) ?? [];
        members.push({ member: entry.m, score: entry.s });
        byNode.set(nodeId, members);
      }
    for (const [nodeId, members] of byNode) {
      nodeKeys.add(nodeId);
      await store.zAddMany(contestRankKey(contestId, gen, nodeId), members);
    }
    await store.hSetMany(
      entriesKey(contestId, gen),
      Object.fromEntries(batch.map(({ userId, entry }) => [userId, JSON.stringify(entry)])),
    );
  }
  const previous = await readMeta(store, contestId);
  await store.set(metaKey(contestId), JSON.stringify({ gen, contestId, nodes: [...nodeKeys] } satisfies ContestMeta));
  if (previous && previous.gen !== gen) await dropGeneration(store, previous);
  boardChanges.emit("changed", { contestId });
  return rows.length;
}

/** Deletes an old generation's keys. */
async function dropGeneration(store: SharedStore, meta: ContestMeta) {
  await store.del(contestRankKey(meta.contestId, meta.gen));
  await store.del(entriesKey(meta.contestId, meta.gen));
  for (const nodeId of meta.nodes ?? []) await store.del(contestRankKey(meta.contestId, meta.gen, nodeId));
}

/** The contest board's keys, building it first when the store has none (for readers). */
export async function currentContestBoard(db: Db, store: SharedStore, contestId: string, nodeId?: string | null) {
  let meta = await readMeta(store, contestId);
  if (!meta) {
    await rebuildContestBoard(db, store, contestId);
    meta = (await readMeta(store, contestId)) as ContestMeta;
  }
  return { rankKey: contestRankKey(contestId, meta.gen, nodeId), entriesKey: entriesKey(contestId, meta.gen) };
}

/**
 * A contestant's attempt in one of the contest's rounds closed (or was annulled or reinstated):
 * recomputes their total from PostgreSQL and moves their entry on the contest's boards.
 */
export function applyToContestBoard(
  db: Db,
  store: SharedStore,
  input: { contestId: string; userId: string },
): Promise<boolean> {
  return applyManyToContestBoard(db, store, { contestId: input.contestId, userIds: [input.userId] });
}

/**
 * `applyToContestBoard` for many contestants at once: the contest's rounds read once, one
 * totals query for all of them, one store read of their entries, one store transaction for
 * every board they move on, one `boardChanges` event. True when the boards changed. `rules` are
 * the contest's when the caller has already read them.
 */
export async function applyManyToContestBoard(
  db: Db,
  store: SharedStore,
  input: { contestId: string; userIds: readonly string[]; rules?: ContestRules },
): Promise<boolean> {
  const { contestId } = input;
  const userIds = [...new Set(input.userIds)];
  if (userIds.length === 0) return false;
  await rebuilding.get(contestId);
  // Read together: under a storm each query waits for a pooled connection, so waits add up.
  const totals = async () => {
    const { orgNodeId, rounds } = input.rules ?? (await contestRules(db, contestId));
    const rows = rounds.length ? await db.$queryRaw<TotalsRow[]>(contestTotalsSql(contestId, rounds, userIds)) : [];
    return { orgNodeId, rows };
  };
  const [meta, { orgNodeId, rows }] = await Promise.all([readMeta(store, contestId), totals()]);
  if (!meta) {
    await rebuildContestBoard(db, store, contestId);
    return true;
  }
  const rowOf = new Map(rows.map((row) => [row.userId, row]));

  const entries = entriesKey(contestId, meta.gen);
  const previousEntries = await store.hGetMany(entries, userIds);
  // Keyed by the board's key: the whole contest's and each node's.
  const removed = new Map<string, string[]>();
  const added = new Map<string, ScoredMember[]>();
  const replaced: Record<string, string> = {};
  const dropped: string[] = [];
  const nodes = new Set(meta.nodes);
  let changed = false;
  userIds.forEach((userId, index) => {
    const row = rowOf.get(userId);
    const next = row ? stored(row, orgNodeId) : null;
    const raw = previousEntries[index];
    const previous = raw ? (JSON.parse(raw) as ContestStoredEntry) : null;
    if (JSON.stringify(previous) === JSON.stringify(next)) return;
    changed = true;
    if (previous)
      for (const nodeId of [null, ...previous.nodes])
        pushTo(removed, contestRankKey(contestId, meta.gen, nodeId), previous.m);
    if (next) {
      for (const nodeId of [null, ...next.nodes]) {
        if (nodeId) nodes.add(nodeId);
        pushTo(added, contestRankKey(contestId, meta.gen, nodeId), { member: next.m, score: next.s });
      }
      replaced[userId] = JSON.stringify(next);
    } else {
      dropped.push(userId);
    }
  });
  if (!changed) return false;

  // Every removal before any addition: a contestant whose member did not change stays listed.
  const writes: StoreWrite[] = [
    ...[...removed].map(([key, members]): StoreWrite => ({ op: "zRem", key, members })),
    ...[...added].map(([key, members]): StoreWrite => ({ op: "zAdd", key, members })),
    { op: "hSet", key: entries, fields: replaced },
    { op: "hDel", key: entries, fields: dropped },
  ];
  if (nodes.size > meta.nodes.length)
    writes.push({
      op: "set",
      key: metaKey(contestId),
      value: JSON.stringify({ ...meta, nodes: [...nodes] } satisfies ContestMeta),
    });
  await store.write(writes);
  boardChanges.emit("changed", { contestId });
  return true;
}

function pushTo<T>(lists: Map<string, T[]>, key: string, item: T) {
  const list = lists.get(key);
  if (list) list.push(item);
  else lists.set(key, [item]);
}
