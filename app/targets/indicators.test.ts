import { describe, expect, it } from "vitest";
import { summarizeTraining } from "~/training/activities.server";
import {
  monthsOf,
  officialsTrained,
  type PopulationNode,
  type RosterRow,
  residentsReached,
  satisfaction,
  scopePopulation,
} from "./indicators";

/** Hand-computed fixtures for issue 7's formulas. Tree: /p/ ⊃ /p/a/ ⊃ /p/a/u/, and /p/b/. */
const phase = { from: new Date("2025-01-01T00:00:00+07:00"), to: new Date("2028-01-01T00:00:00+07:00") };
const row = (userId: string, path: string, role = "OFFICIAL", name = userId): RosterRow => ({
  userId,
  fullName: name,
  role,
  orgNodeId: path,
  orgNodePath: path,
  orgNodeName: `Đơn vị ${path}`,
});

describe("officials trained", () => {
  it("is null on an empty roster, with nobody to list", () => {
    expect(officialsTrained([], [], { scopePath: "/p/", period: phase, roles: null })).toEqual({
      numerator: 0,
      denominator: 0,
      value: null,
      untrained: [],
    });
  });

  it("counts a person in two units once, in the denominator and the numerator, and lists their units", () => {
    const roster = [row("an", "/p/a/"), row("an", "/p/a/u/", "REPORTER"), row("binh", "/p/b/"), row("chi", "/p/b/")];
    const completions = [
      { userId: "binh", completedAt: new Date("2026-03-01T00:00:00Z") },
      // Completed before the phase: does not count.
      { userId: "chi", completedAt: new Date("2024-12-31T16:59:59Z") },
    ];
    const result = officialsTrained(roster, completions, { scopePath: "/p/", period: phase, roles: null });
    expect(result).toMatchObject({ numerator: 1, denominator: 3, value: 1 / 3 });
    expect(result.untrained.map((person) => person.userId)).toEqual(["an", "chi"]);
    expect(result.untrained[0]).toMatchObject({
      roles: ["OFFICIAL", "REPORTER"],
      units: [
        { orgNodeId: "/p/a/", name: "Đơn vị /p/a/" },
        { orgNodeId: "/p/a/u/", name: "Đơn vị /p/a/u/" },
      ],
    });
    // The child /p/a/ covers its unit: still one person.
    expect(officialsTrained(roster, completions, { scopePath: "/p/a/", period: phase, roles: null })).toMatchObject({
      numerator: 0,
      denominator: 1,
      value: 0,
    });
    // Only reporters: an is one through the unit /p/a/u/.
    expect(
      officialsTrained(roster, completions, { scopePath: "/p/", period: phase, roles: ["REPORTER"] }),
    ).toMatchObject({
      numerator: 0,
      denominator: 1,
    });
  });

  it("counts a completion at exactly `from`, not at exactly `to`", () => {
    const roster = [row("an", "/p/"), row("binh", "/p/")];
    const completions = [
      { userId: "an", completedAt: phase.from },
      { userId: "binh", completedAt: phase.to },
    ];
    expect(officialsTrained(roster, completions, { scopePath: "/p/", period: phase, roles: null })).toMatchObject({
      numerator: 1,
      denominator: 2,
      value: 0.5,
    });
  });
});

describe("share of training online (issue 6's rule, per phase)", () => {
  it("counts an activity that spans two phases wholly in the phase it starts in", () => {
    // Phase 1 holds: online run (starts in phase 1, ends in phase 2; 10 people × 60 min) and an
    // offline session (5 people × 180 min). Phase 2 holds only the offline session starting in it.
    const phase1 = [
      { kind: "ONLINE" as const, participants: 10, participantMinutes: 600 },
      { kind: "OFFLINE" as const, participants: 5, participantMinutes: 900 },
    ];
    const phase2 = [{ kind: "OFFLINE" as const, participants: 3, participantMinutes: 360 }];
    expect(summarizeTraining(phase1)).toMatchObject({ shareByActivities: 0.5, shareByParticipantHours: 600 / 1500 });
    expect(summarizeTraining(phase2)).toMatchObject({ shareByActivities: 0, shareByParticipantHours: 0 });
    expect(summarizeTraining([])).toMatchObject({ shareByActivities: null, shareByParticipantHours: null });
    // Consecutive phases add up: 3 activities in all, one of them online.
    expect(summarizeTraining([...phase1, ...phase2]).activities).toEqual({ online: 1, total: 3 });
  });
});

