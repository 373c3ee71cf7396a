import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { z } from "zod";
import { getCurrentUser } from "~/auth/guards.server";
import { safeRedirect } from "~/auth/schemas";
import { LOCALES } from "~/i18n/config";
import { localeCookie } from "~/i18n/i18n.server";
import { runtime } from "~/runtime.server";

const localeSchema = z.object({ locale: z.enum(LOCALES), redirectTo: z.string().optional() });

export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  const parsed = localeSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) throw new Response("Bad Request", { status: 400 });
  const user = await getCurrentUser(request);
  if (user) await runtime().db.user.update({ where: { id: user.id }, data: { locale: parsed.data.locale } });
  return redirect(safeRedirect(parsed.data.redirectTo), {
    headers: { "Set-Cookie": await localeCookie.serialize(parsed.data.locale) },
  });
}
