import { Form } from "@remix-run/react";
import { Button } from "~/components/Button";
import { type FieldError, FormAlert, SelectField, TextField } from "~/components/Field";
import { CheckboxField, TextAreaField } from "~/contests/components/SetupFields";
import { useTranslation } from "~/i18n/react";
import { SURVEY_QUESTION_KINDS } from "../schemas";

export interface QuestionValues {
  kind: string;
  prompt: string;
  options: string;
  required: boolean;
  scaleMinLabel: string;
  scaleMaxLabel: string;
}

export const EMPTY_QUESTION: QuestionValues = {
  kind: "SINGLE",
  prompt: "",
  options: "",
  required: true,
  scaleMinLabel: "",
  scaleMaxLabel: "",
};

/**
 * One question's fields (new or existing). Every field is shown whatever the kind, so the form
 * works without JavaScript; the hints say which kind uses which field.
 */
export function QuestionEditor({
  idPrefix,
  questionId,
  values,
  errors,
  formError,
  kindLocked,
  submitLabel,
  busy,
}: {
  idPrefix: string;
  questionId?: string;
  values: QuestionValues;
  errors: Record<string, string>;
  formError?: FieldError;
  /** Answers exist: the kind cannot change (explained next to it). */
  kindLocked: boolean;
  submitLabel: string;
  busy: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Form method="post" noValidate className="form-card setup-form survey-question-form">
      <input type="hidden" name="intent" value={questionId ? "saveQuestion" : "addQuestion"} />
      {questionId ? <input type="hidden" name="questionId" value={questionId} /> : null}
      <FormAlert error={formError} />
      <TextField
        id={`${idPrefix}-prompt`}
        label={t("surveys.question.prompt")}
        name="prompt"
        required
        maxLength={500}
        defaultValue={values.prompt}
        error={errors.prompt}
      />
      {kindLocked ? (
        <>
          <input type="hidden" name="kind" value={values.kind} />
          <p className="field-hint">
            {t("surveys.question.kindLabel")}: {t(`surveys.kinds.${values.kind}`)}. {t("surveys.question.kindLocked")}
          </p>
        </>
      ) : (
        <SelectField
          id={`${idPrefix}-kind`}
          label={t("surveys.question.kindLabel")}
          name="kind"
          required
          defaultValue={values.kind}
          error={errors.kind}
          options={SURVEY_QUESTION_KINDS.map((kind) => ({ value: kind, label: t(`surveys.kinds.${kind}`) }))}
        />
      )}
      <TextAreaField
        label={t("surveys.question.options")}
        hint={kindLocked ? t("surveys.question.optionsLocked") : t("surveys.question.optionsHint")}
        name="options"
        rows={4}
        defaultValue={values.options}
        error={errors.options}
      />
      <div className="field-row">
        <TextField
          id={`${idPrefix}-scaleMinLabel`}
          label={t("surveys.question.scaleMinLabel")}
          hint={t("surveys.question.scaleHint")}
          name="scaleMinLabel"
          maxLength={60}
          defaultValue={values.scaleMinLabel}
          error={errors.scaleMinLabel}
        />
        <TextField
          id={`${idPrefix}-scaleMaxLabel`}
          label={t("surveys.question.scaleMaxLabel")}
          hint={t("surveys.question.scaleHint")}
          name="scaleMaxLabel"
          maxLength={60}
          defaultValue={values.scaleMaxLabel}
          error={errors.scaleMaxLabel}
        />
      </div>
      <CheckboxField label={t("surveys.question.required")} name="required" defaultChecked={values.required} />
      <Button type="submit" variant={questionId ? "secondary" : "primary"} disabled={busy}>
        {submitLabel}
      </Button>
    </Form>
  );
}
