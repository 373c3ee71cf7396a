import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { hasRole } from "~/auth/access";
import { forbidden, requireRole } from "~/auth/guards.server";
import { flashCookie, redirectWithToast } from "~/auth/session.server";
import { EmptyState } from "~/components/Feedback";
import { ExportLinks } from "~/contests/components/ExportLinks";
import { type AnnulFailure, FlaggedAttempts } from "~/contests/components/FlaggedAttempts";
import { ContestRankingTable, RankingPager, RoundRankingTable } from "~/contests/components/RankingTables";
import { NodesFigure, QuestionsFigure, ScoresFigure, TimelineFigure } from "~/contests/components/ResultCharts";
import { FULL_EXPORT_ERRORS } from "~/contests/export-routes.server";
import { annulAttempt, annulSchema, reinstateAttempt } from "~/contests/integrity.server";
import { roundPhase } from "~/contests/public.server";
import { contestResults, roundResults } from "~/contests/results-page.server";
import { useTranslation } from "~/i18n/react";
import { sortAsTree } from "~/org/tree.server";
import { LiveContestPanel } from "~/realtime/client/LiveContestPanel";
import { LiveRoundPanel } from "~/realtime/client/LiveRoundPanel";
import { runtime } from "~/runtime.server";
import { parseForm } from "~/utils/forms";

export const meta: MetaFunction = () => [{ title: "Kết quả cuộc thi — Legal Arena" }];

const searchSchema = z.object({
  view: z.string().max(64).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  exportError: z.enum(FULL_EXPORT_ERRORS).optional().catch(undefined),
  purpose: z.string().max(300).optional().catch(undefined),
});

async function managedContest(request: Request, contestId: string | undefined) {
  const user = await requireRole(request, "ORGANIZER");
  const contest = await runtime().db.contest.findUnique({
    where: { id: contestId ?? "" },
    include: {
      orgNode: { select: { name: true, path: true, depth: true } },
      rounds: { orderBy: { position: "asc" } },
    },
  });
  // A contest outside the organizer's subtree is answered like a missing one.
  if (!contest || !hasRole(user.grants, "ORGANIZER", contest.orgNode.path)) throw forbidden();
  return { user, contest };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { contest } = await managedContest(request, params.contestId);
  const { db } = runtime();
  const search = searchSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const now = new Date();
  // By default the round running now, else the last one that has opened, else the first.
  const opened = contest.rounds.filter((round) => round.opensAt <= now);
  const current =
    contest.rounds.find((round) => roundPhase(round, now) === "open") ?? opened.at(-1) ?? contest.rounds[0];
  const round =
    search.view === "contest" ? null : (contest.rounds.find((candidate) => candidate.id === search.view) ?? current);
  const scope = { id: contest.id, orgNodePath: contest.orgNode.path, orgNodeDepth: contest.orgNode.depth };
  const results = round
    ? await roundResults(db, scope, round, search.page)
    : await contestResults(db, scope, contest.rounds, search.page);
  // The units under the contest's node, for the live board of one unit (whole-contest view only).
  const units = round
    ? []
    : sortAsTree(
        await db.orgNode.findMany({
          where: { path: { startsWith: contest.orgNode.path }, depth: { gt: contest.orgNode.depth } },
          select: { id: true, name: true, depth: true, parentId: true },
          take: 500,
        }),
      );
  return json({
    contest: { id: contest.id, title: contest.title, slug: contest.slug, nodeName: contest.orgNode.name },
    units: units.map(({ id, name, depth }) => ({ id, name, depth })),
    rounds: contest.rounds.map((candidate) => ({
      id: candidate.id,
      name: candidate.name,
      phase: roundPhase(candidate, now),
    })),
    view: round?.id ?? "contest",
    results,
    exportError: search.exportError ?? null,
    purpose: search.purpose ?? "",
  });
}

const reinstateSchema = z.object({ attemptId: z.string().min(1).max(64) });

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, contest } = await managedContest(request, params.contestId);
  const { db } = runtime();
  const formData = await request.formData();
  const url = new URL(request.url);
  const back = `${url.pathname}${url.search}`;
  const attemptId = String(formData.get("attemptId") ?? "").slice(0, 64);
  // Only an attempt of this contest may be annulled from its page.
  const ofContest = await db.attempt.count({ where: { id: attemptId, round: { contestId: contest.id } } });
  if (formData.get("intent") === "annul") {
    const failure = (error: string) =>
      json(
        { annulFailure: { attemptId, error, reason: String(formData.get("reason") ?? "").slice(0, 500) } },
        { status: 400 },
      );
    if (ofContest === 0) return failure("errors.integrity.NOT_FOUND");
    const parsed = parseForm(annulSchema, formData);
    if (!parsed.ok) return failure(parsed.fieldErrors.reason ?? Object.values(parsed.fieldErrors)[0]);
    const result = await annulAttempt(db, request, user, parsed.data);
    if (!result.ok) return failure(result.message);
    return await redirectWithToast(request, back, "results.flagged.annulled");
  }
  const parsed = parseForm(reinstateSchema, formData);
  const result =
    parsed.ok && ofContest > 0
      ? await reinstateAttempt(db, request, user, parsed.data)
      : { ok: false as const, message: "errors.integrity.NOT_FOUND" };
  return redirect(back, {
    headers: {
      "Set-Cookie": await flashCookie(
        request,
        result.ok
          ? { kind: "success", message: "results.flagged.reinstated" }
          : { kind: "error", message: result.message },
      ),
    },
  });
}

