/**
 * Issue 7's indicators for one org node (the node and all its descendants) and a period
 * [from, to): officials trained, share of training held online, residents reached, satisfaction;
 * each with a monthly trend (Vietnam time) and a breakdown by the node's direct children.
 *
 * The formulas are pure (app/targets/indicators.ts); this file reads the rows once for the whole
 * subtree and period, then evaluates them per scope (the node, each child) and per month. The
 * share held online is issue 6's `activityTotals`/`summarizeTraining` (app/training/
 * activities.server.ts, docs/decisions/0007), grouped here by month and child. Rules:
 * docs/decisions/0009-indicators.md.
 */

import type { DbOrTx } from "~/db/client.server";
import type { RosterRole } from "~/generated/prisma/enums";
import { escapeLike } from "~/org/tree.server";
import { activityTotals, summarizeTraining, type TrainingShare } from "~/training/activities.server";
import {
  type CompletionRow,
  inPeriod,
  type Month,
  monthsOf,
  type OfficialsTrained,
  officialsTrained,
  type ParticipationRow,
  type Period,
  type PopulationNode,
  type RatingRow,
  type Ratio,
  type ResidentsReached,
  type RosterRow,
  residentsReached,
  type ScopePopulation,
  satisfaction,
  scopePopulation,
  type UntrainedPerson,
  underPath,
} from "./indicators";

/** The plans count officials, legal reporters and legal propagandists unless told otherwise. */
export const DEFAULT_TRAINED_ROLES: RosterRole[] = ["OFFICIAL", "REPORTER", "PROPAGANDIST"];

export interface IndicatorOptions {
  nodeId: string;
  from: Date;
  to: Date;
  /** Course categories that count as training (exact match); empty or null = any category. */
  categories?: string[] | null;
  /** Roster roles that count as "officials"; default DEFAULT_TRAINED_ROLES. */
  roles?: RosterRole[] | null;
  /** Page of the not-yet-trained list (1-based) and its size (default 50). */
  untrainedPage?: number;
  untrainedPageSize?: number;
  /** The whole not-yet-trained list in one page (the Excel report), instead of at most 500. */
  untrainedAll?: boolean;
}

export interface IndicatorValues {
  officialsTrained: Ratio;
  onlineTraining: TrainingShare;
  residentsReached: Ratio & {
    population: number | null;
    urbanPopulation: number | null;
    ruralPopulation: number | null;
    missingPopulation: { id: string; name: string }[];
  };
  satisfaction: Ratio;
}

export interface IndicatorResult extends IndicatorValues {
  node: { id: string; name: string; code: string; type: string };
  period: Period;
  categories: string[] | null;
  roles: RosterRole[];
  /** The people of the roster not yet trained in the period, with their units: one page. */
  untrained: { total: number; page: number; pageSize: number; rows: UntrainedPerson[] };
  /**
   * One entry per Vietnam-time month of the period. Officials trained and residents reached are
   * cumulative from `from` to the month's end (progress towards the phase target); the online
   * share and satisfaction are of the month alone.
   */
  trend: (IndicatorValues & { month: string; from: Date; to: Date })[];
  /** The training activities of the subtree that started in the period, newest first. */
  activities: Awaited<ReturnType<typeof activityTotals>>;
  /** The node's direct children, each over its own subtree and the whole period. */
  children: (IndicatorValues & { node: { id: string; name: string; code: string; type: string } })[];
}

interface ScopeNode {
  id: string;
  name: string;
  code: string;
  type: string;
  path: string;
  parentId: string | null;
}

export class IndicatorNodeNotFound extends Error {}

