import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiJson, withApiToken } from "~/open-data/api.server";
import { sortAsTree } from "~/org/tree.server";

/** Open data (issue 7 §6, docs/api.md): the token's node and every node below it. */
export async function loader({ request }: LoaderFunctionArgs) {
  return withApiToken(request, async ({ db, token }) => {
    const rows = await db.orgNode.findMany({
      where: { path: { startsWith: token.node.path } },
      select: { id: true, code: true, name: true, type: true, parentId: true, depth: true },
    });
    const codeOf = new Map(rows.map((row) => [row.id, row.code]));
    return apiJson({
      root: token.node.code,
      // The root's parent lies outside what the token may read: null, like any unknown node.
      nodes: sortAsTree(rows).map((row) => ({
        code: row.code,
        name: row.name,
        type: row.type,
        parentCode: row.parentId ? (codeOf.get(row.parentId) ?? null) : null,
      })),
    });
  });
}
