/**
 * How far an indicator is from its plan's target (issue 7 §2, §4, §5): the lines shared by the
 * dashboard, the Excel and PDF reports, the CLI's --json and the open-data feed. Pure, so the
 * browser colours the same statuses the report prints; unit-tested in report.test.ts.
 *
 * A target is the percentage the plan sets for the end of its phase. The gap is in percentage
 * points, target − value: positive while behind, 0 or less once met. "Near" means within
 * NEAR_POINTS of the target — a locality that can still close it with one more campaign.
 */

import type { Ratio } from "./indicators";
import type { Targets } from "./schemas";

export const NEAR_POINTS = 10;

export const REPORT_LINE_KEYS = [
  "officialsTrained",
  "onlineTraining",
  "onlineTrainingHours",
  "residentsReached",
  "residentsReachedUrban",
  "residentsReachedRural",
  "satisfaction",
] as const;
export type ReportLineKey = (typeof REPORT_LINE_KEYS)[number];

/** Lines every report shows; the urban/rural ones only when the plan sets those targets (Huế). */
const ALWAYS_SHOWN: readonly ReportLineKey[] = [
  "officialsTrained",
  "onlineTraining",
  "onlineTrainingHours",
  "residentsReached",
  "satisfaction",
];

export type GapStatus = "met" | "near" | "far" | "noTarget" | "noData";

export interface ReportLine {
  key: ReportLineKey;
  numerator: number | null;
  denominator: number | null;
  /** 0–1, or null when it cannot be computed (no denominator, or not measurable yet). */
  value: number | null;
  /** Percent 0–100 as the plan states it, or null when the plan sets none. */
  targetPct: number | null;
  /** targetPct − value in percent, rounded to 0.1 point; null without both. */
  gapPoints: number | null;
  status: GapStatus;
}

/** The figures a line is computed from: the shape computeIndicators returns for any scope. */
export interface IndicatorFigures {
  officialsTrained: Ratio;
  onlineTraining: {
    activities: { online: number; total: number };
    participantMinutes: { online: number; total: number };
    shareByActivities: number | null;
    shareByParticipantHours: number | null;
  };
  residentsReached: Ratio;
  satisfaction: Ratio;
}

export function gapOf(value: number | null, targetPct: number | null): Pick<ReportLine, "gapPoints" | "status"> {
  if (targetPct === null) return { gapPoints: null, status: "noTarget" };
  if (value === null) return { gapPoints: null, status: "noData" };
  const gapPoints = Math.round((targetPct - value * 100) * 10) / 10;
  return { gapPoints, status: gapPoints <= 0 ? "met" : gapPoints <= NEAR_POINTS ? "near" : "far" };
}

function line(
  key: ReportLineKey,
  figures: { numerator: number | null; denominator: number | null; value: number | null },
  targetPct: number | null,
): ReportLine {
  return { key, ...figures, targetPct, ...gapOf(figures.value, targetPct) };
}

/**
 * One line per indicator, against `targets` (null: no plan covers the period). Participant-hours
 * share the plan's online target: the plans state one share and do not say which count it is.
 * Residents reached is not split urban/rural by the data (nothing says where a participant
 * lives), so those lines carry their targets with no value.
 */
export function reportLines(figures: IndicatorFigures, targets: Targets | null): ReportLine[] {
  const target = (field: keyof Targets) => targets?.[field] ?? null;
  const online = figures.onlineTraining;
  const lines: ReportLine[] = [
    line("officialsTrained", figures.officialsTrained, target("officialsTrainedPct")),
    line(
      "onlineTraining",
      { numerator: online.activities.online, denominator: online.activities.total, value: online.shareByActivities },
      target("onlineTrainingSharePct"),
    ),
    line(
      "onlineTrainingHours",
      {
        numerator: Math.round(online.participantMinutes.online / 6) / 10,
        denominator: Math.round(online.participantMinutes.total / 6) / 10,
        value: online.shareByParticipantHours,
      },
      target("onlineTrainingSharePct"),
    ),
    line("residentsReached", figures.residentsReached, target("residentsReachedPct")),
    line(
      "residentsReachedUrban",
      { numerator: null, denominator: null, value: null },
      target("residentsReachedUrbanPct"),
    ),
    line(
      "residentsReachedRural",
      { numerator: null, denominator: null, value: null },
      target("residentsReachedRuralPct"),
    ),
    line("satisfaction", figures.satisfaction, target("satisfactionPct")),
  ];
  return lines.filter((entry) => ALWAYS_SHOWN.includes(entry.key) || entry.targetPct !== null);
}

/** The worst status of a set of lines (for colouring a child node's row): far > near > met. */
export function worstStatus(lines: readonly ReportLine[]): GapStatus {
  const order: GapStatus[] = ["far", "near", "noData", "met", "noTarget"];
  for (const status of order) if (lines.some((entry) => entry.status === status)) return status;
  return "noTarget";
}

/** 0.4567 → 45.7: a percentage with one decimal, as the files and the JSON feeds carry it; null stays null. */
export const percentCell = (value: number | null) => (value === null ? null : Math.round(value * 1000) / 10);

/** 0.4567 → "45,7" (Vietnamese decimal comma, one decimal); null → "". */
export function percentText(value: number | null): string {
  if (value === null) return "";
  return (Math.round(value * 1000) / 10).toFixed(1).replace(".", ",");
}

/** "2026-03" → "03/2026", as the dashboard and the files name a month. */
export const monthLabel = (month: string) => `${month.slice(5)}/${month.slice(0, 4)}`;