/** All four indicators with their trend and drill-down; throws IndicatorNodeNotFound for an unknown node. */
export async function computeIndicators(db: DbOrTx, options: IndicatorOptions): Promise<IndicatorResult> {
  const period: Period = { from: options.from, to: options.to };
  const categories = options.categories?.length ? options.categories : null;
  const roles = options.roles?.length ? options.roles : DEFAULT_TRAINED_ROLES;
  const root = await db.orgNode.findUnique({
    where: { id: options.nodeId },
    select: { id: true, name: true, code: true, type: true, path: true, parentId: true },
  });
  if (!root) throw new IndicatorNodeNotFound(options.nodeId);
  const rows = await readRows(db, root, period, { categories, roles });

  const pathOf = new Map(rows.nodes.map((node) => [node.id, node.path]));
  const byChild = rowsByChild(rows, root.path, pathOf);
  const valuesFor = (scope: ScopeNode, within: Period, cumulativeFrom: Date): IndicatorValues => {
    // A child's figures come from its own rows only: 100 communes read 200,000 rows once, not
    // 100 times (the pure formulas would give the same result over all rows).
    const source = scope.id === root.id ? rows : (byChild.get(scope.id) ?? EMPTY_ROWS);
    const cumulative = { from: cumulativeFrom, to: within.to };
    const trained = officialsTrained(source.roster, rows.completions, {
      scopePath: scope.path,
      period: cumulative,
      roles,
    });
    const population = scope.id === root.id ? rows.population : populationOf(scope.id, rows);
    const reached = residentsReached(source.participation, population, { scopePath: scope.path, period: cumulative });
    return {
      officialsTrained: pick(trained),
      onlineTraining: summarizeTraining(
        source.activities.filter(
          (activity) =>
            underPath(pathOf.get(activity.orgNodeId) ?? "", scope.path) && inPeriod(activity.startsAt, within),
        ),
      ),
      residentsReached: residentsValue(reached, population),
      satisfaction: satisfaction(source.ratings, { scopePath: scope.path, period: within }),
    };
  };

  const whole = officialsTrained(rows.roster, rows.completions, { scopePath: root.path, period, roles });
  const pageSize = options.untrainedAll
    ? Math.max(1, whole.untrained.length)
    : Math.max(1, Math.min(500, options.untrainedPageSize ?? 50));
  const page = Math.max(1, options.untrainedPage ?? 1);
  const { path: _path, parentId: _parentId, ...node } = root;
  return {
    node,
    period,
    categories,
    roles,
    ...valuesFor(root, period, period.from),
    untrained: {
      total: whole.untrained.length,
      page,
      pageSize,
      rows: whole.untrained.slice((page - 1) * pageSize, page * pageSize),
    },
    activities: rows.activities,
    trend: monthsOf(period).map((month: Month) => ({ ...month, ...valuesFor(root, month, period.from) })),
    children: rows.nodes
      .filter((child) => child.parentId === root.id)
      .sort((a, b) => a.name.localeCompare(b.name, "vi"))
      .map((child) => ({
        node: { id: child.id, name: child.name, code: child.code, type: child.type },
        ...valuesFor(child, period, period.from),
      })),
  };
}

type ScopedRows = Pick<Rows, "roster" | "participation" | "ratings" | "activities">;
const EMPTY_ROWS: ScopedRows = { roster: [], participation: [], ratings: [], activities: [] };

/** The rows of each direct child's subtree, by the child's id (the path segment after the root's). */
function rowsByChild(rows: Rows, rootPath: string, pathOf: Map<string, string>): Map<string, ScopedRows> {
  const depth = rootPath.split("/").filter(Boolean).length;
  const childOf = (path: string) => path.split("/").filter(Boolean)[depth];
  const buckets = new Map<string, ScopedRows>();
  const bucket = (path: string) => {
    const child = childOf(path);
    if (!child) return null;
    let found = buckets.get(child);
    if (!found) {
      found = { roster: [], participation: [], ratings: [], activities: [] };
      buckets.set(child, found);
    }
    return found;
  };
  for (const row of rows.roster) bucket(row.orgNodePath)?.roster.push(row);
  for (const row of rows.participation) bucket(row.orgNodePath)?.participation.push(row);
  for (const row of rows.ratings) bucket(row.orgNodePath)?.ratings.push(row);
  for (const row of rows.activities) bucket(pathOf.get(row.orgNodeId) ?? "")?.activities.push(row);
  return buckets;
}

const pick = ({ numerator, denominator, value }: OfficialsTrained): Ratio => ({ numerator, denominator, value });

function residentsValue(reached: ResidentsReached, population: ScopePopulation): IndicatorValues["residentsReached"] {
  return {
    numerator: reached.numerator,
    denominator: reached.denominator,
    value: reached.value,
    population: population.population,
    urbanPopulation: population.urbanPopulation,
    ruralPopulation: population.ruralPopulation,
    missingPopulation: reached.missingPopulation,
  };
}

function populationOf(nodeId: string, rows: Rows): ScopePopulation {
  return scopePopulation(nodeId, rows.populationNodes);
}

interface Rows {
  nodes: ScopeNode[];
  roster: RosterRow[];
  completions: CompletionRow[];
  participation: ParticipationRow[];
  ratings: RatingRow[];
  activities: Awaited<ReturnType<typeof activityTotals>>;
  populationNodes: PopulationNode[];
  population: ScopePopulation;
}