describe("population and residents reached", () => {
  const node = (
    id: string,
    parentId: string | null,
    population: number | null,
    territorial = true,
  ): PopulationNode => ({
    id,
    parentId,
    name: id,
    territorial,
    population,
    urbanPopulation: population === null ? null : Math.round(population / 2),
    ruralPopulation: population === null ? null : population - Math.round(population / 2),
    sourceYear: population === null ? null : 2024,
  });

  it("uses a node's own figure, else sums its territorial children's, and lists those missing", () => {
    const nodes = [node("p", null, null), node("a", "p", 1000), node("b", "p", null), node("u", "a", null, false)];
    expect(scopePopulation("p", nodes)).toEqual({
      population: 1000,
      urbanPopulation: 500,
      ruralPopulation: 500,
      missing: [{ id: "b", name: "b" }],
    });
    // A province figure already includes its communes': theirs are not added.
    const withProvince = [node("p", null, 5000), node("a", "p", 1000), node("b", "p", 2000)];
    expect(scopePopulation("p", withProvince).population).toBe(5000);
    expect(scopePopulation("b", withProvince).population).toBe(2000);
    // Nothing known: null, not 0.
    expect(scopePopulation("p", [node("p", null, null)])).toMatchObject({ population: null, missing: [{ id: "p" }] });
  });

  it("counts each person once across contests, courses and ratings, and is null without a population", () => {
    const at = new Date("2026-05-01T00:00:00Z");
    const participation = [
      { userId: "an", orgNodePath: "/p/a/", at },
      { userId: "an", orgNodePath: "/p/b/", at },
      { userId: "binh", orgNodePath: "/p/a/u/", at },
      { userId: "chi", orgNodePath: "/q/", at },
      { userId: "dung", orgNodePath: "/p/", at: new Date("2030-01-01T00:00:00Z") },
    ];
    const population = { population: 8, urbanPopulation: null, ruralPopulation: null, missing: [] };
    expect(residentsReached(participation, population, { scopePath: "/p/", period: phase })).toEqual({
      numerator: 2,
      denominator: 8,
      value: 0.25,
      missingPopulation: [],
    });
    const unknown = {
      population: null,
      urbanPopulation: null,
      ruralPopulation: null,
      missing: [{ id: "p", name: "p" }],
    };
    expect(residentsReached(participation, unknown, { scopePath: "/p/", period: phase })).toMatchObject({
      numerator: 2,
      value: null,
      missingPopulation: [{ id: "p", name: "p" }],
    });
  });
});

describe("satisfaction", () => {
  it("is the share of 4–5 star ratings, with the count", () => {
    const at = new Date("2026-05-01T00:00:00Z");
    const ratings = [3, 4, 5, 5, 3, 1].map((stars) => ({ stars, orgNodePath: "/p/a/", createdAt: at }));
    ratings.push({ stars: 5, orgNodePath: "/q/", createdAt: at });
    expect(satisfaction(ratings, { scopePath: "/p/", period: phase })).toEqual({
      numerator: 3,
      denominator: 6,
      value: 0.5,
    });
    expect(satisfaction([], { scopePath: "/p/", period: phase }).value).toBeNull();
  });
});

describe("months in Vietnam time", () => {
  it("splits a period at midnight UTC+7 on the 1st and clips the ends", () => {
    const months = monthsOf({ from: new Date("2026-01-15T00:00:00+07:00"), to: new Date("2026-03-10T00:00:00+07:00") });
    expect(months.map((month) => month.month)).toEqual(["2026-01", "2026-02", "2026-03"]);
    expect(months[0].from.toISOString()).toBe("2026-01-14T17:00:00.000Z");
    expect(months[1].from.toISOString()).toBe("2026-01-31T17:00:00.000Z");
    expect(months[2].to.toISOString()).toBe("2026-03-09T17:00:00.000Z");
    // 31 Dec 23:30 in Vietnam is still December, although it is the 31st 16:30 UTC.
    expect(
      monthsOf({ from: new Date("2025-12-31T16:30:00Z"), to: new Date("2025-12-31T17:30:00Z") }).map((m) => m.month),
    ).toEqual(["2025-12", "2026-01"]);
    expect(monthsOf({ from: phase.to, to: phase.from })).toEqual([]);
  });
});
