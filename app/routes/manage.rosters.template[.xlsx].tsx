import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRole } from "~/auth/guards.server";
import { rosterTemplate } from "~/rosters/import.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "ORGANIZER");
  return new Response(new Uint8Array(await rosterTemplate()), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": 'attachment; filename="mau-danh-sach-hoc-vien.xlsx"',
    },
  });
}
