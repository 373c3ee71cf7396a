import { Form } from "@remix-run/react";
import { useState } from "react";
import { Button } from "~/components/Button";
import { FormAlert, SelectField, TextField, useErrorText } from "~/components/Field";
import { useTranslation } from "~/i18n/react";
import { DIFFICULTIES, MAX_OPTIONS, QUESTION_TYPES, type QuestionType, TRUE_FALSE_OPTIONS } from "../draft";

export interface QuestionEditorValues {
  type: QuestionType;
  stem: string;
  stemFormat: "text" | "html";
  stemImageUrl: string;
  stemImageAlt: string;
  options: Array<{ text: string; correct: boolean }>;
  explanation: string;
  citationDocument: string;
  citationNumber: string;
  citationArticle: string;
  citationClause: string;
  topics: string;
  difficulty: string;
  externalId: string;
}

export interface SimilarWarning {
  id: string;
  stemText: string;
  similarity: number;
}

/**
 * The question form with a live preview of what a contestant will see. Works without
 * JavaScript (the preview then simply does not update).
 */
export function QuestionEditor({
  initial,
  errors,
  formError,
  similar,
  topicSuggestions,
  submitLabel,
  busy,
}: {
  initial: QuestionEditorValues;
  errors: Record<string, string>;
  formError?: string;
  similar: SimilarWarning[];
  topicSuggestions: string[];
  submitLabel: string;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [type, setType] = useState<QuestionType>(initial.type);
  const [stem, setStem] = useState(initial.stem);
  const [imageUrl, setImageUrl] = useState(initial.stemImageUrl);
  const [options, setOptions] = useState(() =>
    Array.from({ length: MAX_OPTIONS }, (_, index) => initial.options[index] ?? { text: "", correct: false }),
  );
  const setOption = (index: number, change: Partial<{ text: string; correct: boolean }>) =>
    setOptions((current) =>
      current.map((option, i) => {
        if (i === index) return { ...option, ...change };
        // A single-choice question has one key: ticking one unticks the others.
        return type === "SINGLE_CHOICE" && change.correct ? { ...option, correct: false } : option;
      }),
    );
  const trueFalseInitial =
    initial.type === "TRUE_FALSE"
      ? initial.options[0]?.correct
        ? "true"
        : initial.options[1]?.correct
          ? "false"
          : ""
      : "";
  const previewOptions =
    type === "TRUE_FALSE"
      ? TRUE_FALSE_OPTIONS.map((text) => ({ text }))
      : options.filter((option) => option.text.trim());

  return (
    <div className="editor-grid">
      <Form method="post" noValidate className="card">
        <FormAlert error={formError} />
        {similar.length > 0 ? (
          <div className="alert alert-info" role="alert">
            <p>{t("questions.similarWarning")}</p>
            <ul>
              {similar.map((item) => (
                <li key={item.id}>
                  <a href={`/manage/questions/${item.id}`} target="_blank" rel="noreferrer">
                    {item.stemText}
                  </a>{" "}
                  ({Math.round(item.similarity * 100)}%)
                </li>
              ))}
            </ul>
            <label className="checkbox">
              <input type="checkbox" name="confirmDuplicate" value="yes" /> {t("questions.saveAnyway")}
            </label>
          </div>
        ) : null}
        <SelectField
          label={t("questions.fields.type")}
          name="type"
          required
          value={type}
          onChange={(event) => setType(event.target.value as QuestionType)}
          options={QUESTION_TYPES.map((value) => ({ value, label: t(`questions.type.${value}`) }))}
          error={errors.type}
        />
        <input type="hidden" name="stemFormat" value={initial.stemFormat} />
        <div className={`field${errors.stem ? " field-invalid" : ""}`}>
          <label htmlFor="question-stem">
            {t("questions.fields.stem")} <span className="field-required">({t("common.required")})</span>
          </label>
          {initial.stemFormat === "html" ? (
            <p className="field-hint" id="question-stem-hint">
              {t("questions.fields.stemHtmlHint")}
            </p>
          ) : null}
          <textarea
            id="question-stem"
            name="stem"
            rows={4}
            required
            defaultValue={initial.stem}
            onInput={(event) => setStem(event.currentTarget.value)}
            aria-invalid={errors.stem ? true : undefined}
            aria-describedby={
              [initial.stemFormat === "html" ? "question-stem-hint" : "", errors.stem ? "question-stem-error" : ""]
                .filter(Boolean)
                .join(" ") || undefined
            }
          />
          {errors.stem ? (
            <p className="field-error" id="question-stem-error" role="alert">
              {errorText(errors.stem)}
            </p>
          ) : null}
        </div>
        {initial.stemFormat === "text" ? (
          <div className="field-row">
            <TextField
              label={t("questions.fields.imageUrl")}
              hint={t("questions.fields.imageUrlHint")}
              name="stemImageUrl"
              type="url"
              defaultValue={initial.stemImageUrl}
              onInput={(event) => setImageUrl(event.currentTarget.value)}
              error={errors.stemImageUrl}
            />
            <TextField label={t("questions.fields.imageAlt")} name="stemImageAlt" defaultValue={initial.stemImageAlt} />
          </div>
        ) : null}

        {type === "TRUE_FALSE" ? (
          <fieldset className="field">
            <legend>{t("questions.fields.trueFalseAnswer")}</legend>
            {(["true", "false"] as const).map((value, index) => (
              <label key={value} className="checkbox">
                <input type="radio" name="trueFalseAnswer" value={value} defaultChecked={trueFalseInitial === value} />{" "}
                {TRUE_FALSE_OPTIONS[index]}
              </label>
            ))}
            {errors.options ? (
              <p className="field-error" role="alert">
                {errorText(errors.options)}
              </p>
            ) : null}
          </fieldset>
        ) : (
          <fieldset className="field options-fieldset">
            <legend>{t("questions.fields.options")}</legend>
            <p className="field-hint">
              {t(
                type === "SINGLE_CHOICE"
                  ? "questions.fields.optionsHintSingle"
                  : "questions.fields.optionsHintMultiple",
              )}
            </p>
            {options.map((option, index) => (
              <div className="option-row" key={String.fromCharCode(65 + index)}>
                <label className="checkbox">
                  <input
                    type="checkbox"
                    name="correct"
                    value={index}
                    checked={option.correct}
                    onChange={(event) => setOption(index, { correct: event.target.checked })}
                    aria-label={t("questions.fields.correctOption", { letter: String.fromCharCode(65 + index) })}
                  />
                </label>
                <TextField
                  label={t("questions.fields.option", { letter: String.fromCharCode(65 + index) })}
                  name={`option${index}`}
                  defaultValue={option.text}
                  onInput={(event) => setOption(index, { text: event.currentTarget.value })}
                />
              </div>
            ))}
            {errors.options ? (
              <p className="field-error" role="alert">
                {errorText(errors.options)}
              </p>
            ) : null}
          </fieldset>
        )}

        <div className="field">
          <label htmlFor="question-explanation">{t("questions.fields.explanation")}</label>
          <textarea id="question-explanation" name="explanation" rows={3} defaultValue={initial.explanation} />
        </div>
        <fieldset className="field">
          <legend>{t("questions.fields.citation")}</legend>
          <TextField
            label={t("questions.fields.citationDocument")}
            name="citationDocument"
            defaultValue={initial.citationDocument}
            error={errors.citationDocument}
          />
          <div className="field-row">
            <TextField
              label={t("questions.fields.citationNumber")}
              name="citationNumber"
              defaultValue={initial.citationNumber}
            />
            <TextField
              label={t("questions.fields.citationArticle")}
              name="citationArticle"
              defaultValue={initial.citationArticle}
            />
            <TextField
              label={t("questions.fields.citationClause")}
              name="citationClause"
              defaultValue={initial.citationClause}
            />
          </div>
        </fieldset>
        <TextField
          label={t("questions.fields.topics")}
          hint={t("questions.fields.topicsHint")}
          name="topics"
          defaultValue={initial.topics}
          list="topic-suggestions"
          error={errors.topics}
        />
        <datalist id="topic-suggestions">
          {topicSuggestions.map((topic) => (
            <option key={topic} value={topic} />
          ))}
        </datalist>
        <SelectField
          label={t("questions.fields.difficulty")}
          name="difficulty"
          required
          defaultValue={initial.difficulty}
          options={DIFFICULTIES.map((value) => ({ value, label: t(`questions.difficulty.${value}`) }))}
          error={errors.difficulty}
        />
        <TextField label={t("questions.fields.externalId")} name="externalId" defaultValue={initial.externalId} />
        <Button type="submit" disabled={busy}>
          {busy ? t("common.working") : submitLabel}
        </Button>
      </Form>

      <section className="card preview" aria-labelledby="preview-title">
        <h2 id="preview-title">{t("questions.preview")}</h2>
        <p className="preview-stem">
          {initial.stemFormat === "html" ? stem.replace(/<[^>]*>/g, " ") : stem || t("questions.previewEmpty")}
        </p>
        {initial.stemFormat === "text" && /^https:\/\/\S+$/.test(imageUrl) ? (
          <img className="preview-image" src={imageUrl} alt={t("questions.fields.imageAlt")} />
        ) : null}
        <ul className="preview-options">
          {previewOptions.map((option, index) => (
            <li key={String.fromCharCode(65 + index)}>
              <span className="preview-letter" aria-hidden="true">
                {String.fromCharCode(65 + index)}
              </span>{" "}
              {option.text}
            </li>
          ))}
        </ul>
        <p className="field-hint">
          {t(type === "MULTIPLE_CHOICE" ? "questions.previewMultiple" : "questions.previewSingle")}
        </p>
      </section>
    </div>
  );
}
