import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { getCurrentUser, requireUser } from "~/auth/guards.server";
import { flashCookie } from "~/auth/session.server";
import { Button, ButtonLink } from "~/components/Button";
import { FormAlert } from "~/components/Field";
import { ProgressBar } from "~/components/ProgressBar";
import { courseOutline, enrol } from "~/courses/learning.server";
import { useTranslation } from "~/i18n/react";
import { rateAction } from "~/ratings/action.server";
import { RatingForm } from "~/ratings/RatingForm";
import { myRating } from "~/ratings/ratings.server";
import { runtime } from "~/runtime.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.course.title} — Legal Arena` : "Khóa học — Legal Arena" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getCurrentUser(request);
  const outline = await courseOutline(runtime().db, { slug: params.slug ?? "", userId: user?.id ?? null });
  if (!outline) throw new Response("Not Found", { status: 404 });
  // Once the course is completed, its learner may rate it (app/ratings).
  const rating =
    user && outline.enrolment?.completedAt
      ? await myRating(runtime().db, user.id, { courseId: outline.course.id })
      : undefined;
  return json({ ...outline, loggedIn: Boolean(user), rating });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const db = runtime().db;
  const course = await db.course.findUnique({ where: { slug: params.slug ?? "" }, select: { id: true, slug: true } });
  if (!course) throw new Response("Not Found", { status: 404 });
  const formData = await request.formData();
  if (formData.get("intent") === "rate") return rateAction(db, user.id, { courseId: course.id }, formData);
  const result = await enrol(db, { userId: user.id, courseId: course.id });
  if (!result.ok) return json({ error: result.message }, { status: result.code === "NOT_FOUND" ? 404 : 400 });
  return redirect(`/courses/${course.slug}`, {
    headers: {
      "Set-Cookie": await flashCookie(request, {
        kind: "success",
        message: result.alreadyEnrolled ? "courses.errors.ALREADY_ENROLLED" : "courses.course.enrolled",
      }),
    },
  });
}

export default function CoursePage() {
  const { t } = useTranslation();
  const { course, enrolment, modules, loggedIn, rating } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const failure = actionData && "error" in actionData ? actionData : undefined;
  const busy = useNavigation().state === "submitting";
  const hours = Math.round((course.estimatedMinutes / 60) * 10) / 10;
  return (
    <article className="course-page">
      <p>
        <Link to="/courses">← {t("courses.catalogue.title")}</Link>
      </p>
      <h1>{course.title}</h1>
      <p className="muted">
        {course.category} · {course.orgNodeName} · {t("courses.hours", { hours })}
        {course.isDemo ? (
          <>
            {" "}
            <span className="badge">{t("courses.demo")}</span>
          </>
        ) : null}
      </p>
      {course.summary ? <p className="lead prewrap">{course.summary}</p> : null}
      {course.audience.length > 0 ? (
        <p>
          {t("courses.course.audience")}: {course.audience.join(", ")}
        </p>
      ) : null}
      {course.sequential ? <p className="muted">{t("courses.course.sequential")}</p> : null}
      <FormAlert error={failure?.error} />

      {enrolment ? (
        <section className="card" aria-labelledby="my-progress">
          <h2 id="my-progress">{t("courses.course.myProgress")}</h2>
          <ProgressBar value={enrolment.percent} label={t("courses.course.courseProgress")} />
          <p>{t("courses.course.requiredDone", { done: enrolment.requiredDone, total: enrolment.requiredTotal })}</p>
          {enrolment.completedAt ? <p className="alert alert-success">{t("courses.course.completed")}</p> : null}
          {enrolment.certificate ? (
            <p>
              {enrolment.certificate.revoked ? (
                t("courses.course.certificateRevoked")
              ) : (
                <ButtonLink to={`/certificates/${enrolment.certificate.code}.pdf`} reloadDocument>
                  {t("courses.course.downloadCertificate")}
                </ButtonLink>
              )}
            </p>
          ) : null}
          {enrolment.continueWith ? (
            <ButtonLink to={`/learn/${enrolment.continueWith}`}>
              {enrolment.percent > 0 ? t("courses.course.continue") : t("courses.course.start")}
            </ButtonLink>
          ) : null}
        </section>
      ) : course.openForStudy ? (
        loggedIn ? (
          <Form method="post">
            <Button type="submit" disabled={busy}>
              {t("courses.course.enrol")}
            </Button>
          </Form>
        ) : (
          <p>
            <ButtonLink to={`/login?redirectTo=${encodeURIComponent(`/courses/${course.slug}`)}`}>
              {t("courses.course.loginToEnrol")}
            </ButtonLink>
          </p>
        )
      ) : (
        <p className="alert alert-info">{t("courses.errors.COURSE_CLOSED")}</p>
      )}
      {rating !== undefined ? (
        <RatingForm current={rating} state={actionData && "rating" in actionData ? actionData.rating : undefined} />
      ) : null}

      <h2>{t("courses.course.content")}</h2>
      <ol className="course-modules">
        {modules.map((module) => (
          <li key={module.id} className="card">
            <h3>{module.title}</h3>
            {enrolment ? (
              <ProgressBar value={module.percent} label={t("courses.course.moduleProgress", { title: module.title })} />
            ) : null}
            <ul className="lesson-list">
              {module.lessons.map((lesson) => (
                <li key={lesson.id} className={`lesson-item lesson-${lesson.state}`}>
                  <span className="lesson-state" aria-hidden="true">
                    {lesson.state === "done" ? "✓" : lesson.state === "locked" ? "🔒" : "○"}
                  </span>
                  {enrolment && lesson.state !== "locked" ? (
                    <Link to={`/learn/${lesson.id}`}>{lesson.title}</Link>
                  ) : (
                    <span>{lesson.title}</span>
                  )}{" "}
                  <span className="badge">{t(`courses.lessonTypes.${lesson.type}`)}</span>
                  {lesson.isFinalTest ? <span className="badge">{t("courses.editor.finalTest")}</span> : null}
                  {!lesson.required && !lesson.isFinalTest ? (
                    <span className="badge">{t("courses.editor.optional")}</span>
                  ) : null}
                  {enrolment ? (
                    <span className="visually-hidden">{t(`courses.lessonState.${lesson.state}`)}</span>
                  ) : null}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </article>
  );
}
