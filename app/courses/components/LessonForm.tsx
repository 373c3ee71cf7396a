import { Form } from "@remix-run/react";
import { useState } from "react";
import { Button } from "~/components/Button";
import { type FieldError, FormAlert, SelectField, TextField } from "~/components/Field";
import { CheckboxField, TextAreaField, UploadField, useEnhanced } from "~/contests/components/SetupFields";
import { useTranslation } from "~/i18n/react";
import type { FormValues } from "../forms";
import { formatDuration, LESSON_TYPES } from "../schemas";

export interface ReadableBank {
  id: string;
  name: string;
  approved: number;
}

const ACCEPT: Record<string, string> = {
  VIDEO: "video/mp4,video/webm,.mp4,.webm",
  AUDIO: "audio/mpeg,audio/mp4,audio/ogg,audio/wav,.mp3,.m4a,.ogg,.wav",
  PDF: "application/pdf,.pdf",
};

const DURATION_ID = "lesson-duration";

/**
 * A lesson's fields. Without JavaScript every field is shown and the server ignores those the
 * type does not use; with it, only the type's own fields show, and choosing a media file fills
 * in its length (read by the browser from the file) when the organizer left it empty.
 */
export function LessonForm({
  values,
  errors,
  formError,
  banks,
  submitLabel,
  busy,
}: {
  values: FormValues;
  errors: Record<string, FieldError>;
  formError?: FieldError;
  banks: ReadableBank[];
  submitLabel: string;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const enhanced = useEnhanced();
  const [type, setType] = useState(values.type || "TEXT");
  const shows = (...types: string[]) => !enhanced || types.includes(type);
  const media = type === "VIDEO" || type === "AUDIO" || type === "PDF";

  const readDuration = (file: File | undefined) => {
    const duration = document.getElementById(DURATION_ID) as HTMLInputElement | null;
    if (!file || !duration || duration.value || type === "PDF") return;
    const element = document.createElement(type === "VIDEO" ? "video" : "audio");
    const url = URL.createObjectURL(file);
    element.preload = "metadata";
    element.onloadedmetadata = () => {
      if (Number.isFinite(element.duration) && !duration.value)
        duration.value = formatDuration(Math.round(element.duration));
      URL.revokeObjectURL(url);
    };
    element.src = url;
  };

  return (
    <Form method="post" encType="multipart/form-data" noValidate className="card form-card setup-form">
      <FormAlert error={formError} />
      <TextField
        label={t("courses.lessonFields.title")}
        name="title"
        required
        maxLength={200}
        defaultValue={values.title}
        error={errors.title}
      />
      <SelectField
        label={t("courses.lessonFields.type")}
        name="type"
        required
        value={type}
        onChange={(event) => setType(event.target.value)}
        error={errors.type}
        options={LESSON_TYPES.map((value) => ({ value, label: t(`courses.lessonTypes.${value}`) }))}
      />
      {shows("TEXT", "VIDEO", "AUDIO", "PDF") ? (
        <TextAreaField
          label={type === "TEXT" || !enhanced ? t("courses.lessonFields.body") : t("courses.lessonFields.note")}
          hint={t("courses.lessonFields.bodyHint")}
          name="body"
          rows={type === "TEXT" ? 14 : 4}
          defaultValue={values.body}
          error={errors.body}
        />
      ) : null}
      {!enhanced || media ? (
        <>
          <UploadField
            label={t("courses.lessonFields.media")}
            hint={t("courses.lessonFields.mediaHint")}
            name="media"
            accept={enhanced ? ACCEPT[type] : Object.values(ACCEPT).join(",")}
            error={errors.media}
          />
          <TextField
            label={t("courses.lessonFields.mediaUrl")}
            hint={t("courses.lessonFields.mediaUrlHint")}
            name="mediaUrl"
            maxLength={1000}
            defaultValue={values.mediaUrl}
            error={errors.mediaUrl}
          />
        </>
      ) : null}
      {shows("VIDEO", "AUDIO") ? (
        <TextField
          id={DURATION_ID}
          label={t("courses.lessonFields.duration")}
          hint={t("courses.lessonFields.durationHint")}
          name="durationSeconds"
          inputMode="numeric"
          defaultValue={values.durationSeconds}
          error={errors.durationSeconds}
        />
      ) : null}
      {shows("QUIZ") ? (
        <fieldset className="field">
          <legend>{t("courses.lessonFields.quiz")}</legend>
          <SelectField
            label={t("courses.lessonFields.bank")}
            name="quizBankId"
            defaultValue={values.quizBankId}
            error={errors.quizBankId}
            options={[
              { value: "", label: t("courses.lessonFields.chooseBank") },
              ...banks.map((bank) => ({
                value: bank.id,
                label: t("courses.lessonFields.bankOption", { name: bank.name, count: bank.approved }),
              })),
            ]}
          />
          <div className="field-row">
            <TextField
              label={t("courses.lessonFields.questionCount")}
              name="quizQuestionCount"
              type="number"
              min={1}
              max={100}
              defaultValue={values.quizQuestionCount}
              error={errors.quizQuestionCount}
            />
            <TextField
              label={t("courses.lessonFields.passPercent")}
              name="quizPassPercent"
              type="number"
              min={1}
              max={100}
              defaultValue={values.quizPassPercent}
              error={errors.quizPassPercent}
            />
            <TextField
              label={t("courses.lessonFields.attempts")}
              hint={t("courses.lessonFields.attemptsHint")}
              name="quizAttemptsAllowed"
              type="number"
              min={0}
              max={20}
              defaultValue={values.quizAttemptsAllowed}
              error={errors.quizAttemptsAllowed}
            />
          </div>
          <CheckboxField
            label={t("courses.lessonFields.finalTest")}
            hint={t("courses.lessonFields.finalTestHint")}
            name="isFinalTest"
            defaultChecked={values.isFinalTest === "on"}
          />
        </fieldset>
      ) : null}
      <fieldset className="field">
        <legend>{t("courses.lessonFields.completion")}</legend>
        <SelectField
          label={t("courses.lessonFields.rule")}
          name="completionRule"
          defaultValue={values.completionRule}
          error={errors.completionRule}
          options={["OPENED", "WATCHED", "QUIZ_PASSED"].map((value) => ({
            value,
            label: t(`courses.rules.${value}`),
          }))}
        />
        {shows("VIDEO", "AUDIO") ? (
          <TextField
            label={t("courses.lessonFields.minWatchPercent")}
            name="minWatchPercent"
            type="number"
            min={10}
            max={100}
            defaultValue={values.minWatchPercent}
            error={errors.minWatchPercent}
          />
        ) : null}
        <CheckboxField
          label={t("courses.lessonFields.required")}
          hint={t("courses.lessonFields.requiredHint")}
          name="required"
          defaultChecked={values.required === "on"}
        />
      </fieldset>
      <Button type="submit" disabled={busy}>
        {submitLabel}
      </Button>
      {enhanced ? <MediaDurationReader onFile={readDuration} /> : null}
    </Form>
  );
}

/** Listens to the file input of the form it is in, so the chosen file's length can be read. */
function MediaDurationReader({ onFile }: { onFile: (file: File | undefined) => void }) {
  return (
    <span
      hidden
      ref={(span) => {
        const input = span?.closest("form")?.querySelector<HTMLInputElement>('input[name="media"]');
        if (input) input.onchange = () => onFile(input.files?.[0]);
      }}
    />
  );
}
