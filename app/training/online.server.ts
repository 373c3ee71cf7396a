/**
 * Every online course run counts as a training activity (issue 6 §6). A course has one run: the
 * activity with its courseId, created when the course is first published and kept in step with
 * it whenever it is published again, edited or withdrawn — never duplicated. The run starts when
 * the course opens (or, with no opening date, when it was first published) and ends when it
 * closes; its participants are the course's enrolments, and a learner who completed is credited
 * the course's estimated hours (app/training/activities.server.ts reads them from Enrolment, so
 * nothing here has to follow each enrolment).
 */
import type { DbOrTx } from "~/db/client.server";

export async function syncOnlineActivity(db: DbOrTx, courseId: string): Promise<void> {
  const course = await db.course.findUnique({
    where: { id: courseId },
    select: {
      id: true,
      orgNodeId: true,
      title: true,
      category: true,
      status: true,
      opensAt: true,
      closesAt: true,
      publishedAt: true,
      createdAt: true,
      estimatedMinutes: true,
      isDemo: true,
    },
  });
  if (!course) return;
  // A draft was never run (withdrawing to draft is only possible while nobody has enrolled).
  if (course.status === "DRAFT" || !course.publishedAt) {
    await db.trainingActivity.deleteMany({ where: { courseId: course.id } });
    return;
  }
  const run = {
    orgNodeId: course.orgNodeId,
    title: course.title,
    category: course.category,
    startsAt: course.opensAt ?? course.publishedAt,
    endsAt: course.closesAt,
    durationMinutes: course.estimatedMinutes,
    isDemo: course.isDemo,
  };
  await db.trainingActivity.upsert({
    where: { courseId: course.id },
    create: { ...run, kind: "ONLINE", courseId: course.id },
    update: run,
  });
}
