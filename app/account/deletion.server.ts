import { audit } from "~/audit/audit.server";
import { managedRoots } from "~/auth/access";
import type { CurrentUser } from "~/auth/guards.server";
import type { Db, DbOrTx } from "~/db/client.server";
import type { Prisma } from "~/generated/prisma/client";
import { scopeFilter } from "~/org/tree.server";

/**
 * Deletion on request (Vietnam's personal-data rules; issue 9, point 4). A person asks from
 * their account page; an organizer of a unit they belong to or took part with decides, because
 * a contest's results or a course's training record may have to be kept for a while and the
 * organizer knows. Approving anonymises the account instead of deleting it: results and
 * training counts keep a row with no name, contact, address or log-in behind it.
 */
export const ANONYMISED_NAME = "Người dùng đã xóa";
/** Never a valid argon2 hash: nobody can log in as an anonymised account. */
const NO_PASSWORD = "!anonymised";

export type DeletionResult = { ok: true } | { ok: false; code: string; message: string };

export async function requestDeletion(
  db: Db,
  request: Request,
  userId: string,
  reason: string | null,
): Promise<DeletionResult> {
  return db.$transaction(async (tx) => {
    const pending = await tx.deletionRequest.findFirst({ where: { userId, status: "PENDING" }, select: { id: true } });
    if (pending) return { ok: false, code: "PENDING", message: "errors.privacy.alreadyPending" };
    const created = await tx.deletionRequest.create({ data: { userId, reason }, select: { id: true } });
    await audit(tx, request, {
      actorId: userId,
      action: "privacy.deletion_requested",
      targetType: "DeletionRequest",
      targetId: created.id,
    });
    return { ok: true };
  });
}

export async function cancelDeletion(db: Db, request: Request, userId: string): Promise<DeletionResult> {
  return db.$transaction(async (tx) => {
    const cancelled = await tx.deletionRequest.updateManyAndReturn({
      where: { userId, status: "PENDING" },
      data: { status: "CANCELLED", decidedAt: new Date() },
      select: { id: true },
    });
    if (cancelled.length === 0) return { ok: false, code: "NONE", message: "errors.privacy.nonePending" };
    await audit(tx, request, {
      actorId: userId,
      action: "privacy.deletion_cancelled",
      targetType: "DeletionRequest",
      targetId: cancelled[0].id,
    });
    return { ok: true };
  });
}

export function latestDeletionRequest(db: Db, userId: string) {
  return db.deletionRequest.findFirst({
    where: { userId },
    orderBy: { requestedAt: "desc" },
    select: { status: true, requestedAt: true, decidedAt: true, decisionNote: true },
  });
}

/**
 * The people an organizer may decide for: members of their nodes, contestants registered with a
 * contest of theirs or for one of their units, learners of their courses and people on their
 * rosters. An admin decides for everyone.
 */
function decidableUsers(user: CurrentUser): Prisma.UserWhereInput {
  // An admin decides for everyone, also for people linked to no unit (registered, nothing else).
  if (managedRoots(user.grants) === null) return {};
  const scope = scopeFilter(user);
  return {
    OR: [
      { memberships: { some: { orgNode: scope } } },
      { registrations: { some: { contest: { orgNode: scope } } } },
      { enrolments: { some: { course: { orgNode: scope } } } },
      { rosterEntries: { some: { orgNode: scope } } },
    ],
  };
}

export async function deletionRequestsFor(db: Db, user: CurrentUser, status: "PENDING" | "DECIDED") {
  return db.deletionRequest.findMany({
    where: {
      status: status === "PENDING" ? "PENDING" : { in: ["APPROVED", "REFUSED"] },
      user: decidableUsers(user),
    },
    orderBy: { requestedAt: status === "PENDING" ? "asc" : "desc" },
    take: 200,
    select: {
      id: true,
      reason: true,
      status: true,
      requestedAt: true,
      decidedAt: true,
      decisionNote: true,
      user: {
        select: {
          id: true,
          fullName: true,
          _count: { select: { registrations: true, attempts: true, enrolments: true, courseCertificates: true } },
        },
      },
    },
  });
}

