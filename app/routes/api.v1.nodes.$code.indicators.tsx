import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiJson, nodeInScope, periodJson, periodOf, withApiToken } from "~/open-data/api.server";
import { nodeReport } from "~/targets/report.server";
import { reportJson, trendJson } from "~/targets/report-json";

/**
 * Open data (issue 7 §6, docs/api.md): a node's indicators against its plan's targets, its
 * children's, and the monthly trend — the shape of `npm run cli -- report --json`, from the same
 * nodeReport as the dashboard. Never the report's lists of people.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return withApiToken(request, async (context) => {
    const node = await nodeInScope(context, params.code);
    const period = await periodOf(context, node);
    const report = await nodeReport(context.db, {
      nodeId: node.id,
      from: period.from,
      to: period.to,
      untrainedPageSize: 1,
    });
    const body = reportJson(report);
    return apiJson({
      ...body,
      period: periodJson(period),
      generatedAt: report.generatedAt.toISOString(),
      trend: trendJson(report),
    });
  });
}
