import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { personalDataOf } from "~/account/personal-data.server";
import type { CurrentUser } from "~/auth/guards.server";
import { createCourse, publishCourse, updateCourse, withdrawCourse } from "~/courses/authoring.server";
import { courseSchema } from "~/courses/schemas";
import type { Db } from "~/db/client.server";
import { activityTotals, trainingScopeOf, trainingShare } from "~/training/activities.server";
import { ATTENDANCE_TEMPLATE_HEADERS, importAttendance, setAttendance } from "~/training/attendance.server";
import { sessionSchema } from "~/training/schemas";
import { createSession, loadManagedActivity, updateSession } from "~/training/sessions.server";
import { seedDemoData } from "../../seeds/demo";
import { DEMO_COURSE } from "../../seeds/demo-course";
import { DEMO_TRAINING, demoRosterEmail, seedDemoTraining } from "../../seeds/demo-training";
import { createUserWithRole, currentUserFor, nodeId } from "../support/fixtures";
import { startTestRuntime, type TestRuntime } from "../support/runtime";

/** Training activities (issue 6 §6): online runs, offline sessions, attendance, the share held online. */
let runtime: TestRuntime;
let organizer: CurrentUser;
let siblingOrganizer: CurrentUser;
let admin: CurrentUser;

const session = (fields: Record<string, string>) =>
  sessionSchema.parse({
    title: "Tập huấn Luật Hòa giải ở cơ sở (thử)",
    startsAt: "2026-11-20T08:00",
    place: "Hội trường xã",
    trainer: "Báo cáo viên thành phố",
    hours: "3",
    ...fields,
  });

async function attendanceFile(rows: string[][]): Promise<{ name: string; bytes: Uint8Array }> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Điểm danh");
  sheet.addRow(ATTENDANCE_TEMPLATE_HEADERS);
  for (const row of rows) sheet.addRow(row);
  return { name: "diem-danh.xlsx", bytes: new Uint8Array(await book.xlsx.writeBuffer()) };
}

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
  admin = await currentUserFor(db, (await createUserWithRole(db, { role: "ADMIN", nodeCode: "HP" })).id);
});
afterAll(() => runtime?.stop());

describe("the demo seed", () => {
  it("has a roster of a dozen fake people for Kim Thành, a session with attendance, and the demo course's run", async () => {
    const db = runtime.db;
    const kimThanh = await nodeId(db, DEMO_TRAINING.nodeCode);
    const members = await db.rosterMember.findMany({ where: { orgNodeId: kimThanh } });
    expect(members).toHaveLength(12);
    expect(members.every((member) => member.email?.endsWith("@example.invalid") && member.phone === null)).toBe(true);
    expect(members.every((member) => member.fullName.startsWith("Cán bộ demo "))).toBe(true);
    const demoSession = await db.trainingActivity.findFirstOrThrow({ where: { kind: "OFFLINE", isDemo: true } });
    expect(await db.trainingAttendance.count({ where: { activityId: demoSession.id } })).toBe(DEMO_TRAINING.present);
    const course = await db.course.findUniqueOrThrow({ where: { slug: DEMO_COURSE.slug } });
    expect(await db.trainingActivity.count({ where: { courseId: course.id, kind: "ONLINE" } })).toBe(1);

    // Run again: nothing is added twice.
    await seedDemoTraining(db);
    expect(await db.rosterMember.count({ where: { orgNodeId: kimThanh } })).toBe(12);
    expect(await db.trainingActivity.count({ where: { kind: "OFFLINE", isDemo: true } })).toBe(1);
    expect(await db.trainingAttendance.count({ where: { activityId: demoSession.id } })).toBe(DEMO_TRAINING.present);
    expect(await db.user.count({ where: { email: demoRosterEmail(1) } })).toBe(1);

    // The sessions someone attended are part of their personal-data export.
    const attendee = await db.user.findUniqueOrThrow({ where: { email: demoRosterEmail(1) } });
    expect((await personalDataOf(db, attendee.id)).trainingSessionsAttended).toEqual([
      expect.objectContaining({ title: DEMO_TRAINING.sessionTitle, minutesCredited: DEMO_TRAINING.sessionMinutes }),
    ]);
  });
});

