/**
 * Plans and targets (issue 7 §1). An admin, or an organizer of the plan's node or of a node
 * above it, enters the locality's plan (name, number, date, the upper-level plan it implements)
 * and per phase the target percentages the indicators are measured against. Nobody else may read
 * or change a plan: an unknown id and another commune's plan look the same (NOT_FOUND). Every
 * change is audited, in the same transaction as the change.
 *
 * Readers for the dashboard and reports: plansForNode and phaseTargets (targets as numbers,
 * phases with their half-open period in real instants, as app/training/activities.server.ts
 * takes it).
 */
import { audit } from "~/audit/audit.server";
import { hasRole, managedRoots } from "~/auth/access";
import type { CurrentUser } from "~/auth/guards.server";
import type { Db, DbOrTx } from "~/db/client.server";
import type { Prisma } from "~/generated/prisma/client";
import type { RosterRole } from "~/generated/prisma/enums";
import { dayValue, overlappingPhase, type PhaseForm, type PlanForm, TARGET_FIELDS, type Targets } from "./schemas";

export type PlanError = "FORBIDDEN" | "NOT_FOUND" | "PARENT_PLAN_INVALID" | "PHASE_OVERLAP";
export type PlanResult<T = object> =
  | ({ ok: true } & T)
  | { ok: false; code: PlanError; message: string; field?: string; params?: Record<string, string> };

const ERROR_KEYS: Record<PlanError, string> = {
  FORBIDDEN: "errors.forbidden",
  NOT_FOUND: "errors.targets.planNotFound",
  PARENT_PLAN_INVALID: "errors.targets.parentPlanInvalid",
  PHASE_OVERLAP: "errors.targets.phaseOverlap",
};

export const planFail = (code: PlanError, field?: string, params?: Record<string, string>) => ({
  ok: false as const,
  code,
  message: ERROR_KEYS[code],
  field,
  params,
});

const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

// ---------------------------------------------------------------------------------------------
// Readers (the dashboard, reports and the open-data feed use these)

export interface PhaseTargets {
  id: string;
  label: string;
  /** First and last day of the phase, both included ("2025-01-01", "2027-12-31"). */
  startsOn: string;
  endsOn: string;
  /**
   * The phase in real instants, half-open [from, to): from 00:00 Vietnam time on the first day
   * to 00:00 Vietnam time the day after the last — the TrainingPeriod of activities.server.ts.
   */
  period: { from: Date; to: Date };
  /** Percent 0–100 (80.5 = 80,5 %); null where the plan sets no such target. */
  targets: Targets;
}

export interface PlanWithPhases {
  id: string;
  orgNodeId: string;
  name: string;
  number: string | null;
  /** "2025-10-01", or null when the plan states no date. */
  issuedOn: string | null;
  implementsPlan: string | null;
  parentPlanId: string | null;
  /** Course categories whose completion counts as "officials trained"; empty = every category. */
  officialCategories: string[];
  /** Roster roles counted as officials. */
  officialRoles: RosterRole[];
  isDemo: boolean;
  phases: PhaseTargets[];
}

type PhaseRow = Prisma.PlanPhaseGetPayload<object>;

/** Stored day (UTC midnight) → the instant 00:00 Vietnam time that day. */
function vietnamMidnight(day: Date): Date {
  return new Date(day.getTime() - VIETNAM_OFFSET_MS);
}

export function toPhaseTargets(phase: PhaseRow): PhaseTargets {
  const targets = Object.fromEntries(
    TARGET_FIELDS.map((field) => [field, phase[field] === null ? null : Number(phase[field])]),
  ) as Targets;
  return {
    id: phase.id,
    label: phase.label,
    startsOn: dayValue(phase.startsOn),
    endsOn: dayValue(phase.endsOn),
    period: { from: vietnamMidnight(phase.startsOn), to: vietnamMidnight(new Date(phase.endsOn.getTime() + DAY_MS)) },
    targets,
  };
}

const PHASE_ORDER = [{ startsOn: "asc" as const }, { id: "asc" as const }];

/** The phases of a plan in date order, targets as numbers; [] for an unknown plan. No access check. */
export async function phaseTargets(db: DbOrTx, planId: string): Promise<PhaseTargets[]> {
  const phases = await db.planPhase.findMany({ where: { planId }, orderBy: PHASE_ORDER });
  return phases.map(toPhaseTargets);
}

