import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/guards.server";
import { renderCertificatePdf } from "~/certificates/pdf.server";
import { courseCertificateContent, verificationPath } from "~/courses/certificates.server";
import { runtime } from "~/runtime.server";
import { absoluteUrl } from "~/utils/url.server";

/**
 * A course certificate as a PDF; only its owner may download it (anyone else, 404). A revoked
 * certificate is still the owner's record, and its QR code leads to a page that says revoked.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const code = params.code ?? "";
  const certificate = await courseCertificateContent(runtime().db, {
    code,
    userId: user.id,
    verifyUrl: absoluteUrl(request, verificationPath(code)),
  });
  if (!certificate) throw new Response("Not Found", { status: 404 });
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
