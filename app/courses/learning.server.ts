/**
 * The learner's side of courses: the catalogue (search ignores diacritics), enrolling, the
 * course outline with progress and locks, and "continue where I left off".
 */
import type { Db } from "~/db/client.server";
import type { Prisma } from "~/generated/prisma/client";
import { foldText } from "~/questions/text";
import { nextLesson } from "./completion";
import { courseOpenForStudy, courseStanding, type LearnResult, learnFail } from "./progress.server";

export interface CatalogueQuery {
  q?: string;
  category?: string;
  audience?: string;
  page?: number;
}

export const CATALOGUE_PAGE_SIZE = 12;

/** Published courses, newest first; each word of the query must appear (accents and case ignored). */
export async function catalogue(db: Db, query: CatalogueQuery, userId: string | null, now = new Date()) {
  const words = foldText(query.q ?? "")
    .split(" ")
    .filter(Boolean)
    .slice(0, 8);
  const where: Prisma.CourseWhereInput = {
    status: "PUBLISHED",
    AND: [
      ...words.map((word) => ({ searchText: { contains: word } })),
      ...(query.category ? [{ category: query.category }] : []),
      ...(query.audience ? [{ audience: { has: query.audience } }] : []),
      { OR: [{ closesAt: null }, { closesAt: { gt: now } }] },
    ],
  };
  const page = Math.max(1, Math.min(1000, query.page ?? 1));
  const [total, courses, facets] = await Promise.all([
    db.course.count({ where }),
    db.course.findMany({
      where,
      orderBy: [{ publishedAt: "desc" }, { title: "asc" }],
      skip: (page - 1) * CATALOGUE_PAGE_SIZE,
      take: CATALOGUE_PAGE_SIZE,
      select: {
        id: true,
        slug: true,
        title: true,
        summary: true,
        category: true,
        audience: true,
        estimatedMinutes: true,
        coverUrl: true,
        isDemo: true,
        orgNode: { select: { name: true } },
        _count: { select: { lessons: { where: { archivedAt: null } } } },
      },
    }),
    db.course.findMany({
      where: { status: "PUBLISHED" },
      select: { category: true, audience: true },
      take: 2000,
    }),
  ]);
  const enrolments = userId
    ? await db.enrolment.findMany({
        where: { userId, courseId: { in: courses.map((course) => course.id) } },
        select: { courseId: true, completedAt: true },
      })
    : [];
  const enrolled = new Map(enrolments.map((enrolment) => [enrolment.courseId, enrolment]));
  return {
    total,
    page,
    pageSize: CATALOGUE_PAGE_SIZE,
    categories: [...new Set(facets.map((course) => course.category))].sort((a, b) => a.localeCompare(b, "vi")),
    audiences: [...new Set(facets.flatMap((course) => course.audience))].sort((a, b) => a.localeCompare(b, "vi")),
    courses: courses.map(({ _count, ...course }) => ({
      ...course,
      lessonCount: _count.lessons,
      enrolment: enrolled.has(course.id) ? { completed: Boolean(enrolled.get(course.id)?.completedAt) } : null,
    })),
  };
}

export async function enrol(
  db: Db,
  input: { userId: string; courseId: string; now?: Date },
): Promise<LearnResult<{ enrolmentId: string; alreadyEnrolled: boolean }>> {
  const now = input.now ?? new Date();
  const course = await db.course.findUnique({ where: { id: input.courseId } });
  if (!course || course.status !== "PUBLISHED") return learnFail("NOT_FOUND");
  const existing = await db.enrolment.findUnique({
    where: { courseId_userId: { courseId: course.id, userId: input.userId } },
    select: { id: true },
  });
  if (existing) return { ok: true, enrolmentId: existing.id, alreadyEnrolled: true };
  if (!courseOpenForStudy(course, now)) return learnFail("COURSE_CLOSED");
  const enrolment = await db.enrolment.upsert({
    where: { courseId_userId: { courseId: course.id, userId: input.userId } },
    create: { courseId: course.id, userId: input.userId, source: "SELF", enrolledAt: now },
    update: {},
  });
  return { ok: true, enrolmentId: enrolment.id, alreadyEnrolled: false };
}

/**
 * A course page for a learner (or a visitor): modules and lessons in order, and when enrolled,
 * each lesson's state (done, open, locked), progress per module and course, and the lesson to
 * continue with. Null when the course is not published (or archived and the visitor never enrolled).
 */