/**
 * The plans of a node (newest first: by date issued, then by entry), each with its phases. With
 * `includeAncestors`, also the plans of the nodes above it, nearest first — a commune without a
 * plan of its own follows its city's (An Trường). No access check: the caller scopes the node.
 */
export async function plansForNode(
  db: DbOrTx,
  nodeId: string,
  options: { includeAncestors?: boolean } = {},
): Promise<PlanWithPhases[]> {
  const node = await db.orgNode.findUnique({ where: { id: nodeId }, select: { id: true, path: true } });
  if (!node) return [];
  const nodeIds = options.includeAncestors ? node.path.split("/").filter(Boolean).reverse() : [node.id];
  const plans = await db.plan.findMany({
    where: { orgNodeId: { in: nodeIds } },
    orderBy: [{ issuedOn: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }, { id: "asc" }],
    include: { phases: { orderBy: PHASE_ORDER } },
  });
  const rank = (plan: { orgNodeId: string }) => nodeIds.indexOf(plan.orgNodeId);
  return plans
    .map((plan, index) => ({ plan, index }))
    .sort((a, b) => rank(a.plan) - rank(b.plan) || a.index - b.index)
    .map(({ plan }) => ({
      id: plan.id,
      orgNodeId: plan.orgNodeId,
      name: plan.name,
      number: plan.number,
      issuedOn: plan.issuedOn ? dayValue(plan.issuedOn) : null,
      implementsPlan: plan.implementsPlan,
      parentPlanId: plan.parentPlanId,
      officialCategories: plan.officialCategories,
      officialRoles: plan.officialRoles,
      isDemo: plan.isDemo,
      phases: plan.phases.map(toPhaseTargets),
    }));
}

/** The phase of `phases` whose period contains the instant, or null. */
export function phaseAt<P extends Pick<PhaseTargets, "period">>(phases: readonly P[], at: Date): P | null {
  return phases.find((phase) => phase.period.from <= at && at < phase.period.to) ?? null;
}

// ---------------------------------------------------------------------------------------------
// Access

async function managedNode(db: DbOrTx, user: CurrentUser, orgNodeId: string) {
  const node = await db.orgNode.findUnique({ where: { id: orgNodeId }, select: { id: true, path: true } });
  return node && hasRole(user.grants, "ORGANIZER", node.path) ? node : null;
}

/** The plan with its node and phases if the user may manage it; null otherwise, including unknown ids. */
export async function loadManagedPlan(db: DbOrTx, user: CurrentUser, planId: string) {
  const plan = await db.plan.findUnique({
    where: { id: planId },
    include: {
      orgNode: { select: { id: true, name: true, code: true, path: true } },
      parentPlan: { select: { id: true, name: true, number: true } },
      phases: { orderBy: PHASE_ORDER },
    },
  });
  if (!plan || !hasRole(user.grants, "ORGANIZER", plan.orgNode.path)) return null;
  return plan;
}

/** The plans of the user's subtrees (all for an admin), with their node, in tree order by the caller. */
export async function listManagedPlans(db: DbOrTx, user: CurrentUser) {
  const roots = managedRoots(user.grants);
  const where: Prisma.PlanWhereInput =
    roots === null ? {} : { orgNode: { OR: roots.map((root) => ({ path: { startsWith: root.orgNodePath } })) } };
  return db.plan.findMany({
    where,
    orderBy: [{ issuedOn: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }],
    include: {
      orgNode: { select: { id: true, name: true, code: true, path: true } },
      phases: { orderBy: PHASE_ORDER },
    },
  });
}

/** Plans on nodes strictly above `nodeId`: what a plan there may name as the plan it implements. */
export async function ancestorPlans(db: DbOrTx, nodeId: string) {
  const node = await db.orgNode.findUnique({ where: { id: nodeId }, select: { id: true, path: true } });
  if (!node) return [];
  const ancestorIds = node.path
    .split("/")
    .filter(Boolean)
    .filter((id) => id !== node.id);
  if (ancestorIds.length === 0) return [];
  return db.plan.findMany({
    where: { orgNodeId: { in: ancestorIds } },
    orderBy: [{ issuedOn: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }],
    select: { id: true, name: true, number: true, orgNode: { select: { name: true } } },
  });
}

