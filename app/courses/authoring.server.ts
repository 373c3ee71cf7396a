/**
 * Authoring courses (organizers): a course of an org node, its modules and lessons, reordering
 * and publishing. Once anyone has enrolled, removing a module or lesson archives it instead of
 * deleting it, so no learner's progress is ever lost (issue 6 "editing a published course never
 * loses a learner's progress"); a completed enrolment stays completed.
 */
import { audit } from "~/audit/audit.server";
import { hasRole } from "~/auth/access";
import type { CurrentUser } from "~/auth/guards.server";
import { candidatesFor } from "~/contests/attempts.server";
import type { Blueprint } from "~/contests/draw";
import { slugify } from "~/contests/schemas";
import type { Db, DbOrTx } from "~/db/client.server";
import { Prisma } from "~/generated/prisma/client";
import { loadBankFor } from "~/questions/banks.server";
import { syncOnlineActivity } from "~/training/online.server";
import { lessonHtml } from "./lesson-html.server";
import type { CourseForm, LessonForm } from "./schemas";
import { courseSearchText } from "./search.server";

export type AuthoringError =
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "BANK_NOT_READABLE"
  | "NOT_ENOUGH_QUESTIONS"
  | "NO_LESSONS"
  | "FINAL_TEST_TAKEN";

export type AuthoringResult<T = object> =
  | ({ ok: true } & T)
  | { ok: false; code: AuthoringError; message: string; field?: string; params?: Record<string, string | number> };

const fail = (code: AuthoringError, field?: string, params?: Record<string, string | number>) => ({
  ok: false as const,
  code,
  message: `courses.errors.${code}`,
  field,
  params,
});

/** The course if the user organizes its node (or above); null otherwise, including unknown ids. */
export async function loadManagedCourse(db: DbOrTx, user: CurrentUser, courseId: string) {
  const course = await db.course.findUnique({
    where: { id: courseId },
    include: { orgNode: { select: { id: true, name: true, path: true } } },
  });
  if (!course || !hasRole(user.grants, "ORGANIZER", course.orgNode.path)) return null;
  return course;
}

async function uniqueSlug(db: DbOrTx, title: string): Promise<string> {
  const base = slugify(title) || "khoa-hoc";
  for (let n = 1; n < 100; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (!(await db.course.findUnique({ where: { slug }, select: { id: true } }))) return slug;
  }
  return `${base}-${Date.now().toString(36)}`;
}

function courseData(input: CourseForm) {
  return {
    title: input.title,
    summary: input.summary,
    category: input.category,
    audience: input.audience,
    estimatedMinutes: input.estimatedHours,
    opensAt: input.opensAt,
    closesAt: input.closesAt,
    sequential: input.sequential,
    coverUrl: input.coverUrl,
    searchText: courseSearchText({ ...input, audience: input.audience }),
  };
}

export async function createCourse(
  db: Db,
  request: Request | null,
  user: CurrentUser,
  input: CourseForm & { isDemo?: boolean },
): Promise<AuthoringResult<{ courseId: string; slug: string }>> {
  const node = await db.orgNode.findUnique({ where: { id: input.orgNodeId }, select: { path: true } });
  if (!node || !hasRole(user.grants, "ORGANIZER", node.path)) return fail("FORBIDDEN", "orgNodeId");
  const course = await db.course.create({
    data: {
      ...courseData(input),
      orgNodeId: input.orgNodeId,
      slug: await uniqueSlug(db, input.title),
      isDemo: input.isDemo ?? false,
    },
  });
  await audit(db, request, {
    actorId: user.id,
    action: "course.created",
    targetType: "Course",
    targetId: course.id,
    orgNodeId: input.orgNodeId,
    details: { title: input.title },
  });
  return { ok: true, courseId: course.id, slug: course.slug };
}

