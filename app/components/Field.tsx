import { type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, useId } from "react";
import { useTranslation } from "~/i18n/react";

/** A translated error for a field: an i18n key with optional parameters. */
export type FieldError = string | { key: string; params?: Record<string, string | number> } | undefined;

export function useErrorText() {
  const { t } = useTranslation();
  return (error: FieldError) => {
    if (!error) return undefined;
    return typeof error === "string" ? t(error) : t(error.key, error.params);
  };
}

interface FieldFrameProps {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  required?: boolean;
  children: ReactNode;
}

function FieldFrame({ id, label, hint, error, required, children }: FieldFrameProps) {
  const { t } = useTranslation();
  return (
    <div className={`field${error ? " field-invalid" : ""}`}>
      <label htmlFor={id}>
        {label}
        {required ? <span className="field-required"> ({t("common.required")})</span> : null}
      </label>
      {hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {children}
      {error ? (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

function describedBy(id: string, hint?: string, error?: string) {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

export function TextField({
  label,
  hint,
  error,
  id: givenId,
  ...input
}: InputHTMLAttributes<HTMLInputElement> & { label: string; hint?: string; error?: FieldError; name: string }) {
  const generated = useId();
  const id = givenId ?? generated;
  const errorText = useErrorText()(error);
  return (
    <FieldFrame id={id} label={label} hint={hint} error={errorText} required={input.required}>
      <input
        id={id}
        aria-invalid={errorText ? true : undefined}
        aria-describedby={describedBy(id, hint, errorText)}
        {...input}
      />
    </FieldFrame>
  );
}

export function SelectField({
  label,
  hint,
  error,
  options,
  id: givenId,
  ...select
}: SelectHTMLAttributes<HTMLSelectElement> & {
  label: string;
  hint?: string;
  error?: FieldError;
  name: string;
  options: Array<{ value: string; label: string }>;
}) {
  const generated = useId();
  const id = givenId ?? generated;
  const errorText = useErrorText()(error);
  return (
    <FieldFrame id={id} label={label} hint={hint} error={errorText} required={select.required}>
      <select
        id={id}
        aria-invalid={errorText ? true : undefined}
        aria-describedby={describedBy(id, hint, errorText)}
        {...select}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

/** A required file input with its label and hint (the import screens). */
export function FileField({
  label,
  hint,
  name,
  accept,
}: {
  label: string;
  hint: string;
  name: string;
  accept: string;
}) {
  const id = useId();
  return (
    <FieldFrame id={id} label={label} hint={hint}>
      <input id={id} name={name} type="file" accept={accept} aria-describedby={`${id}-hint`} required />
    </FieldFrame>
  );
}

/** A form-level message (e.g. wrong password) announced to screen readers. */
export function FormAlert({ error }: { error?: FieldError }) {
  const text = useErrorText()(error);
  if (!text) return null;
  return (
    <div className="alert alert-error" role="alert">
      {text}
    </div>
  );
}
