import { writeFile } from "node:fs/promises";
import path from "node:path";
import type { Db } from "~/db/client.server";
import { percentCell } from "~/targets/report";
import { type NodeReport, nodeReport } from "~/targets/report.server";
import { reportWorkbook } from "~/targets/report-excel.server";
import { reportJson } from "~/targets/report-json";
import { reportPdf } from "~/targets/report-pdf.server";
import { reportPeriodSchema } from "~/targets/report-period";
import { type CommandResult, EXIT, translate } from "./output";

/**
 * `report --node <code> --from <day> --to <day> [--out <file.xlsx|file.pdf>] [--json]`: a node's
 * periodic report for cron (issue 7 §5) — the same workbook or PDF as the dashboard's download,
 * and with --json the indicators' values, targets and gaps. Exit 1 on an unknown node, a bad
 * period or an --out that is neither .xlsx nor .pdf (nothing is written then).
 */
export interface ReportOptions {
  node: string;
  from: string;
  to: string;
  out?: string;
}

const invalid = (code: string, message: string): CommandResult => ({
  exitCode: EXIT.INVALID,
  json: { ok: false, error: { code, message } },
  lines: [message],
});

export async function exportReport(db: Db, options: ReportOptions): Promise<CommandResult> {
  const format = options.out ? path.extname(options.out).toLowerCase() : null;
  if (format !== null && format !== ".xlsx" && format !== ".pdf")
    return invalid("OUT_FORMAT", `Tệp --out phải có đuôi .xlsx hoặc .pdf (nhận: ${options.out}).`);
  const period = reportPeriodSchema.safeParse({ from: options.from, to: options.to });
  if (!period.success)
    return invalid("PERIOD_INVALID", translate(period.error.issues[0]?.message ?? "errors.invalidValue"));
  const node = await db.orgNode.findUnique({ where: { code: options.node }, select: { id: true } });
  if (!node) return invalid("NODE_NOT_FOUND", `Không có đơn vị mã ${options.node}.`);

  const report = await nodeReport(db, {
    nodeId: node.id,
    from: period.data.from,
    to: period.data.to,
    untrainedAll: true,
  });
  let file: string | null = null;
  if (options.out) {
    const body = format === ".pdf" ? await reportPdf(report) : await reportWorkbook(report);
    file = path.resolve(options.out);
    try {
      await writeFile(file, body);
    } catch (error) {
      return invalid("OUT_UNWRITABLE", `Không ghi được tệp ${file}: ${(error as Error).message}`);
    }
  }
  const lines = report.lines.map((line) => {
    const value = line.value === null ? "–" : `${percentCell(line.value)}%`;
    const target = line.targetPct === null ? "" : `, chỉ tiêu ${line.targetPct}%`;
    const gap = line.gapPoints === null ? "" : `, còn thiếu ${line.gapPoints} điểm %`;
    return `${translate(`indicators.lines.${line.key}`)}: ${value}${target}${gap} (${translate(`indicators.status.${line.status}`)})`;
  });
  lines.unshift(`${report.node.name}, ${period.data.firstDay} – ${period.data.lastDay}`);
  if (file) lines.push(`Đã ghi ${file}.`);
  return { exitCode: EXIT.OK, json: { ok: true, file, ...reportJson(report) }, lines };
}