describe("online runs", () => {
  it("records one online activity when a course is published, and keeps it in step with the course", async () => {
    const db = runtime.db;
    const kimThanh = await nodeId(db, "HP-KIMTHANH");
    const form = {
      orgNodeId: kimThanh,
      title: "Luật Phổ biến, giáo dục pháp luật (thử)",
      category: "Luật PBGDPL",
      estimatedHours: "2",
      opensAt: "2026-12-01T08:00",
    };
    const created = await createCourse(db, null, organizer, courseSchema.parse(form));
    if (!created.ok) throw new Error(created.code);
    expect(await db.trainingActivity.count({ where: { courseId: created.courseId } })).toBe(0);
    const module = await db.courseModule.create({
      data: { courseId: created.courseId, title: "Chương 1", position: 1 },
    });
    await db.lesson.create({
      data: {
        courseId: created.courseId,
        moduleId: module.id,
        title: "Bài 1",
        type: "TEXT",
        position: 1,
        body: "<p>x</p>",
      },
    });

    expect(await publishCourse(db, null, organizer, created.courseId)).toEqual({ ok: true });
    expect(await publishCourse(db, null, organizer, created.courseId)).toEqual({ ok: true });
    const runs = await db.trainingActivity.findMany({ where: { courseId: created.courseId } });
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({
      kind: "ONLINE",
      orgNodeId: kimThanh,
      durationMinutes: 120,
      startsAt: new Date("2026-12-01T01:00:00Z"),
      endsAt: null,
    });

    const edited = await updateCourse(
      db,
      null,
      organizer,
      created.courseId,
      courseSchema.parse({
        ...form,
        title: "Luật PBGDPL sửa đổi (thử)",
        estimatedHours: "1,5",
        closesAt: "2027-01-31T17:00",
      }),
    );
    expect(edited).toEqual({ ok: true });
    expect(await db.trainingActivity.findUniqueOrThrow({ where: { courseId: created.courseId } })).toMatchObject({
      id: runs[0].id,
      title: "Luật PBGDPL sửa đổi (thử)",
      durationMinutes: 90,
      endsAt: new Date("2027-01-31T10:00:00Z"),
    });

    // Back to draft while nobody enrolled: it was never run.
    expect(await withdrawCourse(db, null, organizer, created.courseId)).toEqual({ ok: true, status: "DRAFT" });
    expect(await db.trainingActivity.count({ where: { courseId: created.courseId } })).toBe(0);
    // Published again after an enrolment, then withdrawn: archived, the run stays.
    await publishCourse(db, null, organizer, created.courseId);
    const learner = await db.user.create({
      data: { fullName: "Học viên thử", email: "hv-run@test.example", passwordHash: "x" },
    });
    await db.enrolment.create({ data: { courseId: created.courseId, userId: learner.id } });
    expect(await withdrawCourse(db, null, organizer, created.courseId)).toEqual({ ok: true, status: "ARCHIVED" });
    expect(await db.trainingActivity.count({ where: { courseId: created.courseId } })).toBe(1);
  });
});

