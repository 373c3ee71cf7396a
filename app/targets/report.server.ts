/**
 * A node's periodic report (issue 7 §4–§6): its indicators against the targets of the plan that
 * covers the period, the monthly trend, each child node against its own plan, and the lists an
 * organizer acts on. The dashboard, the Excel/PDF exports, `npm run cli -- report` and the
 * open-data feed all read this one object, so their numbers cannot disagree.
 *
 * No access check here: callers scope the node (canManage, or an API token's node).
 */

import type { DbOrTx } from "~/db/client.server";
import type { Period } from "./indicators";
import { computeIndicators, type IndicatorResult } from "./indicators.server";
import { type PhaseTargets, toPhaseTargets } from "./plans.server";
import { type GapStatus, type ReportLine, reportLines, worstStatus } from "./report";

export interface AppliedPlan {
  id: string;
  name: string;
  number: string | null;
  /** The node whose plan it is: the node itself, or the nearest node above with a plan. */
  nodeName: string;
  own: boolean;
  isDemo: boolean;
  phase: Pick<PhaseTargets, "label" | "startsOn" | "endsOn" | "targets">;
}

interface NodeSummary {
  id: string;
  name: string;
  code: string;
  type: string;
}

export interface NodeReport {
  node: NodeSummary;
  period: Period;
  generatedAt: Date;
  plan: AppliedPlan | null;
  lines: ReportLine[];
  status: GapStatus;
  population: { total: number | null; urban: number | null; rural: number | null };
  missingPopulation: { id: string; name: string }[];
  trend: { month: string; from: Date; to: Date; lines: ReportLine[] }[];
  children: { node: NodeSummary; plan: AppliedPlan | null; lines: ReportLine[]; status: GapStatus }[];
  untrained: IndicatorResult["untrained"];
  activities: IndicatorResult["activities"];
  /** What the officials-trained count used (the applied plan's settings, else the defaults). */
  counting: { categories: string[] | null; roles: string[] };
}

export interface NodeReportOptions {
  nodeId: string;
  from: Date;
  to: Date;
  untrainedPage?: number;
  untrainedPageSize?: number;
  untrainedAll?: boolean;
}

export async function nodeReport(db: DbOrTx, options: NodeReportOptions): Promise<NodeReport> {
  const period = { from: options.from, to: options.to };
  const root = await db.orgNode.findUnique({ where: { id: options.nodeId }, select: { id: true, path: true } });
  const children = root
    ? await db.orgNode.findMany({ where: { parentId: root.id }, select: { id: true, path: true } })
    : [];
  const plans = root ? await plansCovering(db, [root, ...children], period) : new Map<string, PlanMatch>();
  const rootPlan = root ? (plans.get(root.id) ?? null) : null;

  // The root's plan says which courses and roles count; its children are counted the same way,
  // so that their rows add up to the parent's.
  const indicators = await computeIndicators(db, {
    ...options,
    categories: rootPlan?.officialCategories ?? null,
    roles: rootPlan?.officialRoles ?? null,
  });
  const rootTargets = rootPlan?.applied.phase.targets ?? null;
  const lines = reportLines(indicators, rootTargets);
  return {
    node: indicators.node,
    period,
    generatedAt: new Date(),
    plan: rootPlan?.applied ?? null,
    lines,
    status: worstStatus(lines),
    population: {
      total: indicators.residentsReached.population,
      urban: indicators.residentsReached.urbanPopulation,
      rural: indicators.residentsReached.ruralPopulation,
    },
    missingPopulation: indicators.residentsReached.missingPopulation,
    trend: indicators.trend.map((month) => ({
      month: month.month,
      from: month.from,
      to: month.to,
      lines: reportLines(month, rootTargets),
    })),
    children: indicators.children.map((child) => {
      const match = plans.get(child.node.id) ?? null;
      const childLines = reportLines(child, match?.applied.phase.targets ?? null);
      return { node: child.node, plan: match?.applied ?? null, lines: childLines, status: worstStatus(childLines) };
    }),
    untrained: indicators.untrained,
    activities: indicators.activities,
    counting: { categories: indicators.categories, roles: indicators.roles },
  };
}

interface PlanMatch {
  applied: AppliedPlan;
  officialCategories: string[];
  officialRoles: IndicatorResult["roles"];
}

/**
 * For each node, the plan whose phase covers the period: the node's own plans first (newest
 * first), then those of the nodes above it, nearest first — a commune without a plan follows its
 * city's. A phase covers the period when it contains its first day, or else overlaps it at all.
 * One query for all the nodes.
 */
async function plansCovering(
  db: DbOrTx,
  nodes: { id: string; path: string }[],
  period: Period,
): Promise<Map<string, PlanMatch>> {
  const lineage = (node: { path: string }) => node.path.split("/").filter(Boolean).reverse();
  const nodeIds = [...new Set(nodes.flatMap(lineage))];
  const plans = await db.plan.findMany({
    where: { orgNodeId: { in: nodeIds } },
    orderBy: [{ issuedOn: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }, { id: "asc" }],
    include: { phases: { orderBy: [{ startsOn: "asc" }, { id: "asc" }] }, orgNode: { select: { name: true } } },
  });
  const matches = new Map<string, PlanMatch>();
  for (const node of nodes) {
    for (const ownerId of lineage(node)) {
      const found = plans
        .filter((plan) => plan.orgNodeId === ownerId)
        .map((plan) => ({ plan, phase: coveringPhase(plan.phases.map(toPhaseTargets), period) }))
        .find((candidate) => candidate.phase !== null);
      if (!found?.phase) continue;
      const { plan, phase } = found;
      matches.set(node.id, {
        applied: {
          id: plan.id,
          name: plan.name,
          number: plan.number,
          nodeName: plan.orgNode.name,
          own: ownerId === node.id,
          isDemo: plan.isDemo,
          phase: { label: phase.label, startsOn: phase.startsOn, endsOn: phase.endsOn, targets: phase.targets },
        },
        officialCategories: plan.officialCategories,
        officialRoles: plan.officialRoles,
      });
      break;
    }
  }
  return matches;
}

function coveringPhase(phases: PhaseTargets[], period: Period): PhaseTargets | null {
  const from = period.from.getTime();
  const to = period.to.getTime();
  return (
    phases.find((phase) => phase.period.from.getTime() <= from && from < phase.period.to.getTime()) ??
    phases.find((phase) => phase.period.from.getTime() < to && from < phase.period.to.getTime()) ??
    null
  );
}

/** The first day of the phase that covers `at` for the node (its own plan or the nearest above), or null. */
export async function coveringPhaseStart(db: DbOrTx, nodeId: string, at: Date): Promise<string | null> {
  const node = await db.orgNode.findUnique({ where: { id: nodeId }, select: { id: true, path: true } });
  if (!node) return null;
  const matches = await plansCovering(db, [node], { from: at, to: new Date(at.getTime() + 1) });
  return matches.get(node.id)?.applied.phase.startsOn ?? null;
}
