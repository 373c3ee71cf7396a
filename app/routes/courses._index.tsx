import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { getCurrentUser } from "~/auth/guards.server";
import { Button } from "~/components/Button";
import { EmptyState } from "~/components/Feedback";
import { catalogue } from "~/courses/learning.server";
import { useTranslation } from "~/i18n/react";
import { runtime } from "~/runtime.server";

export const meta: MetaFunction = () => [{ title: "Khóa học trực tuyến — Legal Arena" }];

/** The course catalogue: public, searchable without accents, filtered by category and audience. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getCurrentUser(request);
  const url = new URL(request.url);
  const query = {
    q: (url.searchParams.get("q") ?? "").slice(0, 200),
    category: (url.searchParams.get("category") ?? "").slice(0, 120),
    audience: (url.searchParams.get("audience") ?? "").slice(0, 120),
    page: Number(url.searchParams.get("page")) || 1,
  };
  const result = await catalogue(runtime().db, query, user?.id ?? null);
  return json({ query, ...result, loggedIn: Boolean(user) });
}

export default function CataloguePage() {
  const { t } = useTranslation();
  const { query, courses, total, page, pageSize, categories, audiences } = useLoaderData<typeof loader>();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const pageLink = (target: number) => {
    const params = new URLSearchParams({ ...query, page: String(target) });
    return `?${params.toString()}`;
  };
  return (
    <>
      <div className="page-header">
        <h1>{t("courses.catalogue.title")}</h1>
        <Link to="/my/courses">{t("courses.my.title")}</Link>
      </div>
      <Form method="get" className="filter-form" role="search">
        <div className="field">
          <label htmlFor="catalogue-q">{t("courses.catalogue.search")}</label>
          <input id="catalogue-q" name="q" type="search" defaultValue={query.q} maxLength={200} />
        </div>
        <div className="field">
          <label htmlFor="catalogue-category">{t("courses.catalogue.category")}</label>
          <select id="catalogue-category" name="category" defaultValue={query.category}>
            <option value="">{t("courses.catalogue.all")}</option>
            {categories.map((category) => (
              <option key={category} value={category}>
                {category}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="catalogue-audience">{t("courses.catalogue.audience")}</label>
          <select id="catalogue-audience" name="audience" defaultValue={query.audience}>
            <option value="">{t("courses.catalogue.all")}</option>
            {audiences.map((audience) => (
              <option key={audience} value={audience}>
                {audience}
              </option>
            ))}
          </select>
        </div>
        <Button type="submit">{t("common.search")}</Button>
      </Form>
      <p className="muted" aria-live="polite">
        {t("courses.catalogue.found", { count: total })}
      </p>
      {courses.length === 0 ? (
        <EmptyState title={t("courses.catalogue.empty")} />
      ) : (
        <ul className="card-list course-cards">
          {courses.map((course) => (
            <li key={course.id} className="card course-card">
              <h2>
                <Link to={`/courses/${course.slug}`}>{course.title}</Link>
              </h2>
              <p className="muted">
                {course.category} · {course.orgNode.name} ·{" "}
                {t("courses.hours", { hours: Math.round((course.estimatedMinutes / 60) * 10) / 10 })} ·{" "}
                {t("courses.lessonCount", { count: course.lessonCount })}
              </p>
              {course.summary ? <p>{course.summary}</p> : null}
              <p>
                {course.isDemo ? <span className="badge">{t("courses.demo")}</span> : null}
                {course.enrolment ? (
                  <span className="badge">
                    {course.enrolment.completed ? t("courses.catalogue.completed") : t("courses.catalogue.enrolled")}
                  </span>
                ) : null}
              </p>
            </li>
          ))}
        </ul>
      )}
      {pages > 1 ? (
        <nav aria-label={t("table.pagination")} className="pager">
          {page > 1 ? <Link to={pageLink(page - 1)}>{t("table.previous")}</Link> : null}
          <span>{t("table.pageOf", { page, pageCount: pages, total })}</span>
          {page < pages ? <Link to={pageLink(page + 1)}>{t("table.next")}</Link> : null}
        </nav>
      ) : null}
    </>
  );
}
