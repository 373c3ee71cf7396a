import type { ActionFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { requireUser } from "~/auth/guards.server";
import { pageSignalsSchema, recordPageSignals } from "~/contests/integrity.server";
import { runtime } from "~/runtime.server";

/** The attempt page's integrity reports (page hidden, copy/paste); see usePageSignals. */
export async function loader() {
  throw new Response("Method Not Allowed", { status: 405 });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const parsed = pageSignalsSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return json({ ok: false as const, message: "errors.invalidValue" }, { status: 400 });
  const recorded = await recordPageSignals(runtime().db, {
    attemptId: params.attemptId ?? "",
    userId: user.id,
    signals: parsed.data,
  });
  // Someone else's attempt does not exist as far as this user is concerned.
  if (recorded === "notFound") throw new Response("Not Found", { status: 404 });
  if (recorded === "closed")
    return json({ ok: false as const, message: "errors.attempt.ATTEMPT_CLOSED" }, { status: 409 });
  return json({ ok: true as const });
}
