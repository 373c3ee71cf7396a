import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "~/auth/guards.server";
import {
  addLesson,
  addModule,
  createCourse,
  publishCourse,
  removeLesson,
  reorder,
  updateLesson,
} from "~/courses/authoring.server";
import { revokeCertificate, verifyCertificate } from "~/courses/certificates.server";
import { courseOutline, enrol, myCourses } from "~/courses/learning.server";
import { openLesson, recordProgress } from "~/courses/progress.server";
import { quizView, startQuizAttempt, submitQuizAttempt } from "~/courses/quiz.server";
import { courseSchema, lessonSchema } from "~/courses/schemas";
import type { QuestionOption } from "~/questions/draft";
import { DEMO_BANK, seedDemoData } from "../../seeds/demo";
import { createUserWithRole, currentUserFor, nodeId } from "../support/fixtures";
import { startTestRuntime, type TestRuntime } from "../support/runtime";

/**
 * Courses on a real database: authoring, enrolment, progress from the player (with forged,
 * replayed and out-of-order reports refused and recorded), quizzes, completion, certificates.
 */
let runtime: TestRuntime;
let organizer: CurrentUser;
let siblingOrganizer: CurrentUser;
let bankId = "";
const T0 = new Date("2026-12-01T08:00:00Z");
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

const lessonInput = (fields: Record<string, string>) => lessonSchema.parse({ required: "on", ...fields });

beforeAll(async () => {
  runtime = await startTestRuntime();
  await seedDemoData(runtime.db);
  const db = runtime.db;
  organizer = await currentUserFor(
    db,
    (await createUserWithRole(db, { role: "ORGANIZER", nodeCode: "HP-KIMTHANH" })).id,
  );
  siblingOrganizer = await currentUserFor(
    db,
    (await createUserWithRole(db, { role: "ORGANIZER", nodeCode: "HP-HAIAN" })).id,
  );
  const hp = await nodeId(db, DEMO_BANK.nodeCode);
  bankId = (await db.questionBank.findFirstOrThrow({ where: { orgNodeId: hp, name: DEMO_BANK.name } })).id;
});
afterAll(() => runtime?.stop());

/** A published course: text, a 200 s video to watch to 80%, and a final test of 5 questions. */
async function buildCourse(options: { sequential?: boolean } = {}) {
  const db = runtime.db;
  const created = await createCourse(
    db,
    null,
    organizer,
    courseSchema.parse({
      orgNodeId: await nodeId(db, "HP-KIMTHANH"),
      title: "Kỹ năng hòa giải ở cơ sở (thử)",
      category: "Hòa giải ở cơ sở",
      audience: "hòa giải viên, công chức tư pháp",
      estimatedHours: "1,5",
      sequential: options.sequential ? "on" : "",
    }),
  );
  if (!created.ok) throw new Error(created.code);
  const module = await addModule(db, null, organizer, created.courseId, "Chương 1");
  if (!module.ok) throw new Error(module.code);
  const add = async (fields: Record<string, string>) => {
    const result = await addLesson(db, null, organizer, {
      courseId: created.courseId,
      moduleId: module.moduleId,
      lesson: lessonInput(fields),
    });
    if (!result.ok) throw new Error(result.code);
    return result.lessonId;
  };
  const text = await add({ title: "Giới thiệu", type: "TEXT", body: "Nội dung bài học.\n\nĐoạn hai." });
  const video = await add({
    title: "Video",
    type: "VIDEO",
    mediaUrl: "https://example.org/bai-giang.mp4",
    completionRule: "WATCHED",
    minWatchPercent: "80",
    durationSeconds: "3:20",
  });
  const quiz = await add({
    title: "Bài kiểm tra cuối khóa",
    type: "QUIZ",
    completionRule: "QUIZ_PASSED",
    quizBankId: bankId,
    quizQuestionCount: "5",
    quizPassPercent: "60",
    quizAttemptsAllowed: "3",
    isFinalTest: "on",
  });
  const published = await publishCourse(db, null, organizer, created.courseId);
  if (!published.ok) throw new Error(published.code);
  return { courseId: created.courseId, slug: created.slug, moduleId: module.moduleId, text, video, quiz };
}

async function newLearner() {
  return (await createUserWithRole(runtime.db, { role: "LEARNER", nodeCode: "HP-KIMTHANH-UBND" })).id;
}