export async function updateCourse(
  db: Db,
  request: Request | null,
  user: CurrentUser,
  courseId: string,
  input: CourseForm,
): Promise<AuthoringResult> {
  const course = await loadManagedCourse(db, user, courseId);
  if (!course) return fail("NOT_FOUND");
  const node = await db.orgNode.findUnique({ where: { id: input.orgNodeId }, select: { path: true } });
  if (!node || !hasRole(user.grants, "ORGANIZER", node.path)) return fail("FORBIDDEN", "orgNodeId");
  await db.$transaction(async (tx) => {
    await tx.course.update({ where: { id: course.id }, data: { ...courseData(input), orgNodeId: input.orgNodeId } });
    await syncOnlineActivity(tx, course.id);
  });
  await audit(db, request, {
    actorId: user.id,
    action: "course.updated",
    targetType: "Course",
    targetId: course.id,
    orgNodeId: input.orgNodeId,
    details: { title: input.title },
  });
  return { ok: true };
}

/** Publishing needs at least one lesson, and every quiz drawable from its bank right now. */
export async function publishCourse(
  db: Db,
  request: Request | null,
  user: CurrentUser,
  courseId: string,
  now = new Date(),
): Promise<AuthoringResult> {
  const course = await loadManagedCourse(db, user, courseId);
  if (!course) return fail("NOT_FOUND");
  const lessons = await db.lesson.findMany({
    where: { courseId, archivedAt: null, module: { archivedAt: null } },
    select: { title: true, type: true, quizBlueprint: true },
  });
  if (lessons.length === 0) return fail("NO_LESSONS");
  for (const lesson of lessons.filter((l) => l.type === "QUIZ")) {
    const problem = await quizProblem(db, lesson.quizBlueprint as unknown as Blueprint | null);
    if (problem) return fail("NOT_ENOUGH_QUESTIONS", undefined, { lesson: lesson.title, ...problem });
  }
  await db.$transaction(async (tx) => {
    await tx.course.update({
      where: { id: course.id },
      data: { status: "PUBLISHED", publishedAt: course.publishedAt ?? now },
    });
    // The course's run counts as an online training activity (one per course, however often published).
    await syncOnlineActivity(tx, course.id);
  });
  await audit(db, request, {
    actorId: user.id,
    action: "course.published",
    targetType: "Course",
    targetId: course.id,
    orgNodeId: course.orgNodeId,
  });
  return { ok: true };
}

/** Back to draft while nobody has enrolled; archived (closed to new learners, progress kept) once someone has. */
export async function withdrawCourse(
  db: Db,
  request: Request | null,
  user: CurrentUser,
  courseId: string,
): Promise<AuthoringResult<{ status: "DRAFT" | "ARCHIVED" }>> {
  const course = await loadManagedCourse(db, user, courseId);
  if (!course) return fail("NOT_FOUND");
  const enrolled = await db.enrolment.count({ where: { courseId } });
  const status = enrolled > 0 ? "ARCHIVED" : "DRAFT";
  await db.$transaction(async (tx) => {
    await tx.course.update({ where: { id: course.id }, data: { status } });
    await syncOnlineActivity(tx, course.id);
  });
  await audit(db, request, {
    actorId: user.id,
    action: "course.archived",
    targetType: "Course",
    targetId: course.id,
    orgNodeId: course.orgNodeId,
    details: { status },
  });
  return { ok: true, status };
}

async function quizProblem(db: DbOrTx, blueprint: Blueprint | null) {
  if (!blueprint || !("rules" in blueprint)) return { available: 0, wanted: 1 };
  const candidates = await candidatesFor(db, blueprint);
  for (const rule of blueprint.rules) {
    const available = candidates.filter((candidate) => candidate.bankId === rule.bankId).length;
    if (available < rule.count) return { available, wanted: rule.count };
  }
  return null;
}

async function contentChanged(
  db: DbOrTx,
  request: Request | null,
  user: CurrentUser,
  course: { id: string; orgNodeId: string },
  details: Prisma.InputJsonValue,
) {
  await audit(db, request, {
    actorId: user.id,
    action: "course.content_changed",
    targetType: "Course",
    targetId: course.id,
    orgNodeId: course.orgNodeId,
    details,
  });
}

