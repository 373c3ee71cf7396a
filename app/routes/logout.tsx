import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { audit } from "~/audit/audit.server";
import { destroySessionCookie, readSessionId } from "~/auth/session.server";
import { runtime } from "~/runtime.server";

// Logging out is a POST (a link could be triggered by another site); GET just goes home.
export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  const sessionId = await readSessionId(request);
  if (sessionId) {
    const { db } = runtime();
    const session = await db.session.findUnique({ where: { id: sessionId }, select: { userId: true } });
    await db.session.deleteMany({ where: { id: sessionId } });
    if (session)
      await audit(db, request, {
        actorId: session.userId,
        action: "auth.logout",
        targetType: "User",
        targetId: session.userId,
      });
  }
  return redirect("/", { headers: { "Set-Cookie": await destroySessionCookie(request) } });
}
