import { Form, useNavigation } from "@remix-run/react";
import { Button } from "~/components/Button";
import { useTranslation } from "~/i18n/react";

export interface QuizState {
  passPercent: number;
  attemptsAllowed: number;
  attempts: Array<{ number: number; percent: number; passed: boolean; submittedAt: string | null }>;
  passed: boolean;
  canStart: boolean;
  running: {
    id: string;
    number: number;
    questions: Array<{ position: number; type: string; stem: string; options: string[] }>;
  } | null;
}

/**
 * A quiz lesson: past attempts, a start button, and the running attempt as one plain form
 * (radio buttons, or checkboxes for multiple choice) that works without JavaScript.
 */
export function QuizPanel({ quiz }: { quiz: QuizState }) {
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  return (
    <section id="quiz" aria-labelledby="quiz-title" className="quiz-panel">
      <h2 id="quiz-title">{t("courses.quiz.title")}</h2>
      <p>
        {t("courses.quiz.rules", { percent: quiz.passPercent })}{" "}
        {quiz.attemptsAllowed > 0
          ? t("courses.quiz.attemptsLimited", { count: quiz.attemptsAllowed })
          : t("courses.quiz.attemptsUnlimited")}
      </p>
      {quiz.attempts.length > 0 ? (
        <ul className="quiz-attempts">
          {quiz.attempts.map((attempt) => (
            <li key={attempt.number}>
              {t("courses.quiz.attemptResult", { number: attempt.number, percent: attempt.percent })}{" "}
              <strong>{attempt.passed ? t("courses.quiz.pass") : t("courses.quiz.fail")}</strong>
            </li>
          ))}
        </ul>
      ) : null}
      {quiz.passed ? <p className="alert alert-success">{t("courses.quiz.alreadyPassed")}</p> : null}
      {quiz.running ? (
        <Form method="post" className="quiz-form">
          <input type="hidden" name="intent" value="submitQuiz" />
          <input type="hidden" name="attemptId" value={quiz.running.id} />
          {quiz.running.questions.map((question) => (
            <fieldset key={question.position} className="card quiz-question">
              <legend>
                {t("courses.quiz.questionNumber", { number: question.position + 1 })}
                {question.type === "MULTIPLE_CHOICE" ? ` (${t("courses.quiz.multiple")})` : ""}
              </legend>
              {/* Stems are sanitised HTML from the bank (app/questions/sanitize.server.ts). */}
              {/* biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised on the way in. */}
              <div className="question-stem" dangerouslySetInnerHTML={{ __html: question.stem }} />
              {question.options.map((option, index) => (
                <label key={option} className="answer-option">
                  <input
                    type={question.type === "MULTIPLE_CHOICE" ? "checkbox" : "radio"}
                    name={`q${question.position}`}
                    value={index}
                  />{" "}
                  {option}
                </label>
              ))}
            </fieldset>
          ))}
          <Button type="submit" disabled={busy}>
            {t("courses.quiz.submit")}
          </Button>
        </Form>
      ) : quiz.canStart ? (
        <Form method="post">
          <input type="hidden" name="intent" value="startQuiz" />
          <Button type="submit" disabled={busy}>
            {quiz.attempts.length === 0 ? t("courses.quiz.start") : t("courses.quiz.retry")}
          </Button>
        </Form>
      ) : !quiz.passed ? (
        <p className="alert alert-error">{t("courses.errors.QUIZ_ATTEMPT_LIMIT")}</p>
      ) : null}
    </section>
  );
}
