/**
 * Attendance of offline sessions (issue 6 §6): ticked from the roster of the session's node (and
 * the units below it), or imported from Excel/CSV with Vietnamese headers, rows matched to the
 * roster by phone or e-mail. As in the roster import, a file with any bad row records nothing
 * and every bad row is reported with its line, column and reason. A row means present; its
 * minutes are those credited (the whole session unless the file says fewer hours).
 */
import { z } from "zod";
import { audit } from "~/audit/audit.server";
import type { CurrentUser } from "~/auth/guards.server";
import { normalizeEmail, normalizePhone } from "~/auth/schemas";
import type { Db, DbOrTx } from "~/db/client.server";
import { buildTemplate, type ColumnAliases, readTable } from "~/imports/spreadsheet.server";
import { hoursToMinutes } from "./schemas";
import { loadManagedActivity, type TrainingResult, trainingFail } from "./sessions.server";

const COLUMNS = {
  fullName: { required: false, headers: ["Họ và tên", "Ho va ten", "Họ tên", "fullName"] },
  phone: { required: false, headers: ["Số điện thoại", "So dien thoai", "Điện thoại", "phone"] },
  email: { required: false, headers: ["Email", "Thư điện tử", "e-mail"] },
  hours: { required: false, headers: ["Số giờ tham dự", "So gio tham du", "Số giờ", "hours"] },
} satisfies ColumnAliases<string>;
export type AttendanceColumn = keyof typeof COLUMNS;

export const ATTENDANCE_TEMPLATE_HEADERS = ["Họ và tên", "Số điện thoại", "Email", "Số giờ tham dự"];

export function attendanceTemplate(): Promise<Buffer> {
  return buildTemplate(
    ATTENDANCE_TEMPLATE_HEADERS,
    [
      ["Nguyễn Văn Mẫu (dữ liệu mẫu)", "0900000001", "", ""],
      ["Trần Thị Ví Dụ (dữ liệu mẫu)", "", "vidu@example.org", "1,5"],
    ],
    "Điểm danh",
  );
}

type Activity = NonNullable<Awaited<ReturnType<typeof loadManagedActivity>>>;

/** The roster an attendance is taken from: members of the session's node and the units below it. */
function rosterOf(db: DbOrTx, activity: Activity) {
  return db.rosterMember.findMany({
    where: { orgNode: { path: { startsWith: activity.orgNode.path } } },
    orderBy: [{ groupName: "asc" }, { fullName: "asc" }],
    select: {
      id: true,
      userId: true,
      fullName: true,
      phone: true,
      email: true,
      role: true,
      groupName: true,
      orgNode: { select: { name: true } },
    },
  });
}

/** The session's roster with who was present and the minutes credited, for the attendance page. */
export async function attendanceSheet(db: DbOrTx, user: CurrentUser, activityId: string) {
  const activity = await loadManagedActivity(db, user, activityId);
  if (!activity) return null;
  const [roster, rows] = await Promise.all([
    rosterOf(db, activity),
    db.trainingAttendance.findMany({
      where: { activityId: activity.id },
      select: { userId: true, rosterMemberId: true, minutesCredited: true, user: { select: { fullName: true } } },
    }),
  ]);
  const byUser = new Map(rows.map((row) => [row.userId, row]));
  const rosterUsers = new Set(roster.map((member) => member.userId));
  return {
    activity,
    members: roster.map((member) => ({
      id: member.id,
      fullName: member.fullName,
      role: member.role,
      groupName: member.groupName,
      unit: member.orgNode.name,
      present: byUser.has(member.userId),
      minutes: byUser.get(member.userId)?.minutesCredited ?? null,
    })),
    // Present but no longer on this roster (removed, or the session moved to another unit).
    others: rows
      .filter((row) => !rosterUsers.has(row.userId))
      .map((row) => ({ fullName: row.user.fullName, minutes: row.minutesCredited })),
  };
}

/**
 * Sets who of the roster was present: the ticked members are present (credited the whole session
 * unless already recorded), the other roster members are not. Attendees who are not on the
 * roster any more are left as they are.
 */
export async function setAttendance(
  db: Db,
  request: Request | null,
  user: CurrentUser,
  activityId: string,
  presentMemberIds: string[],
): Promise<TrainingResult<{ added: number; removed: number }>> {
  const activity = await loadManagedActivity(db, user, activityId);
  if (!activity) return trainingFail("NOT_FOUND");
  if (activity.kind !== "OFFLINE") return trainingFail("ONLINE_READ_ONLY");
  const roster = await rosterOf(db, activity);
  const ticked = new Set(presentMemberIds);
  // An id that is not on this roster (another commune's member, a forged form) is refused outright.
  if ([...ticked].some((id) => !roster.some((member) => member.id === id))) return trainingFail("FORBIDDEN");
  const present = roster.filter((member) => ticked.has(member.id));
  const absentUserIds = roster.filter((member) => !ticked.has(member.id)).map((member) => member.userId);
  const result = await db.$transaction(async (tx) => {
    const added = await tx.trainingAttendance.createMany({
      data: present.map((member) => ({
        activityId: activity.id,
        userId: member.userId,
        rosterMemberId: member.id,
        minutesCredited: activity.durationMinutes,
        recordedById: user.id,
      })),
      skipDuplicates: true,
    });
    const removed = await tx.trainingAttendance.deleteMany({
      where: { activityId: activity.id, userId: { in: absentUserIds } },
    });
    if (added.count > 0 || removed.count > 0)
      await audit(tx, request, {
        actorId: user.id,
        action: "training.attendance_changed",
        targetType: "TrainingActivity",
        targetId: activity.id,
        orgNodeId: activity.orgNodeId,
        details: { added: added.count, removed: removed.count, present: present.length },
      });
    return { added: added.count, removed: removed.count };
  });
  return { ok: true, ...result };
}

