import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRole } from "~/auth/guards.server";
import { reportWorkbook } from "~/targets/report-excel.server";
import { reportDownload } from "~/targets/report-request.server";

/** The dashboard's node and period as an Excel workbook (issue 7 §5). */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "ORGANIZER");
  return reportDownload(request, user, "xlsx", reportWorkbook);
}
