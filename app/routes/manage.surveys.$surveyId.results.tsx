import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { EmptyState } from "~/components/Feedback";
import { useTranslation } from "~/i18n/react";
import { runtime } from "~/runtime.server";
import { OptionsFigure, ScaleFigure } from "~/surveys/components/ResultCharts";
import { requireManagedSurvey } from "~/surveys/guards.server";
import { surveyResults, textAnswers } from "~/surveys/responses.server";
import { formatVietnamDateTime } from "~/utils/vietnam-time";

export const meta: MetaFunction = () => [{ title: "Kết quả khảo sát — Legal Arena" }];

const TEXT_PAGE_SIZE = 20;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { survey } = await requireManagedSurvey(request, params.surveyId);
  const db = runtime().db;
  const url = new URL(request.url);
  const results = await surveyResults(db, survey.id);
  // Each free-text question pages on its own (?page-<questionId>=2).
  const texts = await Promise.all(
    results.questions
      .filter((result) => result.question.kind === "TEXT")
      .map(async ({ question }) => {
        const page = Math.max(
          1,
          Math.min(10_000, Number.parseInt(url.searchParams.get(`page-${question.id}`) ?? "1", 10) || 1),
        );
        const list = await textAnswers(db, survey.id, question.id, page, TEXT_PAGE_SIZE);
        return {
          questionId: question.id,
          ...list,
          rows: list.rows.map((row) => ({
            id: row.id,
            text: row.text,
            at: formatVietnamDateTime(row.submittedAt).replace("T", " "),
          })),
        };
      }),
  );
  return json({
    survey: { id: survey.id, title: survey.title, node: survey.orgNode.name, isDemo: survey.isDemo },
    results,
    texts,
  });
}

export default function SurveyResultsPage() {
  const { t } = useTranslation();
  const { survey, results, texts } = useLoaderData<typeof loader>();
  const textsOf = new Map(texts.map((list) => [list.questionId, list]));
  return (
    <>
      <p>
        <Link to={`/manage/surveys/${survey.id}`}>← {survey.title}</Link>
      </p>
      <h1>{t("surveys.results.title", { title: survey.title })}</h1>
      <p>
        {t("surveys.results.summary", { node: survey.node, count: results.responses })}
        {survey.isDemo ? <span className="muted"> ({t("surveys.demo")})</span> : null}
      </p>
      <p>
        <a className="btn btn-secondary" href={`/manage/surveys/${survey.id}/results.xlsx`} download>
          {t("surveys.results.export")}
        </a>
      </p>
      <p className="field-hint">{t("surveys.results.exportHint")}</p>
      {results.questions.length === 0 ? <EmptyState title={t("surveys.results.noQuestions")} /> : null}
      {results.questions.map((result, index) => {
        const list = textsOf.get(result.question.id);
        const pages = list ? Math.max(1, Math.ceil(list.total / list.pageSize)) : 1;
        return (
          <section key={result.question.id} className="card" aria-labelledby={`result-${result.question.id}`}>
            <h2 id={`result-${result.question.id}`}>
              {t("surveys.questionNumber", { n: index + 1 })}. {result.question.prompt}
            </h2>
            <p className="field-hint">
              {t(`surveys.kinds.${result.question.kind}`)} · {t("surveys.results.answered", { count: result.answered })}
            </p>
            {result.question.kind === "SINGLE" || result.question.kind === "MULTIPLE" ? (
              <OptionsFigure result={result} />
            ) : null}
            {result.question.kind === "SCALE" ? <ScaleFigure result={result} /> : null}
            {list ? (
              list.total === 0 ? (
                <p>{t("surveys.results.noTexts")}</p>
              ) : (
                <>
                  <ul className="survey-texts">
                    {list.rows.map((row) => (
                      <li key={row.id}>
                        <p>{row.text}</p>
                        <p className="muted">{row.at}</p>
                      </li>
                    ))}
                  </ul>
                  {pages > 1 ? (
                    <nav aria-label={t("surveys.results.pagesLabel", { n: index + 1 })} className="pager">
                      {list.page > 1 ? (
                        <Link to={`?page-${result.question.id}=${list.page - 1}`}>{t("surveys.results.previous")}</Link>
                      ) : null}{" "}
                      <span>{t("surveys.results.pageOf", { page: list.page, pages })}</span>{" "}
                      {list.page < pages ? (
                        <Link to={`?page-${result.question.id}=${list.page + 1}`}>{t("surveys.results.next")}</Link>
                      ) : null}
                    </nav>
                  ) : null}
                </>
              )
            ) : null}
          </section>
        );
      })}
    </>
  );
}
