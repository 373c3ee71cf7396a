import { Form } from "@remix-run/react";
import { Button } from "~/components/Button";
import { type FieldError, FormAlert, SelectField, TextField } from "~/components/Field";
import { CheckboxField, TextAreaField } from "~/contests/components/SetupFields";
import { useTranslation } from "~/i18n/react";
import { nodeOptions, type PickableNode } from "~/org/node-options";
import type { FormValues } from "../forms";

/** A course's own settings, for creating and editing; works without JavaScript. */
export function CourseForm({
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
      <input type="hidden" name="intent" value="save" />
      <FormAlert error={formError} />
      <TextField
        label={t("courses.fields.title")}
        name="title"
        required
        maxLength={200}
        defaultValue={values.title}
        error={errors.title}
      />
      <SelectField
        label={t("courses.fields.orgNode")}
        name="orgNodeId"
        required
        defaultValue={values.orgNodeId}
        error={errors.orgNodeId}
        options={nodeOptions(nodes)}
      />
      <TextAreaField
        label={t("courses.fields.summary")}
        name="summary"
        rows={4}
        maxLength={5000}
        defaultValue={values.summary}
        error={errors.summary}
      />
      <TextField
        label={t("courses.fields.category")}
        hint={t("courses.fields.categoryHint")}
        name="category"
        required
        maxLength={120}
        defaultValue={values.category}
        error={errors.category}
      />
      <TextField
        label={t("courses.fields.audience")}
        hint={t("courses.fields.audienceHint")}
        name="audience"
        maxLength={1000}
        defaultValue={values.audience}
        error={errors.audience}
      />
      <div className="field-row">
        <TextField
          label={t("courses.fields.estimatedHours")}
          name="estimatedHours"
          inputMode="decimal"
          required
          defaultValue={values.estimatedHours}
          error={errors.estimatedHours}
        />
        <TextField
          label={t("courses.fields.opensAt")}
          hint={t("courses.fields.vietnamTime")}
          name="opensAt"
          type="datetime-local"
          defaultValue={values.opensAt}
          error={errors.opensAt}
        />
        <TextField
          label={t("courses.fields.closesAt")}
          hint={t("courses.fields.vietnamTime")}
          name="closesAt"
          type="datetime-local"
          defaultValue={values.closesAt}
          error={errors.closesAt}
        />
      </div>
      <CheckboxField
        label={t("courses.fields.sequential")}
        hint={t("courses.fields.sequentialHint")}
        name="sequential"
        defaultChecked={values.sequential === "on"}
      />
      <TextField
        label={t("courses.fields.coverUrl")}
        hint={t("courses.fields.coverUrlHint")}
        name="coverUrl"
        type="url"
        maxLength={500}
        defaultValue={values.coverUrl}
        error={errors.coverUrl}
      />
      <Button type="submit" disabled={busy}>
        {submitLabel}
      </Button>
    </Form>
  );
}
