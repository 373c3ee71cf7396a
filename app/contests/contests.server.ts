import { audit } from "~/audit/audit.server";
import { hasRole } from "~/auth/access";
import type { CurrentUser } from "~/auth/guards.server";
import type { Db } from "~/db/client.server";
import type { Prisma } from "~/generated/prisma/client";
import { isUniqueViolation } from "~/org/tree.server";
import { loadBankFor } from "~/questions/banks.server";
import { candidatesFor } from "./attempts.server";
import { type Blueprint, drawQuestions, seededRandom } from "./draw";
import {
  type ContestInput,
  contestSchema,
  type FieldMode,
  REGISTRATION_FIELDS,
  type RegistrationField,
  type RoundInput,
  registrationAnswersSchema,
  roundSchema,
  slugify,
} from "./schemas";

/**
 * Setting up contests and rounds, publishing them, and registering contestants. A published
 * round's rules freeze once anyone has started it: results must mean the same for everybody.
 */
export type ContestResult<T = object> =
  | ({ ok: true } & T)
  | { ok: false; code: string; message: string; field?: string; params?: Record<string, string> };
const fail = (code: string, message: string, field?: string, params?: Record<string, string>) => ({
  ok: false as const,
  code,
  message,
  field,
  params,
});

function firstIssue(error: { issues: Array<{ message: string; path: PropertyKey[] }> }) {
  const issue = error.issues[0];
  return fail(
    "INVALID",
    issue.message.startsWith("errors.") ? issue.message : "errors.invalidValue",
    issue.path.join("."),
  );
}

async function requireContestOwner(db: Db, user: CurrentUser, contestId: string) {
  const contest = await db.contest.findUnique({
    where: { id: contestId },
    include: { orgNode: { select: { path: true } } },
  });
  return contest && hasRole(user.grants, "ORGANIZER", contest.orgNode.path) ? contest : null;
}

/** Are all these nodes in the organizer's subtree (unknown ids count as outside)? */
async function allManagedBy(db: Db, user: CurrentUser, nodeIds: readonly string[]): Promise<boolean> {
  const unique = [...new Set(nodeIds)];
  if (unique.length === 0) return true;
  const nodes = await db.orgNode.findMany({ where: { id: { in: unique } }, select: { path: true } });
  return nodes.length === unique.length && nodes.every((node) => hasRole(user.grants, "ORGANIZER", node.path));
}

/** The owning node and the audience must both lie in the organizer's subtree. */
async function checkContestScope(db: Db, user: CurrentUser, input: { orgNodeId: string; audienceNodeIds: string[] }) {
  if (!(await allManagedBy(db, user, [input.orgNodeId]))) return fail("FORBIDDEN", "errors.forbidden", "orgNodeId");
  if (!(await allManagedBy(db, user, input.audienceNodeIds)))
    return fail("FORBIDDEN", "errors.contest.audienceOutsideScope", "audienceNodeIds");
  return null;
}

export async function createContest(
  db: Db,
  request: Request | null,
  user: CurrentUser,
  input: ContestInput,
): Promise<ContestResult<{ contestId: string; slug: string }>> {
  const parsed = contestSchema.safeParse(input);
  if (!parsed.success) return firstIssue(parsed.error);
  const outOfScope = await checkContestScope(db, user, parsed.data);
  if (outOfScope) return outOfScope;
  const slug = parsed.data.slug ?? slugify(parsed.data.title);
  try {
    const contest = await db.contest.create({
      data: {
        ...parsed.data,
        audienceNodeIds: [...new Set(parsed.data.audienceNodeIds)],
        slug,
        registrationFields: parsed.data.registrationFields as Prisma.InputJsonValue,
      },
    });
    await audit(db, request, {
      actorId: user.id,
      action: "contest.created",
      targetType: "Contest",
      targetId: contest.id,
      orgNodeId: contest.orgNodeId,
    });
    return { ok: true, contestId: contest.id, slug };
  } catch (error) {
    if (isUniqueViolation(error)) return fail("SLUG_TAKEN", "errors.contest.slugTaken", "slug");
    throw error;
  }
}

type RegistrationFields = Partial<Record<RegistrationField, FieldMode>>;

/**
 * Once people have registered, a field they were asked may not be dropped (their answers would
 * vanish from the ranking export) and no field may become required (they never gave it).
 * Adding an optional field is fine.
 */