export async function addModule(
  db: Db,
  request: Request | null,
  user: CurrentUser,
  courseId: string,
  title: string,
): Promise<AuthoringResult<{ moduleId: string }>> {
  const course = await loadManagedCourse(db, user, courseId);
  if (!course) return fail("NOT_FOUND");
  const last = await db.courseModule.aggregate({ where: { courseId }, _max: { position: true } });
  const module = await db.courseModule.create({
    data: { courseId, title, position: (last._max.position ?? 0) + 1 },
  });
  await contentChanged(db, request, user, course, { change: "module.added", title });
  return { ok: true, moduleId: module.id };
}

export async function renameModule(
  db: Db,
  request: Request | null,
  user: CurrentUser,
  input: { courseId: string; moduleId: string; title: string },
): Promise<AuthoringResult> {
  const course = await loadManagedCourse(db, user, input.courseId);
  if (!course) return fail("NOT_FOUND");
  const updated = await db.courseModule.updateMany({
    where: { id: input.moduleId, courseId: course.id },
    data: { title: input.title },
  });
  if (updated.count === 0) return fail("NOT_FOUND");
  await contentChanged(db, request, user, course, { change: "module.renamed", title: input.title });
  return { ok: true };
}

/** Deleted while nobody has enrolled; archived (with its lessons' progress kept) once someone has. */
export async function removeModule(
  db: Db,
  request: Request | null,
  user: CurrentUser,
  input: { courseId: string; moduleId: string; now?: Date },
): Promise<AuthoringResult<{ archived: boolean }>> {
  const course = await loadManagedCourse(db, user, input.courseId);
  if (!course) return fail("NOT_FOUND");
  const module = await db.courseModule.findFirst({ where: { id: input.moduleId, courseId: course.id } });
  if (!module) return fail("NOT_FOUND");
  const enrolled = (await db.enrolment.count({ where: { courseId: course.id } })) > 0;
  if (enrolled) {
    await db.courseModule.update({ where: { id: module.id }, data: { archivedAt: input.now ?? new Date() } });
  } else {
    await db.courseModule.delete({ where: { id: module.id } });
  }
  await contentChanged(db, request, user, course, {
    change: "module.removed",
    title: module.title,
    archived: enrolled,
  });
  return { ok: true, archived: enrolled };
}

async function lessonData(db: DbOrTx, user: CurrentUser, input: LessonForm) {
  // SQL NULL for a lesson that is not a quiz.
  let quizBlueprint: Prisma.InputJsonValue | typeof Prisma.DbNull = Prisma.DbNull;
  if (input.type === "QUIZ" && input.quizBankId) {
    const bank = await loadBankFor(db, user, input.quizBankId);
    if (!bank) return fail("BANK_NOT_READABLE", "quizBankId");
    const blueprint: Blueprint = { rules: [{ bankId: input.quizBankId, count: input.quizQuestionCount }] };
    const problem = await quizProblem(db, blueprint);
    if (problem) return fail("NOT_ENOUGH_QUESTIONS", "quizQuestionCount", { lesson: "", ...problem });
    quizBlueprint = blueprint as unknown as Prisma.InputJsonValue;
  }
  const media = input.type === "VIDEO" || input.type === "AUDIO" || input.type === "PDF";
  return {
    ok: true as const,
    data: {
      title: input.title,
      type: input.type,
      required: input.required || input.isFinalTest,
      completionRule: input.completionRule,
      minWatchPercent: input.minWatchPercent,
      body: input.body ? lessonHtml(input.body) : null,
      mediaUrl: media ? input.mediaUrl : null,
      durationSeconds: input.type === "VIDEO" || input.type === "AUDIO" ? input.durationSeconds : null,
      quizBlueprint,
      quizPassPercent: input.quizPassPercent,
      quizAttemptsAllowed: input.quizAttemptsAllowed,
      isFinalTest: input.isFinalTest,
    },
  };
}

