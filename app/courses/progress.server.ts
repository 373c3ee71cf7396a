/**
 * Learners' progress, kept on the server (issue 6): opening a lesson, the player's reports of
 * what was played, completion of lessons and of the course, and the certificate it earns.
 * Reports that cannot be believed (app/courses/completion.ts judgeReport) change nothing; they
 * are stored in ProgressRejection and logged.
 */
import { randomBytes } from "node:crypto";
import type { Db, DbOrTx } from "~/db/client.server";
import type { Prisma } from "~/generated/prisma/client";
import { runtimeIfStarted } from "~/runtime.server";
import { recordXapi } from "~/xapi/outbox.server";
import type { XapiEvent } from "~/xapi/statements";
import { issueCourseCertificate } from "./certificates.server";
import {
  courseCompletion,
  type Interval,
  judgeReport,
  type LessonRule,
  lessonComplete,
  mergeIntervals,
  type ProgressReport,
  type RejectionReason,
  unlockedLessons,
} from "./completion";

export type LearnError =
  | "NOT_FOUND"
  | "NOT_ENROLLED"
  | "COURSE_CLOSED"
  | "LESSON_LOCKED"
  | "NOT_MEDIA"
  | "ALREADY_ENROLLED"
  | RejectionReason;

export type LearnResult<T> = ({ ok: true } & T) | { ok: false; code: LearnError; message: string };

export const learnFail = (code: LearnError) => ({ ok: false as const, code, message: `courses.errors.${code}` });

/** Lessons of a course in course order (module position, then lesson position), archived ones left out. */
export async function orderedLessons(db: DbOrTx, courseId: string) {
  const lessons = await db.lesson.findMany({
    where: { courseId, archivedAt: null, module: { archivedAt: null } },
    select: {
      id: true,
      title: true,
      type: true,
      moduleId: true,
      position: true,
      required: true,
      completionRule: true,
      minWatchPercent: true,
      isFinalTest: true,
      durationSeconds: true,
      module: { select: { position: true } },
    },
  });
  return lessons.sort((a, b) => a.module.position - b.module.position || a.position - b.position);
}

type OrderedLesson = Awaited<ReturnType<typeof orderedLessons>>[number];

function toRule(lesson: OrderedLesson): LessonRule {
  return {
    id: lesson.id,
    completionRule: lesson.completionRule,
    minWatchPercent: lesson.minWatchPercent,
    required: lesson.required,
    isFinalTest: lesson.isFinalTest,
  };
}

/** Where a learner stands in a course: completed lessons, what is open, the course completion. */
export async function courseStanding(
  db: DbOrTx,
  input: { courseId: string; enrolmentId: string; sequential: boolean },
) {
  const lessons = await orderedLessons(db, input.courseId);
  const progress = await db.lessonProgress.findMany({
    where: { enrolmentId: input.enrolmentId },
    select: { lessonId: true, completedAt: true, watchedSeconds: true, positionSeconds: true, openedAt: true },
  });
  const completed = new Set(progress.filter((row) => row.completedAt).map((row) => row.lessonId));
  const rules = lessons.map(toRule);
  return {
    lessons,
    progress: new Map(progress.map((row) => [row.lessonId, row])),
    completed,
    unlocked: unlockedLessons(rules, completed, input.sequential),
    completion: courseCompletion(rules, completed),
  };
}

async function findEnrolment(db: DbOrTx, userId: string, lessonId: string) {
  const lesson = await db.lesson.findFirst({
    where: { id: lessonId, archivedAt: null, module: { archivedAt: null } },
    include: { course: true },
  });
  if (!lesson) return null;
  const enrolment = await db.enrolment.findUnique({
    where: { courseId_userId: { courseId: lesson.courseId, userId } },
  });
  // A draft (or withdrawn) course does not exist for anyone it has not enrolled: no 'enrol first'
  // redirect that would name its address.
  if (!enrolment && lesson.course.status !== "PUBLISHED") return null;
  return { lesson, enrolment };
}

/** Whether the lesson exists for this learner (a published course's, or one they are enrolled in). */
export async function lessonVisibleTo(db: DbOrTx, userId: string, lessonId: string): Promise<boolean> {
  return (await findEnrolment(db, userId, lessonId)) !== null;
}

/** Whether the course accepts study now: published and inside its dates (a completed learner may always look back). */
export function courseOpenForStudy(
  course: { status: string; opensAt: Date | null; closesAt: Date | null },
  now: Date,
): boolean {
  if (course.status !== "PUBLISHED") return false;
  if (course.opensAt && now < course.opensAt) return false;
  if (course.closesAt && now >= course.closesAt) return false;
  return true;
}