/** Answers every question of the running attempt correctly (the test reads the key from the database). */
async function correctAnswers(attemptId: string, wrong = 0): Promise<Map<number, number[]>> {
  const attempt = await runtime.db.lessonQuizAttempt.findUniqueOrThrow({ where: { id: attemptId } });
  const frozen = attempt.questions as unknown as Array<{ versionId: string; optionOrder: number[] }>;
  const answers = new Map<number, number[]>();
  for (const [position, question] of frozen.entries()) {
    const version = await runtime.db.questionVersion.findUniqueOrThrow({ where: { id: question.versionId } });
    const options = version.options as unknown as QuestionOption[];
    const correctShown = question.optionOrder.flatMap((original, shown) => (options[original].correct ? [shown] : []));
    const wrongShown = question.optionOrder.flatMap((original, shown) => (options[original].correct ? [] : [shown]));
    answers.set(position, position < wrong ? [wrongShown[0]] : correctShown);
  }
  return answers;
}

describe("authoring", () => {
  it("refuses a bank the organizer cannot read and a course of a sibling's node", async () => {
    const course = await buildCourse();
    const otherBank = await runtime.db.questionBank.create({
      data: { orgNodeId: await nodeId(runtime.db, "HP-HAIAN"), name: "Ngân hàng Hải An (thử)" },
    });
    const refused = await addLesson(runtime.db, null, organizer, {
      courseId: course.courseId,
      moduleId: course.moduleId,
      lesson: lessonInput({ title: "Quiz", type: "QUIZ", completionRule: "QUIZ_PASSED", quizBankId: otherBank.id }),
    });
    expect(refused).toMatchObject({ ok: false, code: "BANK_NOT_READABLE" });
    const sibling = await addModule(runtime.db, null, siblingOrganizer, course.courseId, "Chương lạ");
    expect(sibling).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });

  it("validates lessons: a watched rule needs media and a length, a final test must be a quiz", () => {
    const parsed = lessonSchema.safeParse({ title: "Bài", type: "TEXT", completionRule: "WATCHED", body: "x" });
    expect(parsed.success).toBe(false);
    const messages = parsed.success ? [] : parsed.error.issues.map((issue) => issue.message);
    expect(messages).toContain("courses.errors.ruleNeedsMedia");
    expect(messages).toContain("courses.errors.durationRequired");
    expect(
      lessonSchema.safeParse({ title: "Bài", type: "TEXT", body: "x", isFinalTest: "on" }).error?.issues[0].message,
    ).toBe("courses.errors.finalMustBeQuiz");
  });

  it("moves lessons with up/down, across modules at the edges, and reorders modules", async () => {
    const course = await buildCourse();
    const db = runtime.db;
    const second = await addModule(db, null, organizer, course.courseId, "Chương 2");
    if (!second.ok) throw new Error();
    expect(
      (
        await reorder(db, null, organizer, {
          courseId: course.courseId,
          kind: "lesson",
          id: course.video,
          direction: "up",
        })
      ).ok,
    ).toBe(true);
    let lessons = await db.lesson.findMany({ where: { moduleId: course.moduleId }, orderBy: { position: "asc" } });
    expect(lessons.map((lesson) => lesson.id)).toEqual([course.video, course.text, course.quiz]);
    // The last lesson of chapter 1 moved down goes to the top of chapter 2.
    await reorder(db, null, organizer, {
      courseId: course.courseId,
      kind: "lesson",
      id: course.quiz,
      direction: "down",
    });
    lessons = await db.lesson.findMany({ where: { moduleId: second.moduleId } });
    expect(lessons.map((lesson) => lesson.id)).toEqual([course.quiz]);
    await reorder(db, null, organizer, {
      courseId: course.courseId,
      kind: "module",
      id: second.moduleId,
      order: [second.moduleId, course.moduleId],
    });
    const modules = await db.courseModule.findMany({
      where: { courseId: course.courseId },
      orderBy: { position: "asc" },
    });
    expect(modules.map((module) => module.id)).toEqual([second.moduleId, course.moduleId]);
    // An order naming a lesson of another module is refused.
    expect(
      (
        await reorder(db, null, organizer, {
          courseId: course.courseId,
          kind: "lesson",
          id: course.text,
          order: [course.quiz, course.text],
        })
      ).ok,
    ).toBe(false);
  });
});

