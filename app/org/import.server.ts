import { randomUUID } from "node:crypto";
import { audit } from "~/audit/audit.server";
import { hasRole } from "~/auth/access";
import type { CurrentUser } from "~/auth/guards.server";
import type { Db } from "~/db/client.server";
import type { OrgNodeType } from "~/generated/prisma/enums";
import { buildTemplate, type ColumnAliases, readTable, type TableRow } from "~/imports/spreadsheet.server";
import { orgCodeSchema, orgNameSchema, parentTypeAllowed, parseOrgNodeType } from "./schemas";
import { childPath, moveSubtree } from "./tree.server";

/**
 * Imports an org tree from Excel or CSV. Every row is validated first; if any row is bad,
 * nothing is written and each bad row is reported with its line and reason. Rows may name a
 * parent defined further down the file or already in the database. An existing code is
 * updated (renamed or moved) rather than duplicated, so the same file can be imported again.
 */
const COLUMNS = {
  code: { required: true, headers: ["Mã đơn vị", "Ma don vi", "code"] },
  name: { required: true, headers: ["Tên đơn vị", "Ten don vi", "name"] },
  type: { required: true, headers: ["Loại", "Loai", "Cấp", "type"] },
  parentCode: { required: false, headers: ["Mã đơn vị cấp trên", "Ma don vi cap tren", "parentCode", "parent code"] },
} satisfies ColumnAliases<string>;
type Column = keyof typeof COLUMNS;

export const ORG_TEMPLATE_HEADERS = ["Mã đơn vị", "Tên đơn vị", "Loại", "Mã đơn vị cấp trên"];

export function orgImportTemplate(): Promise<Buffer> {
  return buildTemplate(
    ORG_TEMPLATE_HEADERS,
    [
      ["VD-TINH", "Tỉnh Ví Dụ (dữ liệu mẫu)", "Tỉnh/Thành phố", ""],
      ["VD-XA-1", "Xã Ví Dụ Một", "Xã/Phường", "VD-TINH"],
      ["VD-XA-1-THCS", "Trường THCS Ví Dụ", "Đơn vị", "VD-XA-1"],
    ],
    "Cây tổ chức",
  );
}

export interface ImportRowError {
  line: number;
  field: Column | null;
  code: string;
  /** i18n key */
  message: string;
  params?: Record<string, string>;
}

interface PlannedNode {
  line: number;
  code: string;
  name: string;
  type: OrgNodeType;
  parentCode: string | null;
  existingId: string | null;
}

export interface OrgImportReport {
  ok: boolean;
  /** Present when the file itself could not be read. */
  fileError?: { code: string; message: string; params?: Record<string, string> };
  total: number;
  created: number;
  updated: number;
  unchanged: number;
  errors: ImportRowError[];
  applied: boolean;
}

export async function importOrgTree(
  db: Db,
  request: Request | null,
  user: CurrentUser,
  file: { name: string; bytes: Uint8Array },
  /** system: run by the operator's CLI, audited without an actor (the audit log shows "Hệ thống"). */
  options: { dryRun: boolean; system?: boolean },
): Promise<OrgImportReport> {
  const table = await readTable(file, COLUMNS);
  if (!table.ok) {
    return {
      ok: false,
      fileError: { code: table.code, message: table.message, params: table.params },
      total: 0,
      created: 0,
      updated: 0,
      unchanged: 0,
      errors: [],
      applied: false,
    };
  }
  const plan = await validateRows(db, user, table.rows);
  const report: OrgImportReport = {
    ok: plan.errors.length === 0,
    total: table.rows.length,
    created: plan.nodes.filter((node) => !node.existingId).length,
    updated: plan.changed.size,
    unchanged: plan.nodes.filter((node) => node.existingId && !plan.changed.has(node.code)).length,
    errors: plan.errors,
    applied: false,
  };
  if (!report.ok || options.dryRun) return report;
  await applyPlan(db, plan.nodes, plan.changed);
  await audit(db, request, {
    actorId: options.system ? null : user.id,
    action: "org.imported",
    targetType: "OrgNode",
    details: { file: file.name.slice(0, 200), created: report.created, updated: report.updated },
  });
  return { ...report, applied: true };
}

