/**
 * Rosters (issue 6): the people of a node who must be trained — officials, legal reporters,
 * propagandists, mediators — imported from Excel or CSV with Vietnamese headers. Every row is
 * checked first; a file with any bad row imports nothing and each bad row is reported with its
 * line, column and reason. Rows are matched to accounts by phone or e-mail; people without one
 * get an account with an initial password, handed to the organizer once in an Excel file.
 */
import ExcelJS from "exceljs";
import { z } from "zod";
import { audit } from "~/audit/audit.server";
import { hasRole } from "~/auth/access";
import type { CurrentUser } from "~/auth/guards.server";
import { generateTemporaryPassword, hashPassword } from "~/auth/password.server";
import { normalizeEmail, normalizePhone } from "~/auth/schemas";
import type { Db } from "~/db/client.server";
import type { RosterRole } from "~/generated/prisma/enums";
import { buildTemplate, type ColumnAliases, readTable } from "~/imports/spreadsheet.server";
import { foldText } from "~/questions/text";
import { enrolInStandingAssignments } from "./assignments.server";

const COLUMNS = {
  fullName: { required: true, headers: ["Họ và tên", "Ho va ten", "Họ tên", "fullName"] },
  phone: { required: false, headers: ["Số điện thoại", "So dien thoai", "Điện thoại", "phone"] },
  email: { required: false, headers: ["Email", "Thư điện tử", "e-mail"] },
  role: { required: true, headers: ["Đối tượng", "Doi tuong", "role"] },
  group: { required: true, headers: ["Nhóm", "Nhom", "Nhóm học", "group"] },
  unitCode: { required: false, headers: ["Mã đơn vị", "Ma don vi", "unit code"] },
} satisfies ColumnAliases<string>;
export type RosterColumn = keyof typeof COLUMNS;
export const ROSTER_COLUMNS = Object.keys(COLUMNS) as RosterColumn[];

export const ROSTER_TEMPLATE_HEADERS = ["Họ và tên", "Số điện thoại", "Email", "Đối tượng", "Nhóm", "Mã đơn vị"];

/** How each role is written in the file (any of these, accents and case ignored). */
const ROLE_NAMES: Record<RosterRole, string[]> = {
  OFFICIAL: ["Cán bộ, công chức", "Cán bộ", "Công chức", "Viên chức", "Cán bộ, công chức, viên chức"],
  REPORTER: ["Báo cáo viên pháp luật", "Báo cáo viên"],
  PROPAGANDIST: ["Tuyên truyền viên pháp luật", "Tuyên truyền viên"],
  MEDIATOR: ["Hòa giải viên ở cơ sở", "Hòa giải viên"],
  OTHER: ["Khác"],
};
const ROLE_BY_NAME = new Map(
  Object.entries(ROLE_NAMES).flatMap(([role, names]) => names.map((name) => [foldText(name), role as RosterRole])),
);

export function rosterTemplate(): Promise<Buffer> {
  return buildTemplate(
    ROSTER_TEMPLATE_HEADERS,
    [
      ["Nguyễn Văn Mẫu (dữ liệu mẫu)", "0900000001", "", "Báo cáo viên pháp luật", "Báo cáo viên 2026", ""],
      ["Trần Thị Ví Dụ (dữ liệu mẫu)", "", "vidu@example.org", "Hòa giải viên ở cơ sở", "Hòa giải viên 2026", ""],
    ],
    "Danh sách",
  );
}

export interface RosterRowError {
  line: number;
  column: RosterColumn | null;
  message: string;
  params?: Record<string, string>;
}

interface PlannedRow {
  line: number;
  fullName: string;
  phone: string | null;
  email: string | null;
  role: RosterRole;
  groupName: string;
  groupKey: string;
  nodeId: string;
  userId: string | null;
}

export interface RosterImportReport {
  fileError?: { message: string; params?: Record<string, string> };
  total: number;
  matched: number;
  created: number;
  errors: RosterRowError[];
  applied: boolean;
  /** After applying: enrolments made in courses already assigned to the imported people's groups. */
  enrolled?: number;
  /** After applying: the new accounts' initial passwords, as an Excel file (shown once). */
  passwords?: Buffer;
}

