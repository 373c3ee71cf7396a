/**
 * Roster groups and course assignments (issue 6): an organizer assigns a published course to a
 * roster group of their node (and the units below it) with a due date; every member is enrolled
 * (source ASSIGNED), and members who join the group later are enrolled as their roster rows are
 * imported (`enrolInStandingAssignments`). An existing enrolment keeps its progress.
 */
import { audit } from "~/audit/audit.server";
import { hasRole, managedRoots } from "~/auth/access";
import type { CurrentUser } from "~/auth/guards.server";
import type { Db, DbOrTx } from "~/db/client.server";
import type { Prisma } from "~/generated/prisma/client";
import { scopeFilter } from "~/org/tree.server";

/** Roster groups of the organizer's subtrees: name, node and size. */
export async function rosterGroups(db: Db, user: CurrentUser) {
  const groups = await db.rosterMember.groupBy({
    by: ["orgNodeId", "groupKey", "groupName"],
    where: { orgNode: scopeFilter(user) },
    _count: { _all: true },
    orderBy: [{ groupName: "asc" }],
  });
  const nodes = await db.orgNode.findMany({
    where: { id: { in: [...new Set(groups.map((group) => group.orgNodeId))] } },
    select: { id: true, name: true },
  });
  const nodeName = new Map(nodes.map((node) => [node.id, node.name]));
  return groups.map((group) => ({
    orgNodeId: group.orgNodeId,
    nodeName: nodeName.get(group.orgNodeId) ?? "",
    groupKey: group.groupKey,
    groupName: group.groupName,
    members: group._count._all,
  }));
}

/** Published courses an organizer may assign: their subtrees' own, and those of the nodes above them. */
export function assignableCoursesFilter(user: CurrentUser): Prisma.CourseWhereInput {
  const roots = managedRoots(user.grants);
  if (roots === null) return { status: "PUBLISHED" };
  const ancestorIds = [...new Set(roots.flatMap((root) => root.orgNodePath.split("/").filter(Boolean)))];
  return {
    status: "PUBLISHED",
    OR: [{ orgNode: scopeFilter(user) }, { orgNodeId: { in: ancestorIds } }],
  };
}

export type AssignResult =
  | { ok: true; enrolled: number; alreadyEnrolled: number }
  | { ok: false; code: "FORBIDDEN" | "COURSE_NOT_FOUND" | "GROUP_EMPTY"; message: string };

export async function assignCourse(
  db: Db,
  request: Request | null,
  user: CurrentUser,
  input: { courseId: string; orgNodeId: string; groupKey: string; dueAt: Date | null; now?: Date },
): Promise<AssignResult> {
  const node = await db.orgNode.findUnique({ where: { id: input.orgNodeId }, select: { id: true, path: true } });
  if (!node || !hasRole(user.grants, "ORGANIZER", node.path))
    return { ok: false, code: "FORBIDDEN", message: "errors.forbidden" };
  const course = await db.course.findFirst({
    where: { AND: [{ id: input.courseId }, assignableCoursesFilter(user)] },
    select: { id: true, title: true },
  });
  if (!course) return { ok: false, code: "COURSE_NOT_FOUND", message: "rosters.errors.courseNotFound" };
  const members = await db.rosterMember.findMany({
    where: { groupKey: input.groupKey, orgNode: { path: { startsWith: node.path } } },
    select: { userId: true, groupName: true },
  });
  if (members.length === 0) return { ok: false, code: "GROUP_EMPTY", message: "rosters.errors.groupEmpty" };
  const userIds = [...new Set(members.map((member) => member.userId))];
  const now = input.now ?? new Date();
  const result = await db.$transaction(async (tx) => {
    await tx.courseAssignment.upsert({
      where: { courseId_orgNodeId_groupKey: { courseId: course.id, orgNodeId: node.id, groupKey: input.groupKey } },
      create: {
        courseId: course.id,
        orgNodeId: node.id,
        groupKey: input.groupKey,
        groupName: members[0].groupName,
        dueAt: input.dueAt,
        assignedById: user.id,
      },
      update: { dueAt: input.dueAt, assignedById: user.id },
    });
    const created = await tx.enrolment.createMany({
      data: userIds.map((userId) => ({
        courseId: course.id,
        userId,
        source: "ASSIGNED" as const,
        assignedById: user.id,
        dueAt: input.dueAt,
        enrolledAt: now,
      })),
      skipDuplicates: true,
    });
    // Those already enrolled keep their progress and get the due date.
    await tx.enrolment.updateMany({
      where: { courseId: course.id, userId: { in: userIds }, completedAt: null },
      data: { dueAt: input.dueAt },
    });
    await audit(tx, request, {
      actorId: user.id,
      action: "course.assigned",
      targetType: "Course",
      targetId: course.id,
      orgNodeId: node.id,
      details: {
        group: members[0].groupName,
        members: userIds.length,
        enrolled: created.count,
        dueAt: input.dueAt?.toISOString() ?? null,
      },
    });
    return created.count;
  });
  return { ok: true, enrolled: result, alreadyEnrolled: userIds.length - result };
}

