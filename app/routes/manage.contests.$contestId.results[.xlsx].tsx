import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { fullExportAction, requireExportScope } from "~/contests/export-routes.server";
import { contestRankingWorkbook, xlsxResponse } from "~/contests/ranking-export.server";
import { runtime } from "~/runtime.server";

/** The whole contest's results as Excel (the contest's ranking, then one sheet per round), masked. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { contest } = await requireExportScope(request, params.contestId);
  const { buffer } = await contestRankingWorkbook(runtime().db, contest.id);
  return xlsxResponse(buffer, `ket-qua-${contest.slug}.xlsx`);
}

/** The full (unmasked) export of the whole contest: confirmed, with a purpose, audited. */
export async function action({ request, params }: ActionFunctionArgs) {
  return fullExportAction(request, params.contestId, null);
}
