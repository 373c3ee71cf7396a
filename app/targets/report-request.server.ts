import { json } from "@remix-run/node";
import { audit } from "~/audit/audit.server";
import type { CurrentUser } from "~/auth/guards.server";
import { XLSX_TYPE } from "~/contests/ranking-export.server";
import type { DbOrTx } from "~/db/client.server";
import { canManage, listManagedTree, type OrgNodeRow } from "~/org/tree.server";
import { runtime } from "~/runtime.server";
import { coveringPhaseStart, type NodeReport, nodeReport } from "./report.server";
import { defaultReportPeriod, type ReportPeriod, reportPeriodSchema } from "./report-period";

/**
 * The node and period a dashboard or report download asks for (`?node=<id or code>&from=&to=`),
 * shared by /manage/indicators and its Excel and PDF downloads so the file always matches the
 * screen. Without `node`, the top node the user manages; without a period, the covering phase up
 * to this month.
 */
export type ReportRequest =
  | { ok: true; node: OrgNodeRow; period: ReportPeriod; nodes: OrgNodeRow[] }
  | {
      ok: false;
      status: 400 | 404;
      nodes: OrgNodeRow[];
      node: OrgNodeRow | null;
      fieldErrors: Record<string, string>;
      values: { from: string; to: string };
    };

export async function readReportRequest(
  db: DbOrTx,
  user: CurrentUser,
  url: URL,
  now = new Date(),
): Promise<ReportRequest> {
  const nodes = await listManagedTree(db, user);
  const asked = url.searchParams.get("node")?.trim().slice(0, 200);
  const node = asked ? nodes.find((row) => row.id === asked || row.code === asked) : nodes[0];
  const values = { from: url.searchParams.get("from") ?? "", to: url.searchParams.get("to") ?? "" };
  // listManagedTree is already scoped; canManage says it again where the rule lives.
  if (!node || !canManage(user, node.path))
    return {
      ok: false,
      status: 404,
      nodes,
      node: null,
      fieldErrors: { node: "errors.indicators.nodeNotFound" },
      values,
    };

  if (!values.from && !values.to) {
    const period = defaultReportPeriod(now, await coveringPhaseStart(db, node.id, now));
    return { ok: true, node, period, nodes };
  }
  const parsed = reportPeriodSchema.safeParse(values);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0] ?? "from")] ??= issue.message;
    return { ok: false, status: 400, nodes, node, fieldErrors, values };
  }
  return { ok: true, node, period: parsed.data, nodes };
}

/** The query string that reproduces a report: node, first and last day. */
export function reportQuery(nodeId: string, period: Pick<ReportPeriod, "firstDay" | "lastDay">): string {
  return new URLSearchParams({ node: nodeId, from: period.firstDay, to: period.lastDay }).toString();
}

/**
 * A report download for the node and period of the request (the dashboard's own query), audited:
 * the Excel file lists people by name. A refused request answers like the dashboard (404/400).
 */
export async function reportDownload(
  request: Request,
  user: CurrentUser,
  format: "xlsx" | "pdf",
  render: (report: NodeReport) => Promise<Buffer>,
): Promise<Response> {
  const db = runtime().db;
  const asked = await readReportRequest(db, user, new URL(request.url));
  if (!asked.ok) throw json({ errors: asked.fieldErrors }, { status: asked.status });
  const report = await nodeReport(db, {
    nodeId: asked.node.id,
    from: asked.period.from,
    to: asked.period.to,
    untrainedAll: true,
  });
  const body = await render(report);
  await audit(db, request, {
    actorId: user.id,
    action: "indicators.report_exported",
    targetType: "OrgNode",
    targetId: asked.node.id,
    orgNodeId: asked.node.id,
    details: { format, from: asked.period.firstDay, to: asked.period.lastDay, untrained: report.untrained.total },
  });
  const filename = `bao-cao-chi-so-${asked.node.code}-${asked.period.firstDay}-${asked.period.lastDay}.${format}`;
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": format === "xlsx" ? XLSX_TYPE : "application/pdf",
      "Content-Disposition": `attachment; filename="${filename.replace(/[^\w.-]/g, "_")}"`,
      "Cache-Control": "no-store",
    },
  });
}