async function validateRows(db: Db, user: CurrentUser, rows: TableRow<Column>[]) {
  const errors: ImportRowError[] = [];
  const nodes: PlannedNode[] = [];
  const seenCodes = new Map<string, number>();

  for (const row of rows) {
    const before = errors.length;
    const code = orgCodeSchema.safeParse(row.values.code);
    const name = orgNameSchema.safeParse(row.values.name);
    const type = parseOrgNodeType(row.values.type);
    if (!code.success)
      errors.push({ line: row.line, field: "code", code: "CODE_INVALID", message: code.error.issues[0].message });
    if (!name.success)
      errors.push({ line: row.line, field: "name", code: "NAME_INVALID", message: name.error.issues[0].message });
    if (!type)
      errors.push({
        line: row.line,
        field: "type",
        code: "TYPE_INVALID",
        message: "errors.org.typeInvalid",
        params: { value: row.values.type },
      });
    if (code.success) {
      const firstLine = seenCodes.get(code.data);
      if (firstLine !== undefined) {
        errors.push({
          line: row.line,
          field: "code",
          code: "DUPLICATE_IN_FILE",
          message: "errors.import.duplicateInFile",
          params: { line: String(firstLine) },
        });
      } else {
        seenCodes.set(code.data, row.line);
      }
    }
    if (errors.length > before || !code.success || !name.success || !type) continue;
    const parentCode = row.values.parentCode ? row.values.parentCode.trim().toUpperCase() : null;
    nodes.push({ line: row.line, code: code.data, name: name.data, type, parentCode, existingId: null });
  }

  const referenced = [
    ...new Set([...nodes.map((n) => n.code), ...nodes.flatMap((n) => (n.parentCode ? [n.parentCode] : []))]),
  ];
  const existing = await db.orgNode.findMany({
    where: { code: { in: referenced } },
    select: {
      id: true,
      code: true,
      name: true,
      type: true,
      parentId: true,
      path: true,
      parent: { select: { code: true } },
    },
  });
  const existingByCode = new Map(existing.map((node) => [node.code, node]));
  const plannedByCode = new Map(nodes.map((node) => [node.code, node]));
  const changed = new Set<string>();
  const isAdmin = hasRole(user.grants, "ADMIN");
  const manages = (path: string) => hasRole(user.grants, "ORGANIZER", path);

  for (const node of nodes) {
    const current = existingByCode.get(node.code);
    node.existingId = current?.id ?? null;
    const parentType = node.parentCode
      ? (plannedByCode.get(node.parentCode)?.type ?? existingByCode.get(node.parentCode)?.type ?? null)
      : null;
    if (node.parentCode && !parentType) {
      errors.push({
        line: node.line,
        field: "parentCode",
        code: "PARENT_NOT_FOUND",
        message: "errors.import.parentNotFound",
        params: { code: node.parentCode },
      });
      continue;
    }
    if (node.parentCode === node.code) {
      errors.push({ line: node.line, field: "parentCode", code: "CYCLE", message: "errors.org.moveIntoOwnSubtree" });
      continue;
    }
    if (!parentTypeAllowed(node.type, parentType)) {
      errors.push({
        line: node.line,
        field: "type",
        code: "TYPE_NOT_ALLOWED",
        message: node.parentCode ? "errors.org.typeNotAllowedUnderParent" : "errors.org.rootMustBeProvince",
      });
      continue;
    }
    // Rights: the row's target (if it exists) and its parent must be in the user's subtree.
    const rootOfChain = resolveExistingAncestor(node, plannedByCode, existingByCode);
    const allowed = isAdmin || (rootOfChain !== null && manages(rootOfChain) && (!current || manages(current.path)));
    if (!allowed) {
      errors.push({
        line: node.line,
        field: node.parentCode ? "parentCode" : "code",
        code: "FORBIDDEN",
        message: "errors.import.outsideScope",
      });
      continue;
    }
    if (
      current &&
      (current.name !== node.name || current.type !== node.type || (current.parent?.code ?? null) !== node.parentCode)
    ) {
      changed.add(node.code);
    }
  }

  for (const cycleLine of findCycles(nodes, existing)) {
    errors.push({ line: cycleLine, field: "parentCode", code: "CYCLE", message: "errors.org.moveIntoOwnSubtree" });
  }
  errors.sort((a, b) => a.line - b.line);
  return { errors, nodes, changed };
}