export async function decideDeletion(
  db: Db,
  request: Request,
  organizer: CurrentUser,
  input: { requestId: string; approve: boolean; note: string | null },
): Promise<DeletionResult> {
  return db.$transaction(async (tx) => {
    // Another organizer's id, a decided request and an unknown id all answer alike.
    const found = await tx.deletionRequest.findFirst({
      where: { id: input.requestId, status: "PENDING", user: decidableUsers(organizer) },
      select: { id: true, userId: true },
    });
    if (!found) return { ok: false, code: "NOT_FOUND", message: "errors.privacy.requestNotFound" };
    if (found.userId === organizer.id) return { ok: false, code: "OWN_REQUEST", message: "errors.privacy.ownRequest" };
    if (!input.approve && !input.note)
      return { ok: false, code: "NOTE_REQUIRED", message: "errors.privacy.noteRequired" };
    const now = new Date();
    // Decided once: a second organizer's click after the first sees nothing pending.
    const updated = await tx.deletionRequest.updateMany({
      where: { id: found.id, status: "PENDING" },
      data: {
        status: input.approve ? "APPROVED" : "REFUSED",
        decidedById: organizer.id,
        decidedAt: now,
        decisionNote: input.note,
      },
    });
    if (updated.count === 0) return { ok: false, code: "NOT_FOUND", message: "errors.privacy.requestNotFound" };
    if (input.approve) await anonymiseUser(tx, found.userId, now);
    await audit(tx, request, {
      actorId: organizer.id,
      action: input.approve ? "privacy.deletion_approved" : "privacy.deletion_refused",
      targetType: "User",
      targetId: found.userId,
      details: input.note ? { note: input.note } : undefined,
    });
    return { ok: true };
  });
}

/**
 * Removes what identifies the person and keeps what the platform must still count: attempts
 * and scores (an anonymised row in the results), enrolments and completions (training
 * records), survey choices, with no name, contact, registration answer, free-text answer,
 * address or device behind them.
 */
export async function anonymiseUser(tx: DbOrTx, userId: string, now: Date = new Date()): Promise<void> {
  await tx.user.update({
    where: { id: userId },
    data: {
      fullName: ANONYMISED_NAME,
      email: null,
      phone: null,
      passwordHash: NO_PASSWORD,
      mustChangePassword: false,
      anonymisedAt: now,
    },
  });
  await tx.session.deleteMany({ where: { userId } });
  await tx.membership.deleteMany({ where: { userId } });
  await tx.rosterMember.deleteMany({ where: { userId } });
  // The unit a contestant competed for stays (collective results); every answer to the form goes.
  await tx.registration.updateMany({ where: { userId }, data: { fields: {} } });
  await tx.attempt.updateMany({ where: { userId }, data: { startIp: null, deviceId: null, sessionIds: [] } });
  // Each player keeps a distinct nickname key (one per session), now naming nobody.
  await tx.$executeRaw`UPDATE "LivePlayer" SET "nickname" = ${ANONYMISED_NAME}, "nicknameKey" = 'deleted-' || "id" WHERE "userId" = ${userId}`;
  // A certificate stays verifiable ("valid, issued on …") without saying to whom.
  await tx.courseCertificate.updateMany({ where: { userId }, data: { recipientName: ANONYMISED_NAME } });
  await tx.auditLog.updateMany({ where: { actorId: userId }, data: { ipAddress: null, userAgent: null } });
  // Ratings keep their stars (the satisfaction indicator counts them); a comment may say who wrote it.
  await tx.rating.updateMany({ where: { userId }, data: { comment: null } });
  // Survey answers keep their choices and scale values (the results count them); free text may say who wrote it.
  await tx.surveyAnswer.updateMany({ where: { response: { userId }, text: { not: null } }, data: { text: null } });
}
