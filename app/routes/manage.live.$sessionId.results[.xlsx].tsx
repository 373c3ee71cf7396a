import type { LoaderFunctionArgs } from "@remix-run/node";
import { audit } from "~/audit/audit.server";
import { xlsxResponse } from "~/contests/ranking-export.server";
import { liveResultsWorkbook } from "~/live-quiz/export.server";
import { requireHostedSession } from "~/live-quiz/guards.server";
import { runtime } from "~/runtime.server";

/** A live session's results as Excel: ranking, questions, every answer; audited like other exports. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, session } = await requireHostedSession(request, params.sessionId);
  const { db } = runtime();
  const { buffer, rows } = await liveResultsWorkbook(db, session.id);
  await audit(db, request, {
    actorId: user.id,
    action: "live.results_exported",
    targetType: "LiveSession",
    targetId: session.id,
    orgNodeId: session.orgNodeId,
    details: { rows },
  });
  return xlsxResponse(buffer, `ket-qua-thi-truc-tiep-${session.id}.xlsx`);
}
