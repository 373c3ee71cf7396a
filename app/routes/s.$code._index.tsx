import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { getCurrentUser, requireUser } from "~/auth/guards.server";
import { redirectWithToast } from "~/auth/session.server";
import { ButtonLink } from "~/components/Button";
import { FormAlert } from "~/components/Field";
import { useTranslation } from "~/i18n/react";
import { runtime } from "~/runtime.server";
import { SurveyQuestionField } from "~/surveys/components/SurveyQuestionField";
import { availability, hasAnswered, publicSurvey, submitResponse } from "~/surveys/responses.server";
import { parseAnswers } from "~/surveys/schemas";

/**
 * A survey's public page (/s/<code>, issue 7 §3): anyone may read it; answering needs a signed-in
 * account (a resident can register and come back here), once per person. Light on purpose: no
 * charts, phone first.
 */
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.survey.title} — Legal Arena` : "Khảo sát — Legal Arena" },
];

async function loadSurvey(code: string | undefined) {
  const survey = await publicSurvey(runtime().db, code ?? "");
  if (!survey) throw new Response("Not Found", { status: 404 });
  return survey;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const survey = await loadSurvey(params.code);
  const user = await getCurrentUser(request);
  const answered = user ? await hasAnswered(runtime().db, survey.id, user.id) : false;
  return json({
    survey: {
      code: survey.code,
      title: survey.title,
      intro: survey.intro,
      node: survey.orgNode.name,
      isDemo: survey.isDemo,
      questions: survey.questions,
    },
    availability: availability(survey),
    loggedIn: Boolean(user),
    answered,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const survey = await loadSurvey(params.code);
  const formData = await request.formData();
  const parsed = parseAnswers(survey.questions, formData);
  if (!parsed.ok) return json({ ...parsed, formError: "survey.errors.fixAnswers" }, { status: 400 });
  const result = await submitResponse(runtime().db, survey, user.id, parsed.answers);
  if (!result.ok)
    return json(
      { ok: false as const, fieldErrors: {}, values: {}, formError: `survey.errors.${result.code}` },
      { status: 409 },
    );
  return await redirectWithToast(request, `/s/${survey.code}`, "survey.thanks");
}

export default function SurveyPage() {
  const { t } = useTranslation();
  const { survey, availability, loggedIn, answered } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const back = encodeURIComponent(`/s/${survey.code}`);
  const fieldErrors: Record<string, string> = failure?.fieldErrors ?? {};
  const values: Record<string, string[]> = failure?.values ?? {};
  return (
    <article className="survey-page">
      <header>
        <p className="muted">
          {survey.node}
          {survey.isDemo ? ` · ${t("survey.demo")}` : ""}
        </p>
        <h1>{survey.title}</h1>
        {survey.intro ? <p className="survey-intro">{survey.intro}</p> : null}
      </header>
      {/* Above whatever the page shows next: after a refused answer the page is read again, and a
          second answer from another tab then finds "already answered" in place of the form. */}
      <FormAlert error={failure?.formError} />
      {answered ? (
        <p className="alert alert-success" role="status">
          {t("survey.alreadyAnswered")}
        </p>
      ) : availability !== "OPEN" ? (
        <p className="alert alert-info">{t(`survey.availability.${availability}`)}</p>
      ) : !loggedIn ? (
        <section className="card" aria-labelledby="login-title">
          <h2 id="login-title">{t("survey.loginTitle")}</h2>
          <p>{t("survey.loginHint", { count: survey.questions.length })}</p>
          <p className="hero-actions">
            <ButtonLink to={`/login?redirectTo=${back}`}>{t("survey.login")}</ButtonLink>{" "}
            <ButtonLink to={`/register?redirectTo=${back}`} variant="secondary">
              {t("survey.register")}
            </ButtonLink>
          </p>
        </section>
      ) : (
        <Form method="post" noValidate className="survey-form">
          <p className="field-hint">{t("survey.requiredHint")}</p>
          {survey.questions.map((question, index) => (
            <SurveyQuestionField
              key={question.id}
              number={index + 1}
              question={question}
              values={values[question.id]}
              error={fieldErrors[question.id]}
            />
          ))}
          <p>
            <button type="submit" className="btn btn-primary btn-block" disabled={busy}>
              {busy ? t("common.working") : t("survey.submit")}
            </button>
          </p>
        </Form>
      )}
    </article>
  );
}
