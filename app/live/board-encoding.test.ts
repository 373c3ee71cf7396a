import { describe, expect, it } from "vitest";
import { compareEntries, TIE_BREAKERS, type TieBreaker } from "~/contests/scoring";
import { type BoardEntry, boardOrder, encodeMember, memberUserId, rankEntry, tieKey } from "./board-encoding";

/** Redis' order of one sorted set: score descending, then member descending. */
function redisOrder(entries: BoardEntry[], order: TieBreaker[]) {
  return entries
    .map((entry) => ({ entry, member: encodeMember(entry, order) }))
    .sort((a, b) => b.entry.score - a.entry.score || (a.member < b.member ? 1 : a.member > b.member ? -1 : 0));
}

describe("board member encoding", () => {
  it("orders equal scores as compareEntries does, for every order, nulls last", () => {
    let seed = 11;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const entries: BoardEntry[] = Array.from({ length: 300 }, (_, i) => ({
      userId: `u${i}`,
      score: random(3),
      predictionError: random(4) === 0 ? null : random(3) * 1_000_000_000,
      timeUsedMs: random(5) === 0 ? null : random(3) * 100_000_000,
      closedAt: random(5) === 0 ? null : new Date(Date.UTC(2026, 0, 1) + random(3) * 1000),
    }));
    const orders: TieBreaker[][] = [
      [...TIE_BREAKERS],
      ["score", "time", "prediction"],
      ["score", "submittedAt"],
      ["score"],
    ];
    for (const order of orders) {
      const sorted = redisOrder(entries, order);
      for (let i = 1; i < sorted.length; i++) {
        const difference = compareEntries(rankEntry(sorted[i - 1].entry), rankEntry(sorted[i].entry), order);
        expect(difference, order.join(",")).toBeLessThanOrEqual(0);
        const tied =
          sorted[i - 1].entry.score === sorted[i].entry.score &&
          tieKey(sorted[i - 1].member) === tieKey(sorted[i].member);
        expect(tied, order.join(",")).toBe(difference === 0);
      }
    }
  });

  it("ends with the user id and leaves prediction out while the round is open", () => {
    const entry = { userId: "abc", score: 1, predictionError: 0, timeUsedMs: 5, closedAt: null };
    expect(memberUserId(encodeMember(entry, ["score", "time"]))).toBe("abc");
    expect(encodeMember(entry, ["score"])).toBe(":abc");
    const round = { tieBreakOrder: ["score", "prediction", "time"], closesAt: new Date("2026-01-02T00:00:00Z") };
    expect(boardOrder(round, new Date("2026-01-01T00:00:00Z"))).toEqual(["score", "time"]);
    expect(boardOrder(round, round.closesAt)).toEqual(["score", "prediction", "time"]);
  });
});
