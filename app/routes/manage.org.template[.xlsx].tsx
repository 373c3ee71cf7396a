import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRole } from "~/auth/guards.server";
import { orgImportTemplate } from "~/org/import.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "ORGANIZER");
  return new Response(new Uint8Array(await orgImportTemplate()), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": 'attachment; filename="mau-nhap-cay-to-chuc.xlsx"',
    },
  });
}
