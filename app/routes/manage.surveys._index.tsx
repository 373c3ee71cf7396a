import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/guards.server";
import { ButtonLink } from "~/components/Button";
import { EmptyState } from "~/components/Feedback";
import { useTranslation } from "~/i18n/react";
import { runtime } from "~/runtime.server";
import { listManagedSurveys } from "~/surveys/surveys.server";

export const meta: MetaFunction = () => [{ title: "Khảo sát — Legal Arena" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "ORGANIZER");
  const surveys = await listManagedSurveys(runtime().db, user);
  return json({
    surveys: surveys.map((survey) => ({
      id: survey.id,
      title: survey.title,
      status: survey.status,
      node: survey.orgNode.name,
      isDemo: survey.isDemo,
      questions: survey._count.questions,
      responses: survey._count.responses,
    })),
  });
}

export default function SurveysPage() {
  const { t } = useTranslation();
  const { surveys } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("surveys.title")}</h1>
      <p>{t("surveys.intro")}</p>
      <p>
        <ButtonLink to="/manage/surveys/new">{t("surveys.newTitle")}</ButtonLink>
      </p>
      {surveys.length === 0 ? (
        <EmptyState title={t("surveys.empty")} />
      ) : (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">{t("surveys.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("surveys.columns.title")}</th>
                <th scope="col">{t("surveys.columns.node")}</th>
                <th scope="col">{t("surveys.columns.status")}</th>
                <th scope="col">{t("surveys.columns.questions")}</th>
                <th scope="col">{t("surveys.columns.responses")}</th>
              </tr>
            </thead>
            <tbody>
              {surveys.map((survey) => (
                <tr key={survey.id}>
                  <td data-label={t("surveys.columns.title")}>
                    <Link to={`/manage/surveys/${survey.id}`}>{survey.title}</Link>
                    {survey.isDemo ? <span className="muted"> ({t("surveys.demo")})</span> : null}
                  </td>
                  <td data-label={t("surveys.columns.node")}>{survey.node}</td>
                  <td data-label={t("surveys.columns.status")}>{t(`surveys.statuses.${survey.status}`)}</td>
                  <td data-label={t("surveys.columns.questions")}>{survey.questions}</td>
                  <td data-label={t("surveys.columns.responses")}>
                    <Link to={`/manage/surveys/${survey.id}/results`}>{survey.responses}</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