async function finalTestTaken(db: DbOrTx, courseId: string, exceptLessonId?: string) {
  const other = await db.lesson.findFirst({
    where: { courseId, isFinalTest: true, archivedAt: null, id: exceptLessonId ? { not: exceptLessonId } : undefined },
    select: { id: true },
  });
  return other !== null;
}

export async function addLesson(
  db: Db,
  request: Request | null,
  user: CurrentUser,
  input: { courseId: string; moduleId: string; lesson: LessonForm },
): Promise<AuthoringResult<{ lessonId: string }>> {
  const course = await loadManagedCourse(db, user, input.courseId);
  if (!course) return fail("NOT_FOUND");
  const module = await db.courseModule.findFirst({
    where: { id: input.moduleId, courseId: course.id, archivedAt: null },
  });
  if (!module) return fail("NOT_FOUND");
  if (input.lesson.isFinalTest && (await finalTestTaken(db, course.id))) return fail("FINAL_TEST_TAKEN", "isFinalTest");
  const built = await lessonData(db, user, input.lesson);
  if (!built.ok) return built;
  const last = await db.lesson.aggregate({ where: { moduleId: module.id }, _max: { position: true } });
  const lesson = await db.lesson.create({
    data: { ...built.data, courseId: course.id, moduleId: module.id, position: (last._max.position ?? 0) + 1 },
  });
  await contentChanged(db, request, user, course, { change: "lesson.added", title: input.lesson.title });
  return { ok: true, lessonId: lesson.id };
}

/**
 * Edits a lesson in place: progress rows point at the lesson, so they stay. A completion already
 * recorded stays recorded even if the rule becomes stricter (completion is never taken back).
 */
export async function updateLesson(
  db: Db,
  request: Request | null,
  user: CurrentUser,
  input: { courseId: string; lessonId: string; lesson: LessonForm },
): Promise<AuthoringResult> {
  const course = await loadManagedCourse(db, user, input.courseId);
  if (!course) return fail("NOT_FOUND");
  const lesson = await db.lesson.findFirst({ where: { id: input.lessonId, courseId: course.id, archivedAt: null } });
  if (!lesson) return fail("NOT_FOUND");
  if (input.lesson.isFinalTest && (await finalTestTaken(db, course.id, lesson.id)))
    return fail("FINAL_TEST_TAKEN", "isFinalTest");
  const built = await lessonData(db, user, input.lesson);
  if (!built.ok) return built;
  await db.lesson.update({ where: { id: lesson.id }, data: built.data });
  await contentChanged(db, request, user, course, { change: "lesson.updated", title: input.lesson.title });
  return { ok: true };
}

export async function removeLesson(
  db: Db,
  request: Request | null,
  user: CurrentUser,
  input: { courseId: string; lessonId: string; now?: Date },
): Promise<AuthoringResult<{ archived: boolean }>> {
  const course = await loadManagedCourse(db, user, input.courseId);
  if (!course) return fail("NOT_FOUND");
  const lesson = await db.lesson.findFirst({ where: { id: input.lessonId, courseId: course.id, archivedAt: null } });
  if (!lesson) return fail("NOT_FOUND");
  const enrolled = (await db.enrolment.count({ where: { courseId: course.id } })) > 0;
  if (enrolled) await db.lesson.update({ where: { id: lesson.id }, data: { archivedAt: input.now ?? new Date() } });
  else await db.lesson.delete({ where: { id: lesson.id } });
  await contentChanged(db, request, user, course, {
    change: "lesson.removed",
    title: lesson.title,
    archived: enrolled,
  });
  return { ok: true, archived: enrolled };
}

