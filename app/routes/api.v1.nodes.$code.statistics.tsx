import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiJson, nodeInScope, periodJson, periodOf, withApiToken } from "~/open-data/api.server";
import { nodeStatistics } from "~/open-data/statistics.server";

/** Open data (issue 7 §6, docs/api.md): aggregate contest, course and training figures of a node's subtree. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return withApiToken(request, async (context) => {
    const node = await nodeInScope(context, params.code);
    const period = await periodOf(context, node);
    const statistics = await nodeStatistics(context.db, node, period);
    return apiJson({
      node: { code: node.code, name: node.name, type: node.type },
      period: periodJson(period),
      generatedAt: new Date().toISOString(),
      ...statistics,
    });
  });
}
