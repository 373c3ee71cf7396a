/**
 * Issue 7's indicators as pure functions over rows already read from the database
 * (app/targets/indicators.server.ts reads them). Unit-tested with hand-computed fixtures in
 * app/targets/indicators.test.ts. Rules: docs/decisions/0009-indicators.md.
 *
 * - A scope is a node and its descendants: a row belongs to it when its node's materialised path
 *   starts with the scope node's path. Every "person" count is of distinct user ids, so someone
 *   in two units of the scope counts once.
 * - A period is half-open [from, to). Months are calendar months in Vietnam time (UTC+7).
 * - A ratio is null, never 0, when its denominator is 0 or unknown.
 */

/** Vietnam time is UTC+7 all year (no daylight saving). */
export const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

export interface Period {
  from: Date;
  to: Date;
}

export interface Ratio {
  numerator: number;
  denominator: number;
  /** numerator ÷ denominator, 0–1; null when the denominator is 0. */
  value: number | null;
}

export function ratio(numerator: number, denominator: number): Ratio {
  return { numerator, denominator, value: denominator > 0 ? numerator / denominator : null };
}

export const inPeriod = (at: Date, period: Period) =>
  at.getTime() >= period.from.getTime() && at.getTime() < period.to.getTime();

export const underPath = (nodePath: string, scopePath: string) => nodePath.startsWith(scopePath);

export interface Month extends Period {
  /** "2026-01" in Vietnam time. */
  month: string;
}

/** The Vietnam-time calendar months that overlap [from, to), each clipped to the period. */
export function monthsOf(period: Period): Month[] {
  const months: Month[] = [];
  if (period.to.getTime() <= period.from.getTime()) return months;
  const local = new Date(period.from.getTime() + VIETNAM_OFFSET_MS);
  let year = local.getUTCFullYear();
  let month = local.getUTCMonth();
  for (;;) {
    const start = Date.UTC(year, month, 1) - VIETNAM_OFFSET_MS;
    const end = Date.UTC(year, month + 1, 1) - VIETNAM_OFFSET_MS;
    if (start >= period.to.getTime()) break;
    months.push({
      month: `${year}-${String(month + 1).padStart(2, "0")}`,
      from: new Date(Math.max(start, period.from.getTime())),
      to: new Date(Math.min(end, period.to.getTime())),
    });
    month += 1;
    if (month === 12) {
      month = 0;
      year += 1;
    }
  }
  return months;
}

// ── Officials trained ────────────────────────────────────────────────────────────────────────

/** One roster entry of the scope (a person may have several, one per unit). */
export interface RosterRow {
  userId: string;
  fullName: string;
  role: string;
  orgNodeId: string;
  orgNodePath: string;
  orgNodeName: string;
}

/** A completion that counts (course category already filtered), within the period. */
export interface CompletionRow {
  userId: string;
  completedAt: Date;
}

export interface UntrainedPerson {
  userId: string;
  fullName: string;
  roles: string[];
  /** Every unit of the scope whose roster lists the person. */
  units: { orgNodeId: string; name: string }[];
}

export interface OfficialsTrained extends Ratio {
  untrained: UntrainedPerson[];
}

/**
 * Distinct roster members (of the given roles, under scopePath) with a counting completion in the
 * period ÷ distinct roster members. `roles` null = any role.
 */
export function officialsTrained(
  roster: readonly RosterRow[],
  completions: readonly CompletionRow[],
  options: { scopePath: string; period: Period; roles: readonly string[] | null },
): OfficialsTrained {
  const people = new Map<string, UntrainedPerson>();
  for (const row of roster) {
    if (!underPath(row.orgNodePath, options.scopePath)) continue;
    if (options.roles && !options.roles.includes(row.role)) continue;
    let person = people.get(row.userId);
    if (!person) {
      person = { userId: row.userId, fullName: row.fullName, roles: [], units: [] };
      people.set(row.userId, person);
    }
    if (!person.roles.includes(row.role)) person.roles.push(row.role);
    if (!person.units.some((unit) => unit.orgNodeId === row.orgNodeId))
      person.units.push({ orgNodeId: row.orgNodeId, name: row.orgNodeName });
  }
  const trained = new Set<string>();
  for (const completion of completions) {
    if (people.has(completion.userId) && inPeriod(completion.completedAt, options.period))
      trained.add(completion.userId);
  }
  const untrained = [...people.values()]
    .filter((person) => !trained.has(person.userId))
    .sort((a, b) => a.fullName.localeCompare(b.fullName, "vi") || a.userId.localeCompare(b.userId));
  return { ...ratio(trained.size, people.size), untrained };
}

