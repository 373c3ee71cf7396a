import { Form } from "@remix-run/react";
import { useState } from "react";
import { Button } from "~/components/Button";
import { type FieldError, FormAlert, SelectField, TextField } from "~/components/Field";
import { useTranslation } from "~/i18n/react";
import { nodeIndent, nodeOptions, type PickableNode } from "~/org/node-options";
import { FIELD_MODES, REGISTRATION_FIELDS } from "../schemas";
import type { FormValues } from "../setup-forms";
import { CheckboxField, ChoiceGroup, TextAreaField, UploadField, useEnhanced } from "./SetupFields";

export type ManagedNode = PickableNode & { code: string };

/**
 * The contest's own settings, for creating and editing. Works without JavaScript; with it, the
 * list of units is shown only when the contest is limited to their members.
 */
export function ContestForm({
  values,
  errors,
  formError,
  nodes,
  registrations,
  submitLabel,
  busy,
}: {
  values: FormValues;
  errors: Record<string, string>;
  formError?: FieldError;
  nodes: ManagedNode[];
  /** People already registered: fields they were asked can no longer be dropped or made required. */
  registrations: number;
  submitLabel: string;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const [audience, setAudience] = useState(values.audience === "members" ? "members" : "public");
  const enhanced = useEnhanced();
  const indent = nodeIndent(nodes);
  return (
    <Form method="post" encType="multipart/form-data" noValidate className="card form-card setup-form">
      <input type="hidden" name="intent" value="save" />
      <FormAlert error={formError} />
      <TextField
        label={t("contestSetup.fields.title")}
        name="title"
        required
        maxLength={200}
        defaultValue={values.title}
        error={errors.title}
      />
      <TextField
        label={t("contestSetup.fields.slug")}
        hint={t("contestSetup.fields.slugHint")}
        name="slug"
        maxLength={60}
        defaultValue={values.slug}
        error={errors.slug}
        autoCapitalize="none"
        spellCheck={false}
      />
      <SelectField
        label={t("contestSetup.fields.orgNode")}
        name="orgNodeId"
        required
        defaultValue={values.orgNodeId}
        error={errors.orgNodeId}
        options={nodeOptions(nodes, { withCode: true })}
      />
      <TextAreaField
        label={t("contestSetup.fields.description")}
        name="description"
        rows={3}
        defaultValue={values.description}
        error={errors.description}
      />
      <TextAreaField
        label={t("contestSetup.fields.rules")}
        hint={t("contestSetup.fields.rulesHint")}
        name="rules"
        rows={6}
        defaultValue={values.rules}
        error={errors.rules}
      />
      {values.bannerUrl ? (
        <img className="banner-preview" src={values.bannerUrl} alt={t("contestSetup.fields.bannerCurrent")} />
      ) : null}
      <UploadField
        label={t("contestSetup.fields.banner")}
        hint={t("contestSetup.fields.bannerHint")}
        name="banner"
        accept="image/png,image/jpeg,image/webp"
        error={errors.banner}
      />
      <TextField
        label={t("contestSetup.fields.bannerUrl")}
        hint={t("contestSetup.fields.bannerUrlHint")}
        name="bannerUrl"
        inputMode="url"
        defaultValue={values.bannerUrl}
        error={errors.bannerUrl}
      />

      <ChoiceGroup legend={t("contestSetup.fields.audience")} error={errors.audienceNodeIds}>
        {(["public", "members"] as const).map((choice) => (
          <label key={choice} className="checkbox">
            <input
              type="radio"
              name="audience"
              value={choice}
              defaultChecked={audience === choice}
              onChange={() => setAudience(choice)}
            />{" "}
            {t(`contestSetup.audience.${choice}`)}
          </label>
        ))}
        <div className="choice-list" hidden={enhanced && audience === "public" ? true : undefined}>
          <p className="field-hint">{t("contestSetup.audience.nodesHint")}</p>
          {nodes.map((node) => (
            <label key={node.id} className="checkbox">
              <input
                type="checkbox"
                name={`audience.${node.id}`}
                defaultChecked={values[`audience.${node.id}`] === "on"}
              />{" "}
              {indent(node)}
              {node.name}
            </label>
          ))}
        </div>
      </ChoiceGroup>

      <ChoiceGroup
        legend={t("contestSetup.fields.registrationFields")}
        hint={
          registrations > 0
            ? t("contestSetup.registrationLocked", { count: registrations })
            : t("contestSetup.fields.registrationFieldsHint")
        }
      >
        <div className="field-row">
          {REGISTRATION_FIELDS.map((field) => (
            <SelectField
              key={field}
              label={t(`contest.fields.${field}`)}
              name={`field.${field}`}
              defaultValue={values[`field.${field}`] ?? "off"}
              error={errors[`registrationFields.${field}`]}
              options={FIELD_MODES.map((mode) => ({ value: mode, label: t(`contestSetup.fieldMode.${mode}`) }))}
            />
          ))}
        </div>
      </ChoiceGroup>
      <TextAreaField
        label={t("contestSetup.fields.privacyNotice")}
        hint={t("contestSetup.fields.privacyNoticeHint")}
        name="privacyNotice"
        rows={4}
        defaultValue={values.privacyNotice}
        error={errors.privacyNotice}
      />
      <CheckboxField
        label={t("contestSetup.fields.certificateEnabled")}
        name="certificateEnabled"
        defaultChecked={values.certificateEnabled === "on"}
      />
      <TextField
        label={t("contestSetup.fields.retentionMonths")}
        hint={t("contestSetup.fields.retentionMonthsHint")}
        name="retentionMonths"
        inputMode="numeric"
        maxLength={3}
        defaultValue={values.retentionMonths}
        error={errors.retentionMonths}
      />
      <Button type="submit" disabled={busy}>
        {busy ? t("common.working") : submitLabel}
      </Button>
    </Form>
  );
}
