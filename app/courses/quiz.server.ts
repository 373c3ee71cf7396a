/**
 * Quiz lessons (and a course's final test): questions drawn from a bank with the contests' draw
 * (app/contests/draw.ts), frozen at the start of an attempt, scored on submission. The key never
 * leaves the server before the attempt is submitted.
 */
import { randomInt } from "node:crypto";
import { candidatesFor } from "~/contests/attempts.server";
import { type Blueprint, drawQuestions, seededRandom } from "~/contests/draw";
import { scoreAttempt } from "~/contests/scoring";
import type { Db } from "~/db/client.server";
import type { Prisma } from "~/generated/prisma/client";
import { isUniqueViolation } from "~/org/tree.server";
import type { QuestionOption } from "~/questions/draft";
import { recordXapi } from "~/xapi/outbox.server";
import {
  courseOpenForStudy,
  courseStanding,
  type LearnResult,
  learnFail,
  lessonEvent,
  refreshCourseCompletion,
} from "./progress.server";

export type QuizError =
  | "NOT_A_QUIZ"
  | "QUIZ_ATTEMPT_LIMIT"
  | "QUIZ_NOT_DRAWABLE"
  | "QUIZ_SUBMITTED"
  | "QUIZ_INVALID_ANSWER";
const quizFail = (code: QuizError) => ({ ok: false as const, code, message: `courses.errors.${code}` });

interface FrozenQuestion {
  versionId: string;
  optionOrder: number[];
}

async function quizLessonFor(db: Db, userId: string, lessonId: string, now: Date) {
  const lesson = await db.lesson.findFirst({
    where: { id: lessonId, archivedAt: null, module: { archivedAt: null } },
    include: { course: true },
  });
  if (!lesson) return learnFail("NOT_FOUND");
  if (lesson.type !== "QUIZ" || !lesson.quizBlueprint) return quizFail("NOT_A_QUIZ");
  const enrolment = await db.enrolment.findUnique({
    where: { courseId_userId: { courseId: lesson.courseId, userId } },
  });
  if (!enrolment) return learnFail("NOT_ENROLLED");
  if (!enrolment.completedAt && !courseOpenForStudy(lesson.course, now)) return learnFail("COURSE_CLOSED");
  const standing = await courseStanding(db, {
    courseId: lesson.courseId,
    enrolmentId: enrolment.id,
    sequential: lesson.course.sequential,
  });
  if (!standing.unlocked.has(lesson.id)) return learnFail("LESSON_LOCKED");
  return { ok: true as const, lesson, enrolment };
}

/** The learner's quiz state: attempts so far, the running one's questions (no key), and whether another may start. */
export async function quizView(db: Db, input: { userId: string; lessonId: string }) {
  const lesson = await db.lesson.findUnique({
    where: { id: input.lessonId },
    select: { quizAttemptsAllowed: true, quizPassPercent: true },
  });
  if (!lesson) return null;
  const attempts = await db.lessonQuizAttempt.findMany({
    where: { lessonId: input.lessonId, userId: input.userId },
    orderBy: { number: "asc" },
  });
  const running = attempts.find((attempt) => attempt.submittedAt === null) ?? null;
  const submitted = attempts.filter((attempt) => attempt.submittedAt !== null);
  const passed = submitted.some((attempt) => attempt.passed);
  const canStart =
    !running && !passed && (lesson.quizAttemptsAllowed === 0 || attempts.length < lesson.quizAttemptsAllowed);
  let questions: Array<{ position: number; type: string; stem: string; options: string[] }> = [];
  if (running) {
    const frozen = running.questions as unknown as FrozenQuestion[];
    const versions = await db.questionVersion.findMany({
      where: { id: { in: frozen.map((question) => question.versionId) } },
      select: { id: true, stem: true, type: true, options: true },
    });
    const byId = new Map(versions.map((version) => [version.id, version]));
    questions = frozen.map((question, position) => {
      const version = byId.get(question.versionId);
      const options = (version?.options ?? []) as unknown as QuestionOption[];
      return {
        position,
        type: version?.type ?? "SINGLE_CHOICE",
        stem: version?.stem ?? "",
        // Only the texts in the shown order: never which is correct.
        options: question.optionOrder.map((original) => options[original]?.text ?? ""),
      };
    });
  }
  return {
    passPercent: lesson.quizPassPercent,
    attemptsAllowed: lesson.quizAttemptsAllowed,
    attempts: submitted.map((attempt) => ({
      number: attempt.number,
      percent: attempt.percent ?? 0,
      passed: Boolean(attempt.passed),
      submittedAt: attempt.submittedAt?.toISOString() ?? null,
    })),
    passed,
    canStart,
    running: running ? { id: running.id, number: running.number, questions } : null,
  };
}

