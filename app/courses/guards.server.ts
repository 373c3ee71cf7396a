import { forbidden, requireRole } from "~/auth/guards.server";
import { runtime } from "~/runtime.server";
import { loadManagedCourse } from "./authoring.server";

/**
 * The signed-in organizer and a course of their subtree; anything else, including an unknown
 * id, is a 403 so course ids cannot be probed.
 */
export async function requireManagedCourse(request: Request, courseId: string) {
  const user = await requireRole(request, "ORGANIZER");
  const course = await loadManagedCourse(runtime().db, user, courseId);
  if (!course) throw forbidden();
  return { user, course };
}
