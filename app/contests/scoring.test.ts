import { describe, expect, it } from "vitest";
import {
  compareEntries,
  countingAttempt,
  isCorrect,
  type RankEntry,
  rankEntries,
  scoreAttempt,
  tieBreakOrder,
} from "./scoring";

const single = [
  { text: "A", correct: false },
  { text: "B", correct: true },
  { text: "C", correct: false },
];
const multiple = [
  { text: "A", correct: true },
  { text: "B", correct: false },
  { text: "C", correct: true },
];

describe("scoring", () => {
  it("gives points only for exactly the correct options", () => {
    expect(isCorrect(single, [1])).toBe(true);
    expect(isCorrect(single, [0])).toBe(false);
    expect(isCorrect(multiple, [2, 0])).toBe(true);
    expect(isCorrect(multiple, [0])).toBe(false);
    expect(isCorrect(multiple, [0, 1, 2])).toBe(false);
    expect(isCorrect(multiple, [0, 0, 2])).toBe(true); // a repeated click is one choice
    expect(isCorrect(single, [])).toBe(false);
  });

  it("adds the points of the correct answers; unanswered questions score nothing", () => {
    const questions = [
      { options: single, points: 2 },
      { options: multiple, points: 3 },
      { options: single, points: 2 },
    ];
    const result = scoreAttempt(
      questions,
      new Map([
        [0, [1]],
        [1, [0]],
      ]),
    );
    expect(result).toEqual({ score: 2, correctCount: 1, maxScore: 7 });
  });
});

const entry = (
  userId: string,
  score: number,
  predictionError: number | null,
  timeUsedMs: number,
  submittedAt: number,
): RankEntry => ({
  userId,
  score,
  predictionError,
  timeUsedMs,
  submittedAt: new Date(submittedAt),
});

describe("ranking with tie-breakers", () => {
  it("orders by score, then prediction error, then time used, then earlier submission", () => {
    const ranked = rankEntries([
      entry("time-slow", 18, 5, 300_000, 1),
      entry("low-score", 10, 0, 10_000, 1),
      entry("best", 20, 50, 900_000, 9),
      entry("later", 18, 5, 200_000, 5),
      entry("earlier", 18, 5, 200_000, 4),
      entry("closer", 18, 2, 600_000, 9),
      entry("no-prediction", 18, null, 1_000, 1),
    ]);
    expect(ranked.map((e) => e.userId)).toEqual([
      "best",
      "closer",
      "earlier",
      "later",
      "time-slow",
      "no-prediction",
      "low-score",
    ]);
    expect(ranked.map((e) => e.rank)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it("shares a rank when every key is equal", () => {
    const ranked = rankEntries([entry("a", 5, 1, 10, 1), entry("b", 5, 1, 10, 1), entry("c", 4, 1, 10, 1)]);
    expect(ranked.map((e) => e.rank)).toEqual([1, 1, 3]);
  });

  it("follows a custom tie-break order", () => {
    const fast = entry("fast", 10, 9, 1_000, 1);
    const close = entry("close", 10, 0, 9_000, 1);
    expect(compareEntries(fast, close, ["score", "time"])).toBeLessThan(0);
    expect(compareEntries(fast, close)).toBeGreaterThan(0);
  });

  it("picks the counting attempt: best, first or last", () => {
    const attempts = [
      { ...entry("u", 12, 3, 100, 1), number: 1 },
      { ...entry("u", 15, 3, 500, 2), number: 2 },
      { ...entry("u", 9, 3, 50, 3), number: 3 },
    ];
    expect(countingAttempt(attempts, "BEST")?.number).toBe(2);
    expect(countingAttempt(attempts, "FIRST")?.number).toBe(1);
    expect(countingAttempt(attempts, "LAST")?.number).toBe(3);
    expect(countingAttempt([], "BEST")).toBeNull();
  });

  it("reads a round's stored order: score first, unknown and repeated keys skipped, left-out keys left out", () => {
    expect(tieBreakOrder(["score", "prediction", "time", "submittedAt"])).toEqual([
      "score",
      "prediction",
      "time",
      "submittedAt",
    ]);
    expect(tieBreakOrder(["time", "submittedAt"])).toEqual(["score", "time", "submittedAt"]);
    expect(tieBreakOrder(["time", "score", "luckyNumber", "time", "prediction"])).toEqual([
      "score",
      "time",
      "prediction",
    ]);
    expect(tieBreakOrder([])).toEqual(["score"]);
    expect(tieBreakOrder(null)).toEqual(["score"]);
  });

  it("ranks by time before prediction when the round says so, and shares ranks past the listed keys", () => {
    const entries = [entry("fast-far", 10, 40, 60_000, 5), entry("slow-close", 10, 0, 90_000, 1)];
    expect(rankEntries(entries, tieBreakOrder(["time", "prediction"])).map((e) => e.userId)).toEqual([
      "fast-far",
      "slow-close",
    ]);
    expect(rankEntries(entries, tieBreakOrder(["prediction", "time"])).map((e) => e.userId)).toEqual([
      "slow-close",
      "fast-far",
    ]);
    // Only score listed: equal scores share the rank whatever the time.
    expect(rankEntries(entries, tieBreakOrder(["score"])).map((e) => e.rank)).toEqual([1, 1]);
  });

  it("picks the best attempt by the round's order, the earlier attempt when equal on every key", () => {
    const attempts = [
      { ...entry("u", 15, 30, 100_000, 1), number: 1 },
      { ...entry("u", 15, 2, 400_000, 2), number: 2 },
      { ...entry("u", 15, 30, 100_000, 3), number: 3 },
    ];
    expect(countingAttempt(attempts, "BEST", tieBreakOrder(["prediction", "time"]))?.number).toBe(2);
    expect(countingAttempt(attempts, "BEST", tieBreakOrder(["time", "prediction"]))?.number).toBe(1);
    expect(countingAttempt([...attempts].reverse(), "BEST", tieBreakOrder(["time"]))?.number).toBe(1);
  });
});
