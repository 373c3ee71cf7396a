import { describe, expect, it } from "vitest";
import { boardIsPublic } from "./public.server";

describe("the public leaderboard", () => {
  const round = { opensAt: new Date("2026-11-01T00:00:00Z"), closesAt: new Date("2026-11-30T00:00:00Z") };
  const before = new Date("2026-10-31T00:00:00Z");
  const during = new Date("2026-11-15T00:00:00Z");
  const after = new Date("2026-12-01T00:00:00Z");

  it("follows the organizer's choice: live, after the round closes, or never", () => {
    const live = { ...round, leaderboardVisibility: "LIVE" as const };
    expect([before, during, after].map((now) => boardIsPublic(live, now))).toEqual([false, true, true]);
    const afterClose = { ...round, leaderboardVisibility: "AFTER_CLOSE" as const };
    expect([before, during, after].map((now) => boardIsPublic(afterClose, now))).toEqual([false, false, true]);
    const hidden = { ...round, leaderboardVisibility: "HIDDEN" as const };
    expect([before, during, after].map((now) => boardIsPublic(hidden, now))).toEqual([false, false, false]);
  });
});
