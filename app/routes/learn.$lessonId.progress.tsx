import type { ActionFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { requireUser } from "~/auth/guards.server";
import { lessonVisibleTo, recordProgress } from "~/courses/progress.server";
import { progressReportSchema } from "~/courses/schemas";
import { runtime } from "~/runtime.server";

/** Reports from the lesson player (app/courses/components/MediaPlayer.tsx): JSON in, JSON out. */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  // A flood of reports (a script, a stuck tab) is refused before it costs a query.
  const allowed = await runtime().limits.progressPerUser.consume(user.id);
  if (!allowed.allowed)
    return json(
      { ok: false, code: "RATE_LIMITED", message: "courses.errors.RATE_LIMITED" },
      { status: 429, headers: { "Retry-After": String(allowed.retryAfterSeconds) } },
    );
  let body: unknown = null;
  try {
    const text = await request.text();
    body = text.length <= 20_000 ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  const parsed = progressReportSchema.safeParse(body);
  if (!parsed.success) {
    // A malformed report about a lesson this learner cannot see answers 404 like any other, not
    // "invalid" (which would say the lesson is there). Valid reports skip this query: the
    // lookup in recordProgress answers NOT_FOUND the same way.
    if (!(await lessonVisibleTo(runtime().db, user.id, params.lessonId ?? "")))
      return json({ ok: false, code: "NOT_FOUND", message: "courses.errors.NOT_FOUND" }, { status: 404 });
    return json({ ok: false, code: "INVALID", message: "courses.errors.TOO_MANY_INTERVALS" }, { status: 400 });
  }
  const result = await recordProgress(runtime().db, {
    userId: user.id,
    lessonId: params.lessonId ?? "",
    report: parsed.data,
  });
  if (!result.ok)
    return json(result, { status: result.code === "NOT_FOUND" ? 404 : result.code === "NOT_ENROLLED" ? 403 : 409 });
  return json(result);
}