/**
 * The learner opens a lesson: it is recorded (an OPENED lesson is complete from now on), a new
 * player view starts (reports from older tabs or devices are stale from now on), and the
 * enrolment remembers it for "continue where I left off".
 */
export async function openLesson(
  db: Db,
  input: { userId: string; lessonId: string; now?: Date },
): Promise<LearnResult<{ viewId: string; positionSeconds: number; courseCompleted: boolean }>> {
  const now = input.now ?? new Date();
  const found = await findEnrolment(db, input.userId, input.lessonId);
  if (!found) return learnFail("NOT_FOUND");
  const { lesson, enrolment } = found;
  if (!enrolment) return learnFail("NOT_ENROLLED");
  if (!enrolment.completedAt && !courseOpenForStudy(lesson.course, now)) return learnFail("COURSE_CLOSED");
  const standing = await courseStanding(db, {
    courseId: lesson.courseId,
    enrolmentId: enrolment.id,
    sequential: lesson.course.sequential,
  });
  if (!standing.unlocked.has(lesson.id)) return learnFail("LESSON_LOCKED");

  const viewId = randomBytes(12).toString("base64url");
  // The progress and its xAPI statements are written together (app/xapi/outbox.server.ts).
  const progress = await db.$transaction(async (tx) => {
    const before = await tx.lessonProgress.findUnique({
      where: { enrolmentId_lessonId: { enrolmentId: enrolment.id, lessonId: lesson.id } },
      select: { id: true },
    });
    const row = await tx.lessonProgress.upsert({
      where: { enrolmentId_lessonId: { enrolmentId: enrolment.id, lessonId: lesson.id } },
      create: {
        enrolmentId: enrolment.id,
        lessonId: lesson.id,
        userId: input.userId,
        openedAt: now,
        viewId,
        viewSeq: 0,
        viewReportAt: now,
      },
      update: { viewId, viewSeq: 0, viewReportAt: now },
    });
    await tx.enrolment.update({
      where: { id: enrolment.id },
      data: { lastLessonId: lesson.id, lastActivityAt: now },
    });
    const events: XapiEvent[] = [];
    if (!before) events.push(lessonEvent("experienced", lesson, enrolment, now));
    if (!row.completedAt && lesson.completionRule === "OPENED") {
      await tx.lessonProgress.update({ where: { id: row.id }, data: { completedAt: now } });
      events.push(lessonEvent("completed", lesson, enrolment, now));
    }
    await recordXapi(tx, events);
    return row;
  });
  const courseCompleted = await refreshCourseCompletion(db, { enrolmentId: enrolment.id, now });
  return { ok: true, viewId, positionSeconds: progress.positionSeconds, courseCompleted };
}

/**
 * A report from the player of a video or audio lesson. Accepted reports merge the seconds played
 * into the stored intervals; the update is conditional on the view's sequence number, so two
 * reports racing each other cannot both count.
 */
