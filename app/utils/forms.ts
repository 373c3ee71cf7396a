import { z } from "zod";

/** A form's fields as the browser posts them, and as a refused form is shown again. */
export type FormValues = Record<string, string>;

/** What an action returns when a form is invalid: an i18n key per field, and what was typed. */
export interface FormFailure {
  ok: false;
  fieldErrors: Record<string, string>;
  formError?: string;
  formErrorParams?: Record<string, string | number>;
  values: FormValues;
}

const NEVER_ECHOED = /password/i;

export function formValues(formData: FormData): FormValues {
  const values: FormValues = {};
  for (const [key, value] of formData) {
    // Passwords are never sent back to the page; everything else is, so nothing typed is lost.
    if (typeof value === "string" && !NEVER_ECHOED.test(key)) values[key] = value.slice(0, 2000);
  }
  return values;
}

/** Dotted words without spaces, as "errors.contest.titleTooShort" (zod's own messages are sentences). */
const TRANSLATION_KEY = /^[a-z][A-Za-z]*(\.[A-Za-z0-9_]+)+$/;

export function parseForm<S extends z.ZodType>(
  schema: S,
  formData: FormData,
): { ok: true; data: z.output<S> } | FormFailure {
  const raw: Record<string, unknown> = {};
  for (const [key, value] of formData) if (typeof value === "string") raw[key] = value;
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, data: result.data };
  const fieldErrors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const field = issue.path.join(".") || "form";
    // Zod's own messages (for unexpected types) are sentences, not i18n keys; show a generic one instead.
    fieldErrors[field] ??= TRANSLATION_KEY.test(issue.message) ? issue.message : "errors.invalidValue";
  }
  return { ok: false, fieldErrors, values: formValues(formData) };
}

export function formFailure(
  formData: FormData,
  fieldErrors: Record<string, string>,
  formError?: string,
  formErrorParams?: Record<string, string | number>,
): FormFailure {
  return { ok: false, fieldErrors, formError, formErrorParams, values: formValues(formData) };
}

/** Reads paging and sorting from the URL, clamped to what a loader accepts. */
export function tableParams<S extends string>(url: URL, sortable: readonly S[], defaultSort: S, pageSize = 25) {
  const sortParam = url.searchParams.get("sort");
  const sort = (sortable as readonly string[]).includes(sortParam ?? "") ? (sortParam as S) : defaultSort;
  const dir: "asc" | "desc" = url.searchParams.get("dir") === "desc" ? "desc" : "asc";
  const page = Math.max(1, Math.min(10_000, Number.parseInt(url.searchParams.get("page") ?? "1", 10) || 1));
  return { sort, dir, page, pageSize, skip: (page - 1) * pageSize };
}

/** An optional text field: trimmed, at most `max` characters (else `message`), empty → null. */
export const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .optional()
    .transform((value) => value || null);
