import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/guards.server";
import { ButtonLink } from "~/components/Button";
import { EmptyState } from "~/components/Feedback";
import { useTranslation } from "~/i18n/react";
import { scopeFilter } from "~/org/tree.server";
import { runtime } from "~/runtime.server";

export const meta: MetaFunction = () => [{ title: "Cuộc thi — Legal Arena" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "ORGANIZER");
  const contests = await runtime().db.contest.findMany({
    where: { orgNode: scopeFilter(user) },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      title: true,
      slug: true,
      status: true,
      orgNode: { select: { name: true } },
      _count: { select: { rounds: true, registrations: true } },
    },
  });
  return json({ contests });
}

export default function ManageContestsPage() {
  const { t } = useTranslation();
  const { contests } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="page-header">
        <h1>{t("manageContests.title")}</h1>
        <ButtonLink to="/manage/contests/new">{t("contestSetup.newTitle")}</ButtonLink>
      </div>
      {contests.length === 0 ? (
        <EmptyState title={t("manageContests.empty")} />
      ) : (
        <ul className="card-list">
          {contests.map((contest) => (
            <li key={contest.id} className="card">
              <h2>
                <Link to={`/manage/contests/${contest.id}`}>{contest.title}</Link>
              </h2>
              <p className="muted">
                {contest.orgNode.name} · {t(`manageContests.status.${contest.status}`)} ·{" "}
                {t("manageContests.counts", {
                  rounds: contest._count.rounds,
                  registrations: contest._count.registrations,
                })}
              </p>
              <p className="export-links">
                {/* Each card's link names its contest, for screen readers' lists of links. */}
                <Link
                  to={`/manage/contests/${contest.id}/results`}
                  aria-label={`${t("contestSetup.resultsLink")}: ${contest.title}`}
                >
                  {t("contestSetup.resultsLink")}
                </Link>
                {contest.status === "PUBLISHED" ? (
                  <Link to={`/contests/${contest.slug}`}>{t("manageContests.publicPage")}</Link>
                ) : null}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
