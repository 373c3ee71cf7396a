import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { flashCookie } from "~/auth/session.server";
import { shortDate } from "~/certificates/wording";
import { Button } from "~/components/Button";
import { EmptyState } from "~/components/Feedback";
import { FormAlert, TextField } from "~/components/Field";
import { ProgressBar } from "~/components/ProgressBar";
import { revokeCertificate } from "~/courses/certificates.server";
import { requireManagedCourse } from "~/courses/guards.server";
import { courseLearners } from "~/courses/roster.server";
import { revokeSchema } from "~/courses/schemas";
import { useTranslation } from "~/i18n/react";
import { runtime } from "~/runtime.server";
import { formFailure, parseForm } from "~/utils/forms";

export const meta: MetaFunction = () => [{ title: "Học viên của khóa học — Legal Arena" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { course } = await requireManagedCourse(request, params.courseId ?? "");
  const page = Math.max(1, Number(new URL(request.url).searchParams.get("page")) || 1);
  const learners = await courseLearners(runtime().db, course.id, page);
  return json({ course: { id: course.id, title: course.title }, ...learners });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, course } = await requireManagedCourse(request, params.courseId ?? "");
  const formData = await request.formData();
  const parsed = parseForm(revokeSchema, formData);
  if (!parsed.ok) return json(parsed, { status: 400 });
  const certificate = await runtime().db.courseCertificate.findFirst({
    where: { code: parsed.data.code, courseId: course.id },
    select: { code: true },
  });
  if (!certificate) return json(formFailure(formData, {}, "courses.errors.NOT_FOUND"), { status: 404 });
  const result = await revokeCertificate(runtime().db, request, user, parsed.data);
  if (!result.ok) return json(formFailure(formData, {}, result.message), { status: 400 });
  return redirect(`/manage/courses/${course.id}/learners`, {
    headers: {
      "Set-Cookie": await flashCookie(request, {
        kind: "success",
        message: "courses.learners.revoked",
        params: { code: certificate.code },
      }),
    },
  });
}

export default function CourseLearnersPage() {
  const { t } = useTranslation();
  const { course, learners, total, page, pageSize } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <>
      <p>
        <Link to={`/manage/courses/${course.id}`}>← {course.title}</Link>
      </p>
      <h1>{t("courses.learners.title", { title: course.title })}</h1>
      <FormAlert error={failure?.formError ?? Object.values(failure?.fieldErrors ?? {})[0]} />
      {learners.length === 0 ? (
        <EmptyState title={t("courses.learners.empty")} />
      ) : (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="table-count">{t("table.total", { total })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("courses.learners.name")}</th>
                <th scope="col">{t("courses.learners.progress")}</th>
                <th scope="col">{t("courses.learners.completed")}</th>
                <th scope="col">{t("courses.learners.refused")}</th>
                <th scope="col">{t("courses.learners.certificate")}</th>
              </tr>
            </thead>
            <tbody>
              {learners.map((learner) => (
                <tr key={learner.id}>
                  <td>{learner.fullName}</td>
                  <td>
                    <ProgressBar value={learner.percent} label={t("courses.progressOf", { name: learner.fullName })} />
                  </td>
                  <td>{learner.completedAt ? shortDate(new Date(learner.completedAt)) : "—"}</td>
                  <td>{learner.refusedReports}</td>
                  <td>
                    {learner.certificate ? (
                      <>
                        <Link to={`/v/${learner.certificate.code}`}>{learner.certificate.code}</Link>
                        {learner.certificate.revoked ? (
                          <p className="muted">
                            {t("courses.learners.revokedBecause", { reason: learner.certificate.revokedReason ?? "" })}
                          </p>
                        ) : (
                          <details>
                            <summary>{t("courses.learners.revoke")}</summary>
                            <Form method="post" className="inline-fields">
                              <input type="hidden" name="code" value={learner.certificate.code} />
                              <label>
                                {t("courses.learners.reason")}{" "}
                                <input name="reason" required minLength={5} maxLength={500} />
                              </label>
                              <Button type="submit" variant="danger" disabled={busy}>
                                {t("courses.learners.revokeConfirm")}
                              </Button>
                            </Form>
                          </details>
                        )}
                      </>
                    ) : (
                      "—"
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 ? (
        <nav aria-label={t("table.pagination")} className="pager">
          {page > 1 ? <Link to={`?page=${page - 1}`}>{t("table.previous")}</Link> : null}
          <span>{t("table.pageOf", { page, pageCount: pages, total })}</span>
          {page < pages ? <Link to={`?page=${page + 1}`}>{t("table.next")}</Link> : null}
        </nav>
      ) : null}
      <section aria-labelledby="xapi-title">
        <h2 id="xapi-title">{t("courses.learners.xapiTitle")}</h2>
        <p className="muted">{t("courses.learners.xapiIntro")}</p>
        {/* A plain form: the browser downloads the file instead of the app navigating. */}
        <form method="get" action={`/manage/courses/${course.id}/xapi.json`} className="inline-fields">
          <TextField label={t("courses.learners.xapiFrom")} name="from" type="date" />
          <TextField label={t("courses.learners.xapiTo")} name="to" type="date" />
          <Button type="submit" variant="secondary">
            {t("courses.learners.xapiDownload")}
          </Button>
        </form>
      </section>
    </>
  );
}
