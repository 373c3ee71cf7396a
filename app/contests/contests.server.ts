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

export async function createContest(
  db: Db,
  request: Request | null,
  user: CurrentUser,
  input: ContestInput,
): Promise<ContestResult<{ contestId: string; slug: string }>> {
  const parsed = contestSchema.safeParse(input);
  if (!parsed.success) return firstIssue(parsed.error);
  const node = await db.orgNode.findUnique({ where: { id: parsed.data.orgNodeId }, select: { path: true } });
  if (!node || !hasRole(user.grants, "ORGANIZER", node.path)) return fail("FORBIDDEN", "errors.forbidden", "orgNodeId");
  const slug = parsed.data.slug ?? slugify(parsed.data.title);
  try {
    const contest = await db.contest.create({
      data: {
        ...parsed.data,
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

export async function saveRound(
  db: Db,
  request: Request | null,
  user: CurrentUser,
  input: { contestId: string; roundId?: string; round: RoundInput },
): Promise<ContestResult<{ roundId: string }>> {
  const contest = await requireContestOwner(db, user, input.contestId);
  if (!contest) return fail("FORBIDDEN", "errors.forbidden");
  const parsed = roundSchema.safeParse(input.round);
  if (!parsed.success) return firstIssue(parsed.error);
  if (!(await checkBlueprintBanks(db, user, parsed.data.blueprint)))
    return fail("FORBIDDEN", "errors.contest.bankNotAllowed", "blueprint");
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
  const position = (await db.round.count({ where: { contestId: contest.id } })) + 1;
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
    const blueprint = round.blueprint as unknown as Blueprint;
    const draw = drawQuestions(blueprint, await candidatesFor(db, blueprint), {
      shuffleQuestions: false,
      shuffleOptions: false,
      random: seededRandom(1),
    });
    if (!draw.ok)
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