/** Every row the indicators need for the root's subtree and the period, read once. */
async function readRows(
  db: DbOrTx,
  root: ScopeNode,
  period: Period,
  filter: { categories: string[] | null; roles: RosterRole[] },
): Promise<Rows> {
  const inSubtree = { path: { startsWith: root.path } };
  const during = { gte: period.from, lt: period.to };
  const nodes = await db.orgNode.findMany({
    where: inSubtree,
    select: { id: true, name: true, code: true, type: true, path: true, parentId: true },
  });
  const nodeById = new Map(nodes.map((node) => [node.id, node]));
  const nodePath = (id: string) => nodeById.get(id)?.path ?? "";

  const [rosterRows, participation, ratings, activities, populations] = await Promise.all([
    db.rosterMember.findMany({
      where: { orgNode: inSubtree, role: { in: filter.roles } },
      select: { userId: true, fullName: true, role: true, orgNodeId: true },
    }),
    firstParticipation(db, root.path, period),
    db.rating.findMany({
      where: { orgNode: inSubtree, createdAt: during },
      select: { stars: true, orgNodeId: true, createdAt: true },
    }),
    activityTotals(db, { nodeIds: [root.id] }, period),
    db.orgNodePopulation.findMany({
      where: { orgNode: inSubtree },
      orderBy: [{ orgNodeId: "asc" }, { sourceYear: "desc" }],
      distinct: ["orgNodeId"],
      select: { orgNodeId: true, population: true, urbanPopulation: true, ruralPopulation: true, sourceYear: true },
    }),
  ]);

  const rosterUserIds = [...new Set(rosterRows.map((row) => row.userId))];
  const completions = rosterUserIds.length
    ? await db.enrolment.findMany({
        where: {
          userId: { in: rosterUserIds },
          completedAt: during,
          ...(filter.categories ? { course: { category: { in: filter.categories } } } : {}),
        },
        select: { userId: true, completedAt: true },
      })
    : [];

  const latest = new Map(populations.map((row) => [row.orgNodeId, row]));
  const populationNodes: PopulationNode[] = nodes.map((node) => {
    const figure = latest.get(node.id);
    return {
      id: node.id,
      parentId: node.parentId,
      name: node.name,
      territorial: node.type !== "UNIT",
      population: figure?.population ?? null,
      urbanPopulation: figure?.urbanPopulation ?? null,
      ruralPopulation: figure?.ruralPopulation ?? null,
      sourceYear: figure?.sourceYear ?? null,
    };
  });

  return {
    nodes,
    roster: rosterRows.map((row) => ({
      ...row,
      orgNodePath: nodePath(row.orgNodeId),
      orgNodeName: nodeById.get(row.orgNodeId)?.name ?? "",
    })),
    completions: completions.flatMap((row) =>
      row.completedAt ? [{ userId: row.userId, completedAt: row.completedAt }] : [],
    ),
    participation: participation.map((row) => ({
      userId: row.userId,
      orgNodePath: nodePath(row.orgNodeId),
      at: row.at,
    })),
    ratings: ratings.map((rating) => ({
      stars: rating.stars,
      createdAt: rating.createdAt,
      orgNodePath: nodePath(rating.orgNodeId),
    })),
    activities,
    populationNodes,
    population: scopePopulation(root.id, populationNodes),
  };
}

/**
 * Each person's first participation in the period per node of the subtree: an attempt started in
 * a contest of the node, enrolment activity (enrolled, last active or completed) in a course of
 * the node, a rating of the node, or an answer to a survey of the node (docs/decisions/0010-surveys.md).
 * Only the first matters: residents reached counts distinct
 * people from the period's start to a month's end (the trend is cumulative) or to its end, so a
 * later participation at the same node never changes a count. One query, grouped in PostgreSQL:
 * a province's 200,000 participants arrive as at most one row per person and node
 * (`npm run bench -- report`).
 */
function firstParticipation(db: DbOrTx, rootPath: string, period: Period) {
  const under = `${escapeLike(rootPath)}%`;
  return db.$queryRaw<{ userId: string; orgNodeId: string; at: Date }[]>`
    WITH scope AS (SELECT id FROM "OrgNode" WHERE path LIKE ${under}),
    events AS (
      SELECT a."userId", c."orgNodeId", a."startedAt" AS at
      FROM "Attempt" a
      JOIN "Round" r ON r.id = a."roundId"
      JOIN "Contest" c ON c.id = r."contestId"
      WHERE c."orgNodeId" IN (SELECT id FROM scope) AND a."startedAt" >= ${period.from} AND a."startedAt" < ${period.to}
      UNION ALL
      SELECT e."userId", co."orgNodeId", t.at
      FROM "Enrolment" e
      JOIN "Course" co ON co.id = e."courseId"
      CROSS JOIN LATERAL (VALUES (e."enrolledAt"), (e."lastActivityAt"), (e."completedAt")) AS t(at)
      WHERE co."orgNodeId" IN (SELECT id FROM scope) AND t.at >= ${period.from} AND t.at < ${period.to}
      UNION ALL
      SELECT g."userId", g."orgNodeId", g."createdAt" AS at
      FROM "Rating" g
      WHERE g."orgNodeId" IN (SELECT id FROM scope) AND g."createdAt" >= ${period.from} AND g."createdAt" < ${period.to}
      UNION ALL
      SELECT s."userId", s."orgNodeId", s."submittedAt" AS at
      FROM "SurveyResponse" s
      WHERE s."orgNodeId" IN (SELECT id FROM scope) AND s."submittedAt" >= ${period.from} AND s."submittedAt" < ${period.to}
    )
    SELECT "userId", "orgNodeId", min(at) AS at FROM events GROUP BY "userId", "orgNodeId"`;
}
