import { randomBytes } from "node:crypto";
import { contestRounds, contestTotalsSql } from "~/contests/results.server";
import type { Db } from "~/db/client.server";
import type { SharedStore } from "~/store/store.server";
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

async function contestNode(db: Db, contestId: string) {
  return db.contest.findUniqueOrThrow({ where: { id: contestId }, select: { orgNodeId: true } });
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
  const [{ orgNodeId }, rounds] = await Promise.all([contestNode(db, contestId), contestRounds(db, contestId)]);
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
export async function applyToContestBoard(
  db: Db,
  store: SharedStore,
  input: { contestId: string; userId: string },
): Promise<boolean> {
  const { contestId, userId } = input;
  await rebuilding.get(contestId);
  const meta = await readMeta(store, contestId);
  if (!meta) {
    await rebuildContestBoard(db, store, contestId);
    return true;
  }
  const [{ orgNodeId }, rounds] = await Promise.all([contestNode(db, contestId), contestRounds(db, contestId)]);
  const [row] = await db.$queryRaw<TotalsRow[]>(contestTotalsSql(contestId, rounds, userId));
  const next = row ? stored(row, orgNodeId) : null;
  const raw = await store.hGet(entriesKey(contestId, meta.gen), userId);
  const previous = raw ? (JSON.parse(raw) as ContestStoredEntry) : null;
  if (JSON.stringify(previous) === JSON.stringify(next)) return false;
  for (const nodeId of [null, ...(previous?.nodes ?? [])])
    if (previous) await store.zRem(contestRankKey(contestId, meta.gen, nodeId), previous.m);
  const newNodes = (next?.nodes ?? []).filter((nodeId) => !meta.nodes.includes(nodeId));
  if (newNodes.length > 0)
    await store.set(metaKey(contestId), JSON.stringify({ ...meta, nodes: [...meta.nodes, ...newNodes] }));
  if (next) {
    for (const nodeId of [null, ...next.nodes])
      await store.zAdd(contestRankKey(contestId, meta.gen, nodeId), next.s, next.m);
    await store.hSetMany(entriesKey(contestId, meta.gen), { [userId]: JSON.stringify(next) });
  } else {
    await store.hDel(entriesKey(contestId, meta.gen), userId);
  }
  boardChanges.emit("changed", { contestId });
  return true;
}