/** New position numbers 1..n in the given order; ids not in the course are refused. */
async function renumber(
  tx: DbOrTx,
  kind: "module" | "lesson",
  ids: readonly string[],
  scope: { courseId: string; moduleId?: string },
): Promise<boolean> {
  if (kind === "module") {
    const found = await tx.courseModule.count({ where: { id: { in: [...ids] }, courseId: scope.courseId } });
    if (found !== ids.length) return false;
    for (const [index, id] of ids.entries())
      await tx.courseModule.update({ where: { id }, data: { position: index + 1 } });
    return true;
  }
  const found = await tx.lesson.count({
    where: { id: { in: [...ids] }, courseId: scope.courseId, moduleId: scope.moduleId },
  });
  if (found !== ids.length) return false;
  for (const [index, id] of ids.entries()) await tx.lesson.update({ where: { id }, data: { position: index + 1 } });
  return true;
}

/**
 * Moves a module or a lesson one place up or down (the keyboard controls), or puts a whole
 * list in the order given (drag and drop). A lesson moved past the end of its module goes to
 * the next module — so lessons can change modules with the keyboard too.
 */
export async function reorder(
  db: Db,
  request: Request | null,
  user: CurrentUser,
  input: { courseId: string; kind: "module" | "lesson"; id: string; direction?: "up" | "down"; order?: string[] },
): Promise<AuthoringResult> {
  const course = await loadManagedCourse(db, user, input.courseId);
  if (!course) return fail("NOT_FOUND");
  const modules = await db.courseModule.findMany({
    where: { courseId: course.id, archivedAt: null },
    orderBy: { position: "asc" },
    select: { id: true, lessons: { where: { archivedAt: null }, orderBy: { position: "asc" }, select: { id: true } } },
  });
  const ok = await db.$transaction(async (tx) => {
    if (input.kind === "module") {
      const ids = modules.map((module) => module.id);
      const order = input.order ?? moved(ids, input.id, input.direction ?? "up");
      if (!order || order.length !== ids.length || !ids.every((id) => order.includes(id))) return false;
      return renumber(tx, "module", order, { courseId: course.id });
    }
    const home = modules.findIndex((module) => module.lessons.some((lesson) => lesson.id === input.id));
    if (home < 0) return false;
    const ids = modules[home].lessons.map((lesson) => lesson.id);
    if (input.order) {
      if (input.order.length !== ids.length || !ids.every((id) => input.order?.includes(id))) return false;
      return renumber(tx, "lesson", input.order, { courseId: course.id, moduleId: modules[home].id });
    }
    const direction = input.direction ?? "up";
    const index = ids.indexOf(input.id);
    const leavesModule = (direction === "up" && index === 0) || (direction === "down" && index === ids.length - 1);
    if (!leavesModule) {
      const order = moved(ids, input.id, direction);
      return order ? renumber(tx, "lesson", order, { courseId: course.id, moduleId: modules[home].id }) : false;
    }
    const target = modules[home + (direction === "up" ? -1 : 1)];
    if (!target) return true; // Already first or last of the course: nothing to do.
    const targetIds = target.lessons.map((lesson) => lesson.id);
    const order = direction === "up" ? [...targetIds, input.id] : [input.id, ...targetIds];
    await tx.lesson.update({ where: { id: input.id }, data: { moduleId: target.id } });
    await renumber(tx, "lesson", order, { courseId: course.id, moduleId: target.id });
    return renumber(
      tx,
      "lesson",
      ids.filter((id) => id !== input.id),
      { courseId: course.id, moduleId: modules[home].id },
    );
  });
  if (!ok) return fail("NOT_FOUND");
  await contentChanged(db, request, user, course, { change: `${input.kind}.reordered` });
  return { ok: true };
}

function moved(ids: readonly string[], id: string, direction: "up" | "down"): string[] | null {
  const index = ids.indexOf(id);
  if (index < 0) return null;
  const target = direction === "up" ? index - 1 : index + 1;
  if (target < 0 || target >= ids.length) return [...ids];
  const order = [...ids];
  [order[index], order[target]] = [order[target], order[index]];
  return order;
}