/**
 * Roster rows just imported: each person whose group has a course assigned at their node or a
 * node above it is enrolled in that course (with its due date), so a group assigned once stays
 * assigned as people join it. Returns the enrolments created.
 */
export async function enrolInStandingAssignments(
  tx: DbOrTx,
  members: ReadonlyArray<{ userId: string; nodePath: string; groupKey: string }>,
  now: Date = new Date(),
): Promise<number> {
  if (members.length === 0) return 0;
  const assignments = await tx.courseAssignment.findMany({
    where: {
      groupKey: { in: [...new Set(members.map((member) => member.groupKey))] },
      course: { status: "PUBLISHED" },
    },
    select: { courseId: true, orgNodeId: true, groupKey: true, dueAt: true, assignedById: true },
  });
  if (assignments.length === 0) return 0;
  const nodes = await tx.orgNode.findMany({
    where: { id: { in: [...new Set(assignments.map((assignment) => assignment.orgNodeId))] } },
    select: { id: true, path: true },
  });
  const pathOf = new Map(nodes.map((node) => [node.id, node.path]));
  const data = assignments.flatMap((assignment) => {
    const assignedPath = pathOf.get(assignment.orgNodeId);
    if (!assignedPath) return [];
    return members
      .filter((member) => member.groupKey === assignment.groupKey && member.nodePath.startsWith(assignedPath))
      .map((member) => ({
        courseId: assignment.courseId,
        userId: member.userId,
        source: "ASSIGNED" as const,
        assignedById: assignment.assignedById,
        dueAt: assignment.dueAt,
        enrolledAt: now,
      }));
  });
  if (data.length === 0) return 0;
  return (await tx.enrolment.createMany({ data, skipDuplicates: true })).count;
}

/** Courses assigned to groups of the organizer's subtrees, newest first, with how many of the group completed. */
export async function courseAssignments(db: Db, user: CurrentUser) {
  const nodes = await db.orgNode.findMany({ where: scopeFilter(user), select: { id: true, name: true, path: true } });
  const assignments = await db.courseAssignment.findMany({
    where: { orgNodeId: { in: nodes.map((node) => node.id) } },
    orderBy: { createdAt: "desc" },
    take: 100,
    select: {
      id: true,
      orgNodeId: true,
      groupKey: true,
      groupName: true,
      dueAt: true,
      courseId: true,
      course: { select: { title: true } },
    },
  });
  const byId = new Map(nodes.map((node) => [node.id, node]));
  return Promise.all(
    assignments.map(async (assignment) => {
      const node = byId.get(assignment.orgNodeId);
      const members = await db.rosterMember.findMany({
        where: { groupKey: assignment.groupKey, orgNode: { path: { startsWith: node?.path ?? "-" } } },
        select: { userId: true },
      });
      const completed = await db.enrolment.count({
        where: {
          courseId: assignment.courseId,
          userId: { in: members.map((m) => m.userId) },
          completedAt: { not: null },
        },
      });
      return {
        id: assignment.id,
        courseTitle: assignment.course.title,
        groupName: assignment.groupName,
        nodeName: node?.name ?? "",
        dueAt: assignment.dueAt?.toISOString() ?? null,
        members: members.length,
        completed,
      };
    }),
  );
}