describe("progress from the player", () => {
  it("counts seconds actually played and completes the lesson at the watched share", async () => {
    const course = await buildCourse();
    const learner = await newLearner();
    const db = runtime.db;
    expect((await enrol(db, { userId: learner, courseId: course.courseId, now: T0 })).ok).toBe(true);
    const opened = await openLesson(db, { userId: learner, lessonId: course.video, now: T0 });
    if (!opened.ok) throw new Error(opened.code);
    const report = (seq: number, intervals: [number, number][], position: number) => ({
      viewId: opened.viewId,
      seq,
      intervals,
      positionSeconds: position,
      durationSeconds: 200,
    });
    // Played 60 s, then skipped to the end and played the last 10 s: 35%, not complete.
    let result = await recordProgress(db, {
      userId: learner,
      lessonId: course.video,
      report: report(1, [[0, 60]], 60),
      now: at(60),
    });
    expect(result).toMatchObject({ ok: true, watchedPercent: 30, lessonCompleted: false });
    result = await recordProgress(db, {
      userId: learner,
      lessonId: course.video,
      report: report(2, [[190, 200]], 200),
      now: at(75),
    });
    expect(result).toMatchObject({ ok: true, watchedPercent: 35, lessonCompleted: false });
    // Went back and played 60–160: 85% ≥ 80%.
    result = await recordProgress(db, {
      userId: learner,
      lessonId: course.video,
      report: report(3, [[60, 160]], 160),
      now: at(180),
    });
    expect(result).toMatchObject({ ok: true, watchedPercent: 85, lessonCompleted: true });
    const progress = await db.lessonProgress.findFirstOrThrow({ where: { lessonId: course.video, userId: learner } });
    expect(progress.watchedIntervals).toEqual([
      [0, 160],
      [190, 200],
    ]);
    expect(progress.positionSeconds).toBe(160);
  });

  it("ignores and records forged, replayed, out-of-order and stale reports", async () => {
    const course = await buildCourse();
    const learner = await newLearner();
    const db = runtime.db;
    await enrol(db, { userId: learner, courseId: course.courseId, now: T0 });
    const opened = await openLesson(db, { userId: learner, lessonId: course.video, now: T0 });
    if (!opened.ok) throw new Error(opened.code);
    const send = (seq: number, intervals: [number, number][], seconds: number, viewId = opened.viewId) =>
      recordProgress(db, {
        userId: learner,
        lessonId: course.video,
        report: { viewId, seq, intervals, positionSeconds: intervals.at(-1)?.[1] ?? 0, durationSeconds: 200 },
        now: at(seconds),
      });
    // 100% watched one second after opening.
    expect(await send(1, [[0, 200]], 1)).toMatchObject({ ok: false, code: "FASTER_THAN_REAL_TIME" });
    expect(await send(1, [[0, 10]], 10)).toMatchObject({ ok: true });
    // The same report again, and an older one arriving late.
    expect(await send(1, [[0, 10]], 12)).toMatchObject({ ok: false, code: "REPLAYED_OR_OUT_OF_ORDER" });
    expect(await send(3, [[10, 20]], 20)).toMatchObject({ ok: true });
    expect(await send(2, [[20, 30]], 25)).toMatchObject({ ok: false, code: "REPLAYED_OR_OUT_OF_ORDER" });
    // Claiming a different media length, and a tab opened before the latest opening.
    expect(await send(4, [[20, 25]], 30, opened.viewId)).toMatchObject({ ok: true });
    expect(
      await recordProgress(db, {
        userId: learner,
        lessonId: course.video,
        report: { viewId: opened.viewId, seq: 5, intervals: [[25, 30]], positionSeconds: 30, durationSeconds: 20 },
        now: at(40),
      }),
    ).toMatchObject({ ok: false, code: "DURATION_MISMATCH" });
    const reopened = await openLesson(db, { userId: learner, lessonId: course.video, now: at(50) });
    if (!reopened.ok) throw new Error();
    expect(reopened.positionSeconds).toBe(25);
    expect(await send(6, [[25, 35]], 60, opened.viewId)).toMatchObject({ ok: false, code: "STALE_VIEW" });

    const progress = await db.lessonProgress.findFirstOrThrow({ where: { lessonId: course.video, userId: learner } });
    expect(progress.watchedSeconds).toBe(25);
    expect(progress.completedAt).toBeNull();
    const rejections = await db.progressRejection.findMany({
      where: { userId: learner, lessonId: course.video },
      orderBy: { createdAt: "asc" },
    });
    expect(rejections.map((rejection) => rejection.reason)).toEqual([
      "FASTER_THAN_REAL_TIME",
      "REPLAYED_OR_OUT_OF_ORDER",
      "REPLAYED_OR_OUT_OF_ORDER",
      "DURATION_MISMATCH",
      "STALE_VIEW",
    ]);
  });

  it("two reports racing with the same sequence number count once", async () => {
    const course = await buildCourse();
    const learner = await newLearner();
    const db = runtime.db;
    await enrol(db, { userId: learner, courseId: course.courseId, now: T0 });
    const opened = await openLesson(db, { userId: learner, lessonId: course.video, now: T0 });
    if (!opened.ok) throw new Error();
    const report = {
      viewId: opened.viewId,
      seq: 1,
      intervals: [[0, 20]] as [number, number][],
      positionSeconds: 20,
      durationSeconds: 200,
    };
    const results = await Promise.all([
      recordProgress(db, { userId: learner, lessonId: course.video, report, now: at(20) }),
      recordProgress(db, {
        userId: learner,
        lessonId: course.video,
        report: { ...report, intervals: [[100, 120]] },
        now: at(20),
      }),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    const progress = await db.lessonProgress.findFirstOrThrow({ where: { lessonId: course.video, userId: learner } });
    expect(progress.watchedSeconds).toBe(20);
  });

  it("refuses reports and lessons to learners who are not enrolled, and locked lessons in a sequential course", async () => {
    const course = await buildCourse({ sequential: true });
    const learner = await newLearner();
    const db = runtime.db;
    expect(await openLesson(db, { userId: learner, lessonId: course.text, now: T0 })).toMatchObject({
      code: "NOT_ENROLLED",
    });
    await enrol(db, { userId: learner, courseId: course.courseId, now: T0 });
    expect(await openLesson(db, { userId: learner, lessonId: course.video, now: T0 })).toMatchObject({
      code: "LESSON_LOCKED",
    });
    expect(await startQuizAttempt(db, { userId: learner, lessonId: course.quiz, now: T0 })).toMatchObject({
      code: "LESSON_LOCKED",
    });
    expect((await openLesson(db, { userId: learner, lessonId: course.text, now: T0 })).ok).toBe(true);
    expect((await openLesson(db, { userId: learner, lessonId: course.video, now: T0 })).ok).toBe(true);
  });
});

describe("completion and certificates", () => {
  it("completes the course on the required lessons and the final test, issues one stored certificate", async () => {
    const course = await buildCourse({ sequential: true });
    const learner = await newLearner();
    const db = runtime.db;
    await enrol(db, { userId: learner, courseId: course.courseId, now: T0 });
    await openLesson(db, { userId: learner, lessonId: course.text, now: T0 });
    const opened = await openLesson(db, { userId: learner, lessonId: course.video, now: at(5) });
    if (!opened.ok) throw new Error();
    const watched = await recordProgress(db, {
      userId: learner,
      lessonId: course.video,
      report: { viewId: opened.viewId, seq: 1, intervals: [[0, 200]], positionSeconds: 200, durationSeconds: 200 },
      now: at(110),
    });
    expect(watched).toMatchObject({ ok: true, lessonCompleted: true, courseCompleted: false });

    // A failed attempt, then a passed one.
    const first = await startQuizAttempt(db, { userId: learner, lessonId: course.quiz, now: at(200) });
    if (!first.ok) throw new Error(first.code);
    const view = await quizView(db, { userId: learner, lessonId: course.quiz });
    expect(view?.running?.questions).toHaveLength(5);
    expect(JSON.stringify(view)).not.toContain("correct");
    const failed = await submitQuizAttempt(db, {
      userId: learner,
      attemptId: first.attemptId,
      answers: await correctAnswers(first.attemptId, 3),
      now: at(300),
    });
    expect(failed).toMatchObject({ ok: true, percent: 40, passed: false, courseCompleted: false });
    expect(
      await submitQuizAttempt(db, { userId: learner, attemptId: first.attemptId, answers: new Map(), now: at(301) }),
    ).toMatchObject({
      code: "QUIZ_SUBMITTED",
    });
    const second = await startQuizAttempt(db, { userId: learner, lessonId: course.quiz, now: at(400) });
    if (!second.ok) throw new Error();
    const passed = await submitQuizAttempt(db, {
      userId: learner,
      attemptId: second.attemptId,
      answers: await correctAnswers(second.attemptId, 1),
      now: at(500),
    });
    expect(passed).toMatchObject({ ok: true, percent: 80, passed: true, courseCompleted: true });

    const certificates = await db.courseCertificate.findMany({ where: { userId: learner } });
    expect(certificates).toHaveLength(1);
    expect(certificates[0]).toMatchObject({
      courseTitle: "Kỹ năng hòa giải ở cơ sở (thử)",
      minutes: 90,
      issuerName: "Xã Kim Thành",
    });
    expect(certificates[0].code).toMatch(/^KH-[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    const verified = await verifyCertificate(db, certificates[0].code);
    expect(verified).toMatchObject({ status: "valid", courseTitle: "Kỹ năng hòa giải ở cơ sở (thử)" });
    expect(JSON.stringify(verified)).not.toContain("Người thử");

    const outline = await courseOutline(db, { slug: course.slug, userId: learner });
    expect(outline?.enrolment).toMatchObject({
      percent: 100,
      certificate: { code: certificates[0].code, revoked: false },
    });
    expect((await myCourses(db, learner))[0]).toMatchObject({ percent: 100, continueWith: null });
  });

  it("lets only the course's organizers revoke, audited; the verification page then says revoked", async () => {
    const course = await buildCourse();
    const learner = await newLearner();
    const db = runtime.db;
    await enrol(db, { userId: learner, courseId: course.courseId, now: T0 });
    // A course whose required lessons are all opened: the text only, once the others are optional.
    for (const lessonId of [course.video, course.quiz])
      await removeLesson(db, null, organizer, { courseId: course.courseId, lessonId });
    await openLesson(db, { userId: learner, lessonId: course.text, now: T0 });
    const certificate = await db.courseCertificate.findFirstOrThrow({ where: { userId: learner } });
    expect(
      await revokeCertificate(db, null, siblingOrganizer, { code: certificate.code, reason: "Thử thu hồi" }),
    ).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
    expect(
      await revokeCertificate(db, null, organizer, { code: certificate.code, reason: "Cấp nhầm người học" }),
    ).toEqual({ ok: true });
    expect(await revokeCertificate(db, null, organizer, { code: certificate.code, reason: "Lần nữa" })).toMatchObject({
      code: "ALREADY_REVOKED",
    });
    expect(await verifyCertificate(db, certificate.code)).toMatchObject({ status: "revoked" });
    const logged = await db.auditLog.findFirst({ where: { action: "certificate.revoked", targetId: certificate.id } });
    expect(logged?.details).toMatchObject({ reason: "Cấp nhầm người học" });
  });
});

describe("editing a published course", () => {
  it("keeps every learner's progress: removed lessons are archived, edits keep progress, completion stays", async () => {
    const course = await buildCourse();
    const learner = await newLearner();
    const db = runtime.db;
    await enrol(db, { userId: learner, courseId: course.courseId, now: T0 });
    await openLesson(db, { userId: learner, lessonId: course.text, now: T0 });
    const opened = await openLesson(db, { userId: learner, lessonId: course.video, now: T0 });
    if (!opened.ok) throw new Error();
    await recordProgress(db, {
      userId: learner,
      lessonId: course.video,
      report: { viewId: opened.viewId, seq: 1, intervals: [[0, 100]], positionSeconds: 100, durationSeconds: 200 },
      now: at(100),
    });
    // Edit the video lesson (new title, stricter rule) and remove the text lesson.
    const edited = await updateLesson(db, null, organizer, {
      courseId: course.courseId,
      lessonId: course.video,
      lesson: lessonInput({
        title: "Video (bản mới)",
        type: "VIDEO",
        mediaUrl: "https://example.org/bai-giang-moi.mp4",
        completionRule: "WATCHED",
        minWatchPercent: "90",
        durationSeconds: "200",
      }),
    });
    expect(edited.ok).toBe(true);
    expect(await removeLesson(db, null, organizer, { courseId: course.courseId, lessonId: course.text })).toMatchObject(
      {
        ok: true,
        archived: true,
      },
    );
    const progress = await db.lessonProgress.findMany({ where: { userId: learner }, orderBy: { openedAt: "asc" } });
    expect(progress).toHaveLength(2);
    expect(progress.find((row) => row.lessonId === course.video)?.watchedSeconds).toBe(100);
    const outline = await courseOutline(db, { slug: course.slug, userId: learner });
    expect(outline?.modules[0].lessons.map((lesson) => lesson.title)).toEqual([
      "Video (bản mới)",
      "Bài kiểm tra cuối khóa",
    ]);
  });
});
