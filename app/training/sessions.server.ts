/**
 * Offline training sessions (issue 6 §6): an organizer records the title, date, place, trainer
 * and hours of a classroom session of their node (or a unit below it). Online runs are kept by
 * app/training/online.server.ts and cannot be edited here. Every change is audited.
 */
import { audit } from "~/audit/audit.server";
import { hasRole } from "~/auth/access";
import type { CurrentUser } from "~/auth/guards.server";
import type { Db, DbOrTx } from "~/db/client.server";
import type { SessionForm } from "./schemas";

export type TrainingError = "FORBIDDEN" | "NOT_FOUND" | "ONLINE_READ_ONLY";
export type TrainingResult<T = object> =
  | ({ ok: true } & T)
  | { ok: false; code: TrainingError; message: string; field?: string };

export const trainingFail = (code: TrainingError, field?: string) => ({
  ok: false as const,
  code,
  message: `training.errors.${code}`,
  field,
});

/** The activity if the user organizes its node (or above); null otherwise, including unknown ids. */
export async function loadManagedActivity(db: DbOrTx, user: CurrentUser, activityId: string) {
  const activity = await db.trainingActivity.findUnique({
    where: { id: activityId },
    include: { orgNode: { select: { id: true, name: true, path: true } } },
  });
  if (!activity || !hasRole(user.grants, "ORGANIZER", activity.orgNode.path)) return null;
  return activity;
}

async function managesNode(db: DbOrTx, user: CurrentUser, orgNodeId: string) {
  const node = await db.orgNode.findUnique({ where: { id: orgNodeId }, select: { path: true } });
  return Boolean(node && hasRole(user.grants, "ORGANIZER", node.path));
}

export async function createSession(
  db: Db,
  request: Request | null,
  user: CurrentUser,
  input: SessionForm & { isDemo?: boolean },
): Promise<TrainingResult<{ activityId: string }>> {
  if (!(await managesNode(db, user, input.orgNodeId))) return trainingFail("FORBIDDEN", "orgNodeId");
  const activity = await db.$transaction(async (tx) => {
    const created = await tx.trainingActivity.create({
      data: {
        kind: "OFFLINE",
        orgNodeId: input.orgNodeId,
        title: input.title,
        category: input.category,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        place: input.place,
        trainer: input.trainer,
        durationMinutes: input.durationMinutes,
        createdById: user.id,
        isDemo: input.isDemo ?? false,
      },
    });
    await audit(tx, request, {
      actorId: user.id,
      action: "training.created",
      targetType: "TrainingActivity",
      targetId: created.id,
      orgNodeId: input.orgNodeId,
      details: { title: input.title, startsAt: input.startsAt.toISOString(), minutes: input.durationMinutes },
    });
    return created;
  });
  return { ok: true, activityId: activity.id };
}

/**
 * Edits a session. When its length changes, attendees credited the whole session get the new
 * length, and nobody keeps more than the session lasted.
 */
export async function updateSession(
  db: Db,
  request: Request | null,
  user: CurrentUser,
  activityId: string,
  input: SessionForm,
): Promise<TrainingResult> {
  const activity = await loadManagedActivity(db, user, activityId);
  if (!activity) return trainingFail("NOT_FOUND");
  if (activity.kind !== "OFFLINE") return trainingFail("ONLINE_READ_ONLY");
  if (!(await managesNode(db, user, input.orgNodeId))) return trainingFail("FORBIDDEN", "orgNodeId");
  await db.$transaction(async (tx) => {
    await tx.trainingActivity.update({
      where: { id: activity.id },
      data: {
        orgNodeId: input.orgNodeId,
        title: input.title,
        category: input.category,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        place: input.place,
        trainer: input.trainer,
        durationMinutes: input.durationMinutes,
      },
    });
    if (input.durationMinutes !== activity.durationMinutes) {
      await tx.trainingAttendance.updateMany({
        where: {
          activityId: activity.id,
          OR: [{ minutesCredited: activity.durationMinutes }, { minutesCredited: { gt: input.durationMinutes } }],
        },
        data: { minutesCredited: input.durationMinutes },
      });
    }
    await audit(tx, request, {
      actorId: user.id,
      action: "training.updated",
      targetType: "TrainingActivity",
      targetId: activity.id,
      orgNodeId: input.orgNodeId,
      details: {
        from: {
          title: activity.title,
          startsAt: activity.startsAt.toISOString(),
          minutes: activity.durationMinutes,
          orgNodeId: activity.orgNodeId,
        },
        to: {
          title: input.title,
          startsAt: input.startsAt.toISOString(),
          minutes: input.durationMinutes,
          orgNodeId: input.orgNodeId,
        },
      },
    });
  });
  return { ok: true };
}
