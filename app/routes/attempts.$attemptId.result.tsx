import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/guards.server";
import { attemptResult } from "~/contests/attempts.server";
import { certificateAvailable } from "~/contests/certificates.server";
import { useTranslation } from "~/i18n/react";
import { rateAction } from "~/ratings/action.server";
import { RatingForm } from "~/ratings/RatingForm";
import { myRating } from "~/ratings/ratings.server";
import { runtime } from "~/runtime.server";

export const meta: MetaFunction = () => [{ title: "Kết quả bài thi — Legal Arena" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const result = await attemptResult(runtime().db, { attemptId: params.attemptId ?? "", userId: user.id });
  if (!result) throw new Response("Not Found", { status: 404 });
  if (result.kind === "running") throw redirect(`/attempts/${result.id}`);
  const db = runtime().db;
  const certificate = await certificateAvailable(db, { attemptId: result.id, userId: user.id });
  // Any closed attempt (not annulled) lets its contestant rate the contest (app/ratings).
  const rating =
    result.status === "ANNULLED" ? undefined : await myRating(db, user.id, { contestId: result.contest.id });
  return json({ ...result, certificateAvailable: certificate, rating });
}

/** The contest's satisfaction rating (the only form on this page). */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const db = runtime().db;
  const attempt = await db.attempt.findFirst({
    where: { id: params.attemptId ?? "", userId: user.id },
    select: { round: { select: { contestId: true } } },
  });
  if (!attempt) throw new Response("Not Found", { status: 404 });
  return rateAction(db, user.id, { contestId: attempt.round.contestId }, await request.formData());
}

export default function AttemptResultPage() {
  const { t, i18n } = useTranslation();
  const result = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const when = new Intl.DateTimeFormat(i18n.language, {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "Asia/Ho_Chi_Minh",
  });
  const minutes = result.timeUsedMs ? Math.floor(result.timeUsedMs / 60000) : 0;
  const seconds = result.timeUsedMs ? Math.round((result.timeUsedMs % 60000) / 1000) : 0;
  return (
    <section aria-labelledby="result-title" className="result-page">
      <p>
        <Link to={`/contests/${result.contest.slug}`}>← {result.contest.title}</Link>
      </p>
      <h1 id="result-title">{t("attempt.resultTitle", { round: result.roundName })}</h1>
      <p className="alert alert-success" role="status">
        {result.status === "EXPIRED" ? t("attempt.closedAtDeadline") : t("attempt.received")}
      </p>
      {result.certificateAvailable ? (
        <p>
          <a className="btn btn-secondary" href={`/attempts/${result.id}/certificate.pdf`} download>
            {t("attempt.certificateDownload")}
          </a>
        </p>
      ) : null}
      {result.score !== null ? (
        <div className="stat-grid">
          <div className="stat card">
            <span className="stat-value">
              {result.score}/{result.maxScore}
            </span>
            <span className="stat-label">{t("attempt.score")}</span>
          </div>
          <div className="stat card">
            <span className="stat-value">{result.correctCount}</span>
            <span className="stat-label">{t("attempt.correctAnswers")}</span>
          </div>
          <div className="stat card">
            <span className="stat-value">
              {minutes}:{String(seconds).padStart(2, "0")}
            </span>
            <span className="stat-label">{t("attempt.timeUsed")}</span>
          </div>
        </div>
      ) : (
        <p>{t("attempt.scoreHidden")}</p>
      )}
      {result.review ? (
        <ol className="review-list">
          {result.review.map((item) => (
            <li key={item.position} className="card">
              {/* biome-ignore lint/security/noDangerouslySetInnerHtml: stems are sanitised on save. */}
              <p className="question-stem" dangerouslySetInnerHTML={{ __html: item.stem }} />
              <ul className="preview-options">
                {item.options.map((option, index) => (
                  <li
                    key={String.fromCharCode(65 + index)}
                    className={option.correct ? "answer-correct" : option.chosen ? "answer-wrong" : undefined}
                  >
                    <span className="preview-letter">{String.fromCharCode(65 + index)}</span> {option.text}
                    {option.correct ? ` — ${t("attempt.correctOption")}` : ""}
                    {option.chosen ? ` (${t("attempt.yourChoice")})` : ""}
                  </li>
                ))}
              </ul>
              {item.explanation ? <p>{item.explanation}</p> : null}
              {item.citation ? <p className="muted">{t("attempt.citation", { citation: item.citation })}</p> : null}
            </li>
          ))}
        </ol>
      ) : result.policy === "ANSWERS_AFTER_CLOSE" ? (
        <p className="muted">{t("attempt.answersAfterClose", { when: when.format(new Date(result.roundClosesAt)) })}</p>
      ) : null}
      {result.rating !== undefined ? <RatingForm current={result.rating} state={actionData?.rating} /> : null}
    </section>
  );
}