export interface AttendanceRowError {
  line: number;
  column: AttendanceColumn | null;
  message: string;
  params?: Record<string, string>;
}

export interface AttendanceImportReport {
  fileError?: { message: string; params?: Record<string, string> };
  total: number;
  matched: number;
  errors: AttendanceRowError[];
  applied: boolean;
}

/**
 * Records attendance from a file: each row names a roster member by phone or e-mail and may give
 * the hours attended (at most the session's). Adds or updates those rows; removes nobody.
 */
export async function importAttendance(
  db: Db,
  request: Request | null,
  user: CurrentUser,
  input: { activityId: string; file: { name: string; bytes: Uint8Array } },
): Promise<AttendanceImportReport> {
  const empty = { total: 0, matched: 0, errors: [], applied: false };
  const activity = await loadManagedActivity(db, user, input.activityId);
  if (!activity) return { ...empty, fileError: { message: "training.errors.NOT_FOUND" } };
  if (activity.kind !== "OFFLINE") return { ...empty, fileError: { message: "training.errors.ONLINE_READ_ONLY" } };
  const table = await readTable(input.file, COLUMNS);
  if (!table.ok) return { ...empty, fileError: { message: table.message, params: table.params } };
  const roster = await rosterOf(db, activity);
  const accounts = await db.user.findMany({
    where: { id: { in: roster.map((member) => member.userId) } },
    select: { id: true, phone: true, email: true },
  });
  // A member is found by the phone or e-mail on the roster, or on their account.
  const byContact = new Map<string, (typeof roster)[number]>();
  const memberByUser = new Map(roster.map((member) => [member.userId, member]));
  for (const member of roster) {
    if (member.phone) byContact.set(member.phone, member);
    if (member.email) byContact.set(member.email, member);
  }
  for (const account of accounts) {
    const member = memberByUser.get(account.id);
    if (!member) continue;
    if (account.phone && !byContact.has(account.phone)) byContact.set(account.phone, member);
    if (account.email && !byContact.has(account.email)) byContact.set(account.email, member);
  }

  const errors: AttendanceRowError[] = [];
  const planned: Array<{ memberId: string; userId: string; minutes: number }> = [];
  const seen = new Map<string, number>();
  for (const { line, values } of table.rows) {
    const fail = (column: AttendanceColumn | null, message: string, params?: Record<string, string>) =>
      errors.push({ line, column, message, params });
    const before = errors.length;
    const phone = values.phone ? normalizePhone(values.phone) : null;
    if (values.phone && !phone) fail("phone", "training.errors.phone");
    const email = values.email ? normalizeEmail(values.email) : null;
    if (email && !z.email().safeParse(email).success) fail("email", "training.errors.email");
    if (!values.phone && !values.email) fail("phone", "training.errors.contactRequired");
    let minutes = activity.durationMinutes;
    if (values.hours) {
      const given = hoursToMinutes(values.hours);
      if (given === null || given > activity.durationMinutes)
        fail("hours", "training.errors.rowHours", { max: String(activity.durationMinutes / 60) });
      else minutes = given;
    }
    if (errors.length > before) continue;
    const viaPhone = phone ? byContact.get(phone) : undefined;
    const viaEmail = email ? byContact.get(email) : undefined;
    if (viaPhone && viaEmail && viaPhone.id !== viaEmail.id) {
      fail("email", "training.errors.twoMembers");
      continue;
    }
    const member = viaPhone ?? viaEmail;
    if (!member) {
      fail(phone ? "phone" : "email", "training.errors.notInRoster");
      continue;
    }
    const other = seen.get(member.id);
    if (other !== undefined) {
      fail(phone ? "phone" : "email", "training.errors.duplicate", { line: String(other) });
      continue;
    }
    seen.set(member.id, line);
    planned.push({ memberId: member.id, userId: member.userId, minutes });
  }
  errors.sort((a, b) => a.line - b.line);
  const report = { total: table.rows.length, matched: planned.length, errors, applied: false };
  if (errors.length > 0) return report;

  await db.$transaction(async (tx) => {
    for (const row of planned) {
      await tx.trainingAttendance.upsert({
        where: { activityId_userId: { activityId: activity.id, userId: row.userId } },
        create: {
          activityId: activity.id,
          userId: row.userId,
          rosterMemberId: row.memberId,
          minutesCredited: row.minutes,
          recordedById: user.id,
        },
        update: { minutesCredited: row.minutes, rosterMemberId: row.memberId, recordedById: user.id },
      });
    }
    await audit(tx, request, {
      actorId: user.id,
      action: "training.attendance_imported",
      targetType: "TrainingActivity",
      targetId: activity.id,
      orgNodeId: activity.orgNodeId,
      details: { file: input.file.name.slice(0, 200), rows: planned.length },
    });
  });
  return { ...report, applied: true };
}
