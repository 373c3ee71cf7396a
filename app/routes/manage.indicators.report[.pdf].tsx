import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRole } from "~/auth/guards.server";
import { reportPdf } from "~/targets/report-pdf.server";
import { reportDownload } from "~/targets/report-request.server";

/** The dashboard's node and period as a PDF summary with charts (issue 7 §5). */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "ORGANIZER");
  return reportDownload(request, user, "pdf", reportPdf);
}
