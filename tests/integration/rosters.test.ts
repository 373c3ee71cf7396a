import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "~/auth/guards.server";
import { verifyPassword } from "~/auth/password.server";
import { foldText } from "~/questions/text";
import { assignCourse, rosterGroups } from "~/rosters/assignments.server";
import { importRoster, ROSTER_TEMPLATE_HEADERS } from "~/rosters/import.server";
import { seedDemoData } from "../../seeds/demo";
import { DEMO_COURSE } from "../../seeds/demo-course";
import { DEMO_TRAINING } from "../../seeds/demo-training";
import { createUserWithRole, currentUserFor, nodeId } from "../support/fixtures";
import { startTestRuntime, type TestRuntime } from "../support/runtime";

/** Roster import with row-level errors, matching and creating accounts, and assigning a course. */
let runtime: TestRuntime;
let organizer: CurrentUser;
let siblingOrganizer: CurrentUser;

async function workbook(rows: string[][]): Promise<{ name: string; bytes: Uint8Array }> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Danh sách");
  sheet.addRow(ROSTER_TEMPLATE_HEADERS);
  for (const row of rows) sheet.addRow(row);
  return { name: "danh-sach.xlsx", bytes: new Uint8Array(await book.xlsx.writeBuffer()) };
}

beforeAll(async () => {
  runtime = await startTestRuntime();
  await seedDemoData(runtime.db);
  organizer = await currentUserFor(
    runtime.db,
    (await createUserWithRole(runtime.db, { role: "ORGANIZER", nodeCode: "HP-KIMTHANH" })).id,
  );
  siblingOrganizer = await currentUserFor(
    runtime.db,
    (await createUserWithRole(runtime.db, { role: "ORGANIZER", nodeCode: "HP-HAIAN" })).id,
  );
});
afterAll(() => runtime?.stop());

describe("roster import", () => {
  it("reports every bad row with its line and column and imports nothing", async () => {
    const db = runtime.db;
    const kimThanh = await nodeId(db, "HP-KIMTHANH");
    // The demo seed has a roster of its own (seeds/demo-training.ts).
    const before = await db.rosterMember.count();
    const file = await workbook([
      ["Người Một (thử)", "0911000001", "", "Báo cáo viên pháp luật", "Báo cáo viên 2026", ""],
      ["X", "0911000002", "", "Báo cáo viên", "Báo cáo viên 2026", ""],
      ["Người Ba (thử)", "12345", "", "Tuyên truyền viên", "Tuyên truyền viên 2026", ""],
      ["Người Bốn (thử)", "", "", "Hòa giải viên", "Hòa giải 2026", ""],
      ["Người Năm (thử)", "0911000005", "", "Thợ điện", "Hòa giải 2026", ""],
      ["Người Sáu (thử)", "0911000001", "", "hoa giai vien o co so", "Hòa giải 2026", ""],
      ["Người Bảy (thử)", "0911000007", "", "Cán bộ, công chức", "Công chức 2026", "HP-HAIAN-UBND"],
    ]);
    const report = await importRoster(db, null, organizer, { nodeId: kimThanh, file, dryRun: false });
    expect(report.applied).toBe(false);
    expect(report.errors.map((error) => [error.line, error.column, error.message])).toEqual([
      [3, "fullName", "rosters.errors.fullName"],
      [4, "phone", "rosters.errors.phone"],
      [5, "phone", "rosters.errors.contactRequired"],
      [6, "role", "rosters.errors.role"],
      [7, "phone", "rosters.errors.duplicate"],
      [8, "unitCode", "rosters.errors.unitCode"],
    ]);
    expect(await db.rosterMember.count()).toBe(before);
  });

  it("matches existing accounts, creates the others with initial passwords, and a re-import changes nothing", async () => {
    const db = runtime.db;
    const kimThanh = await nodeId(db, "HP-KIMTHANH");
    const existing = await db.user.create({
      data: { fullName: "Đã Có Tài Khoản (thử)", phone: "0912000001", passwordHash: "x" },
    });
    const file = await workbook([
      ["Đã Có Tài Khoản (thử)", "0912 000 001", "", "Báo cáo viên pháp luật", "Báo cáo viên 2026", ""],
      ["Người Mới Một (thử)", "0912000002", "", "Báo cáo viên", "Báo cáo viên 2026", ""],
      ["Người Mới Hai (thử)", "", "moi.hai@test.example", "Hòa giải viên", "Hòa giải viên 2026", "HP-KIMTHANH-UBND"],
    ]);
    const checked = await importRoster(db, null, organizer, { nodeId: kimThanh, file, dryRun: true });
    expect(checked).toMatchObject({ total: 3, matched: 1, created: 2, errors: [], applied: false });
    expect(await db.user.count({ where: { phone: "0912000002" } })).toBe(0);

    const applied = await importRoster(db, null, organizer, { nodeId: kimThanh, file, dryRun: false });
    expect(applied).toMatchObject({ applied: true, matched: 1, created: 2 });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(applied.passwords as unknown as ArrayBuffer);
    const rows = book.worksheets[0].getSheetValues().slice(2, 4) as unknown[][];
    const created = await db.user.findUniqueOrThrow({ where: { phone: "0912000002" } });
    const row = rows.find((values) => values[2] === "0912000002") as unknown[];
    expect(await verifyPassword(created.passwordHash, String(row[3]))).toBe(true);
    expect(created.mustChangePassword).toBe(true);
    expect(await db.membership.count({ where: { userId: existing.id, role: "LEARNER", orgNodeId: kimThanh } })).toBe(1);
    const unit = await nodeId(db, "HP-KIMTHANH-UBND");
    expect(await db.rosterMember.count({ where: { orgNodeId: unit, groupKey: "hoa giai vien 2026" } })).toBe(1);

    const again = await importRoster(db, null, organizer, { nodeId: kimThanh, file, dryRun: false });
    expect(again).toMatchObject({ applied: true, matched: 3, created: 0 });
    expect(again.passwords).toBeUndefined();
    expect(
      await db.rosterMember.count({
        where: {
          orgNode: { code: { startsWith: "HP-KIMTHANH" } },
          groupKey: { not: foldText(DEMO_TRAINING.groupName) },
        },
      }),
    ).toBe(3);
  });

  it("refuses an organizer of another commune", async () => {
    const file = await workbook([["Người Một (thử)", "0913000001", "", "Báo cáo viên", "Nhóm", ""]]);
    const report = await importRoster(runtime.db, null, siblingOrganizer, {
      nodeId: await nodeId(runtime.db, "HP-KIMTHANH"),
      file,
      dryRun: true,
    });
    expect(report.fileError?.message).toBe("errors.forbidden");
  });
});

