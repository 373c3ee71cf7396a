import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { hasRole } from "~/auth/access";
import { getCurrentUser } from "~/auth/guards.server";
import { ButtonLink } from "~/components/Button";

export const meta: MetaFunction = () => [
  { title: "Legal Arena — Thi và học pháp luật trực tuyến" },
  { name: "description", content: "Cuộc thi tìm hiểu pháp luật trực tuyến và khóa học cho cán bộ, người dân." },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getCurrentUser(request);
  return json({
    user: user ? { fullName: user.fullName, canManage: hasRole(user.grants, "ORGANIZER") } : null,
  });
}

export default function HomePage() {
  const { t } = useTranslation();
  const { user } = useLoaderData<typeof loader>();
  return (
    <>
      <section className="hero" aria-labelledby="home-title">
        <h1 id="home-title">{user ? t("home.greeting", { name: user.fullName }) : t("home.title")}</h1>
        <p className="lead">{t("home.lead")}</p>
        <div className="hero-actions">
          {user ? (
            user.canManage ? (
              <ButtonLink to="/manage">{t("home.goManage")}</ButtonLink>
            ) : null
          ) : (
            <>
              <ButtonLink to="/login">{t("nav.login")}</ButtonLink>
              <ButtonLink to="/register" variant="secondary">
                {t("nav.register")}
              </ButtonLink>
            </>
          )}
        </div>
      </section>
      <section className="feature-grid" aria-label={t("home.featuresLabel")}>
        <article className="card">
          <h2>{t("home.contestsTitle")}</h2>
          <p>{t("home.contestsBody")}</p>
        </article>
        <article className="card">
          <h2>{t("home.coursesTitle")}</h2>
          <p>{t("home.coursesBody")}</p>
        </article>
        <article className="card">
          <h2>{t("home.targetsTitle")}</h2>
          <p>{t("home.targetsBody")}</p>
        </article>
      </section>
    </>
  );
}
