import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/guards.server";
import { shortDate } from "~/certificates/wording";
import { ButtonLink } from "~/components/Button";
import { EmptyState } from "~/components/Feedback";
import { ProgressBar } from "~/components/ProgressBar";
import { myCourses } from "~/courses/learning.server";
import { useTranslation } from "~/i18n/react";
import { runtime } from "~/runtime.server";

export const meta: MetaFunction = () => [{ title: "Khóa học của tôi — Legal Arena" }];

/** The learner's courses, the most recently studied first, each with "continue where I left off". */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json({ courses: await myCourses(runtime().db, user.id) });
}

export default function MyCoursesPage() {
  const { t } = useTranslation();
  const { courses } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="page-header">
        <h1>{t("courses.my.title")}</h1>
        <Link to="/my/certificates">{t("courses.my.certificates")}</Link>
      </div>
      {courses.length === 0 ? (
        <EmptyState title={t("courses.my.empty")}>
          <ButtonLink to="/courses">{t("courses.catalogue.title")}</ButtonLink>
        </EmptyState>
      ) : (
        <ul className="card-list">
          {courses.map((course) => (
            <li key={course.slug} className="card">
              <h2>
                <Link to={`/courses/${course.slug}`}>{course.title}</Link>
              </h2>
              <ProgressBar value={course.percent} label={t("courses.progressOf", { name: course.title })} />
              <p className="muted">
                {course.completedAt
                  ? t("courses.my.completedOn", { date: shortDate(new Date(course.completedAt)) })
                  : course.dueAt
                    ? t("courses.my.due", { date: shortDate(new Date(course.dueAt)) })
                    : null}
              </p>
              {course.continueWith ? (
                <ButtonLink
                  to={`/learn/${course.continueWith.id}`}
                  aria-label={`${t("courses.course.continue")}: ${course.continueWith.title}`}
                >
                  {t("courses.course.continue")}: {course.continueWith.title}
                </ButtonLink>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