describe("assigning a course to a roster group", () => {
  it("enrols every member with the due date, keeps existing enrolments, and is audited", async () => {
    const db = runtime.db;
    const kimThanh = await nodeId(db, "HP-KIMTHANH");
    const groups = await rosterGroups(db, organizer);
    const reporters = groups.find((group) => group.groupName === "Báo cáo viên 2026");
    expect(reporters?.members).toBe(2);
    expect(await rosterGroups(db, siblingOrganizer)).toEqual([]);
    const course = await db.course.findUniqueOrThrow({ where: { slug: DEMO_COURSE.slug } });
    const member = await db.user.findUniqueOrThrow({ where: { phone: "0912000001" } });
    await db.enrolment.create({ data: { courseId: course.id, userId: member.id, source: "SELF" } });
    const dueAt = new Date("2027-03-31T16:59:00Z");

    expect(
      await assignCourse(db, null, siblingOrganizer, {
        courseId: course.id,
        orgNodeId: kimThanh,
        groupKey: "bao cao vien 2026",
        dueAt,
      }),
    ).toMatchObject({ ok: false, code: "FORBIDDEN" });
    const result = await assignCourse(db, null, organizer, {
      courseId: course.id,
      orgNodeId: kimThanh,
      groupKey: "bao cao vien 2026",
      dueAt,
    });
    expect(result).toEqual({ ok: true, enrolled: 1, alreadyEnrolled: 1 });
    const enrolments = await db.enrolment.findMany({ where: { courseId: course.id }, orderBy: { enrolledAt: "asc" } });
    expect(enrolments.map((enrolment) => [enrolment.source, enrolment.dueAt?.toISOString()])).toEqual([
      ["SELF", dueAt.toISOString()],
      ["ASSIGNED", dueAt.toISOString()],
    ]);
    expect(await db.auditLog.count({ where: { action: "course.assigned", targetId: course.id } })).toBe(1);
  });

  it("enrols people who join the group later, in a unit below, as their rows are imported; other groups are left alone", async () => {
    const db = runtime.db;
    const kimThanh = await nodeId(db, "HP-KIMTHANH");
    const course = await db.course.findUniqueOrThrow({ where: { slug: DEMO_COURSE.slug } });
    const assignment = await db.courseAssignment.findFirstOrThrow({
      where: { courseId: course.id, groupKey: "bao cao vien 2026" },
    });
    const file = await workbook([
      ["Báo Cáo Viên Mới (thử)", "0912000031", "", "Báo cáo viên", "Báo cáo viên 2026", "HP-KIMTHANH-UBND"],
      ["Tuyên Truyền Viên (thử)", "0912000032", "", "Tuyên truyền viên", "Tuyên truyền viên 2026", ""],
    ]);
    const applied = await importRoster(db, null, organizer, { nodeId: kimThanh, file, dryRun: false });
    expect(applied).toMatchObject({ applied: true, created: 2, enrolled: 1 });
    const joined = await db.user.findUniqueOrThrow({ where: { phone: "0912000031" }, include: { enrolments: true } });
    expect(joined.enrolments).toEqual([
      expect.objectContaining({ courseId: course.id, source: "ASSIGNED", dueAt: assignment.dueAt }),
    ]);
    const other = await db.user.findUniqueOrThrow({ where: { phone: "0912000032" }, include: { enrolments: true } });
    expect(other.enrolments).toEqual([]);
    // Importing the same rows again enrols nobody twice.
    expect(await importRoster(db, null, organizer, { nodeId: kimThanh, file, dryRun: false })).toMatchObject({
      applied: true,
      enrolled: 0,
    });
  });
});