describe("offline sessions and attendance", () => {
  it("records a session, audited, and keeps other communes' organizers out", async () => {
    const db = runtime.db;
    const kimThanh = await nodeId(db, "HP-KIMTHANH");
    const refused = await createSession(db, null, siblingOrganizer, session({ orgNodeId: kimThanh }));
    expect(refused).toMatchObject({ ok: false, code: "FORBIDDEN" });
    const created = await createSession(db, null, organizer, session({ orgNodeId: kimThanh }));
    if (!created.ok) throw new Error(created.code);
    expect(await db.trainingActivity.findUniqueOrThrow({ where: { id: created.activityId } })).toMatchObject({
      kind: "OFFLINE",
      durationMinutes: 180,
      startsAt: new Date("2026-11-20T01:00:00Z"),
      place: "Hội trường xã",
      createdById: organizer.id,
    });
    expect(await db.auditLog.count({ where: { action: "training.created", targetId: created.activityId } })).toBe(1);

    expect(await loadManagedActivity(db, siblingOrganizer, created.activityId)).toBeNull();
    expect(await loadManagedActivity(db, admin, created.activityId)).not.toBeNull();
    expect(
      await updateSession(
        db,
        null,
        siblingOrganizer,
        created.activityId,
        session({ orgNodeId: kimThanh, title: "Sửa trộm" }),
      ),
    ).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await setAttendance(db, null, siblingOrganizer, created.activityId, [])).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
    const imported = await importAttendance(db, null, siblingOrganizer, {
      activityId: created.activityId,
      file: await attendanceFile([["", "", demoRosterEmail(1), ""]]),
    });
    expect(imported.fileError?.message).toBe("training.errors.NOT_FOUND");
    // Nor can a session be moved into another commune.
    expect(
      await updateSession(
        db,
        null,
        organizer,
        created.activityId,
        session({ orgNodeId: await nodeId(db, "HP-HAIAN") }),
      ),
    ).toMatchObject({ ok: false, code: "FORBIDDEN" });
    const siblingScope = await activityTotals(db, trainingScopeOf(siblingOrganizer), {
      from: new Date("2000-01-01"),
      to: new Date("2100-01-01"),
    });
    expect(siblingScope.map((row) => row.id)).not.toContain(created.activityId);
  });

  it("ticks attendance from the roster, refuses another commune's members, and credits the session's length", async () => {
    const db = runtime.db;
    const kimThanh = await nodeId(db, "HP-KIMTHANH");
    const created = await createSession(
      db,
      null,
      organizer,
      session({ orgNodeId: kimThanh, title: "Buổi điểm danh (thử)" }),
    );
    if (!created.ok) throw new Error(created.code);
    const members = await db.rosterMember.findMany({ where: { orgNodeId: kimThanh }, orderBy: { email: "asc" } });
    const ids = members.slice(0, 3).map((member) => member.id);

    expect(await setAttendance(db, null, organizer, created.activityId, ids)).toEqual({
      ok: true,
      added: 3,
      removed: 0,
    });
    expect(await setAttendance(db, null, organizer, created.activityId, ids.slice(0, 2))).toEqual({
      ok: true,
      added: 0,
      removed: 1,
    });
    const rows = await db.trainingAttendance.findMany({ where: { activityId: created.activityId } });
    expect(rows.map((row) => row.minutesCredited)).toEqual([180, 180]);
    expect(
      await db.auditLog.count({ where: { action: "training.attendance_changed", targetId: created.activityId } }),
    ).toBe(2);

    const stranger = await db.user.create({
      data: { fullName: "Người Hải An (thử)", email: "hai-an@test.example", passwordHash: "x" },
    });
    const other = await db.rosterMember.create({
      data: {
        orgNodeId: await nodeId(db, "HP-HAIAN"),
        userId: stranger.id,
        fullName: stranger.fullName,
        email: stranger.email,
        role: "OFFICIAL",
        groupName: "Nhóm",
        groupKey: "nhom",
      },
    });
    expect(await setAttendance(db, null, organizer, created.activityId, [...ids, other.id])).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    expect(await db.trainingAttendance.count({ where: { activityId: created.activityId } })).toBe(2);

    // Two hours instead of three: those credited the whole session get the new length.
    expect(
      await updateSession(db, null, organizer, created.activityId, session({ orgNodeId: kimThanh, hours: "2" })),
    ).toEqual({ ok: true });
    expect(
      (await db.trainingAttendance.findMany({ where: { activityId: created.activityId } })).map(
        (r) => r.minutesCredited,
      ),
    ).toEqual([120, 120]);
    expect(await db.auditLog.count({ where: { action: "training.updated", targetId: created.activityId } })).toBe(1);
  });

  it("imports attendance from Excel: every bad row reported and nothing saved, then a clean file", async () => {
    const db = runtime.db;
    const kimThanh = await nodeId(db, "HP-KIMTHANH");
    const created = await createSession(
      db,
      null,
      organizer,
      session({ orgNodeId: kimThanh, title: "Buổi nhập điểm danh (thử)" }),
    );
    if (!created.ok) throw new Error(created.code);
    const bad = await importAttendance(db, null, organizer, {
      activityId: created.activityId,
      file: await attendanceFile([
        ["Cán bộ demo 01", "", demoRosterEmail(1), "1,5"],
        ["Số sai", "12345", "", ""],
        ["Không liên lạc", "", "", ""],
        ["Người lạ", "", "nguoi.la@test.example", ""],
        ["Lặp lại", "", demoRosterEmail(1).toUpperCase(), ""],
        ["Quá giờ", "", demoRosterEmail(2), "10"],
        ["Hải An", "", "hai-an@test.example", ""],
      ]),
    });
    expect(bad.applied).toBe(false);
    expect(bad.errors.map((error) => [error.line, error.column, error.message])).toEqual([
      [3, "phone", "training.errors.phone"],
      [4, "phone", "training.errors.contactRequired"],
      [5, "email", "training.errors.notInRoster"],
      [6, "email", "training.errors.duplicate"],
      [7, "hours", "training.errors.rowHours"],
      [8, "email", "training.errors.notInRoster"],
    ]);
    expect(await db.trainingAttendance.count({ where: { activityId: created.activityId } })).toBe(0);

    const good = await importAttendance(db, null, organizer, {
      activityId: created.activityId,
      file: await attendanceFile([
        ["Cán bộ demo 01", "", demoRosterEmail(1), "1,5"],
        ["Cán bộ demo 02", "", demoRosterEmail(2), ""],
      ]),
    });
    expect(good).toMatchObject({ applied: true, matched: 2, errors: [] });
    const credited = await db.trainingAttendance.findMany({
      where: { activityId: created.activityId },
      include: { user: { select: { email: true } } },
      orderBy: { minutesCredited: "asc" },
    });
    expect(credited.map((row) => [row.user.email, row.minutesCredited])).toEqual([
      [demoRosterEmail(1), 90],
      [demoRosterEmail(2), 180],
    ]);
    expect(
      await db.auditLog.count({ where: { action: "training.attendance_imported", targetId: created.activityId } }),
    ).toBe(1);
  });

  it("refuses to edit an online run as a session", async () => {
    const db = runtime.db;
    const course = await db.course.findUniqueOrThrow({ where: { slug: DEMO_COURSE.slug } });
    const run = await db.trainingActivity.findUniqueOrThrow({ where: { courseId: course.id } });
    expect(await updateSession(db, null, organizer, run.id, session({ orgNodeId: course.orgNodeId }))).toMatchObject({
      ok: false,
      code: "ONLINE_READ_ONLY",
    });
    expect(await setAttendance(db, null, organizer, run.id, [])).toMatchObject({ ok: false, code: "ONLINE_READ_ONLY" });
  });
});

