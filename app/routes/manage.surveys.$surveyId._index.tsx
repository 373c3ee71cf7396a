import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Button, ButtonLink } from "~/components/Button";
import { FormAlert } from "~/components/Field";
import { useTranslation } from "~/i18n/react";
import { listManagedTree } from "~/org/tree.server";
import { runtime } from "~/runtime.server";
import { EMPTY_QUESTION, QuestionEditor, type QuestionValues } from "~/surveys/components/QuestionEditor";
import { SurveyForm } from "~/surveys/components/SurveyForm";
import { surveyEditorAction } from "~/surveys/editor.server";
import { requireManagedSurvey } from "~/surveys/guards.server";
import { availability } from "~/surveys/responses.server";
import { surveyFormValues } from "~/surveys/schemas";
import { qrSvgDataUri } from "~/utils/qr.server";
import { absoluteUrl } from "~/utils/url.server";

export const meta: MetaFunction = () => [{ title: "Khảo sát — Legal Arena" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, survey } = await requireManagedSurvey(request, params.surveyId);
  const nodes = await listManagedTree(runtime().db, user);
  const url = absoluteUrl(request, `/s/${survey.code}`);
  return json({
    survey: {
      id: survey.id,
      title: survey.title,
      status: survey.status,
      availability: availability(survey),
      node: survey.orgNode.name,
      isDemo: survey.isDemo,
      responses: survey._count.responses,
      questions: survey.questions.map((question) => ({
        id: question.id,
        kind: question.kind,
        values: {
          kind: question.kind,
          prompt: question.prompt,
          options: question.options.join("\n"),
          required: question.required,
          scaleMinLabel: question.scaleMinLabel ?? "",
          scaleMaxLabel: question.scaleMaxLabel ?? "",
        } satisfies QuestionValues,
      })),
    },
    values: surveyFormValues(survey),
    nodes: nodes.map(({ id, name, depth }) => ({ id, name, depth })),
    share: { url, qrDataUri: await qrSvgDataUri(url) },
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, survey } = await requireManagedSurvey(request, params.surveyId);
  return surveyEditorAction(runtime().db, request, user, survey);
}

/** What a refused question form posted, back in the editor's shape. */
function postedQuestion(values: Record<string, string>): QuestionValues {
  return {
    kind: values.kind ?? "SINGLE",
    prompt: values.prompt ?? "",
    options: values.options ?? "",
    required: values.required === "on",
    scaleMinLabel: values.scaleMinLabel ?? "",
    scaleMaxLabel: values.scaleMaxLabel ?? "",
  };
}

export default function SurveyEditorPage() {
  const { t } = useTranslation();
  const { survey, values, nodes, share } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const failed = (target: string) => (failure && failure.target === target ? failure : undefined);
  const hasResponses = survey.responses > 0;
  const newFailure = failed("new");
  return (
    <>
      <p>
        <Link to="/manage/surveys">← {t("surveys.title")}</Link>
      </p>
      <h1>
        {survey.title}
        {survey.isDemo ? <span className="muted"> ({t("surveys.demo")})</span> : null}
      </h1>
      <p>
        {t("surveys.statusLine", {
          node: survey.node,
          status: t(`surveys.statuses.${survey.status}`),
          count: survey.responses,
        })}
      </p>
      {survey.status === "OPEN" && survey.availability !== "OPEN" ? (
        <p className="field-hint">{t(`surveys.availability.${survey.availability}`)}</p>
      ) : null}
      <p>
        <ButtonLink to={`/manage/surveys/${survey.id}/results`} variant="secondary">
          {t("surveys.resultsLink")}
        </ButtonLink>
      </p>

      <section className="card" aria-labelledby="status-title">
        <h2 id="status-title">{t("surveys.statusTitle")}</h2>
        <FormAlert error={failed("status")?.formError} />
        <Form method="post">
          {survey.status === "OPEN" ? (
            <Button type="submit" name="intent" value="close" variant="secondary" disabled={busy}>
              {t("surveys.close")}
            </Button>
          ) : (
            <Button type="submit" name="intent" value="open" disabled={busy}>
              {t("surveys.open")}
            </Button>
          )}
        </Form>
        <p className="field-hint">{t("surveys.statusHint")}</p>
      </section>

      {/* Not the contest page's ShareLink: sharing its module would split it out of the contest
          page's chunk and cost that page (at the edge of its weight budget) a file of its own. */}
      <section className="card share-link" aria-labelledby="share-link-title">
        <h2 id="share-link-title">{t("surveys.shareTitle")}</h2>
        <div className="share-link-body">
          <img
            className="share-link-qr"
            src={share.qrDataUri}
            alt={t("surveys.qrAlt", { title: survey.title })}
            width={160}
            height={160}
          />
          <div className="share-link-text">
            <p className="share-link-url">
              <a href={share.url}>{share.url}</a>
            </p>
            <p className="share-link-actions">
              <a className="btn btn-ghost" href={`/manage/surveys/${survey.id}/qr.png`} download>
                {t("share.downloadQr")}
              </a>
            </p>
          </div>
        </div>
      </section>

      <section aria-labelledby="details-title">
        <h2 id="details-title">{t("surveys.detailsTitle")}</h2>
        <SurveyForm
          key={failed("details") ? JSON.stringify(failed("details")?.values) : JSON.stringify(values)}
          values={failed("details")?.values ?? values}
          errors={failed("details")?.fieldErrors ?? {}}
          formError={failed("details")?.formError}
          nodes={nodes}
          submitLabel={t("surveys.save")}
          busy={busy}
          nodeLocked={hasResponses}
        />
      </section>

      <section aria-labelledby="questions-title" id="questions">
        <h2 id="questions-title">{t("surveys.questionsTitle", { count: survey.questions.length })}</h2>
        {hasResponses ? <p className="alert alert-info">{t("surveys.lockedNotice")}</p> : null}
        <ol className="survey-questions">
          {survey.questions.map((question, index) => {
            const questionFailure = failed(question.id);
            return (
              <li key={question.id} className="card">
                <h3>
                  {t("surveys.questionNumber", { n: index + 1 })} · {t(`surveys.kinds.${question.kind}`)}
                </h3>
                <QuestionEditor
                  key={questionFailure ? JSON.stringify(questionFailure.values) : JSON.stringify(question.values)}
                  idPrefix={`question-${index + 1}`}
                  questionId={question.id}
                  values={questionFailure ? postedQuestion(questionFailure.values) : question.values}
                  errors={questionFailure?.fieldErrors ?? {}}
                  formError={questionFailure?.formError}
                  kindLocked={hasResponses}
                  submitLabel={t("surveys.question.save")}
                  busy={busy}
                />
                <Form method="post" className="survey-question-actions">
                  <input type="hidden" name="questionId" value={question.id} />
                  <Button
                    type="submit"
                    name="intent"
                    value="moveUp"
                    variant="ghost"
                    disabled={busy || index === 0}
                    aria-label={t("surveys.question.moveUpAria", { n: index + 1 })}
                  >
                    ↑ {t("surveys.question.moveUp")}
                  </Button>
                  <Button
                    type="submit"
                    name="intent"
                    value="moveDown"
                    variant="ghost"
                    disabled={busy || index === survey.questions.length - 1}
                    aria-label={t("surveys.question.moveDownAria", { n: index + 1 })}
                  >
                    ↓ {t("surveys.question.moveDown")}
                  </Button>
                  {hasResponses ? null : (
                    <Button
                      type="submit"
                      name="intent"
                      value="removeQuestion"
                      variant="danger"
                      disabled={busy}
                      aria-label={t("surveys.question.removeAria", { n: index + 1 })}
                    >
                      {t("surveys.question.remove")}
                    </Button>
                  )}
                </Form>
              </li>
            );
          })}
        </ol>
        <section className="card" aria-labelledby="new-question-title">
          <h3 id="new-question-title">{t("surveys.question.addTitle")}</h3>
          <QuestionEditor
            key={newFailure ? JSON.stringify(newFailure.values) : `new-${survey.questions.length}`}
            idPrefix="new-question"
            values={newFailure ? postedQuestion(newFailure.values) : EMPTY_QUESTION}
            errors={newFailure?.fieldErrors ?? {}}
            formError={newFailure?.formError}
            kindLocked={false}
            submitLabel={t("surveys.question.add")}
            busy={busy}
          />
        </section>
      </section>
    </>
  );
}
