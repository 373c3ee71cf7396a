import { Form } from "@remix-run/react";
import { Button } from "~/components/Button";
import { type FieldError, FormAlert, SelectField, TextField } from "~/components/Field";
import { useTranslation } from "~/i18n/react";
import { nodeOptions, type PickableNode } from "~/org/node-options";
import type { FormValues } from "~/utils/forms";

/** An offline training session, for recording and editing; works without JavaScript. */
export function SessionForm({
  values,
  errors,
  formError,
  nodes,
  submitLabel,
  busy,
}: {
  values: FormValues;
  errors: Record<string, string>;
  formError?: FieldError;
  nodes: PickableNode[];
  submitLabel: string;
  busy: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Form method="post" noValidate className="card form-card setup-form">
      <FormAlert error={formError} />
      <TextField
        label={t("training.fields.title")}
        name="title"
        required
        maxLength={200}
        defaultValue={values.title}
        error={errors.title}
      />
      <SelectField
        label={t("training.fields.orgNode")}
        name="orgNodeId"
        required
        defaultValue={values.orgNodeId}
        error={errors.orgNodeId}
        options={nodeOptions(nodes)}
      />
      <div className="field-row">
        <TextField
          label={t("training.fields.startsAt")}
          hint={t("training.fields.vietnamTime")}
          name="startsAt"
          type="datetime-local"
          required
          defaultValue={values.startsAt}
          error={errors.startsAt}
        />
        <TextField
          label={t("training.fields.endsAt")}
          hint={t("training.fields.vietnamTime")}
          name="endsAt"
          type="datetime-local"
          defaultValue={values.endsAt}
          error={errors.endsAt}
        />
      </div>
      <TextField
        label={t("training.fields.hours")}
        hint={t("training.fields.hoursHint")}
        name="hours"
        inputMode="decimal"
        required
        defaultValue={values.hours}
        error={errors.hours}
      />
      <TextField
        label={t("training.fields.place")}
        name="place"
        maxLength={200}
        defaultValue={values.place}
        error={errors.place}
      />
      <TextField
        label={t("training.fields.trainer")}
        name="trainer"
        maxLength={200}
        defaultValue={values.trainer}
        error={errors.trainer}
      />
      <TextField
        label={t("training.fields.category")}
        hint={t("training.fields.categoryHint")}
        name="category"
        maxLength={120}
        defaultValue={values.category}
        error={errors.category}
      />
      <Button type="submit" disabled={busy}>
        {submitLabel}
      </Button>
    </Form>
  );
}
