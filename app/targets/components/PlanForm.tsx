import { Form } from "@remix-run/react";
import { Button } from "~/components/Button";
import { type FieldError, FormAlert, SelectField, TextField, useErrorText } from "~/components/Field";
import { TextAreaField } from "~/contests/components/SetupFields";
import { useTranslation } from "~/i18n/react";
import { nodeOptions, type PickableNode } from "~/org/node-options";
import type { FormValues } from "~/utils/forms";
import { ROSTER_ROLES } from "../schemas";

export interface ParentPlanOption {
  id: string;
  label: string;
}

/** A plan's details, for adding and editing; works without JavaScript. */
export function PlanForm({
  values,
  errors,
  formError,
  nodes,
  parentPlans,
  submitLabel,
  busy,
}: {
  values: FormValues;
  errors: Record<string, string>;
  formError?: FieldError;
  nodes: PickableNode[];
  parentPlans: ParentPlanOption[];
  submitLabel: string;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const roles = new Set((values.officialRoles ?? "").split(",").filter(Boolean));
  const rolesError = errorText(errors.officialRoles);
  return (
    <Form method="post" noValidate className="card form-card setup-form">
      <input type="hidden" name="intent" value="plan" />
      <FormAlert error={formError} />
      <SelectField
        label={t("targets.fields.orgNode")}
        name="orgNodeId"
        required
        defaultValue={values.orgNodeId}
        error={errors.orgNodeId}
        options={nodeOptions(nodes)}
      />
      <TextAreaField
        label={t("targets.fields.name")}
        name="name"
        required
        rows={2}
        maxLength={300}
        defaultValue={values.name}
        error={errors.name}
      />
      <div className="field-row">
        <TextField
          label={t("targets.fields.number")}
          hint={t("targets.fields.numberHint")}
          name="number"
          maxLength={60}
          defaultValue={values.number}
          error={errors.number}
        />
        <TextField
          label={t("targets.fields.issuedOn")}
          hint={t("targets.fields.issuedOnHint")}
          name="issuedOn"
          type="date"
          defaultValue={values.issuedOn}
          error={errors.issuedOn}
        />
      </div>
      <TextAreaField
        label={t("targets.fields.implementsPlan")}
        hint={t("targets.fields.implementsPlanHint")}
        name="implementsPlan"
        rows={2}
        maxLength={500}
        defaultValue={values.implementsPlan}
        error={errors.implementsPlan}
      />
      {parentPlans.length > 0 ? (
        <SelectField
          label={t("targets.fields.parentPlan")}
          hint={t("targets.fields.parentPlanHint")}
          name="parentPlanId"
          defaultValue={values.parentPlanId}
          error={errors.parentPlanId}
          options={[
            { value: "", label: t("targets.fields.parentPlanNone") },
            ...parentPlans.map((plan) => ({ value: plan.id, label: plan.label })),
          ]}
        />
      ) : null}
      <TextAreaField
        label={t("targets.fields.officialCategories")}
        hint={t("targets.fields.officialCategoriesHint")}
        name="officialCategories"
        rows={3}
        maxLength={5000}
        defaultValue={values.officialCategories}
        error={errors.officialCategories}
      />
      <fieldset
        className={`field${rolesError ? " field-invalid" : ""}`}
        aria-describedby={rolesError ? "official-roles-error" : "official-roles-hint"}
      >
        <legend>{t("targets.fields.officialRoles")}</legend>
        <p className="field-hint" id="official-roles-hint">
          {t("targets.fields.officialRolesHint")}
        </p>
        {ROSTER_ROLES.map((role) => (
          <label key={role} className="checkbox">
            <input type="checkbox" name="officialRoles" value={role} defaultChecked={roles.has(role)} />{" "}
            {t(`targets.roles.${role}`)}
          </label>
        ))}
        {rolesError ? (
          <p className="field-error" id="official-roles-error" role="alert">
            {rolesError}
          </p>
        ) : null}
      </fieldset>
      <Button type="submit" disabled={busy}>
        {submitLabel}
      </Button>
    </Form>
  );
}
