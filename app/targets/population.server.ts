/**
 * Population per territorial node (province, commune), entered by an organizer of the node with
 * its source and year, for the "residents reached" indicator. History is kept: one row per node
 * and source year, and the indicator reads the latest year (docs/decisions/0009-indicators.md).
 * Units (schools, youth unions, …) are organisations, not territories: they have no population.
 */

import { audit } from "~/audit/audit.server";
import type { CurrentUser } from "~/auth/guards.server";
import type { DbOrTx } from "~/db/client.server";
import { canManage, scopeFilter, sortAsTree } from "~/org/tree.server";
import type { PopulationInput } from "./population-schema";

export interface PopulationRow {
  id: string;
  name: string;
  code: string;
  parentId: string | null;
  depth: number;
  latest: {
    population: number;
    urbanPopulation: number | null;
    ruralPopulation: number | null;
    sourceYear: number;
    source: string;
    isDemo: boolean;
  } | null;
}

/** The territorial nodes the user manages, in tree order, each with its latest figure. */
export async function listPopulations(db: DbOrTx, user: CurrentUser): Promise<PopulationRow[]> {
  const nodes = await db.orgNode.findMany({
    where: { AND: [scopeFilter(user), { type: { not: "UNIT" } }] },
    select: {
      id: true,
      name: true,
      code: true,
      parentId: true,
      depth: true,
      populations: {
        orderBy: { sourceYear: "desc" },
        take: 1,
        select: {
          population: true,
          urbanPopulation: true,
          ruralPopulation: true,
          sourceYear: true,
          source: true,
          isDemo: true,
        },
      },
    },
  });
  return sortAsTree(nodes).map(({ populations, ...node }) => ({ ...node, latest: populations[0] ?? null }));
}

export type PopulationResult =
  | { ok: true }
  | { ok: false; code: "NOT_FOUND" | "FORBIDDEN" | "NOT_TERRITORIAL"; field: string; message: string };

/** Records the node's population for the source year (replacing that year's figure), audited. */
export async function savePopulation(
  db: DbOrTx,
  request: Request | null,
  user: CurrentUser,
  input: PopulationInput,
): Promise<PopulationResult> {
  const node = await db.orgNode.findUnique({ where: { id: input.orgNodeId }, select: { path: true, type: true } });
  if (!node) return { ok: false, code: "NOT_FOUND", field: "orgNodeId", message: "errors.population.node" };
  if (!canManage(user, node.path))
    return { ok: false, code: "FORBIDDEN", field: "orgNodeId", message: "errors.population.forbidden" };
  if (node.type === "UNIT")
    return { ok: false, code: "NOT_TERRITORIAL", field: "orgNodeId", message: "errors.population.unit" };
  const values = {
    population: input.population,
    urbanPopulation: input.urbanPopulation,
    ruralPopulation: input.ruralPopulation,
    source: input.source,
    isDemo: false,
    updatedById: user.id,
  };
  const saved = await db.orgNodePopulation.upsert({
    where: { orgNodeId_sourceYear: { orgNodeId: input.orgNodeId, sourceYear: input.sourceYear } },
    create: { orgNodeId: input.orgNodeId, sourceYear: input.sourceYear, ...values },
    update: values,
  });
  await audit(db, request, {
    actorId: user.id,
    action: "population.saved",
    targetType: "OrgNodePopulation",
    targetId: saved.id,
    orgNodeId: input.orgNodeId,
    details: {
      sourceYear: input.sourceYear,
      population: input.population,
      urbanPopulation: input.urbanPopulation,
      ruralPopulation: input.ruralPopulation,
      source: input.source,
    },
  });
  return { ok: true };
}