/** The path of the nearest ancestor already in the database, following parents through the file. */
function resolveExistingAncestor(
  node: PlannedNode,
  planned: Map<string, PlannedNode>,
  existing: Map<string, { path: string }>,
): string | null {
  let parentCode = node.parentCode;
  const visited = new Set<string>();
  while (parentCode && !visited.has(parentCode)) {
    visited.add(parentCode);
    const inDb = existing.get(parentCode);
    if (inDb) return inDb.path;
    parentCode = planned.get(parentCode)?.parentCode ?? null;
  }
  return null;
}

/** Lines whose parent chain (file first, then database) loops back to themselves. */
function findCycles(
  nodes: PlannedNode[],
  existing: Array<{ code: string; parent: { code: string } | null }>,
): number[] {
  const parentOf = new Map<string, string | null>(existing.map((node) => [node.code, node.parent?.code ?? null]));
  for (const node of nodes) parentOf.set(node.code, node.parentCode);
  const lines: number[] = [];
  for (const node of nodes) {
    const seen = new Set<string>([node.code]);
    let current = parentOf.get(node.code) ?? null;
    while (current) {
      if (seen.has(current)) {
        if (current === node.code) lines.push(node.line);
        break;
      }
      seen.add(current);
      current = parentOf.get(current) ?? null;
    }
  }
  return lines;
}

/** Writes the plan in one transaction: parents before children, existing nodes updated in place. */
async function applyPlan(db: Db, nodes: PlannedNode[], changed: Set<string>): Promise<void> {
  await db.$transaction(
    async (tx) => {
      const done = new Map<string, { id: string; path: string; depth: number }>();
      const byCode = new Map(nodes.map((node) => [node.code, node]));
      const resolve = async (code: string): Promise<{ id: string; path: string; depth: number } | null> => {
        const cached = done.get(code);
        if (cached) return cached;
        const node = byCode.get(code);
        if (!node) {
          const row = await tx.orgNode.findUnique({ where: { code }, select: { id: true, path: true, depth: true } });
          if (row) done.set(code, row);
          return row;
        }
        const parent = node.parentCode ? await resolve(node.parentCode) : null;
        let result: { id: string; path: string; depth: number };
        if (node.existingId) {
          const current = await tx.orgNode.findUniqueOrThrow({ where: { id: node.existingId } });
          if (changed.has(node.code)) {
            await tx.orgNode.update({ where: { id: current.id }, data: { name: node.name, type: node.type } });
            if (current.parentId !== (parent?.id ?? null) && parent) await moveSubtree(tx, current, parent);
          }
          result = await tx.orgNode.findUniqueOrThrow({
            where: { id: current.id },
            select: { id: true, path: true, depth: true },
          });
        } else {
          const id = randomUUID();
          result = await tx.orgNode.create({
            data: {
              id,
              code: node.code,
              name: node.name,
              type: node.type,
              parentId: parent?.id ?? null,
              path: childPath(parent?.path ?? null, id),
              depth: parent ? parent.depth + 1 : 0,
            },
            select: { id: true, path: true, depth: true },
          });
        }
        done.set(code, result);
        return result;
      };
      for (const node of nodes) await resolve(node.code);
    },
    { timeout: 60_000 },
  );
}
