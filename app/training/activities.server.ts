/**
 * Training activities counted for a set of org nodes and a period (issue 6 §6, reused by issue 7's
 * "share of training held online = online activities ÷ all activities in the phase, also by
 * participant-hours").
 *
 * Rules (docs/decisions/0007-training-activities.md):
 * - Scope: an activity counts for a node when it belongs to the node or one of its descendants;
 *   with several nodes, an activity under two of them counts once.
 * - Period: half-open [from, to). An activity belongs wholly to the period in which it STARTS
 *   (startsAt), with all its participants and hours, even if it ends after `to` — so each activity
 *   is counted in exactly one period and consecutive phases add up.
 * - Participants: ONLINE — the course's enrolments; OFFLINE — the attendance rows.
 * - Participant-minutes: ONLINE — the course's estimated minutes for each enrolment that is
 *   completed (as of now); OFFLINE — the sum of the minutes credited to each attendee.
 */

import { managedRoots } from "~/auth/access";
import type { CurrentUser } from "~/auth/guards.server";
import type { DbOrTx } from "~/db/client.server";
import type { Prisma } from "~/generated/prisma/client";
import type { TrainingKind } from "~/generated/prisma/enums";

/** Nodes whose subtrees count (each node and its descendants); null = the whole tree. */
export interface TrainingScope {
  nodeIds: string[] | null;
}

/** Half-open: from ≤ startsAt < to. */
export interface TrainingPeriod {
  from: Date;
  to: Date;
}

export interface ActivityTotals {
  id: string;
  kind: TrainingKind;
  orgNodeId: string;
  title: string;
  category: string | null;
  startsAt: Date;
  endsAt: Date | null;
  place: string | null;
  trainer: string | null;
  durationMinutes: number;
  courseId: string | null;
  isDemo: boolean;
  participants: number;
  participantMinutes: number;
}

export interface TrainingShare {
  activities: { online: number; total: number };
  participants: { online: number; total: number };
  participantMinutes: { online: number; total: number };
  /** online ÷ total activities, 0–1; null when there was no activity. */
  shareByActivities: number | null;
  /** online ÷ total participant-minutes (= participant-hours), 0–1; null when nobody was credited. */
  shareByParticipantHours: number | null;
}

/** The subtrees an organizer manages (null for an admin: everything). */
export function trainingScopeOf(user: CurrentUser): TrainingScope {
  const roots = managedRoots(user.grants);
  return { nodeIds: roots === null ? null : roots.map((root) => root.orgNodeId) };
}

async function scopeWhere(db: DbOrTx, scope: TrainingScope): Promise<Prisma.TrainingActivityWhereInput> {
  if (scope.nodeIds === null) return {};
  const nodes = await db.orgNode.findMany({ where: { id: { in: scope.nodeIds } }, select: { path: true } });
  // No known node: nothing (never everything).
  if (nodes.length === 0) return { id: { in: [] } };
  return { orgNode: { OR: nodes.map((node) => ({ path: { startsWith: node.path } })) } };
}

/** Each activity of the scope that starts in the period, with its participants and participant-minutes. */
export async function activityTotals(
  db: DbOrTx,
  scope: TrainingScope,
  period: TrainingPeriod,
  filter: { kind?: TrainingKind } = {},
): Promise<ActivityTotals[]> {
  const activities = await db.trainingActivity.findMany({
    where: {
      AND: [await scopeWhere(db, scope), { startsAt: { gte: period.from, lt: period.to } }],
      ...(filter.kind ? { kind: filter.kind } : {}),
    },
    orderBy: [{ startsAt: "desc" }, { id: "asc" }],
    select: {
      id: true,
      kind: true,
      orgNodeId: true,
      title: true,
      category: true,
      startsAt: true,
      endsAt: true,
      place: true,
      trainer: true,
      durationMinutes: true,
      courseId: true,
      isDemo: true,
    },
  });
  const courseIds = activities.flatMap((activity) => (activity.courseId ? [activity.courseId] : []));
  const offlineIds = activities.filter((activity) => activity.kind === "OFFLINE").map((activity) => activity.id);
  const [enrolled, completed, attended] = await Promise.all([
    courseIds.length
      ? db.enrolment.groupBy({ by: ["courseId"], where: { courseId: { in: courseIds } }, _count: { _all: true } })
      : [],
    courseIds.length
      ? db.enrolment.groupBy({
          by: ["courseId"],
          where: { courseId: { in: courseIds }, completedAt: { not: null } },
          _count: { _all: true },
        })
      : [],
    offlineIds.length
      ? db.trainingAttendance.groupBy({
          by: ["activityId"],
          where: { activityId: { in: offlineIds } },
          _count: { _all: true },
          _sum: { minutesCredited: true },
        })
      : [],
  ]);
  const enrolledBy = new Map(enrolled.map((row) => [row.courseId, row._count._all]));
  const completedBy = new Map(completed.map((row) => [row.courseId, row._count._all]));
  const attendedBy = new Map(attended.map((row) => [row.activityId, row]));
  return activities.map((activity) => {
    if (activity.kind === "ONLINE" && activity.courseId) {
      return {
        ...activity,
        participants: enrolledBy.get(activity.courseId) ?? 0,
        participantMinutes: (completedBy.get(activity.courseId) ?? 0) * activity.durationMinutes,
      };
    }
    const row = attendedBy.get(activity.id);
    return { ...activity, participants: row?._count._all ?? 0, participantMinutes: row?._sum.minutesCredited ?? 0 };
  });
}

/** Online vs all, by activities, participants and participant-minutes. Pure: unit-tested. */
export function summarizeTraining(
  rows: ReadonlyArray<Pick<ActivityTotals, "kind" | "participants" | "participantMinutes">>,
): TrainingShare {
  const share: TrainingShare = {
    activities: { online: 0, total: 0 },
    participants: { online: 0, total: 0 },
    participantMinutes: { online: 0, total: 0 },
    shareByActivities: null,
    shareByParticipantHours: null,
  };
  for (const row of rows) {
    const online = row.kind === "ONLINE" ? 1 : 0;
    share.activities.total += 1;
    share.activities.online += online;
    share.participants.total += row.participants;
    share.participants.online += online * row.participants;
    share.participantMinutes.total += row.participantMinutes;
    share.participantMinutes.online += online * row.participantMinutes;
  }
  if (share.activities.total > 0) share.shareByActivities = share.activities.online / share.activities.total;
  if (share.participantMinutes.total > 0)
    share.shareByParticipantHours = share.participantMinutes.online / share.participantMinutes.total;
  return share;
}

/** The share of training held online for the scope and period (issue 7's indicator). */
export async function trainingShare(db: DbOrTx, scope: TrainingScope, period: TrainingPeriod): Promise<TrainingShare> {
  return summarizeTraining(await activityTotals(db, scope, period));
}
