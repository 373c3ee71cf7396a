import type { ReportLine } from "./report";
import { percentCell } from "./report";
import type { NodeReport } from "./report.server";

/**
 * A node's report as JSON: what `npm run cli -- report --json` prints and what the open-data feed
 * (`GET /api/v1/nodes/:code/indicators`, docs/api.md) answers, so the two cannot drift apart.
 * Aggregates only: the report's not-yet-trained list (people's names) and the list of training
 * activities (trainers' names) are deliberately left out.
 */

/** A line as the JSON feeds print it: percentages 0–100 with one decimal, like the files. */
export const jsonLine = (line: ReportLine) => ({
  key: line.key,
  valuePct: percentCell(line.value),
  numerator: line.numerator,
  denominator: line.denominator,
  targetPct: line.targetPct,
  gapPoints: line.gapPoints,
  status: line.status,
});

export function reportJson(report: NodeReport) {
  return {
    node: { code: report.node.code, name: report.node.name, type: report.node.type },
    period: {
      from: report.period.from.toISOString(),
      to: report.period.to.toISOString(),
    },
    plan: report.plan
      ? {
          name: report.plan.name,
          number: report.plan.number,
          ownerNode: report.plan.nodeName,
          own: report.plan.own,
          phase: report.plan.phase.label,
          phaseStartsOn: report.plan.phase.startsOn,
          phaseEndsOn: report.plan.phase.endsOn,
          isDemo: report.plan.isDemo,
        }
      : null,
    indicators: report.lines.map(jsonLine),
    children: report.children.map((child) => ({
      code: child.node.code,
      name: child.node.name,
      status: child.status,
      indicators: child.lines.map(jsonLine),
    })),
  };
}

/** The monthly trend: each month's value of each indicator (0–100, one decimal; null when not computable). */
export function trendJson(report: NodeReport) {
  return report.trend.map((month) => ({
    month: month.month,
    indicators: month.lines.map((line) => ({ key: line.key, valuePct: percentCell(line.value) })),
  }));
}