function lockedRegistrationField(before: RegistrationFields, after: RegistrationFields): RegistrationField | null {
  for (const field of REGISTRATION_FIELDS) {
    const was = before[field] ?? "off";
    const now = after[field] ?? "off";
    if ((was !== "off" && now === "off") || (now === "required" && was !== "required")) return field;
  }
  return null;
}

/**
 * Edits a contest. The owning node stays in the organizer's subtree, a published contest keeps
 * its address (links and QR codes are out there), and a changed privacy notice gets a new
 * version so consents given to the old text can be told apart.
 */
export async function updateContest(
  db: Db,
  request: Request | null,
  user: CurrentUser,
  contestId: string,
  input: ContestInput,
): Promise<ContestResult<{ slug: string }>> {
  const contest = await requireContestOwner(db, user, contestId);
  if (!contest) return fail("FORBIDDEN", "errors.forbidden");
  if (contest.status === "ARCHIVED") return fail("CONTEST_ARCHIVED", "errors.contest.archived");
  const parsed = contestSchema.safeParse(input);
  if (!parsed.success) return firstIssue(parsed.error);
  const outOfScope = await checkContestScope(db, user, parsed.data);
  if (outOfScope) return outOfScope;
  const slug = parsed.data.slug ?? contest.slug;
  if (slug !== contest.slug && contest.status === "PUBLISHED")
    return fail("SLUG_LOCKED", "errors.contest.slugLocked", "slug");
  const before = contest.registrationFields as RegistrationFields;
  const after = parsed.data.registrationFields as RegistrationFields;
  if ((await db.registration.count({ where: { contestId } })) > 0) {
    const locked = lockedRegistrationField(before, after);
    if (locked) return fail("FIELD_LOCKED", "errors.contest.registrationFieldLocked", `registrationFields.${locked}`);
  }
  const privacyChanged = (contest.privacyNotice ?? "") !== (parsed.data.privacyNotice ?? "");
  const data = {
    ...parsed.data,
    audienceNodeIds: [...new Set(parsed.data.audienceNodeIds)],
    slug,
    registrationFields: after as Prisma.InputJsonValue,
    privacyVersion: privacyChanged ? contest.privacyVersion + 1 : contest.privacyVersion,
  };
  const changed = (Object.keys(data) as Array<keyof typeof data>).filter(
    (key) => JSON.stringify(data[key] ?? null) !== JSON.stringify(contest[key] ?? null),
  );
  try {
    await db.contest.update({ where: { id: contest.id }, data });
  } catch (error) {
    if (isUniqueViolation(error)) return fail("SLUG_TAKEN", "errors.contest.slugTaken", "slug");
    throw error;
  }
  await audit(db, request, {
    actorId: user.id,
    action: "contest.updated",
    targetType: "Contest",
    targetId: contest.id,
    orgNodeId: data.orgNodeId,
    details: { changed },
  });
  return { ok: true, slug };
}

/** Takes a contest off the public pages; its rounds, attempts and results are kept. */
export async function archiveContest(
  db: Db,
  request: Request | null,
  user: CurrentUser,
  contestId: string,
): Promise<ContestResult> {
  const contest = await requireContestOwner(db, user, contestId);
  if (!contest) return fail("FORBIDDEN", "errors.forbidden");
  if (contest.status === "ARCHIVED") return { ok: true };
  await db.contest.update({ where: { id: contest.id }, data: { status: "ARCHIVED" } });
  await audit(db, request, {
    actorId: user.id,
    action: "contest.archived",
    targetType: "Contest",
    targetId: contest.id,
    orgNodeId: contest.orgNodeId,
  });
  return { ok: true };
}

/** Can the round be drawn today from approved questions? */
async function isDrawable(db: Db, blueprint: Blueprint): Promise<boolean> {
  const draw = drawQuestions(blueprint, await candidatesFor(db, blueprint), {
    shuffleQuestions: false,
    shuffleOptions: false,
    random: seededRandom(1),
  });
  return draw.ok;
}

