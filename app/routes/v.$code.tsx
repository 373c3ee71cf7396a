import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { normalizeCertificateCode } from "~/certificates/codes.server";
import { shortDate } from "~/certificates/wording";
import { Button } from "~/components/Button";
import { verifyCertificate } from "~/courses/certificates.server";
import { useTranslation } from "~/i18n/react";
import { runtime } from "~/runtime.server";

export const meta: MetaFunction = () => [
  { title: "Tra cứu chứng nhận — Legal Arena" },
  // A verification page is for the person holding the paper, not for search engines.
  { name: "robots", content: "noindex" },
];

/**
 * The public verification page a certificate's QR code opens: valid or revoked, the course, the
 * issuer, the date and the holder's initials — nothing else about the person. A code typed with
 * spaces or in lower case is read as the same code.
 */
export async function loader({ params, request }: LoaderFunctionArgs) {
  // The look-up form on this page sends another code as ?code=….
  const typed = new URL(request.url).searchParams.get("code") ?? params.code ?? "";
  const code = normalizeCertificateCode(typed);
  if (code && code !== typed) throw redirect(`/v/${code}`);
  const certificate = code ? await verifyCertificate(runtime().db, code) : null;
  return json(
    { typed: typed.slice(0, 40), certificate },
    { status: certificate ? 200 : 404, headers: { "Cache-Control": "no-store" } },
  );
}

export default function VerifyCertificatePage() {
  const { t } = useTranslation();
  const { typed, certificate } = useLoaderData<typeof loader>();
  return (
    <article className="verify-page card">
      <h1>{t("courses.verify.title")}</h1>
      {certificate ? (
        <>
          <p className={`verify-status verify-${certificate.status}`}>
            {certificate.status === "valid" ? t("courses.verify.valid") : t("courses.verify.revoked")}
          </p>
          <dl className="verify-facts">
            <dt>{t("courses.verify.code")}</dt>
            <dd>{certificate.code}</dd>
            <dt>{t("courses.verify.course")}</dt>
            <dd>{certificate.courseTitle}</dd>
            <dt>{t("courses.verify.hours")}</dt>
            <dd>{certificate.hours}</dd>
            <dt>{t("courses.verify.issuer")}</dt>
            <dd>{certificate.issuerName}</dd>
            <dt>{t("courses.verify.issuedAt")}</dt>
            <dd>{shortDate(new Date(certificate.issuedAt))}</dd>
            <dt>{t("courses.verify.holder")}</dt>
            <dd>{certificate.recipientInitials}</dd>
            {certificate.revokedAt ? (
              <>
                <dt>{t("courses.verify.revokedAt")}</dt>
                <dd>{shortDate(new Date(certificate.revokedAt))}</dd>
              </>
            ) : null}
          </dl>
        </>
      ) : (
        <p className="verify-status verify-unknown">{t("courses.verify.unknown", { code: typed })}</p>
      )}
      <Form method="get" className="inline-fields">
        <label>
          {t("courses.verify.lookUp")} <input name="code" required maxLength={40} autoComplete="off" />
        </label>
        <Button type="submit" variant="secondary">
          {t("courses.verify.check")}
        </Button>
      </Form>
    </article>
  );
}
