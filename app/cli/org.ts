import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Db } from "~/db/client.server";
import { type ImportRowError, importOrgTree } from "~/org/import.server";
import { listManagedTree } from "~/org/tree.server";
import { SYSTEM_ACTOR } from "./context";
import { type CommandResult, EXIT, translate } from "./output";

/** `org:import <file>`: the web import's rules and report, as the system (ADMIN rights). */
export async function importOrgFile(db: Db, file: string, options: { dryRun?: boolean }): Promise<CommandResult> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "không tồn tại" : "không đọc được";
    const message = `Tệp ${file} ${reason}.`;
    return {
      exitCode: EXIT.INVALID,
      json: {
        ok: false,
        applied: false,
        total: 0,
        created: 0,
        updated: 0,
        unchanged: 0,
        errors: [],
        fileError: { code: "FILE_NOT_READABLE", message },
      },
      lines: [message],
    };
  }

  const report = await importOrgTree(
    db,
    null,
    SYSTEM_ACTOR,
    { name: path.basename(file), bytes },
    {
      dryRun: Boolean(options.dryRun),
      system: true,
    },
  );
  const errors = report.errors.map((error) => ({
    line: error.line,
    field: error.field,
    code: error.code,
    message: translate(error.message, error.params),
  }));
  const fileError = report.fileError
    ? { code: report.fileError.code, message: translate(report.fileError.message, report.fileError.params) }
    : undefined;
  const json = {
    ok: report.ok,
    applied: report.applied,
    total: report.total,
    created: report.created,
    updated: report.updated,
    unchanged: report.unchanged,
    errors,
    ...(fileError ? { fileError } : {}),
  };

  if (fileError) return { exitCode: EXIT.INVALID, json, lines: [fileError.message] };
  const lines = [
    translate("orgImport.summary", {
      total: report.total,
      created: report.created,
      updated: report.updated,
      unchanged: report.unchanged,
      errors: errors.length,
    }),
  ];
  if (!report.ok) {
    lines.push(...report.errors.map(describeRowError));
    lines.push(translate("imports.hasErrors", { count: errors.length }));
  } else if (report.applied) {
    lines.push(translate("orgImport.applied", { created: report.created, updated: report.updated }));
  } else {
    lines.push("Chạy thử (--dry-run): tệp hợp lệ, chưa ghi gì vào cơ sở dữ liệu.");
  }
  return { exitCode: report.ok ? EXIT.OK : EXIT.INVALID, json, lines };
}

/** "Dòng 5 (Mã đơn vị cấp trên): Không tìm thấy đơn vị cấp trên có mã XYZ …" */
function describeRowError(error: ImportRowError): string {
  const column = error.field ? ` (${translate(`orgImport.columns.${error.field}`)})` : "";
  return `${translate("imports.line")} ${error.line}${column}: ${translate(error.message, error.params)}`;
}

/** `org:list`: the whole tree, parents before children, siblings by Vietnamese name order. */
export async function listOrgTree(db: Db): Promise<CommandResult> {
  const nodes = await listManagedTree(db, SYSTEM_ACTOR);
  const codeById = new Map(nodes.map((node) => [node.id, node.code]));
  const json = nodes.map((node) => ({
    code: node.code,
    name: node.name,
    type: node.type,
    parentCode: node.parentId ? (codeById.get(node.parentId) ?? null) : null,
  }));
  const lines =
    nodes.length === 0
      ? [translate("org.empty")]
      : nodes.map(
          (node) => `${"  ".repeat(node.depth)}${node.code}  ${node.name} (${translate(`org.type.${node.type}`)})`,
        );
  return { exitCode: EXIT.OK, json, lines };
}
