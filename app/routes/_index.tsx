import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { hasRole } from "~/auth/access";
import { getCurrentUser } from "~/auth/guards.server";
import { ButtonLink } from "~/components/Button";
import { useTranslation } from "~/i18n/react";
import { runtime } from "~/runtime.server";

export const meta: MetaFunction = () => [
  { title: "Legal Arena — Thi và học pháp luật trực tuyến" },
  { name: "description", content: "Cuộc thi tìm hiểu pháp luật trực tuyến và khóa học cho cán bộ, người dân." },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getCurrentUser(request);
  const now = new Date();
  // Published contests with a round open now or still to come, newest first.
  const contests = await runtime().db.contest.findMany({
    where: { status: "PUBLISHED", rounds: { some: { closesAt: { gt: now } } } },
    orderBy: { createdAt: "desc" },
    take: 6,
    select: { slug: true, title: true, orgNode: { select: { name: true } } },
  });
  return json({
    user: user ? { fullName: user.fullName, canManage: hasRole(user.grants, "ORGANIZER") } : null,
    contests: contests.map((contest) => ({
      slug: contest.slug,
      title: contest.title,
      organizer: contest.orgNode.name,
    })),
  });
}

export default function HomePage() {
  const { t } = useTranslation();
  const { user, contests } = useLoaderData<typeof loader>();
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
          <ButtonLink to="/live" variant="ghost">
            {t("home.joinLive")}
          </ButtonLink>
        </div>
      </section>
      {contests.length > 0 ? (
        <section aria-labelledby="open-contests-title">
          <h2 id="open-contests-title">{t("home.openContests")}</h2>
          <ul className="card-list">
            {contests.map((contest) => (
              <li key={contest.slug} className="card">
                <h3>
                  <Link to={`/contests/${contest.slug}`}>{contest.title}</Link>
                </h3>
                <p className="muted">{contest.organizer}</p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
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
