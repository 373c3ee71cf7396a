import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { fullExportAction, requireExportScope } from "~/contests/export-routes.server";
import { rankingWorkbook, xlsxResponse } from "~/contests/ranking-export.server";
import { runtime } from "~/runtime.server";

/** The round's ranking as Excel, personal numbers masked. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { contest, round } = await requireExportScope(request, params.contestId, params.roundId);
  const { buffer } = await rankingWorkbook(runtime().db, round.id);
  return xlsxResponse(buffer, `xep-hang-${contest.slug}-dot-${round.position}.xlsx`);
}

/** The full (unmasked) export: a confirmation and a purpose are required, and it is audited. */
export async function action({ request, params }: ActionFunctionArgs) {
  return fullExportAction(request, params.contestId, params.roundId ?? "");
}
