import { describe, expect, it } from "vitest";
import { summarizeTraining } from "./activities.server";
import { periodFromUrl, sessionSchema } from "./schemas";

describe("summarizeTraining", () => {
  it("divides online by all, by activities and by participant-minutes", () => {
    expect(
      summarizeTraining([
        { kind: "ONLINE", participants: 40, participantMinutes: 1800 },
        { kind: "OFFLINE", participants: 30, participantMinutes: 5400 },
        { kind: "OFFLINE", participants: 0, participantMinutes: 0 },
        { kind: "ONLINE", participants: 10, participantMinutes: 0 },
      ]),
    ).toEqual({
      activities: { online: 2, total: 4 },
      participants: { online: 50, total: 80 },
      participantMinutes: { online: 1800, total: 7200 },
      shareByActivities: 0.5,
      shareByParticipantHours: 0.25,
    });
  });

  it("has no share when there is nothing to divide", () => {
    expect(summarizeTraining([])).toMatchObject({ shareByActivities: null, shareByParticipantHours: null });
    expect(summarizeTraining([{ kind: "OFFLINE", participants: 3, participantMinutes: 0 }])).toMatchObject({
      shareByActivities: 0,
      shareByParticipantHours: null,
    });
  });
});

describe("the period filter", () => {
  it("reads Vietnam days, both included, as a half-open range; the current year by default", () => {
    const period = periodFromUrl(new URL("http://x/manage/training?from=2026-01-01&to=2026-03-31"));
    expect(period.from.toISOString()).toBe("2025-12-31T17:00:00.000Z");
    expect(period.to.toISOString()).toBe("2026-03-31T17:00:00.000Z");
    expect([period.fromDay, period.toDay]).toEqual(["2026-01-01", "2026-03-31"]);
    const byDefault = periodFromUrl(
      new URL("http://x/manage/training?from=nonsense"),
      new Date("2026-12-31T18:00:00Z"),
    );
    expect([byDefault.fromDay, byDefault.toDay]).toEqual(["2027-01-01", "2027-12-31"]);
    const reversed = periodFromUrl(
      new URL("http://x/?from=2026-05-01&to=2026-04-01"),
      new Date("2026-06-01T00:00:00Z"),
    );
    expect([reversed.fromDay, reversed.toDay]).toEqual(["2026-01-01", "2026-12-31"]);
  });
});

describe("the session form", () => {
  const base = { orgNodeId: "n1", title: "Tập huấn hòa giải", startsAt: "2026-11-20T08:00", hours: "1,5" };
  it("reads hours as minutes and Vietnam wall-clock times", () => {
    const parsed = sessionSchema.parse(base);
    expect(parsed.durationMinutes).toBe(90);
    expect(parsed.startsAt.toISOString()).toBe("2026-11-20T01:00:00.000Z");
    expect(parsed.place).toBeNull();
  });
  it("refuses bad hours, a missing date and an end before the start", () => {
    const result = sessionSchema.safeParse({ ...base, hours: "0", startsAt: "hôm qua" });
    expect(result.success).toBe(false);
    const messages = result.error?.issues.map((issue) => issue.message) ?? [];
    expect(messages).toEqual(expect.arrayContaining(["training.errors.hours", "training.errors.startsAt"]));
    const ends = sessionSchema.safeParse({ ...base, endsAt: "2026-11-20T07:00" });
    expect(ends.error?.issues.map((issue) => issue.message)).toEqual(["training.errors.endsBeforeStart"]);
  });
});
