import { hasRole } from "~/auth/access";
import { forbidden, requireRole } from "~/auth/guards.server";
import { runtime } from "~/runtime.server";

/**
 * The signed-in organizer and a contest of their subtree; anything else, including an unknown
 * id, is a 403 so contest ids cannot be probed.
 */
export async function requireManagedContest(request: Request, contestId: string) {
  const user = await requireRole(request, "ORGANIZER");
  const contest = await runtime().db.contest.findUnique({
    where: { id: contestId },
    include: { orgNode: { select: { name: true, path: true } } },
  });
  if (!contest || !hasRole(user.grants, "ORGANIZER", contest.orgNode.path)) throw forbidden();
  return { user, contest };
}