export async function courseOutline(db: Db, input: { slug: string; userId: string | null; now?: Date }) {
  const course = await db.course.findUnique({
    where: { slug: input.slug },
    include: {
      orgNode: { select: { name: true } },
      modules: { where: { archivedAt: null }, orderBy: { position: "asc" }, select: { id: true, title: true } },
    },
  });
  if (!course) return null;
  const enrolment = input.userId
    ? await db.enrolment.findUnique({ where: { courseId_userId: { courseId: course.id, userId: input.userId } } })
    : null;
  if (course.status !== "PUBLISHED" && !enrolment) return null;
  const certificate = enrolment
    ? await db.courseCertificate.findUnique({
        where: { enrolmentId: enrolment.id },
        select: { code: true, revokedAt: true },
      })
    : null;
  const standing = await courseStanding(db, {
    courseId: course.id,
    enrolmentId: enrolment?.id ?? "",
    sequential: course.sequential,
  });
  const rules = standing.lessons.map((lesson) => ({ ...lesson }));
  const continueWith = enrolment
    ? enrolment.lastLessonId &&
      standing.unlocked.has(enrolment.lastLessonId) &&
      !standing.completed.has(enrolment.lastLessonId)
      ? enrolment.lastLessonId
      : nextLesson(rules, standing.completed, standing.unlocked)
    : null;
  const lessonState = (id: string) =>
    standing.completed.has(id) ? "done" : standing.unlocked.has(id) ? "open" : "locked";
  return {
    course: {
      id: course.id,
      slug: course.slug,
      title: course.title,
      summary: course.summary,
      category: course.category,
      audience: course.audience,
      estimatedMinutes: course.estimatedMinutes,
      coverUrl: course.coverUrl,
      sequential: course.sequential,
      isDemo: course.isDemo,
      status: course.status,
      orgNodeName: course.orgNode.name,
      openForStudy: courseOpenForStudy(course, input.now ?? new Date()),
      opensAt: course.opensAt?.toISOString() ?? null,
      closesAt: course.closesAt?.toISOString() ?? null,
    },
    enrolment: enrolment
      ? {
          completedAt: enrolment.completedAt?.toISOString() ?? null,
          percent: enrolment.completedAt ? 100 : standing.completion.percent,
          requiredDone: standing.completion.requiredDone,
          requiredTotal: standing.completion.requiredTotal,
          continueWith,
          certificate: certificate ? { code: certificate.code, revoked: certificate.revokedAt !== null } : null,
        }
      : null,
    modules: course.modules.map((module) => {
      const lessons = standing.lessons.filter((lesson) => lesson.moduleId === module.id);
      const required = lessons.filter((lesson) => lesson.required || lesson.isFinalTest);
      const done = required.filter((lesson) => standing.completed.has(lesson.id)).length;
      return {
        id: module.id,
        title: module.title,
        percent: required.length === 0 ? 100 : Math.floor((done / required.length) * 100),
        lessons: lessons.map((lesson) => ({
          id: lesson.id,
          title: lesson.title,
          type: lesson.type,
          required: lesson.required,
          isFinalTest: lesson.isFinalTest,
          durationSeconds: lesson.durationSeconds,
          state: enrolment ? lessonState(lesson.id) : ("locked" as const),
        })),
      };
    }),
  };
}

/** The learner's courses, most recently studied first, each with its progress and where to continue. */
export async function myCourses(db: Db, userId: string) {
  const enrolments = await db.enrolment.findMany({
    where: { userId },
    orderBy: [{ lastActivityAt: { sort: "desc", nulls: "last" } }, { enrolledAt: "desc" }],
    include: { course: { select: { id: true, slug: true, title: true, sequential: true, isDemo: true } } },
  });
  return Promise.all(
    enrolments.map(async (enrolment) => {
      const standing = await courseStanding(db, {
        courseId: enrolment.courseId,
        enrolmentId: enrolment.id,
        sequential: enrolment.course.sequential,
      });
      const next =
        enrolment.lastLessonId &&
        standing.unlocked.has(enrolment.lastLessonId) &&
        !standing.completed.has(enrolment.lastLessonId)
          ? enrolment.lastLessonId
          : nextLesson(standing.lessons, standing.completed, standing.unlocked);
      return {
        slug: enrolment.course.slug,
        title: enrolment.course.title,
        isDemo: enrolment.course.isDemo,
        percent: enrolment.completedAt ? 100 : standing.completion.percent,
        completedAt: enrolment.completedAt?.toISOString() ?? null,
        dueAt: enrolment.dueAt?.toISOString() ?? null,
        lastActivityAt: enrolment.lastActivityAt?.toISOString() ?? null,
        continueWith: next
          ? { id: next, title: standing.lessons.find((lesson) => lesson.id === next)?.title ?? "" }
          : null,
      };
    }),
  );
}
