import type { LoaderFunctionArgs } from "@remix-run/node";
import { hasRole } from "~/auth/access";
import { forbidden, requireRole } from "~/auth/guards.server";
import { rankingWorkbook } from "~/contests/ranking-export.server";
import { runtime } from "~/runtime.server";

/** The round's ranking as Excel, personal numbers masked. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "ORGANIZER");
  const { db } = runtime();
  const round = await db.round.findFirst({
    where: { id: params.roundId ?? "", contestId: params.contestId ?? "" },
    select: { id: true, position: true, contest: { select: { slug: true, orgNode: { select: { path: true } } } } },
  });
  if (!round || !hasRole(user.grants, "ORGANIZER", round.contest.orgNode.path)) throw forbidden();
  return new Response(new Uint8Array(await rankingWorkbook(db, round.id)), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="xep-hang-${round.contest.slug}-dot-${round.position}.xlsx"`,
      "Cache-Control": "no-store",
    },
  });
}
