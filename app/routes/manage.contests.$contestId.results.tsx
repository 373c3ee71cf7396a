import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { hasRole } from "~/auth/access";
import { forbidden, requireRole } from "~/auth/guards.server";
import { EmptyState } from "~/components/Feedback";
import { roundPhase } from "~/contests/public.server";
import { roundRanking } from "~/contests/results.server";
import { runtime } from "~/runtime.server";

export const meta: MetaFunction = () => [{ title: "Kết quả cuộc thi — Legal Arena" }];

const SHOWN = 100;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "ORGANIZER");
  const { db } = runtime();
  const contest = await db.contest.findUnique({
    where: { id: params.contestId ?? "" },
    include: { orgNode: { select: { name: true, path: true } }, rounds: { orderBy: { position: "asc" } } },
  });
  // A contest outside the organizer's subtree is answered like a missing one.
  if (!contest || !hasRole(user.grants, "ORGANIZER", contest.orgNode.path)) throw forbidden();
  const now = new Date();
  const rounds = await Promise.all(
    contest.rounds.map(async (round) => {
      const [{ participants, ranking }, running] = await Promise.all([
        roundRanking(db, round.id),
        db.attempt.count({ where: { roundId: round.id, status: "IN_PROGRESS" } }),
      ]);
      return {
        id: round.id,
        name: round.name,
        phase: roundPhase(round, now),
        participants,
        running,
        ranking: ranking.slice(0, SHOWN).map((entry) => ({
          rank: entry.rank,
          fullName: entry.fullName,
          score: entry.score,
          maxScore: entry.maxScore,
          prediction: entry.prediction,
          timeUsedMs: entry.timeUsedMs,
        })),
      };
    }),
  );
  return json({
    contest: { id: contest.id, title: contest.title, slug: contest.slug, nodeName: contest.orgNode.name },
    rounds,
  });
}

function duration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

export default function ContestResultsPage() {
  const { t } = useTranslation();
  const { contest, rounds } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to="/manage/contests">← {t("manageContests.title")}</Link>
      </p>
      <h1>{contest.title}</h1>
      <p className="muted">
        {contest.nodeName} · <Link to={`/contests/${contest.slug}`}>{t("manageContests.publicPage")}</Link>
      </p>
      {rounds.map((round) => (
        <section key={round.id} className="card" aria-labelledby={`round-${round.id}`}>
          <h2 id={`round-${round.id}`}>
            {round.name}{" "}
            <span className={`status-badge round-${round.phase}`}>{t(`contest.phase.${round.phase}`)}</span>
          </h2>
          <p>{t("manageContests.roundCounts", { participants: round.participants, running: round.running })}</p>
          {round.ranking.length > 0 ? (
            <p>
              <a href={`/manage/contests/${contest.id}/rounds/${round.id}.xlsx`} download>
                {t("manageContests.exportRanking")}
              </a>
            </p>
          ) : null}
          {round.ranking.length === 0 ? (
            <EmptyState title={t("manageContests.noResults")} />
          ) : (
            <div className="table-wrap">
              <table className="data-table">
                <caption>{t("manageContests.rankingCaption", { round: round.name })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("manageContests.rank")}</th>
                    <th scope="col">{t("fields.fullName")}</th>
                    <th scope="col">{t("attempt.score")}</th>
                    <th scope="col">{t("manageContests.prediction")}</th>
                    <th scope="col">{t("manageContests.time")}</th>
                  </tr>
                </thead>
                <tbody>
                  {round.ranking.map((entry) => (
                    <tr key={`${entry.rank}-${entry.fullName}-${entry.timeUsedMs}`}>
                      <td data-label={t("manageContests.rank")}>{entry.rank}</td>
                      <td data-label={t("fields.fullName")}>{entry.fullName}</td>
                      <td data-label={t("attempt.score")}>
                        {entry.score}/{entry.maxScore}
                      </td>
                      <td data-label={t("manageContests.prediction")}>{entry.prediction ?? "—"}</td>
                      <td data-label={t("manageContests.time")}>{duration(entry.timeUsedMs)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ))}
    </>
  );
}