async function parentPlanAllowed(db: DbOrTx, parentPlanId: string | null, nodePath: string, nodeId: string) {
  if (!parentPlanId) return true;
  const parent = await db.plan.findUnique({
    where: { id: parentPlanId },
    select: { orgNode: { select: { id: true, path: true } } },
  });
  return Boolean(parent && parent.orgNode.id !== nodeId && nodePath.startsWith(parent.orgNode.path));
}

// ---------------------------------------------------------------------------------------------
// Plans

function planData(input: PlanForm) {
  return {
    orgNodeId: input.orgNodeId,
    name: input.name,
    number: input.number,
    issuedOn: input.issuedOn,
    implementsPlan: input.implementsPlan,
    parentPlanId: input.parentPlanId,
    officialCategories: input.officialCategories,
    officialRoles: input.officialRoles,
  };
}

function planDetails(plan: Omit<ReturnType<typeof planData>, "officialRoles"> & { officialRoles: RosterRole[] }) {
  return {
    name: plan.name,
    number: plan.number,
    issuedOn: plan.issuedOn ? dayValue(plan.issuedOn) : null,
    orgNodeId: plan.orgNodeId,
    implementsPlan: plan.implementsPlan,
    parentPlanId: plan.parentPlanId,
    officialCategories: plan.officialCategories,
    officialRoles: plan.officialRoles,
  };
}

export async function createPlan(
  db: Db,
  request: Request | null,
  user: CurrentUser,
  input: PlanForm & { isDemo?: boolean },
): Promise<PlanResult<{ planId: string }>> {
  const node = await managedNode(db, user, input.orgNodeId);
  if (!node) return planFail("FORBIDDEN", "orgNodeId");
  if (!(await parentPlanAllowed(db, input.parentPlanId, node.path, node.id)))
    return planFail("PARENT_PLAN_INVALID", "parentPlanId");
  const data = planData(input);
  const plan = await db.$transaction(async (tx) => {
    const created = await tx.plan.create({ data: { ...data, isDemo: input.isDemo ?? false, createdById: user.id } });
    await audit(tx, request, {
      actorId: user.id,
      action: "plan.created",
      targetType: "Plan",
      targetId: created.id,
      orgNodeId: node.id,
      details: planDetails(data),
    });
    return created;
  });
  return { ok: true, planId: plan.id };
}

export async function updatePlan(
  db: Db,
  request: Request | null,
  user: CurrentUser,
  planId: string,
  input: PlanForm,
): Promise<PlanResult> {
  const plan = await loadManagedPlan(db, user, planId);
  if (!plan) return planFail("NOT_FOUND");
  const node = await managedNode(db, user, input.orgNodeId);
  if (!node) return planFail("FORBIDDEN", "orgNodeId");
  if (input.parentPlanId === plan.id || !(await parentPlanAllowed(db, input.parentPlanId, node.path, node.id)))
    return planFail("PARENT_PLAN_INVALID", "parentPlanId");
  const data = planData(input);
  await db.$transaction(async (tx) => {
    await tx.plan.update({ where: { id: plan.id }, data });
    await audit(tx, request, {
      actorId: user.id,
      action: "plan.updated",
      targetType: "Plan",
      targetId: plan.id,
      orgNodeId: node.id,
      details: { from: planDetails(plan), to: planDetails(data) },
    });
  });
  return { ok: true };
}

/** Deletes a plan and its phases; plans that named it as their upper-level plan keep their text. */
export async function deletePlan(
  db: Db,
  request: Request | null,
  user: CurrentUser,
  planId: string,
): Promise<PlanResult> {
  const plan = await loadManagedPlan(db, user, planId);
  if (!plan) return planFail("NOT_FOUND");
  await db.$transaction(async (tx) => {
    await tx.plan.delete({ where: { id: plan.id } });
    await audit(tx, request, {
      actorId: user.id,
      action: "plan.deleted",
      targetType: "Plan",
      targetId: plan.id,
      orgNodeId: plan.orgNodeId,
      details: { ...planDetails(plan), phases: plan.phases.map((phase) => phaseDetails(phase)) },
    });
  });
  return { ok: true };
}

