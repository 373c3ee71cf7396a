import type { SurveyQuestionKind } from "~/generated/prisma/enums";
import { useTranslation } from "~/i18n/react";
import { answerField, MAX_TEXT_ANSWER, SCALE_VALUES } from "../schemas";

interface Question {
  id: string;
  kind: SurveyQuestionKind;
  prompt: string;
  options: string[];
  required: boolean;
  scaleMinLabel: string | null;
  scaleMaxLabel: string | null;
}

/**
 * One question on the respondent's page: radios, checkboxes, a 1–5 scale or a text box, with its
 * error tied to it (aria-describedby) and what was chosen or typed kept after a refused submission.
 */
export function SurveyQuestionField({
  number,
  question,
  values = [],
  error,
}: {
  number: number;
  question: Question;
  values?: string[];
  error?: string;
}) {
  const { t } = useTranslation();
  const name = answerField(question.id);
  const id = `question-${number}`;
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const invalid = error ? true : undefined;
  const title = (
    <>
      {number}. {question.prompt}
      {question.required ? <span className="field-required"> ({t("common.required")})</span> : null}
    </>
  );
  const errorText = error ? (
    <p className="field-error" id={errorId} role="alert">
      {t(error)}
    </p>
  ) : null;

  if (question.kind === "TEXT")
    return (
      <div className={`field survey-question${error ? " field-invalid" : ""}`}>
        <label htmlFor={id}>{title}</label>
        <textarea
          id={id}
          name={name}
          rows={4}
          maxLength={MAX_TEXT_ANSWER}
          defaultValue={values[0] ?? ""}
          aria-invalid={invalid}
          aria-describedby={error ? errorId : undefined}
        />
        {errorText}
      </div>
    );

  const multiple = question.kind === "MULTIPLE";
  const scale = question.kind === "SCALE";
  const choices = scale
    ? SCALE_VALUES.map((value) => ({
        value: String(value),
        label:
          value === 1 && question.scaleMinLabel
            ? `1 – ${question.scaleMinLabel}`
            : value === 5 && question.scaleMaxLabel
              ? `5 – ${question.scaleMaxLabel}`
              : String(value),
      }))
    : question.options.map((label, index) => ({ value: String(index), label }));
  const describedBy = [multiple || scale ? hintId : null, error ? errorId : null].filter(Boolean).join(" ");
  return (
    <fieldset
      className={`field survey-question${scale ? " survey-scale" : ""}${error ? " field-invalid" : ""}`}
      aria-describedby={describedBy || undefined}
    >
      <legend>{title}</legend>
      {multiple ? (
        <p className="field-hint" id={hintId}>
          {t("survey.multipleHint")}
        </p>
      ) : null}
      {scale ? (
        <p className="field-hint" id={hintId}>
          {t("survey.scaleHint")}
        </p>
      ) : null}
      <div className="survey-choices">
        {choices.map((choice) => (
          <label key={choice.value} className="survey-choice">
            <input
              type={multiple ? "checkbox" : "radio"}
              name={name}
              value={choice.value}
              defaultChecked={values.includes(choice.value)}
              aria-invalid={invalid}
            />{" "}
            {choice.label}
          </label>
        ))}
      </div>
      {errorText}
    </fieldset>
  );
}
