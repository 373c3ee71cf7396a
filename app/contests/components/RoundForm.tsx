import { Form } from "@remix-run/react";
import { Button } from "~/components/Button";
import { type FieldError, FormAlert, SelectField, TextField } from "~/components/Field";
import { useTranslation } from "~/i18n/react";
import type { BankAvailability, FixedQuestionChoice } from "../availability";
import { type FormValues, ORDERABLE_TIE_BREAKERS } from "../setup-forms";
import { BlueprintFields } from "./BlueprintFields";
import { CheckboxField, ChoiceGroup } from "./SetupFields";

export const COUNTING_ATTEMPTS = ["BEST", "LAST", "FIRST"] as const;
export const REVIEW_POLICIES = ["NOTHING", "SCORE_ONLY", "ANSWERS_AFTER_CLOSE"] as const;
export const LEADERBOARD_VISIBILITIES = ["HIDDEN", "AFTER_CLOSE", "LIVE"] as const;

/** A round's rules: window (Vietnam time), timing, attempts, scoring, review, ranking and the draw. */
export function RoundForm({
  values,
  errors,
  formError,
  banks,
  fixedChoices,
  submitLabel,
  busy,
}: {
  values: FormValues;
  errors: Record<string, string>;
  formError?: FieldError;
  banks: BankAvailability[];
  fixedChoices: FixedQuestionChoice[];
  submitLabel: string;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const select = (name: string, choices: readonly string[], family: string) => (
    <SelectField
      label={t(`contestSetup.round.${name}`)}
      name={name}
      defaultValue={values[name]}
      error={errors[name]}
      options={choices.map((value) => ({ value, label: t(`contestSetup.${family}.${value}`) }))}
    />
  );
  return (
    <Form method="post" noValidate className="card form-card setup-form">
      {/* Enter in a text field submits with the first submit button: make that "save". */}
      <button type="submit" name="intent" value="save" className="visually-hidden" tabIndex={-1} aria-hidden="true">
        {submitLabel}
      </button>
      <FormAlert error={formError} />
      <TextField
        label={t("contestSetup.round.name")}
        name="name"
        required
        maxLength={120}
        defaultValue={values.name}
        error={errors.name}
      />
      <div className="field-row">
        <TextField
          label={t("contestSetup.round.opensAt")}
          hint={t("contestSetup.round.vietnamTime")}
          name="opensAt"
          type="datetime-local"
          required
          defaultValue={values.opensAt}
          error={errors.opensAt}
        />
        <TextField
          label={t("contestSetup.round.closesAt")}
          hint={t("contestSetup.round.vietnamTime")}
          name="closesAt"
          type="datetime-local"
          required
          defaultValue={values.closesAt}
          error={errors.closesAt}
        />
      </div>
      <div className="field-row">
        <TextField
          label={t("contestSetup.round.timeLimitMinutes")}
          name="timeLimitMinutes"
          type="number"
          inputMode="numeric"
          min={1}
          max={240}
          required
          defaultValue={values.timeLimitMinutes}
          error={errors.timeLimitMinutes}
        />
        <TextField
          label={t("contestSetup.round.attemptsAllowed")}
          name="attemptsAllowed"
          type="number"
          inputMode="numeric"
          min={1}
          max={10}
          required
          defaultValue={values.attemptsAllowed}
          error={errors.attemptsAllowed}
        />
        <TextField
          label={t("contestSetup.round.pointsPerQuestion")}
          name="pointsPerQuestion"
          type="number"
          inputMode="numeric"
          min={1}
          max={100}
          required
          defaultValue={values.pointsPerQuestion}
          error={errors.pointsPerQuestion}
        />
      </div>
      <div className="field-row">
        {select("countingAttempt", COUNTING_ATTEMPTS, "countingAttempt")}
        {select("reviewPolicy", REVIEW_POLICIES, "reviewPolicy")}
        {select("leaderboardVisibility", LEADERBOARD_VISIBILITIES, "leaderboardVisibility")}
      </div>
      <CheckboxField
        label={t("contestSetup.round.shuffleQuestions")}
        name="shuffleQuestions"
        defaultChecked={values.shuffleQuestions === "on"}
      />
      <CheckboxField
        label={t("contestSetup.round.shuffleOptions")}
        name="shuffleOptions"
        defaultChecked={values.shuffleOptions === "on"}
      />
      <CheckboxField
        label={t("contestSetup.round.predictionEnabled")}
        hint={t("contestSetup.round.predictionHint")}
        name="predictionEnabled"
        defaultChecked={values.predictionEnabled === "on"}
      />
      <ChoiceGroup
        legend={t("contestSetup.round.tieBreakOrder")}
        hint={t("contestSetup.round.tieBreakHint")}
        error={errors.tieBreakOrder}
      >
        <div className="field-row">
          {[1, 2, 3].map((position) => (
            <SelectField
              key={position}
              label={t("contestSetup.round.tieBreakPosition", { number: position + 1 })}
              name={`tieBreak${position}`}
              defaultValue={values[`tieBreak${position}`] ?? ORDERABLE_TIE_BREAKERS[position - 1]}
              options={ORDERABLE_TIE_BREAKERS.map((key) => ({
                value: key,
                label: t(`contestSetup.tieBreaker.${key}`),
              }))}
            />
          ))}
        </div>
      </ChoiceGroup>
      <BlueprintFields values={values} errors={errors} banks={banks} fixedChoices={fixedChoices} />
      <Button type="submit" name="intent" value="save" disabled={busy}>
        {busy ? t("common.working") : submitLabel}
      </Button>
    </Form>
  );
}
