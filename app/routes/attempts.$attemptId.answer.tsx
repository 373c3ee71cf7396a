import type { ActionFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { z } from "zod";
import { requireUser } from "~/auth/guards.server";
import { saveAnswer } from "~/contests/attempts.server";
import { runtime } from "~/runtime.server";

/**
 * The attempt page's answer endpoint (JSON, for fetch with retries). The answer is
 * acknowledged only after it is committed; a refusal says why, so the page never shows
 * "saved" for an answer that is not.
 */
const answerSchema = z.object({
  position: z.coerce.number().int().min(0).max(500),
  selected: z.array(z.coerce.number().int().min(0).max(20)).max(20),
});

export async function loader() {
  throw new Response("Method Not Allowed", { status: 405 });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await request.formData();
  const parsed = answerSchema.safeParse({ position: formData.get("position"), selected: formData.getAll("selected") });
  if (!parsed.success)
    return json(
      { ok: false as const, code: "INVALID_ANSWER", message: "errors.attempt.INVALID_ANSWER" },
      { status: 400 },
    );
  const result = await saveAnswer(runtime().db, { attemptId: params.attemptId ?? "", userId: user.id, ...parsed.data });
  if (!result.ok && result.code === "ATTEMPT_NOT_FOUND") throw new Response("Not Found", { status: 404 });
  if (!result.ok) return json(result, { status: 409 });
  return json(result);
}
