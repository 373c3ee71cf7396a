import { forbidden, requireRole } from "~/auth/guards.server";
import { runtime } from "~/runtime.server";
import { loadManagedActivity } from "./sessions.server";

/**
 * The signed-in organizer and a training activity of their subtree; anything else, including an
 * unknown id, is a 403 so activity ids cannot be probed (as for courses).
 */
export async function requireManagedActivity(request: Request, activityId: string) {
  const user = await requireRole(request, "ORGANIZER");
  const activity = await loadManagedActivity(runtime().db, user, activityId);
  if (!activity) throw forbidden();
  return { user, activity };
}
