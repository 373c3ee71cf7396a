import type { z } from "zod";
import type { FormFailure, FormValues } from "~/utils/forms";
import { formValues } from "~/utils/forms";
import { formObject, planSchema } from "./schemas";

/**
 * parseForm (app/utils/forms.ts) for the plan form, whose role checkboxes repeat: the roles
 * are parsed as a list and echoed back comma-joined so a refused form keeps what was ticked.
 */
export function parsePlanForm(formData: FormData): { ok: true; data: z.output<typeof planSchema> } | FormFailure {
  return parseWith(planSchema, formData, ["officialRoles"]);
}

export function parseWith<S extends z.ZodType>(
  schema: S,
  formData: FormData,
  arrays: readonly string[] = [],
): { ok: true; data: z.output<S> } | FormFailure {
  const result = schema.safeParse(formObject(formData, arrays));
  if (result.success) return { ok: true, data: result.data };
  const fieldErrors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const field = issue.path.length ? String(issue.path[0]) : "form";
    fieldErrors[field] ??= issue.message.startsWith("errors.") ? issue.message : "errors.invalidValue";
  }
  return { ok: false, fieldErrors, values: echoValues(formData, arrays) };
}

export function echoValues(formData: FormData, arrays: readonly string[] = []): FormValues {
  const values = formValues(formData);
  for (const key of arrays)
    values[key] = formData
      .getAll(key)
      .filter((value) => typeof value === "string")
      .join(",");
  return values;
}