export async function recordProgress(
  db: Db,
  input: { userId: string; lessonId: string; report: ProgressReport; now?: Date },
): Promise<LearnResult<{ watchedPercent: number; lessonCompleted: boolean; courseCompleted: boolean }>> {
  const now = input.now ?? new Date();
  const found = await findEnrolment(db, input.userId, input.lessonId);
  if (!found) return learnFail("NOT_FOUND");
  const { lesson, enrolment } = found;
  if (!enrolment) return learnFail("NOT_ENROLLED");
  if (lesson.type !== "VIDEO" && lesson.type !== "AUDIO") return learnFail("NOT_MEDIA");
  const progress = await db.lessonProgress.findUnique({
    where: { enrolmentId_lessonId: { enrolmentId: enrolment.id, lessonId: lesson.id } },
  });
  const verdict = judgeReport(
    {
      viewId: progress?.viewId ?? null,
      lastSeq: progress?.viewSeq ?? 0,
      lastAcceptedAt: progress?.viewReportAt ?? now,
      durationSeconds: lesson.durationSeconds,
    },
    input.report,
    now,
  );
  if (!verdict.accepted || !progress) {
    const reason = verdict.accepted ? "STALE_VIEW" : verdict.reason;
    await rejectReport(db, {
      userId: input.userId,
      lessonId: lesson.id,
      reason,
      details: { ...(verdict.accepted ? {} : verdict.details), seq: input.report.seq },
    });
    return learnFail(reason);
  }

  const duration = lesson.durationSeconds ?? input.report.durationSeconds;
  const stored = (progress.watchedIntervals ?? []) as unknown as Interval[];
  const merged = mergeIntervals([
    ...stored,
    ...input.report.intervals.map(([from, to]) => [from, Math.min(to, duration)] as const),
  ]);
  const watchedSeconds = Math.round(merged.reduce((sum, [from, to]) => sum + (to - from), 0));
  const rounded = merged.map(([from, to]) => [Math.round(from * 10) / 10, Math.round(to * 10) / 10]);
  const updated = await db.lessonProgress.updateMany({
    where: { id: progress.id, viewId: input.report.viewId, viewSeq: progress.viewSeq },
    data: {
      watchedIntervals: rounded as Prisma.InputJsonValue,
      watchedSeconds,
      positionSeconds: Math.round(input.report.positionSeconds),
      viewSeq: input.report.seq,
      viewReportAt: now,
    },
  });
  if (updated.count === 0) {
    await rejectReport(db, {
      userId: input.userId,
      lessonId: lesson.id,
      reason: "REPLAYED_OR_OUT_OF_ORDER",
      details: { seq: input.report.seq, race: "true" },
    });
    return learnFail("REPLAYED_OR_OUT_OF_ORDER");
  }
  await db.enrolment.update({ where: { id: enrolment.id }, data: { lastLessonId: lesson.id, lastActivityAt: now } });

  const complete = lessonComplete(lesson, {
    opened: true,
    watchedIntervals: merged,
    durationSeconds: duration,
    quizPassed: false,
  });
  let lessonCompleted = Boolean(progress.completedAt);
  if (complete && !progress.completedAt) {
    await db.$transaction(async (tx) => {
      const marked = await tx.lessonProgress.updateMany({
        where: { id: progress.id, completedAt: null },
        data: { completedAt: now },
      });
      if (marked.count > 0) await recordXapi(tx, [lessonEvent("completed", lesson, enrolment, now)]);
    });
    lessonCompleted = true;
  }
  const courseCompleted = await refreshCourseCompletion(db, { enrolmentId: enrolment.id, now });
  const percent = duration > 0 ? Math.min(100, Math.floor((watchedSeconds / duration) * 100)) : 0;
  return { ok: true, watchedPercent: percent, lessonCompleted, courseCompleted };
}

/** An xAPI event about a lesson of an enrolment (app/xapi/statements.ts). */
export function lessonEvent(
  verb: XapiEvent["verb"],
  lesson: { id: string; title: string; type: string; course: { id: string; title: string } },
  enrolment: { id: string; userId: string },
  now: Date,
  extra: { key?: string; result?: XapiEvent["result"] } = {},
): XapiEvent {
  return {
    verb,
    userId: enrolment.userId,
    course: { id: lesson.course.id, title: lesson.course.title },
    lesson: { id: lesson.id, title: lesson.title, quiz: lesson.type === "QUIZ" },
    key: extra.key ?? `${enrolment.id}:${lesson.id}`,
    timestamp: now,
    ...(verb === "completed" ? { result: { completion: true } } : {}),
    ...(extra.result ? { result: extra.result } : {}),
  };
}

async function rejectReport(
  db: DbOrTx,
  entry: { userId: string; lessonId: string; reason: RejectionReason; details: Record<string, unknown> },
): Promise<void> {
  await db.progressRejection.create({
    data: {
      userId: entry.userId,
      lessonId: entry.lessonId,
      reason: entry.reason,
      details: entry.details as Prisma.InputJsonValue,
    },
  });
  runtimeIfStarted()?.logger.warn({ ...entry }, "progress report refused");
}

/**
 * Marks the enrolment complete (and issues the certificate) once the course's rules are met.
 * Completion is never taken back: a lesson added to a published course later does not undo it.
 */
export async function refreshCourseCompletion(db: Db, input: { enrolmentId: string; now?: Date }): Promise<boolean> {
  const enrolment = await db.enrolment.findUniqueOrThrow({
    where: { id: input.enrolmentId },
    include: { course: { select: { id: true, sequential: true, title: true } } },
  });
  if (enrolment.completedAt) return true;
  const standing = await courseStanding(db, {
    courseId: enrolment.courseId,
    enrolmentId: enrolment.id,
    sequential: enrolment.course.sequential,
  });
  if (!standing.completion.complete) return false;
  const now = input.now ?? new Date();
  const marked = await db.$transaction(async (tx) => {
    const updated = await tx.enrolment.updateMany({
      where: { id: enrolment.id, completedAt: null },
      data: { completedAt: now },
    });
    if (updated.count > 0)
      await recordXapi(tx, [
        {
          verb: "completed",
          userId: enrolment.userId,
          course: { id: enrolment.course.id, title: enrolment.course.title },
          key: enrolment.id,
          timestamp: now,
          result: { completion: true, success: true },
        },
      ]);
    return updated;
  });
  // Outside that transaction: issuing retries on a clashing code, which would abort it.
  if (marked.count > 0) await issueCourseCertificate(db, { enrolmentId: enrolment.id, now });
  return true;
}
