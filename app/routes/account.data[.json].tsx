import type { LoaderFunctionArgs } from "@remix-run/node";
import { personalDataOf } from "~/account/personal-data.server";
import { audit } from "~/audit/audit.server";
import { requireUser } from "~/auth/guards.server";
import { runtime } from "~/runtime.server";

/** A person downloads everything the platform holds about them (issue 9, point 4), as JSON. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { db } = runtime();
  const data = await personalDataOf(db, user.id);
  await audit(db, request, {
    actorId: user.id,
    action: "user.data_exported",
    targetType: "User",
    targetId: user.id,
  });
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": 'attachment; filename="du-lieu-ca-nhan.json"',
      "Cache-Control": "no-store",
    },
  });
}
