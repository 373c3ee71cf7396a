import { TextField } from "~/components/Field";
import { useTranslation } from "~/i18n/react";
import type { FormValues } from "~/utils/forms";
import { TARGET_FIELDS } from "../schemas";

/** The label, days and six target percentages of a phase (inside the caller's <Form>). */
export function PhaseFields({
  values,
  errors,
  idPrefix,
  daysRequired = true,
}: {
  values: FormValues;
  errors: Record<string, string>;
  /** Unique per form on the page, so labels point at their own inputs. */
  idPrefix: string;
  daysRequired?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        id={`${idPrefix}-label`}
        label={t("targets.phase.label")}
        hint={t("targets.phase.labelHint")}
        name="label"
        maxLength={120}
        defaultValue={values.label}
        error={errors.label}
      />
      <div className="field-row">
        <TextField
          id={`${idPrefix}-startsOn`}
          label={t("targets.phase.startsOn")}
          hint={t("targets.phase.daysHint")}
          name="startsOn"
          type="date"
          required={daysRequired}
          defaultValue={values.startsOn}
          error={errors.startsOn}
        />
        <TextField
          id={`${idPrefix}-endsOn`}
          label={t("targets.phase.endsOn")}
          hint={t("targets.phase.daysHint")}
          name="endsOn"
          type="date"
          required={daysRequired}
          defaultValue={values.endsOn}
          error={errors.endsOn}
        />
      </div>
      <fieldset className="field">
        <legend>{t("targets.targetsLegend")}</legend>
        <p className="field-hint">{t("targets.percentHint")}</p>
        {TARGET_FIELDS.map((field) => (
          <TextField
            key={field}
            id={`${idPrefix}-${field}`}
            label={t(`targets.target.${field}`)}
            name={field}
            inputMode="decimal"
            maxLength={8}
            placeholder="%"
            defaultValue={values[field]}
            error={errors[field]}
          />
        ))}
      </fieldset>
    </>
  );
}
