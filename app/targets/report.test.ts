import { describe, expect, it } from "vitest";
import { gapOf, percentText, type ReportLine, reportLines, worstStatus } from "./report";
import { defaultReportPeriod, MAX_REPORT_DAYS, reportPeriodSchema } from "./report-period";

const figures = {
  officialsTrained: { numerator: 8, denominator: 10, value: 0.8 },
  onlineTraining: {
    activities: { online: 3, total: 4 },
    participantMinutes: { online: 90, total: 150 },
    shareByActivities: 0.75,
    shareByParticipantHours: 0.6,
  },
  residentsReached: { numerator: 0, denominator: 0, value: null },
  satisfaction: { numerator: 17, denominator: 20, value: 0.85 },
};
const targets = {
  officialsTrainedPct: 80,
  onlineTrainingSharePct: 80.5,
  residentsReachedPct: 60,
  residentsReachedUrbanPct: null,
  residentsReachedRuralPct: null,
  satisfactionPct: 100,
};

describe("gapOf", () => {
  it("is target minus value in points, rounded to a tenth, and says met, near or far", () => {
    expect(gapOf(0.8, 80)).toEqual({ gapPoints: 0, status: "met" });
    expect(gapOf(0.95, 80)).toEqual({ gapPoints: -15, status: "met" });
    expect(gapOf(0.7, 80)).toEqual({ gapPoints: 10, status: "near" });
    expect(gapOf(2 / 3, 80)).toEqual({ gapPoints: 13.3, status: "far" });
    expect(gapOf(0.5, null)).toEqual({ gapPoints: null, status: "noTarget" });
    expect(gapOf(null, 80)).toEqual({ gapPoints: null, status: "noData" });
  });
});

describe("reportLines", () => {
  it("pairs each indicator with its target; participant-hours share the online target", () => {
    const lines = reportLines(figures, targets);
    expect(lines.map((line) => line.key)).toEqual([
      "officialsTrained",
      "onlineTraining",
      "onlineTrainingHours",
      "residentsReached",
      "satisfaction",
    ]);
    const byKey = Object.fromEntries(lines.map((line) => [line.key, line]));
    expect(byKey.officialsTrained).toMatchObject({ numerator: 8, denominator: 10, targetPct: 80, status: "met" });
    expect(byKey.onlineTraining).toMatchObject({ value: 0.75, targetPct: 80.5, gapPoints: 5.5, status: "near" });
    // 90 and 150 minutes are 1.5 and 2.5 hours.
    expect(byKey.onlineTrainingHours).toMatchObject({
      numerator: 1.5,
      denominator: 2.5,
      gapPoints: 20.5,
      status: "far",
    });
    expect(byKey.residentsReached).toMatchObject({ value: null, status: "noData" });
    expect(byKey.satisfaction).toMatchObject({ gapPoints: 15, status: "far" });
  });

  it("shows the urban and rural lines only when the plan sets them, with no value (not measurable)", () => {
    const lines = reportLines(figures, { ...targets, residentsReachedUrbanPct: 60, residentsReachedRuralPct: 40 });
    expect(
      lines.filter((line) => line.key.startsWith("residentsReached")).map((line) => [line.key, line.status]),
    ).toEqual([
      ["residentsReached", "noData"],
      ["residentsReachedUrban", "noData"],
      ["residentsReachedRural", "noData"],
    ]);
  });

  it("has no targets without a plan", () => {
    expect(reportLines(figures, null).every((line) => line.targetPct === null && line.status === "noTarget")).toBe(
      true,
    );
  });
});

describe("worstStatus and percentText", () => {
  const withStatus = (...statuses: ReportLine["status"][]) => statuses.map((status) => ({ status }) as ReportLine);
  it("colours a row by its worst line", () => {
    expect(worstStatus(withStatus("met", "near", "noTarget"))).toBe("near");
    expect(worstStatus(withStatus("met", "far", "near"))).toBe("far");
    expect(worstStatus(withStatus("met", "noData"))).toBe("noData");
    expect(worstStatus(withStatus("noTarget"))).toBe("noTarget");
  });
  it("writes percentages with a decimal comma", () => {
    expect(percentText(2 / 3)).toBe("66,7");
    expect(percentText(1)).toBe("100,0");
    expect(percentText(null)).toBe("");
  });
});

describe("report periods", () => {
  it("read both ways of writing a day, both days included, in Vietnam time", () => {
    const parsed = reportPeriodSchema.parse({ from: "01/01/2026", to: "2026-01-31" });
    expect(parsed).toEqual({
      firstDay: "2026-01-01",
      lastDay: "2026-01-31",
      from: new Date("2025-12-31T17:00:00Z"),
      to: new Date("2026-01-31T17:00:00Z"),
    });
  });

  it("refuse impossible days, a backwards period and one over six years", () => {
    const issues = (from: string, to: string) =>
      reportPeriodSchema.safeParse({ from, to }).error?.issues.map((issue) => issue.message);
    expect(issues("31/02/2026", "2026-03-01")).toEqual(["errors.indicators.fromInvalid"]);
    expect(issues("2026-03-01", "")).toEqual(["errors.indicators.toInvalid"]);
    expect(issues("2026-03-02", "2026-03-01")).toEqual(["errors.indicators.toBeforeFrom"]);
    expect(MAX_REPORT_DAYS).toBeLessThan(7 * 365);
    expect(issues("2025-01-01", "2031-12-31")).toEqual(["errors.indicators.periodTooLong"]);
    expect(issues("2025-01-01", "2030-12-31")).toBeUndefined();
  });

  it("open on the covering phase up to the end of this month, or this year without a plan", () => {
    // 2 December 2026, 01:00 in Vietnam is 1 December 18:00 UTC.
    const now = new Date("2026-12-01T18:00:00Z");
    expect(defaultReportPeriod(now, "2025-01-01")).toMatchObject({ firstDay: "2025-01-01", lastDay: "2026-12-31" });
    expect(defaultReportPeriod(new Date("2026-02-10T00:00:00Z"), null)).toMatchObject({
      firstDay: "2026-01-01",
      lastDay: "2026-02-28",
    });
  });
});
