import { forbidden, requireRole } from "~/auth/guards.server";
import { runtime } from "~/runtime.server";
import { loadHostedSession } from "./sessions.server";

/**
 * The signed-in organizer and a live session of their subtree; anything else, including an
 * unknown id, is a 403 so session ids cannot be probed.
 */
export async function requireHostedSession(request: Request, sessionId: string | undefined) {
  const user = await requireRole(request, "ORGANIZER");
  const session = await loadHostedSession(runtime().db, user, sessionId ?? "");
  if (!session) throw forbidden();
  return { user, session };
}
