import { registrationText } from "~/contests/personal-data";
import { participationByNode } from "~/contests/statistics.server";
import type { Db } from "~/db/client.server";
import type { ScoredMember, SharedStore } from "~/store/store.server";
import { currentBoard, parseStoredEntry } from "./board.server";
import { memberUserId, tieKey } from "./board-encoding";
import { currentContestBoard } from "./contest-board.server";

/**
 * What watchers of a round's live board see (issue 5, point 2): the top N, the watcher's own
 * rank and their neighbours. Entries equal on every key of the board's order share a rank
 * (1, 2, 2, 4), as in `rankEntries`; only the shown contestants' names are loaded.
 */
export interface BoardRow {
  rank: number;
  userId: string;
  name: string;
  score: number;
  maxScore: number;
  timeUsedMs: number | null;
}

export interface BoardSnapshot {
  total: number;
  top: BoardRow[];
  me: BoardRow | null;
  around: BoardRow[];
}

const sameEntry = (a: ScoredMember, b: ScoredMember) => a.score === b.score && tieKey(a.member) === tieKey(b.member);

/**
 * The 0-based index where the group of entries equal to the one at `index` starts: a binary
 * search over single-member reads (a handful of O(log n) reads, whatever the group's size).
 */
async function groupStart(store: SharedStore, key: string, index: number, entry: ScoredMember): Promise<number> {
  if (index === 0) return 0;
  const [before] = await store.zRangeDesc(key, index - 1, index - 1);
  if (!before || !sameEntry(before, entry)) return index;
  let low = 0;
  let high = index - 1;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    const [probe] = await store.zRangeDesc(key, middle, middle);
    if (probe && sameEntry(probe, entry)) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** Ranks a run of consecutive members starting at 0-based `start`. */
async function rankRun(store: SharedStore, key: string, start: number, members: ScoredMember[]) {
  const ranks: number[] = [];
  for (const [offset, member] of members.entries()) {
    if (offset === 0) ranks.push((await groupStart(store, key, start, member)) + 1);
    else ranks.push(sameEntry(members[offset - 1], member) ? ranks[offset - 1] : start + offset + 1);
  }
  return ranks;
}

/** Which board: a round's, a whole contest's, or a contest's restricted to one org node. */
export type BoardRef = { roundId: string } | { contestId: string; nodeId?: string | null };

async function resolveBoard(db: Db, store: SharedStore, ref: BoardRef | string) {
  if (typeof ref === "string" || "roundId" in ref) {
    const board = await currentBoard(db, store, typeof ref === "string" ? ref : ref.roundId);
    return { rankKey: board.rankKey, entriesKey: board.entriesKey, contestId: board.meta.contestId };
  }
  return { ...(await currentContestBoard(db, store, ref.contestId, ref.nodeId)), contestId: ref.contestId };
}

export interface WatcherPlace {
  me: BoardRow | null;
  around: BoardRow[];
}

/** One watcher's snapshot: the shared top and their own place. */
export async function boardSnapshot(
  db: Db,
  store: SharedStore,
  /** A board, or a round's id for its board. */
  ref: BoardRef | string,
  options: { top?: number; userId?: string; neighbours?: number } = {},
): Promise<BoardSnapshot> {
  const { shared, places } = await boardSnapshots(db, store, ref, {
    top: options.top,
    neighbours: options.neighbours,
    userIds: options.userId ? [options.userId] : [],
  });
  const place = options.userId ? places.get(options.userId) : undefined;
  return { ...shared, me: place?.me ?? null, around: place?.around ?? [] };
}

/**
 * The board for many watchers at once (a push to a room): the board and its top are read once,
 * each logged-in watcher's place is a few store reads, and every shown name comes from one query.
 */
export async function boardSnapshots(
  db: Db,
  store: SharedStore,
  ref: BoardRef | string,
  options: { top?: number; userIds: readonly string[]; neighbours?: number },
): Promise<{ shared: BoardSnapshot; places: Map<string, WatcherPlace> }> {
  const top = options.top ?? 10;
  const neighbours = options.neighbours ?? 2;
  const board = await resolveBoard(db, store, ref);
  const total = await store.zCard(board.rankKey);
  const topMembers = top > 0 ? await store.zRangeDesc(board.rankKey, 0, top - 1) : [];
  const topRanks = await rankRun(store, board.rankKey, 0, topMembers);

  const found: Array<{ userId: string; around: ScoredMember[]; ranks: number[]; meIndex: number }> = [];
  for (const userId of new Set(options.userIds)) {
    const mine = parseStoredEntry(await store.hGet(board.entriesKey, userId));
    const index = mine ? await store.zRankDesc(board.rankKey, mine.m) : null;
    if (index === null) continue;
    const start = Math.max(0, index - neighbours);
    const around = await store.zRangeDesc(board.rankKey, start, index + neighbours);
    found.push({ userId, around, ranks: await rankRun(store, board.rankKey, start, around), meIndex: index - start });
  }

  const shown = [
    ...new Set([...topMembers, ...found.flatMap((place) => place.around)].map((entry) => memberUserId(entry.member))),
  ];
  const [details, names] = await Promise.all([
    Promise.all(
      shown.map(async (userId) => [userId, parseStoredEntry(await store.hGet(board.entriesKey, userId))] as const),
    ),
    displayNames(db, board.contestId, shown),
  ]);
  const detailOf = new Map(details);
  const row = (entry: ScoredMember, rank: number): BoardRow => {
    const userId = memberUserId(entry.member);
    const stored = detailOf.get(userId);
    return {
      rank,
      userId,
      name: names.get(userId) ?? "",
      score: entry.score,
      maxScore: stored?.max ?? 0,
      timeUsedMs: stored?.t ?? null,
    };
  };
  const places = new Map<string, WatcherPlace>();
  for (const place of found) {
    const around = place.around.map((entry, index) => row(entry, place.ranks[index]));
    places.set(place.userId, { me: around[place.meIndex] ?? null, around });
  }
  return {
    shared: { total, top: topMembers.map((entry, index) => row(entry, topRanks[index])), me: null, around: [] },
    places,
  };
}

/** The name a contestant registered under (registration's fullName field), else their account's. */
async function displayNames(db: Db, contestId: string, userIds: string[]): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map();
  const users = await db.user.findMany({
    where: { id: { in: userIds } },
    select: { id: true, fullName: true, registrations: { where: { contestId }, select: { fields: true } } },
  });
  return new Map(
    users.map((user) => {
      return [user.id, registrationText(user.registrations[0]?.fields, "fullName") || user.fullName];
    }),
  );
}

/**
 * The unit-participation board of a round (collective prizes): participants per org node of the
 * contest's subtree — a contestant counts for the unit chosen at registration, and a commune
 * counts its units' participants — with the share of the node's members. Computed in SQL from
 * PostgreSQL on each call (the same numbers as the organizer's results page,
 * `participationByNode`), not kept in the store: it changes only with participants and a
 * round's tree is small, so the socket layer can recompute it when the board changes.
 */
export async function participationBoard(db: Db, roundId: string) {
  const round = await db.round.findUniqueOrThrow({
    where: { id: roundId },
    select: { contest: { select: { id: true, orgNode: { select: { path: true, depth: true } } } } },
  });
  const { contest } = round;
  return participationByNode(
    db,
    { id: contest.id, orgNodePath: contest.orgNode.path, orgNodeDepth: contest.orgNode.depth },
    [roundId],
  );
}
