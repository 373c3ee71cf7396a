import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireManagedSurvey } from "~/surveys/guards.server";
import { qrPng } from "~/utils/qr.server";
import { absoluteUrl } from "~/utils/url.server";

/** The survey link's QR code as a PNG for posters and Zalo/Facebook posts (the organizer prints it). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { survey } = await requireManagedSurvey(request, params.surveyId);
  const png = await qrPng(absoluteUrl(request, `/s/${survey.code}`));
  return new Response(new Uint8Array(png), {
    headers: {
      "Content-Type": "image/png",
      "Content-Disposition": `attachment; filename="qr-khao-sat-${survey.code}.png"`,
      "Cache-Control": "private, max-age=3600",
    },
  });
}