/**
 * Hand-computed: in 2030 (Vietnam time) under Hải An —
 *   A offline, Hải An,        10 Mar, attendees 120 + 120 + 60 min = 300, 3 people
 *   B offline, Hải An UBND,    1 May, attendees 90 + 90             = 180, 2 people
 *   C online,  Hải An,  opens  1 Feb, 60 min, 4 enrolled, 3 completed = 180, 4 people
 *   E offline, Hải An, 31 Dec 20:00 → 1 Jan 2031 02:00, 1 × 240    = 240, 1 person (counted: starts in 2030)
 *   D offline, Hải An, 31 Dec 2029 22:00 → 1 Jan 2030 03:00, 1 × 300 (not counted: starts in 2029)
 *   F offline, Kim Thành, 1 Jun, 1 × 60 (outside Hải An, inside Hải Phòng)
 * Hải An 2030: 4 activities, 1 online (0.25); 10 participants, 4 online; 900 min, 180 online (0.2).
 * Hải Phòng 2030: 5 activities, 1 online (0.2); 11 participants; 960 min, 180 online (0.1875).
 */
describe("share of training held online", () => {
  const year2030 = { from: new Date("2029-12-31T17:00:00Z"), to: new Date("2030-12-31T17:00:00Z") };

  async function person(db: Db, label: string) {
    return (
      await db.user.create({
        data: { fullName: `Người ${label} (thử)`, email: `share-${label}@test.example`, passwordHash: "x" },
      })
    ).id;
  }

  async function offline(db: Db, node: string, startsAt: string, minutes: number[], duration: number, label: string) {
    const activity = await db.trainingActivity.create({
      data: {
        kind: "OFFLINE",
        orgNodeId: await nodeId(db, node),
        title: `Buổi ${label} (thử)`,
        startsAt: new Date(startsAt),
        durationMinutes: duration,
      },
    });
    for (const [index, credited] of minutes.entries())
      await db.trainingAttendance.create({
        data: { activityId: activity.id, userId: await person(db, `${label}${index}`), minutesCredited: credited },
      });
    return activity.id;
  }

  it("counts online vs all activities and participant-hours by the period an activity starts in", async () => {
    const db = runtime.db;
    const haiAn = await nodeId(db, "HP-HAIAN");
    await offline(db, "HP-HAIAN", "2030-03-10T01:00:00Z", [120, 120, 60], 120, "A");
    await offline(db, "HP-HAIAN-UBND", "2030-05-01T01:00:00Z", [90, 90], 90, "B");
    await offline(db, "HP-HAIAN", "2030-12-31T13:00:00Z", [240], 360, "E");
    await offline(db, "HP-HAIAN", "2029-12-31T15:00:00Z", [300], 300, "D");
    await offline(db, "HP-KIMTHANH", "2030-06-01T01:00:00Z", [60], 60, "F");
    const course = await db.course.create({
      data: {
        orgNodeId: haiAn,
        title: "Khóa học trực tuyến C (thử)",
        slug: "khoa-hoc-c-thu",
        category: "Thử",
        estimatedMinutes: 60,
        searchText: "khoa hoc c",
        status: "PUBLISHED",
        opensAt: new Date("2030-01-31T17:00:00Z"),
        publishedAt: new Date("2030-01-20T00:00:00Z"),
      },
    });
    await db.trainingActivity.create({
      data: {
        kind: "ONLINE",
        orgNodeId: haiAn,
        title: course.title,
        startsAt: course.opensAt as Date,
        durationMinutes: 60,
        courseId: course.id,
      },
    });
    for (const [index, done] of [true, true, true, false].entries())
      await db.enrolment.create({
        data: {
          courseId: course.id,
          userId: await person(db, `C${index}`),
          completedAt: done ? new Date("2030-03-01T00:00:00Z") : null,
        },
      });

    expect(await trainingShare(db, { nodeIds: [haiAn] }, year2030)).toEqual({
      activities: { online: 1, total: 4 },
      participants: { online: 4, total: 10 },
      participantMinutes: { online: 180, total: 900 },
      shareByActivities: 0.25,
      shareByParticipantHours: 0.2,
    });
    const hp = await nodeId(db, "HP");
    const province = await trainingShare(db, { nodeIds: [hp] }, year2030);
    expect(province).toMatchObject({
      activities: { online: 1, total: 5 },
      participants: { online: 4, total: 11 },
      participantMinutes: { online: 180, total: 960 },
      shareByActivities: 0.2,
      shareByParticipantHours: 0.1875,
    });
    // Overlapping nodes count each activity once.
    expect(await trainingShare(db, { nodeIds: [hp, haiAn] }, year2030)).toEqual(province);
    // The activity that started on 31 December 2029 belongs to 2029.
    expect(
      await trainingShare(db, { nodeIds: [haiAn] }, { from: new Date("2028-12-31T17:00:00Z"), to: year2030.from }),
    ).toMatchObject({ activities: { online: 0, total: 1 }, participantMinutes: { online: 0, total: 300 } });
    // Nothing at all: no share rather than 0 %.
    expect(
      await trainingShare(db, { nodeIds: [haiAn] }, { from: new Date("2040-01-01"), to: new Date("2041-01-01") }),
    ).toMatchObject({ activities: { online: 0, total: 0 }, shareByActivities: null, shareByParticipantHours: null });
    // An unknown node is nothing, never everything.
    expect((await trainingShare(db, { nodeIds: ["no-such-node"] }, year2030)).activities.total).toBe(0);
  });
});