/** Starts an attempt, or returns the one already running (a reload, a double click). */
export async function startQuizAttempt(
  db: Db,
  input: { userId: string; lessonId: string; now?: Date },
): Promise<LearnResult<{ attemptId: string }> | { ok: false; code: QuizError; message: string }> {
  const now = input.now ?? new Date();
  const found = await quizLessonFor(db, input.userId, input.lessonId, now);
  if (!found.ok) return found;
  const { lesson } = found;
  const existing = await db.lessonQuizAttempt.findMany({
    where: { lessonId: lesson.id, userId: input.userId },
    select: { id: true, number: true, submittedAt: true, passed: true },
    orderBy: { number: "asc" },
  });
  const running = existing.find((attempt) => attempt.submittedAt === null);
  if (running) return { ok: true, attemptId: running.id };
  if (existing.some((attempt) => attempt.passed)) return quizFail("QUIZ_SUBMITTED");
  if (lesson.quizAttemptsAllowed > 0 && existing.length >= lesson.quizAttemptsAllowed)
    return quizFail("QUIZ_ATTEMPT_LIMIT");
  const blueprint = lesson.quizBlueprint as unknown as Blueprint;
  const draw = drawQuestions(blueprint, await candidatesFor(db, blueprint), {
    shuffleQuestions: true,
    shuffleOptions: true,
    random: seededRandom(randomInt(2 ** 31)),
  });
  if (!draw.ok || draw.questions.length === 0) return quizFail("QUIZ_NOT_DRAWABLE");
  try {
    const attempt = await db.lessonQuizAttempt.create({
      data: {
        lessonId: lesson.id,
        userId: input.userId,
        number: existing.length + 1,
        questions: draw.questions.map(({ versionId, optionOrder }) => ({ versionId, optionOrder })),
        maxScore: draw.questions.length,
        startedAt: now,
      },
    });
    return { ok: true, attemptId: attempt.id };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const raced = await db.lessonQuizAttempt.findFirst({
      where: { lessonId: lesson.id, userId: input.userId, submittedAt: null },
      select: { id: true },
    });
    if (raced) return { ok: true, attemptId: raced.id };
    return quizFail("QUIZ_ATTEMPT_LIMIT");
  }
}

/**
 * Scores the attempt from the answers as shown (index of each chosen option on the page) and
 * records the best result on the lesson; a pass completes the lesson and may complete the course.
 */
export async function submitQuizAttempt(
  db: Db,
  input: { userId: string; attemptId: string; answers: Map<number, number[]>; now?: Date },
): Promise<
  | LearnResult<{ percent: number; passed: boolean; courseCompleted: boolean }>
  | { ok: false; code: QuizError; message: string }
> {
  const now = input.now ?? new Date();
  const attempt = await db.lessonQuizAttempt.findFirst({
    where: { id: input.attemptId, userId: input.userId },
    include: {
      lesson: {
        select: {
          id: true,
          courseId: true,
          quizPassPercent: true,
          title: true,
          type: true,
          course: { select: { id: true, title: true } },
        },
      },
    },
  });
  if (!attempt) return learnFail("NOT_FOUND");
  if (attempt.submittedAt) return quizFail("QUIZ_SUBMITTED");
  const frozen = attempt.questions as unknown as FrozenQuestion[];
  const versions = await db.questionVersion.findMany({
    where: { id: { in: frozen.map((question) => question.versionId) } },
    select: { id: true, type: true, options: true },
  });
  const byId = new Map(versions.map((version) => [version.id, version]));
  const original = new Map<number, number[]>();
  for (const [position, shown] of input.answers) {
    const question = frozen[position];
    const version = question && byId.get(question.versionId);
    if (!question || !version) return quizFail("QUIZ_INVALID_ANSWER");
    const unique = [...new Set(shown)];
    if (unique.some((index) => !Number.isInteger(index) || index < 0 || index >= question.optionOrder.length))
      return quizFail("QUIZ_INVALID_ANSWER");
    if (version.type !== "MULTIPLE_CHOICE" && unique.length > 1) return quizFail("QUIZ_INVALID_ANSWER");
    original.set(
      position,
      unique.map((index) => question.optionOrder[index]).sort((a, b) => a - b),
    );
  }
  const result = scoreAttempt(
    frozen.map((question) => ({
      options: (byId.get(question.versionId)?.options ?? []) as unknown as QuestionOption[],
      points: 1,
    })),
    original,
  );
  const percent = result.maxScore === 0 ? 0 : Math.floor((result.score / result.maxScore) * 100);
  const passed = percent >= attempt.lesson.quizPassPercent;
  // The result, the lesson's progress and their xAPI statements are written together.
  const outcome = await db.$transaction(async (tx) => {
    const saved = await tx.lessonQuizAttempt.updateMany({
      where: { id: attempt.id, submittedAt: null },
      data: {
        answers: Object.fromEntries(original) as Prisma.InputJsonValue,
        score: result.score,
        percent,
        passed,
        submittedAt: now,
      },
    });
    if (saved.count === 0) return "SUBMITTED" as const;
    const enrolment = await tx.enrolment.findUnique({
      where: { courseId_userId: { courseId: attempt.lesson.courseId, userId: input.userId } },
    });
    if (!enrolment) return null;
    const progress = await tx.lessonProgress.upsert({
      where: { enrolmentId_lessonId: { enrolmentId: enrolment.id, lessonId: attempt.lesson.id } },
      create: { enrolmentId: enrolment.id, lessonId: attempt.lesson.id, userId: input.userId, openedAt: now },
      update: {},
    });
    await tx.lessonProgress.update({
      where: { id: progress.id },
      data: {
        quizBestPercent: Math.max(progress.quizBestPercent ?? 0, percent),
        completedAt: progress.completedAt ?? (passed ? now : null),
      },
    });
    await tx.enrolment.update({ where: { id: enrolment.id }, data: { lastActivityAt: now } });
    const events = [
      lessonEvent(passed ? "passed" : "failed", attempt.lesson, enrolment, now, {
        key: attempt.id,
        result: {
          success: passed,
          completion: passed,
          score: { raw: result.score, min: 0, max: result.maxScore },
        },
      }),
    ];
    if (passed && !progress.completedAt) events.push(lessonEvent("completed", attempt.lesson, enrolment, now));
    await recordXapi(tx, events);
    return enrolment;
  });
  if (outcome === "SUBMITTED") return quizFail("QUIZ_SUBMITTED");
  if (!outcome) return { ok: true, percent, passed, courseCompleted: false };
  const enrolment = outcome;
  const courseCompleted = await refreshCourseCompletion(db, { enrolmentId: enrolment.id, now });
  return { ok: true, percent, passed, courseCompleted };
}