export default function ContestResultsPage() {
  const { t } = useTranslation();
  const { contest, units, rounds, view, results, exportError, purpose } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const base = `/manage/contests/${contest.id}/results`;
  const round = rounds.find((candidate) => candidate.id === view);
  const hrefFor = (page: number) => `${base}?view=${view}&page=${page}`;
  return (
    <>
      <p>
        <Link to="/manage/contests">← {t("manageContests.title")}</Link>
      </p>
      <h1>{contest.title}</h1>
      <p className="muted">
        {contest.nodeName} · <Link to={`/contests/${contest.slug}`}>{t("manageContests.publicPage")}</Link> ·{" "}
        <Link to={`/manage/contests/${contest.id}/announcement?scope=${view}`}>{t("results.announcementLink")}</Link>
      </p>
      {rounds.length === 0 ? (
        <EmptyState title={t("manageContests.noResults")} />
      ) : (
        <nav aria-label={t("results.viewsLabel")} className="view-tabs">
          {rounds.map((candidate) => (
            <Link
              key={candidate.id}
              to={`${base}?view=${candidate.id}`}
              aria-current={candidate.id === view ? "page" : undefined}
            >
              {candidate.name}
            </Link>
          ))}
          <Link to={`${base}?view=contest`} aria-current={view === "contest" ? "page" : undefined}>
            {t("results.wholeContest")}
          </Link>
        </nav>
      )}
      {results.kind === "round" && round ? (
        <section className="card" aria-labelledby="view-title">
          <h2 id="view-title">
            {round.name}{" "}
            <span className={`status-badge round-${round.phase}`}>{t(`contest.phase.${round.phase}`)}</span>
          </h2>
          <p>
            {t("manageContests.roundCounts", { participants: results.participants, running: results.running })}
            {results.annulled.total > 0 ? ` · ${t("results.annulledCount", { count: results.annulled.total })}` : null}
          </p>
          <p className="muted">
            {t("results.roundRule", {
              counting: t(`results.counting.${results.counting}`),
              order: results.order.map((key) => t(`results.tieBreakers.${key}`)).join(" → "),
            })}
          </p>
          {round.phase === "open" ? (
            <LiveRoundPanel
              roundId={round.id}
              roundName={round.name}
              initialBoard={{
                total: results.participants,
                top: results.ranking.slice(0, 10).map((entry) => ({ ...entry, name: entry.fullName })),
              }}
            />
          ) : null}
          <RoundRankingTable
            caption={t("manageContests.rankingCaption", { round: round.name })}
            rows={results.ranking}
          />
          {results.page.total > results.page.size ? <RankingPager page={results.page} hrefFor={hrefFor} /> : null}
          {results.page.total > 0 ? (
            <ExportLinks
              maskedHref={`/manage/contests/${contest.id}/rounds/${round.id}.xlsx`}
              fullAction={`/manage/contests/${contest.id}/rounds/${round.id}.xlsx`}
              scope="round"
              error={exportError}
              purpose={purpose}
            />
          ) : null}
          <Statistics results={results} />
          <QuestionSection results={results} />
          <FlaggedAttempts
            flagged={results.flagged}
            annulled={results.annulled}
            action={`${base}?view=${view}`}
            failure={actionData && "annulFailure" in actionData ? (actionData.annulFailure as AnnulFailure) : null}
          />
        </section>
      ) : null}
      {results.kind === "contest" ? (
        <section className="card" aria-labelledby="view-title">
          <h2 id="view-title">{t("results.wholeContest")}</h2>
          <p>{t("results.contestCounts", { participants: results.participants })}</p>
          <p className="muted">{t("results.contestRule")}</p>
          <LiveContestPanel contestId={contest.id} units={units} />
          <ContestRankingTable rows={results.ranking} />
          {results.page.total > results.page.size ? <RankingPager page={results.page} hrefFor={hrefFor} /> : null}
          {results.page.total > 0 ? (
            <ExportLinks
              maskedHref={`${base}.xlsx`}
              fullAction={`${base}.xlsx`}
              scope="contest"
              error={exportError}
              purpose={purpose}
            />
          ) : null}
          <Statistics results={results} />
        </section>
      ) : null}
    </>
  );
}

type Results = ReturnType<typeof useLoaderData<typeof loader>>["results"];

function Statistics({ results }: { results: Results }) {
  const { t } = useTranslation();
  return (
    <>
      <section className="result-section" aria-labelledby="timeline-title">
        <h3 id="timeline-title">
          {t("results.timeline.title")}{" "}
          <span className="muted">
            ({results.timeline.bucket === "hour" ? t("results.timeline.byHour") : t("results.timeline.byDay")})
          </span>
        </h3>
        <TimelineFigure bucket={results.timeline.bucket} points={results.timeline.points} />
      </section>
      <section className="result-section" aria-labelledby="nodes-title">
        <h3 id="nodes-title">{t("results.nodes.title")}</h3>
        <p className="muted">{t("results.nodes.hint")}</p>
        <NodesFigure nodes={results.nodes.nodes} outside={results.nodes.outside} />
      </section>
      <section className="result-section" aria-labelledby="scores-title">
        <h3 id="scores-title">{t("results.scores.title")}</h3>
        <ScoresFigure maxScore={results.scores.maxScore} counts={results.scores.counts} />
      </section>
    </>
  );
}

function QuestionSection({ results }: { results: Extract<Results, { kind: "round" }> }) {
  const { t } = useTranslation();
  return (
    <section className="result-section" aria-labelledby="questions-title">
      <h3 id="questions-title">{t("results.questions.title")}</h3>
      <p className="muted">{t("results.questions.hint")}</p>
      <QuestionsFigure rows={results.questions.rows} total={results.questions.total} />
    </section>
  );
}
