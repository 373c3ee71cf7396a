import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/guards.server";
import { ButtonLink } from "~/components/Button";
import { EmptyState } from "~/components/Feedback";
import { useTranslation } from "~/i18n/react";
import { scopeFilter } from "~/org/tree.server";
import { runtime } from "~/runtime.server";

export const meta: MetaFunction = () => [{ title: "Khóa học — Legal Arena" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "ORGANIZER");
  const db = runtime().db;
  const courses = await db.course.findMany({
    where: { orgNode: scopeFilter(user) },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      title: true,
      slug: true,
      status: true,
      isDemo: true,
      orgNode: { select: { name: true } },
      _count: { select: { enrolments: true, certificates: true } },
    },
  });
  return json({ courses });
}

export default function ManageCoursesPage() {
  const { t } = useTranslation();
  const { courses } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="page-header">
        <h1>{t("courses.manage.title")}</h1>
        <ButtonLink to="/manage/courses/new">{t("courses.manage.new")}</ButtonLink>
      </div>
      {courses.length === 0 ? (
        <EmptyState title={t("courses.manage.empty")} />
      ) : (
        <ul className="card-list">
          {courses.map((course) => (
            <li key={course.id} className="card">
              <h2>
                <Link to={`/manage/courses/${course.id}`}>{course.title}</Link>
              </h2>
              <p className="muted">
                {course.orgNode.name} · {t(`courses.status.${course.status}`)} ·{" "}
                {t("courses.manage.counts", {
                  enrolments: course._count.enrolments,
                  certificates: course._count.certificates,
                })}
              </p>
              <p className="export-links">
                <Link
                  to={`/manage/courses/${course.id}/learners`}
                  aria-label={`${t("courses.manage.learnersLink")}: ${course.title}`}
                >
                  {t("courses.manage.learnersLink")}
                </Link>
                {course.status === "PUBLISHED" ? (
                  <Link
                    to={`/courses/${course.slug}`}
                    aria-label={`${t("courses.manage.publicPage")}: ${course.title}`}
                  >
                    {t("courses.manage.publicPage")}
                  </Link>
                ) : null}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
