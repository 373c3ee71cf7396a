import { forbidden, requireRole } from "~/auth/guards.server";
import { runtime } from "~/runtime.server";
import { loadManagedSurvey } from "./surveys.server";

/**
 * The signed-in organizer and a survey of their subtree; anything else, including an unknown id,
 * is a 403 so survey ids cannot be probed (as for training activities).
 */
export async function requireManagedSurvey(request: Request, surveyId: string | undefined) {
  const user = await requireRole(request, "ORGANIZER");
  const survey = await loadManagedSurvey(runtime().db, user, surveyId ?? "");
  if (!survey) throw forbidden();
  return { user, survey };
}
