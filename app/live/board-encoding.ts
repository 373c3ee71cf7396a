import { type RankEntry, type TieBreaker, tieBreakOrder } from "~/contests/scoring";

/**
 * How a contestant's counting attempt becomes one sorted-set member (issue 5, "Live
 * leaderboards"). The set's score is the points; every later key of the board's order is
 * written into the member as a fixed-width, zero-padded, *inverted* number (max − value), then
 * ":" and the user id. Redis ranks equal scores by member in reverse lexicographic order, so
 * the smallest prediction error / time used / closing time comes first, exactly as
 * `compareEntries` in app/contests/scoring.ts orders them. Two entries equal on every key of
 * the board have the same text before the last ":" (their tie key) and share a rank.
 */
const WIDTH: Record<Exclude<TieBreaker, "score">, number> = {
  prediction: 10, // |prediction − participants|: predictions are 32-bit integers
  time: 10, // milliseconds used: a 32-bit integer
  submittedAt: 15, // epoch milliseconds; 15 digits stay below Number.MAX_SAFE_INTEGER
};

export interface BoardEntry {
  userId: string;
  score: number;
  /** Null when the contestant gave no prediction, or the board does not rank by prediction (yet). */
  predictionError: number | null;
  timeUsedMs: number | null;
  closedAt: Date | null;
}

/**
 * The order a round's board ranks by at `now`. The prediction question asks how many people
 * will take the round, and that number is only final when the round closes: while the round is
 * open the board ranks without the "prediction" key (score, then the other keys), and once
 * `closesAt` has passed it is rebuilt with the final participant count and the full order — the
 * order of the official results (`roundRanking`). Organizers tell contestants so: "the live board
 * ignores the prediction question until the round closes".
 */
export function boardOrder(round: { tieBreakOrder: readonly string[]; closesAt: Date }, now: Date): TieBreaker[] {
  const order = tieBreakOrder(round.tieBreakOrder);
  return now >= round.closesAt ? order : order.filter((key) => key !== "prediction");
}

/** A value as an inverted fixed-width number; null (no value) ranks after every real value. */
function inverted(value: number | null, width: number): string {
  const max = 10 ** width - 1;
  const clamped = value === null ? max : Math.min(Math.max(0, Math.round(value)), max - 1);
  return String(max - clamped).padStart(width, "0");
}

export function encodeMember(entry: BoardEntry, order: readonly TieBreaker[]): string {
  let keys = "";
  for (const key of order) {
    if (key === "prediction") keys += inverted(entry.predictionError, WIDTH.prediction);
    if (key === "time") keys += inverted(entry.timeUsedMs, WIDTH.time);
    if (key === "submittedAt") keys += inverted(entry.closedAt?.getTime() ?? null, WIDTH.submittedAt);
  }
  return `${keys}:${entry.userId}`;
}

export function memberUserId(member: string): string {
  return member.slice(member.lastIndexOf(":") + 1);
}

/** Members with the same score and tie key are equal on every key of the board. */
export function tieKey(member: string): string {
  return member.slice(0, member.lastIndexOf(":"));
}

/** A board entry as `compareEntries`/`countingAttempt` expect it (nulls last, as in roundRanking). */
export function rankEntry(entry: BoardEntry): RankEntry {
  return {
    userId: entry.userId,
    score: entry.score,
    predictionError: entry.predictionError,
    timeUsedMs: entry.timeUsedMs ?? Number.MAX_SAFE_INTEGER,
    submittedAt: entry.closedAt ?? new Date(8.64e15),
  };
}
