import { Form } from "@remix-run/react";
import { Button } from "~/components/Button";
import { type FieldError, FormAlert, SelectField, TextField } from "~/components/Field";
import { TextAreaField } from "~/contests/components/SetupFields";
import { useTranslation } from "~/i18n/react";
import { nodeOptions, type PickableNode } from "~/org/node-options";
import type { FormValues } from "~/utils/forms";

/** A survey's title, node, introduction and optional answering window; works without JavaScript. */
export function SurveyForm({
  values,
  errors,
  formError,
  nodes,
  submitLabel,
  busy,
  nodeLocked = false,
}: {
  values: FormValues;
  errors: Record<string, string>;
  formError?: FieldError;
  nodes: PickableNode[];
  submitLabel: string;
  busy: boolean;
  /** Once someone has answered, the survey stays with its node (the answers count there). */
  nodeLocked?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Form method="post" noValidate className="card form-card setup-form">
      <input type="hidden" name="intent" value="details" />
      <FormAlert error={formError} />
      <TextField
        label={t("surveys.fields.title")}
        name="title"
        required
        maxLength={200}
        defaultValue={values.title}
        error={errors.title}
      />
      {nodeLocked ? (
        <input type="hidden" name="orgNodeId" value={values.orgNodeId} />
      ) : (
        <SelectField
          label={t("surveys.fields.orgNode")}
          hint={t("surveys.fields.orgNodeHint")}
          name="orgNodeId"
          required
          defaultValue={values.orgNodeId}
          error={errors.orgNodeId}
          options={nodeOptions(nodes)}
        />
      )}
      <TextAreaField
        label={t("surveys.fields.intro")}
        hint={t("surveys.fields.introHint")}
        name="intro"
        rows={4}
        maxLength={4000}
        defaultValue={values.intro}
        error={errors.intro}
      />
      <div className="field-row">
        <TextField
          label={t("surveys.fields.opensAt")}
          hint={t("surveys.fields.windowHint")}
          name="opensAt"
          type="datetime-local"
          defaultValue={values.opensAt}
          error={errors.opensAt}
        />
        <TextField
          label={t("surveys.fields.closesAt")}
          hint={t("surveys.fields.windowHint")}
          name="closesAt"
          type="datetime-local"
          defaultValue={values.closesAt}
          error={errors.closesAt}
        />
      </div>
      <Button type="submit" disabled={busy}>
        {submitLabel}
      </Button>
    </Form>
  );
}