// ── Residents reached ───────────────────────────────────────────────────────────────────────

/** Someone took part in a contest round, a course or a rating of the node at `at`. */
export interface ParticipationRow {
  userId: string;
  orgNodePath: string;
  at: Date;
}

export interface PopulationNode {
  id: string;
  parentId: string | null;
  name: string;
  /** Only territorial nodes (PROVINCE, COMMUNE) have a population; units (schools, …) do not. */
  territorial: boolean;
  /** The latest entered population, if any. */
  population: number | null;
  urbanPopulation: number | null;
  ruralPopulation: number | null;
  sourceYear: number | null;
}

export interface ScopePopulation {
  /** null when no node of the scope has a population. */
  population: number | null;
  urbanPopulation: number | null;
  ruralPopulation: number | null;
  /** Territorial nodes whose population is unknown and not covered by an ancestor's figure. */
  missing: { id: string; name: string }[];
}

/**
 * A node's population is its own latest figure when it has one (it already includes its
 * communes'), else the sum of its territorial children's, recursively; a territorial node with
 * neither is listed as missing. Urban/rural are summed the same way, and are null as soon as
 * one counted figure lacks them.
 */
export function scopePopulation(rootId: string, nodes: readonly PopulationNode[]): ScopePopulation {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const children = new Map<string, PopulationNode[]>();
  for (const node of nodes) {
    if (!node.parentId) continue;
    const list = children.get(node.parentId) ?? [];
    list.push(node);
    children.set(node.parentId, list);
  }
  const missing: { id: string; name: string }[] = [];
  let population: number | null = null;
  let urban: number | null = 0;
  let rural: number | null = 0;
  const visit = (node: PopulationNode) => {
    if (node.population !== null) {
      population = (population ?? 0) + node.population;
      urban = urban === null || node.urbanPopulation === null ? null : urban + node.urbanPopulation;
      rural = rural === null || node.ruralPopulation === null ? null : rural + node.ruralPopulation;
      return;
    }
    const territorialChildren = (children.get(node.id) ?? []).filter((child) => child.territorial);
    if (territorialChildren.length === 0) {
      if (node.territorial) missing.push({ id: node.id, name: node.name });
      return;
    }
    for (const child of territorialChildren) visit(child);
  };
  const root = byId.get(rootId);
  if (root) visit(root);
  return {
    population,
    urbanPopulation: population === null ? null : urban,
    ruralPopulation: population === null ? null : rural,
    missing,
  };
}

export interface ResidentsReached extends Ratio {
  /** Population known only in part: some nodes of the scope lack a figure. */
  missingPopulation: { id: string; name: string }[];
}

/** Distinct people who took part (under scopePath, in the period) ÷ the scope's population. */
export function residentsReached(
  participation: readonly ParticipationRow[],
  population: ScopePopulation,
  options: { scopePath: string; period: Period },
): ResidentsReached {
  const people = new Set<string>();
  for (const row of participation) {
    if (underPath(row.orgNodePath, options.scopePath) && inPeriod(row.at, options.period)) people.add(row.userId);
  }
  return { ...ratio(people.size, population.population ?? 0), missingPopulation: population.missing };
}

// ── Satisfaction ────────────────────────────────────────────────────────────────────────────

export interface RatingRow {
  stars: number;
  orgNodePath: string;
  createdAt: Date;
}

/** Ratings of 4–5 stars ÷ all ratings (under scopePath, given in the period). */
export function satisfaction(ratings: readonly RatingRow[], options: { scopePath: string; period: Period }): Ratio {
  let satisfied = 0;
  let total = 0;
  for (const rating of ratings) {
    if (!underPath(rating.orgNodePath, options.scopePath) || !inPeriod(rating.createdAt, options.period)) continue;
    total += 1;
    if (rating.stars >= 4) satisfied += 1;
  }
  return ratio(satisfied, total);
}