/** Every bank a blueprint names must be one the organizer may use (their own or an upper level's). */
async function checkBlueprintBanks(db: Db, user: CurrentUser, blueprint: Blueprint): Promise<boolean> {
  if ("questionIds" in blueprint) {
    const banks = await db.question.findMany({
      where: { id: { in: blueprint.questionIds } },
      select: { bankId: true },
      distinct: ["bankId"],
    });
    const loaded = await Promise.all(banks.map((bank) => loadBankFor(db, user, bank.bankId)));
    return loaded.every(Boolean);
  }
  const loaded = await Promise.all(
    [...new Set(blueprint.rules.map((rule) => rule.bankId))].map((bankId) => loadBankFor(db, user, bankId)),
  );
  return loaded.every(Boolean);
}

/** A rule's topic must be one of its own bank's (a topic of another bank would draw nothing). */
async function topicsMatchBanks(db: Db, blueprint: Blueprint): Promise<boolean> {
  if (!("rules" in blueprint)) return true;
  const withTopic = blueprint.rules.filter((rule) => rule.topicId);
  if (withTopic.length === 0) return true;
  const topics = await db.topic.findMany({
    where: { id: { in: withTopic.map((rule) => rule.topicId as string) } },
    select: { id: true, bankId: true },
  });
  const bankOf = new Map(topics.map((topic) => [topic.id, topic.bankId]));
  return withTopic.every((rule) => bankOf.get(rule.topicId as string) === rule.bankId);
}

export async function saveRound(
  db: Db,
  request: Request | null,
  user: CurrentUser,
  input: { contestId: string; roundId?: string; round: RoundInput },
): Promise<ContestResult<{ roundId: string }>> {
  const contest = await requireContestOwner(db, user, input.contestId);
  if (!contest) return fail("FORBIDDEN", "errors.forbidden");
  if (contest.status === "ARCHIVED") return fail("CONTEST_ARCHIVED", "errors.contest.archived");
  const parsed = roundSchema.safeParse(input.round);
  if (!parsed.success) return firstIssue(parsed.error);
  if (!(await checkBlueprintBanks(db, user, parsed.data.blueprint)))
    return fail("FORBIDDEN", "errors.contest.bankNotAllowed", "blueprint");
  if (!(await topicsMatchBanks(db, parsed.data.blueprint)))
    return fail("INVALID", "errors.contest.topicNotInBank", "blueprint");
  // A draft may wait for questions to be approved; a published round must be takeable now.
  if (contest.status === "PUBLISHED" && !(await isDrawable(db, parsed.data.blueprint)))
    return fail("NOT_ENOUGH_QUESTIONS", "errors.contest.notEnoughQuestions", "blueprint", {
      round: parsed.data.name,
    });
  const data = { ...parsed.data, blueprint: parsed.data.blueprint as Prisma.InputJsonValue };
  if (input.roundId) {
    const round = await db.round.findFirst({
      where: { id: input.roundId, contestId: contest.id },
      include: { _count: { select: { attempts: true } } },
    });
    if (!round) return fail("FORBIDDEN", "errors.forbidden");
    if (round._count.attempts > 0) return fail("ROUND_LOCKED", "errors.contest.roundLocked");
    await db.round.update({ where: { id: round.id }, data });
    await audit(db, request, {
      actorId: user.id,
      action: "round.updated",
      targetType: "Round",
      targetId: round.id,
      orgNodeId: contest.orgNodeId,
    });
    return { ok: true, roundId: round.id };
  }
  const last = await db.round.aggregate({ where: { contestId: contest.id }, _max: { position: true } });
  const position = (last._max.position ?? 0) + 1;
  const round = await db.round.create({ data: { ...data, contestId: contest.id, position } });
  await audit(db, request, {
    actorId: user.id,
    action: "round.created",
    targetType: "Round",
    targetId: round.id,
    orgNodeId: contest.orgNodeId,
  });
  return { ok: true, roundId: round.id };
}

/**
 * Removes a round nobody has started; the rounds after it move up so positions stay 1, 2, 3…
 * A published contest keeps at least one round.
 */