// ---------------------------------------------------------------------------------------------
// Phases

function phaseData(input: PhaseForm) {
  return {
    label: input.label,
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    ...Object.fromEntries(TARGET_FIELDS.map((field) => [field, input[field]])),
  } as { label: string; startsOn: Date; endsOn: Date } & Targets;
}

function phaseDetails(phase: PhaseRow | ReturnType<typeof phaseData>) {
  return {
    label: phase.label,
    startsOn: dayValue(phase.startsOn),
    endsOn: dayValue(phase.endsOn),
    ...Object.fromEntries(TARGET_FIELDS.map((field) => [field, phase[field] === null ? null : Number(phase[field])])),
  };
}

/**
 * Runs `change` with the plan's row locked, after checking the new days overlap no other phase:
 * two organizers adding phases at once cannot both pass the check.
 */
async function withPhaseCheck(
  db: Db,
  planId: string,
  candidate: { startsOn: Date; endsOn: Date },
  exceptId: string | undefined,
  change: (tx: DbOrTx) => Promise<void>,
): Promise<PlanResult> {
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT "id" FROM "Plan" WHERE "id" = ${planId} FOR UPDATE`;
    const phases = await tx.planPhase.findMany({
      where: { planId },
      select: { id: true, label: true, startsOn: true, endsOn: true },
    });
    const clash = overlappingPhase(phases, candidate, exceptId);
    if (clash) return planFail("PHASE_OVERLAP", "startsOn", { label: clash.label });
    await change(tx);
    return { ok: true as const };
  });
}

export async function addPhase(
  db: Db,
  request: Request | null,
  user: CurrentUser,
  planId: string,
  input: PhaseForm,
): Promise<PlanResult<{ phaseId?: string }>> {
  const plan = await loadManagedPlan(db, user, planId);
  if (!plan) return planFail("NOT_FOUND");
  const data = phaseData(input);
  let phaseId: string | undefined;
  const result = await withPhaseCheck(db, plan.id, data, undefined, async (tx) => {
    const phase = await tx.planPhase.create({ data: { ...data, planId: plan.id } });
    phaseId = phase.id;
    await audit(tx, request, {
      actorId: user.id,
      action: "plan.phase_added",
      targetType: "Plan",
      targetId: plan.id,
      orgNodeId: plan.orgNodeId,
      details: { phaseId: phase.id, ...phaseDetails(data) },
    });
  });
  return result.ok ? { ok: true, phaseId } : result;
}

export async function updatePhase(
  db: Db,
  request: Request | null,
  user: CurrentUser,
  planId: string,
  phaseId: string,
  input: PhaseForm,
): Promise<PlanResult> {
  const plan = await loadManagedPlan(db, user, planId);
  const phase = plan?.phases.find((candidate) => candidate.id === phaseId);
  if (!plan || !phase) return planFail("NOT_FOUND");
  const data = phaseData(input);
  return withPhaseCheck(db, plan.id, data, phase.id, async (tx) => {
    await tx.planPhase.update({ where: { id: phase.id }, data });
    await audit(tx, request, {
      actorId: user.id,
      action: "plan.phase_updated",
      targetType: "Plan",
      targetId: plan.id,
      orgNodeId: plan.orgNodeId,
      details: { phaseId: phase.id, from: phaseDetails(phase), to: phaseDetails(data) },
    });
  });
}

export async function deletePhase(
  db: Db,
  request: Request | null,
  user: CurrentUser,
  planId: string,
  phaseId: string,
): Promise<PlanResult> {
  const plan = await loadManagedPlan(db, user, planId);
  const phase = plan?.phases.find((candidate) => candidate.id === phaseId);
  if (!plan || !phase) return planFail("NOT_FOUND");
  await db.$transaction(async (tx) => {
    await tx.planPhase.delete({ where: { id: phase.id } });
    await audit(tx, request, {
      actorId: user.id,
      action: "plan.phase_deleted",
      targetType: "Plan",
      targetId: plan.id,
      orgNodeId: plan.orgNodeId,
      details: { phaseId: phase.id, ...phaseDetails(phase) },
    });
  });
  return { ok: true };
}