const nameSchema = z.string().min(2).max(120);

/**
 * Checks (dryRun) or imports a roster into `nodeId` (the organizer's node) or, per row, a unit
 * below it named by its code. Importing the same file again changes nothing but the group.
 */
export async function importRoster(
  db: Db,
  request: Request | null,
  user: CurrentUser,
  input: { nodeId: string; file: { name: string; bytes: Uint8Array }; dryRun: boolean },
): Promise<RosterImportReport> {
  const empty = { total: 0, matched: 0, created: 0, errors: [], applied: false };
  const node = await db.orgNode.findUnique({ where: { id: input.nodeId }, select: { id: true, path: true } });
  if (!node || !hasRole(user.grants, "ORGANIZER", node.path))
    return { ...empty, fileError: { message: "errors.forbidden" } };
  const table = await readTable(input.file, COLUMNS);
  if (!table.ok) return { ...empty, fileError: { message: table.message, params: table.params } };

  const units = await db.orgNode.findMany({
    where: { path: { startsWith: node.path } },
    select: { id: true, code: true, path: true },
  });
  const pathOfUnit = new Map(units.map((unit) => [unit.id, unit.path]));
  const unitByCode = new Map(units.map((unit) => [unit.code.toUpperCase(), unit.id]));
  const errors: RosterRowError[] = [];
  const planned: PlannedRow[] = [];
  const seen = new Map<string, number>();
  for (const { line, values } of table.rows) {
    const fail = (column: RosterColumn | null, message: string, params?: Record<string, string>) =>
      errors.push({ line, column, message, params });
    const before = errors.length;
    if (!nameSchema.safeParse(values.fullName).success) fail("fullName", "rosters.errors.fullName");
    const phone = values.phone ? normalizePhone(values.phone) : null;
    if (values.phone && !phone) fail("phone", "rosters.errors.phone");
    const email = values.email ? normalizeEmail(values.email) : null;
    if (email && !z.email().safeParse(email).success) fail("email", "rosters.errors.email");
    if (!values.phone && !values.email) fail("phone", "rosters.errors.contactRequired");
    const role = ROLE_BY_NAME.get(foldText(values.role));
    if (!role) fail("role", "rosters.errors.role");
    const groupName = values.group.replace(/\s+/g, " ").trim();
    if (groupName.length < 2 || groupName.length > 120) fail("group", "rosters.errors.group");
    const nodeId = values.unitCode ? unitByCode.get(values.unitCode.toUpperCase()) : node.id;
    if (!nodeId) fail("unitCode", "rosters.errors.unitCode", { code: values.unitCode });
    for (const identity of [phone, email].filter((value): value is string => Boolean(value))) {
      const other = seen.get(identity);
      if (other !== undefined)
        fail(phone === identity ? "phone" : "email", "rosters.errors.duplicate", { line: String(other) });
      else seen.set(identity, line);
    }
    if (errors.length > before || !role || !nodeId) continue;
    planned.push({
      line,
      fullName: values.fullName.trim(),
      phone,
      email,
      role,
      groupName,
      groupKey: foldText(groupName),
      nodeId,
      userId: null,
    });
  }

  // Match accounts; a phone and an e-mail of the same row that belong to two accounts is an error.
  const phones = planned.flatMap((row) => (row.phone ? [row.phone] : []));
  const emails = planned.flatMap((row) => (row.email ? [row.email] : []));
  const accounts = await db.user.findMany({
    where: { OR: [{ phone: { in: phones } }, { email: { in: emails } }] },
    select: { id: true, phone: true, email: true },
  });
  const byPhone = new Map(accounts.flatMap((account) => (account.phone ? [[account.phone, account.id] as const] : [])));
  const byEmail = new Map(accounts.flatMap((account) => (account.email ? [[account.email, account.id] as const] : [])));
  for (const row of planned) {
    const viaPhone = row.phone ? byPhone.get(row.phone) : undefined;
    const viaEmail = row.email ? byEmail.get(row.email) : undefined;
    if (viaPhone && viaEmail && viaPhone !== viaEmail) {
      errors.push({ line: row.line, column: "email", message: "rosters.errors.twoAccounts" });
      continue;
    }
    row.userId = viaPhone ?? viaEmail ?? null;
  }
  errors.sort((a, b) => a.line - b.line);
  const matched = planned.filter((row) => row.userId).length;
  const report = { total: table.rows.length, matched, created: planned.length - matched, errors, applied: false };
  if (errors.length > 0 || input.dryRun) return report;

  const newAccounts: Array<{ fullName: string; login: string; password: string; group: string }> = [];
  const hashes = new Map<number, { password: string; hash: string }>();
  for (const row of planned.filter((candidate) => !candidate.userId)) {
    const password = generateTemporaryPassword();
    hashes.set(row.line, { password, hash: await hashPassword(password) });
  }
  const enrolled = await db.$transaction(async (tx) => {
    const imported: Array<{ userId: string; nodePath: string; groupKey: string }> = [];
    for (const row of planned) {
      let userId = row.userId;
      if (!userId) {
        const secret = hashes.get(row.line) as { password: string; hash: string };
        userId = (
          await tx.user.create({
            data: {
              fullName: row.fullName,
              phone: row.phone,
              email: row.email,
              passwordHash: secret.hash,
              mustChangePassword: true,
            },
          })
        ).id;
        newAccounts.push({
          fullName: row.fullName,
          login: row.phone ?? row.email ?? "",
          password: secret.password,
          group: row.groupName,
        });
      }
      await tx.membership.upsert({
        where: { userId_orgNodeId_role: { userId, orgNodeId: row.nodeId, role: "LEARNER" } },
        create: { userId, orgNodeId: row.nodeId, role: "LEARNER" },
        update: {},
      });
      await tx.rosterMember.upsert({
        where: { orgNodeId_userId: { orgNodeId: row.nodeId, userId } },
        create: {
          orgNodeId: row.nodeId,
          userId,
          fullName: row.fullName,
          phone: row.phone,
          email: row.email,
          role: row.role,
          groupName: row.groupName,
          groupKey: row.groupKey,
        },
        update: { fullName: row.fullName, role: row.role, groupName: row.groupName, groupKey: row.groupKey },
      });
      imported.push({ userId, nodePath: pathOfUnit.get(row.nodeId) as string, groupKey: row.groupKey });
    }
    // People who joined a group that already has courses assigned are enrolled in them now.
    const enrolledNow = await enrolInStandingAssignments(tx, imported);
    await audit(tx, request, {
      actorId: user.id,
      action: "roster.imported",
      targetType: "OrgNode",
      targetId: node.id,
      orgNodeId: node.id,
      details: {
        file: input.file.name.slice(0, 200),
        rows: planned.length,
        matched,
        created: newAccounts.length,
        enrolled: enrolledNow,
      },
    });
    return enrolledNow;
  });
  return {
    ...report,
    enrolled,
    applied: true,
    passwords: newAccounts.length > 0 ? await passwordsWorkbook(newAccounts) : undefined,
  };
}

/** The initial passwords of new accounts: for the organizer to hand out, once (never stored). */
async function passwordsWorkbook(
  accounts: Array<{ fullName: string; login: string; password: string; group: string }>,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Mật khẩu ban đầu");
  sheet.addRow(["Họ và tên", "Tên đăng nhập", "Mật khẩu ban đầu", "Nhóm"]).font = { bold: true };
  for (const account of accounts) sheet.addRow([account.fullName, account.login, account.password, account.group]);
  sheet.addRow([]);
  sheet.addRow(["Người dùng phải đổi mật khẩu ở lần đăng nhập đầu tiên. Giữ tệp này kín và xóa sau khi đã bàn giao."]);
  sheet.columns.forEach((column) => {
    column.width = 28;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
