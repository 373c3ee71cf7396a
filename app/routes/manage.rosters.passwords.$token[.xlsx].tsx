import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { requireRole } from "~/auth/guards.server";
import { flashCookie } from "~/auth/session.server";
import { passwordsKey } from "~/rosters/passwords.server";
import { runtime } from "~/runtime.server";

/**
 * The initial passwords of the accounts a roster import created, for the organizer who imported
 * it: downloaded once (then deleted), within half an hour.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "ORGANIZER");
  const token = params.token ?? "";
  const { store } = runtime();
  const key = passwordsKey(user.id, token);
  const stored = /^[0-9a-f-]{36}$/.test(token) ? await store.get(key) : null;
  if (!stored)
    throw redirect("/manage/rosters", {
      headers: { "Set-Cookie": await flashCookie(request, { kind: "error", message: "rosters.passwordsGone" }) },
    });
  await store.del(key);
  const bytes = Buffer.from(stored, "base64");
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": 'attachment; filename="mat-khau-ban-dau.xlsx"',
      "Content-Length": String(bytes.length),
      "Cache-Control": "private, no-store",
    },
  });
}
