import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { requireUser } from "~/auth/guards.server";
import { flashCookie } from "~/auth/session.server";
import { renderCertificatePdf } from "~/certificates/pdf.server";
import { participationCertificate } from "~/contests/certificates.server";
import { runtime } from "~/runtime.server";

/** The attempt's certificate of participation as a PDF; only its owner may have it. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { db, sessionSecret } = runtime();
  const attemptId = params.attemptId ?? "";
  const certificate = await participationCertificate(db, { attemptId, userId: user.id, secret: sessionSecret });
  if (!certificate) throw new Response("Not Found", { status: 404 });
  if (!certificate.ok) {
    // Back to a page the contestant knows, with the reason in Vietnamese.
    const back = certificate.code === "ATTEMPT_RUNNING" ? `/attempts/${attemptId}` : `/attempts/${attemptId}/result`;
    throw redirect(back, {
      headers: { "Set-Cookie": await flashCookie(request, { kind: "error", message: certificate.message }) },
    });
  }
  const pdf = await renderCertificatePdf(certificate.content);
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${certificate.fileName}"`,
      "Content-Length": String(pdf.length),
      // Personal data: kept out of shared caches.
      "Cache-Control": "private, no-store",
    },
  });
}
