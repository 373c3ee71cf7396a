/**
 * Satisfaction ratings (issue 7 §3): after completing a course or taking part in a contest, a
 * person may rate it 1–5 stars with an optional comment, and change it later. Only someone who
 * completed the course, or has a closed (submitted or expired) attempt in one of the contest's
 * rounds, may rate it. The rating carries the subject's org node, so a node's "satisfaction"
 * indicator (app/targets/indicators.server.ts) reads its subtree's ratings.
 */

import type { DbOrTx } from "~/db/client.server";
import type { RatingInput } from "./schemas";

export type RatingTarget = { courseId: string } | { contestId: string };

export interface MyRating {
  stars: number;
  comment: string | null;
}

export type RatingResult = { ok: true; created: boolean } | { ok: false; code: "NOT_FOUND" | "NOT_ALLOWED" };

/** Whether the user may rate the target, and the target's node. */
async function eligibility(
  db: DbOrTx,
  userId: string,
  target: RatingTarget,
): Promise<{ allowed: boolean; orgNodeId: string } | null> {
  if ("courseId" in target) {
    const course = await db.course.findUnique({ where: { id: target.courseId }, select: { orgNodeId: true } });
    if (!course) return null;
    const completed = await db.enrolment.count({
      where: { courseId: target.courseId, userId, completedAt: { not: null } },
    });
    return { allowed: completed > 0, orgNodeId: course.orgNodeId };
  }
  const contest = await db.contest.findUnique({ where: { id: target.contestId }, select: { orgNodeId: true } });
  if (!contest) return null;
  const attempted = await db.attempt.count({
    where: { userId, status: { in: ["SUBMITTED", "EXPIRED"] }, round: { contestId: target.contestId } },
  });
  return { allowed: attempted > 0, orgNodeId: contest.orgNodeId };
}

export async function canRate(db: DbOrTx, userId: string, target: RatingTarget): Promise<boolean> {
  return (await eligibility(db, userId, target))?.allowed ?? false;
}

export async function myRating(db: DbOrTx, userId: string, target: RatingTarget): Promise<MyRating | null> {
  return db.rating.findFirst({
    where: { userId, ...("courseId" in target ? { courseId: target.courseId } : { contestId: target.contestId }) },
    select: { stars: true, comment: true },
  });
}

/** Creates the person's rating of the target or replaces their earlier one (createdAt stays). */
export async function saveRating(
  db: DbOrTx,
  userId: string,
  target: RatingTarget,
  input: RatingInput,
): Promise<RatingResult> {
  const found = await eligibility(db, userId, target);
  if (!found) return { ok: false, code: "NOT_FOUND" };
  if (!found.allowed) return { ok: false, code: "NOT_ALLOWED" };
  const values = { stars: input.stars, comment: input.comment };
  if ("courseId" in target) {
    const existing = await db.rating.findUnique({ where: { userId_courseId: { userId, courseId: target.courseId } } });
    await db.rating.upsert({
      where: { userId_courseId: { userId, courseId: target.courseId } },
      create: { userId, subject: "COURSE", courseId: target.courseId, orgNodeId: found.orgNodeId, ...values },
      update: values,
    });
    return { ok: true, created: !existing };
  }
  const existing = await db.rating.findUnique({ where: { userId_contestId: { userId, contestId: target.contestId } } });
  await db.rating.upsert({
    where: { userId_contestId: { userId, contestId: target.contestId } },
    create: { userId, subject: "CONTEST", contestId: target.contestId, orgNodeId: found.orgNodeId, ...values },
    update: values,
  });
  return { ok: true, created: !existing };
}