export async function deleteRound(
  db: Db,
  request: Request | null,
  user: CurrentUser,
  input: { contestId: string; roundId: string },
): Promise<ContestResult> {
  const contest = await requireContestOwner(db, user, input.contestId);
  if (!contest) return fail("FORBIDDEN", "errors.forbidden");
  if (contest.status === "ARCHIVED") return fail("CONTEST_ARCHIVED", "errors.contest.archived");
  const round = await db.round.findFirst({
    where: { id: input.roundId, contestId: contest.id },
    include: { _count: { select: { attempts: true } } },
  });
  if (!round) return fail("FORBIDDEN", "errors.forbidden");
  if (round._count.attempts > 0) return fail("ROUND_LOCKED", "errors.contest.roundHasAttempts");
  if (contest.status === "PUBLISHED" && (await db.round.count({ where: { contestId: contest.id } })) === 1)
    return fail("LAST_ROUND", "errors.contest.lastRound");
  await db.$transaction(async (tx) => {
    await tx.round.delete({ where: { id: round.id } });
    const later = await tx.round.findMany({
      where: { contestId: contest.id, position: { gt: round.position } },
      orderBy: { position: "asc" },
      select: { id: true, position: true },
    });
    // One at a time, lowest first, so (contestId, position) never collides.
    for (const next of later) await tx.round.update({ where: { id: next.id }, data: { position: next.position - 1 } });
  });
  await audit(db, request, {
    actorId: user.id,
    action: "round.deleted",
    targetType: "Round",
    targetId: round.id,
    orgNodeId: contest.orgNodeId,
    details: { name: round.name },
  });
  return { ok: true };
}

/** Publishing checks that every round can actually be drawn from today's approved questions. */
export async function publishContest(
  db: Db,
  request: Request | null,
  user: CurrentUser,
  contestId: string,
): Promise<ContestResult> {
  const contest = await requireContestOwner(db, user, contestId);
  if (!contest) return fail("FORBIDDEN", "errors.forbidden");
  const rounds = await db.round.findMany({ where: { contestId }, orderBy: { position: "asc" } });
  if (rounds.length === 0) return fail("NO_ROUNDS", "errors.contest.noRounds");
  for (const round of rounds) {
    if (!(await isDrawable(db, round.blueprint as unknown as Blueprint)))
      return fail("NOT_ENOUGH_QUESTIONS", "errors.contest.notEnoughQuestions", "rounds", { round: round.name });
  }
  await db.contest.update({ where: { id: contestId }, data: { status: "PUBLISHED" } });
  await audit(db, request, {
    actorId: user.id,
    action: "contest.published",
    targetType: "Contest",
    targetId: contestId,
    orgNodeId: contest.orgNodeId,
  });
  return { ok: true };
}

/**
 * Registers a contestant with the answers the contest asks for and their consent to the
 * privacy notice (recorded with its version). Registering again updates the answers.
 */
export async function registerForContest(
  db: Db,
  input: { contestId: string; userId: string; answers: Record<string, unknown>; now?: Date },
): Promise<
  | ContestResult<{ registrationId: string }>
  | { ok: false; code: "INVALID_FIELDS"; message: string; fieldErrors: Record<string, string> }
> {
  const now = input.now ?? new Date();
  const contest = await db.contest.findUnique({ where: { id: input.contestId } });
  if (!contest || contest.status !== "PUBLISHED") return fail("CONTEST_NOT_FOUND", "errors.contest.notFound");
  if (contest.audienceNodeIds.length > 0) {
    const member = await db.membership.findFirst({
      where: {
        userId: input.userId,
        orgNode: { OR: contest.audienceNodeIds.map((id) => ({ path: { contains: `/${id}/` } })) },
      },
      select: { id: true },
    });
    if (!member) return fail("NOT_IN_AUDIENCE", "errors.contest.notInAudience");
  }
  const parsed = registrationAnswersSchema(
    contest.registrationFields as Record<string, "off" | "optional" | "required">,
    now,
  ).safeParse(input.answers);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      fieldErrors[issue.path.join(".") || "form"] ??= issue.message.startsWith("errors.")
        ? issue.message
        : "errors.invalidValue";
    }
    return { ok: false, code: "INVALID_FIELDS", message: "errors.registration.invalid", fieldErrors };
  }
  const { consent: _consent, ...fields } = parsed.data;
  const registration = await db.registration.upsert({
    where: { contestId_userId: { contestId: contest.id, userId: input.userId } },
    create: {
      contestId: contest.id,
      userId: input.userId,
      fields,
      consentAt: now,
      consentVersion: contest.privacyVersion,
    },
    update: { fields, consentAt: now, consentVersion: contest.privacyVersion },
  });
  return { ok: true, registrationId: registration.id };
}
