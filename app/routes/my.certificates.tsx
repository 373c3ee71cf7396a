import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/guards.server";
import { shortDate } from "~/certificates/wording";
import { EmptyState } from "~/components/Feedback";
import { hoursText, myCertificates } from "~/courses/certificates.server";
import { useTranslation } from "~/i18n/react";
import { runtime } from "~/runtime.server";

export const meta: MetaFunction = () => [{ title: "Chứng nhận của tôi — Legal Arena" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const certificates = await myCertificates(runtime().db, user.id);
  return json({
    certificates: certificates.map((certificate) => ({
      code: certificate.code,
      courseTitle: certificate.courseTitle,
      issuerName: certificate.issuerName,
      issuedAt: certificate.issuedAt.toISOString(),
      hours: hoursText(certificate.minutes),
      revoked: certificate.revokedAt !== null,
    })),
  });
}

export default function MyCertificatesPage() {
  const { t } = useTranslation();
  const { certificates } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="page-header">
        <h1>{t("courses.my.certificates")}</h1>
        <Link to="/my/courses">{t("courses.my.title")}</Link>
      </div>
      {certificates.length === 0 ? (
        <EmptyState title={t("courses.my.noCertificates")} />
      ) : (
        <ul className="card-list">
          {certificates.map((certificate) => (
            <li key={certificate.code} className="card">
              <h2>{certificate.courseTitle}</h2>
              <p className="muted">
                {certificate.issuerName} · {certificate.hours} · {shortDate(new Date(certificate.issuedAt))} ·{" "}
                {certificate.code}
              </p>
              {certificate.revoked ? (
                <p className="alert alert-error">{t("courses.course.certificateRevoked")}</p>
              ) : null}
              <p className="export-links">
                <a
                  href={`/certificates/${certificate.code}.pdf`}
                  aria-label={`${t("courses.course.downloadCertificate")}: ${certificate.courseTitle}`}
                >
                  {t("courses.course.downloadCertificate")}
                </a>
                <Link
                  to={`/v/${certificate.code}`}
                  aria-label={`${t("courses.my.verifyLink")}: ${certificate.courseTitle}`}
                >
                  {t("courses.my.verifyLink")}
                </Link>
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
