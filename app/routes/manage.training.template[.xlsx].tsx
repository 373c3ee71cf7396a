import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRole } from "~/auth/guards.server";
import { attendanceTemplate } from "~/training/attendance.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "ORGANIZER");
  return new Response(new Uint8Array(await attendanceTemplate()), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": 'attachment; filename="mau-diem-danh-tap-huan.xlsx"',
    },
  });
}
