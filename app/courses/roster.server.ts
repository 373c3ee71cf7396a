import type { Db } from "~/db/client.server";
import { orderedLessons } from "./progress.server";

export const LEARNERS_PAGE_SIZE = 50;

/**
 * A course's learners for its organizers: progress on required lessons, completion, the
 * certificate (and whether it was revoked), and how many progress reports were refused — a
 * signal for the organizer to look at, never a verdict.
 */
export async function courseLearners(db: Db, courseId: string, page = 1) {
  const lessons = await orderedLessons(db, courseId);
  const required = lessons.filter((lesson) => lesson.required || lesson.isFinalTest).map((lesson) => lesson.id);
  const [total, enrolments] = await Promise.all([
    db.enrolment.count({ where: { courseId } }),
    db.enrolment.findMany({
      where: { courseId },
      orderBy: [{ completedAt: { sort: "desc", nulls: "last" } }, { enrolledAt: "asc" }],
      skip: (page - 1) * LEARNERS_PAGE_SIZE,
      take: LEARNERS_PAGE_SIZE,
      select: {
        id: true,
        userId: true,
        enrolledAt: true,
        completedAt: true,
        lastActivityAt: true,
        source: true,
        dueAt: true,
        user: { select: { fullName: true } },
        certificate: { select: { code: true, revokedAt: true, revokedReason: true } },
      },
    }),
  ]);
  const done = await db.lessonProgress.groupBy({
    by: ["enrolmentId"],
    where: { enrolmentId: { in: enrolments.map((e) => e.id) }, lessonId: { in: required }, completedAt: { not: null } },
    _count: { _all: true },
  });
  const rejections = await db.progressRejection.groupBy({
    by: ["userId"],
    where: { userId: { in: enrolments.map((e) => e.userId) }, lessonId: { in: lessons.map((lesson) => lesson.id) } },
    _count: { _all: true },
  });
  const doneBy = new Map(done.map((row) => [row.enrolmentId, row._count._all]));
  const rejectedBy = new Map(rejections.map((row) => [row.userId, row._count._all]));
  return {
    total,
    page,
    pageSize: LEARNERS_PAGE_SIZE,
    learners: enrolments.map((enrolment) => ({
      id: enrolment.id,
      fullName: enrolment.user.fullName,
      enrolledAt: enrolment.enrolledAt.toISOString(),
      lastActivityAt: enrolment.lastActivityAt?.toISOString() ?? null,
      completedAt: enrolment.completedAt?.toISOString() ?? null,
      percent: enrolment.completedAt
        ? 100
        : required.length === 0
          ? 0
          : Math.floor(((doneBy.get(enrolment.id) ?? 0) / required.length) * 100),
      refusedReports: rejectedBy.get(enrolment.userId) ?? 0,
      certificate: enrolment.certificate
        ? {
            code: enrolment.certificate.code,
            revoked: enrolment.certificate.revokedAt !== null,
            revokedReason: enrolment.certificate.revokedReason,
          }
        : null,
    })),
  };
}
