import type { LoaderFunctionArgs } from "@remix-run/node";
import { publicContest } from "~/contests/public.server";
import { runtime } from "~/runtime.server";
import { qrPng } from "~/utils/qr.server";
import { absoluteUrl } from "~/utils/url.server";

/** The contest page's QR code as a PNG, for posters and Zalo/Facebook posts; public like the page. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const contest = await publicContest(runtime().db, params.slug ?? "", null);
  if (!contest) throw new Response("Not Found", { status: 404 });
  const png = await qrPng(absoluteUrl(request, `/contests/${contest.slug}`));
  return new Response(new Uint8Array(png), {
    headers: {
      "Content-Type": "image/png",
      "Content-Disposition": `attachment; filename="qr-${contest.slug}.png"`,
      "Cache-Control": "public, max-age=3600",
    },
  });
}
