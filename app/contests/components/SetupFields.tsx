import { type ReactNode, type TextareaHTMLAttributes, useEffect, useId, useState } from "react";
import { type FieldError, useErrorText } from "~/components/Field";
import { useTranslation } from "~/i18n/react";

/**
 * True once React runs in the browser. Parts shown or hidden by a choice are all visible
 * without JavaScript, so nothing is out of reach there.
 */
export function useEnhanced(): boolean {
  const [enhanced, setEnhanced] = useState(false);
  useEffect(() => setEnhanced(true), []);
  return enhanced;
}

/** Fields the contest and round forms need beyond TextField/SelectField, with the same a11y wiring. */
export function TextAreaField({
  label,
  hint,
  error,
  ...textarea
}: TextareaHTMLAttributes<HTMLTextAreaElement> & { label: string; hint?: string; error?: FieldError; name: string }) {
  const { t } = useTranslation();
  const id = useId();
  const errorText = useErrorText()(error);
  const describedBy = [hint ? `${id}-hint` : "", errorText ? `${id}-error` : ""].filter(Boolean).join(" ");
  return (
    <div className={`field${errorText ? " field-invalid" : ""}`}>
      <label htmlFor={id}>
        {label}
        {textarea.required ? <span className="field-required"> ({t("common.required")})</span> : null}
      </label>
      {hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <textarea
        id={id}
        aria-invalid={errorText ? true : undefined}
        aria-describedby={describedBy || undefined}
        {...textarea}
      />
      {errorText ? (
        <p className="field-error" id={`${id}-error`} role="alert">
          {errorText}
        </p>
      ) : null}
    </div>
  );
}

export function CheckboxField({
  label,
  name,
  defaultChecked = false,
  hint,
  error,
}: {
  label: string;
  name: string;
  defaultChecked?: boolean;
  hint?: string;
  /** An i18n key, as the other fields take. */
  error?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ");
  return (
    <div className="field">
      <label className="checkbox" htmlFor={id}>
        <input
          id={id}
          type="checkbox"
          name={name}
          defaultChecked={defaultChecked}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy || undefined}
        />{" "}
        {label}
      </label>
      {hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${id}-error`} role="alert">
          {t(error)}
        </p>
      ) : null}
    </div>
  );
}

/** A group of choices (radios or checkboxes) with a legend, a hint and one error for the group. */
export function ChoiceGroup({
  legend,
  hint,
  error,
  children,
}: {
  legend: string;
  hint?: string;
  error?: FieldError;
  children: ReactNode;
}) {
  const id = useId();
  const errorText = useErrorText()(error);
  const describedBy = [hint ? `${id}-hint` : "", errorText ? `${id}-error` : ""].filter(Boolean).join(" ");
  return (
    <fieldset className={`field${errorText ? " field-invalid" : ""}`} aria-describedby={describedBy || undefined}>
      <legend>{legend}</legend>
      {hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {children}
      {errorText ? (
        <p className="field-error" id={`${id}-error`} role="alert">
          {errorText}
        </p>
      ) : null}
    </fieldset>
  );
}

/** An optional file input with its label, hint and error. */
export function UploadField({
  label,
  hint,
  error,
  name,
  accept,
}: {
  label: string;
  hint: string;
  error?: FieldError;
  name: string;
  accept: string;
}) {
  const id = useId();
  const errorText = useErrorText()(error);
  return (
    <div className={`field${errorText ? " field-invalid" : ""}`}>
      <label htmlFor={id}>{label}</label>
      <p className="field-hint" id={`${id}-hint`}>
        {hint}
      </p>
      <input
        id={id}
        name={name}
        type="file"
        accept={accept}
        aria-invalid={errorText ? true : undefined}
        aria-describedby={[`${id}-hint`, errorText ? `${id}-error` : ""].filter(Boolean).join(" ")}
      />
      {errorText ? (
        <p className="field-error" id={`${id}-error`} role="alert">
          {errorText}
        </p>
      ) : null}
    </div>
  );
}
