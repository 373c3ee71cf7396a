import { redirect } from "@remix-run/node";
import { flashCookie } from "~/auth/session.server";
import type { Db } from "~/db/client.server";
import type { Interval } from "./completion";
import { watchedPercent } from "./completion";
import { courseStanding, openLesson } from "./progress.server";
import { quizView } from "./quiz.server";

/**
 * What the lesson page shows, after recording the opening. A learner who may not open it is
 * sent to the course page with the reason (not enrolled, locked, closed); an unknown lesson is 404.
 */
export async function lessonPage(db: Db, request: Request, input: { userId: string; lessonId: string }) {
  const lesson = await db.lesson.findFirst({
    where: { id: input.lessonId, archivedAt: null, module: { archivedAt: null } },
    include: {
      course: { select: { id: true, slug: true, title: true, sequential: true } },
      module: { select: { title: true } },
    },
  });
  if (!lesson) throw new Response("Not Found", { status: 404 });
  const opened = await openLesson(db, { userId: input.userId, lessonId: lesson.id });
  if (!opened.ok) {
    if (opened.code === "NOT_FOUND") throw new Response("Not Found", { status: 404 });
    throw redirect(`/courses/${lesson.course.slug}`, {
      headers: { "Set-Cookie": await flashCookie(request, { kind: "error", message: opened.message }) },
    });
  }
  const enrolment = await db.enrolment.findUniqueOrThrow({
    where: { courseId_userId: { courseId: lesson.courseId, userId: input.userId } },
  });
  const standing = await courseStanding(db, {
    courseId: lesson.courseId,
    enrolmentId: enrolment.id,
    sequential: lesson.course.sequential,
  });
  const index = standing.lessons.findIndex((candidate) => candidate.id === lesson.id);
  const progress = standing.progress.get(lesson.id);
  const stored = await db.lessonProgress.findUnique({
    where: { enrolmentId_lessonId: { enrolmentId: enrolment.id, lessonId: lesson.id } },
    select: { watchedIntervals: true },
  });
  const neighbour = (offset: number) => {
    const other = standing.lessons[index + offset];
    return other ? { id: other.id, title: other.title, open: standing.unlocked.has(other.id) } : null;
  };
  return {
    course: { slug: lesson.course.slug, title: lesson.course.title },
    lesson: {
      id: lesson.id,
      title: lesson.title,
      moduleTitle: lesson.module.title,
      type: lesson.type,
      body: lesson.body,
      mediaUrl: lesson.mediaUrl,
      completionRule: lesson.completionRule,
      minWatchPercent: lesson.minWatchPercent,
      isFinalTest: lesson.isFinalTest,
      position: index + 1,
      count: standing.lessons.length,
    },
    viewId: opened.viewId,
    positionSeconds: opened.positionSeconds,
    watchedPercent:
      lesson.durationSeconds && stored
        ? watchedPercent(stored.watchedIntervals as unknown as Interval[], lesson.durationSeconds)
        : 0,
    completed: Boolean(progress?.completedAt),
    courseCompleted: opened.courseCompleted,
    previous: neighbour(-1),
    next: neighbour(1),
    quiz: lesson.type === "QUIZ" ? await quizView(db, { userId: input.userId, lessonId: lesson.id }) : null,
  };
}
