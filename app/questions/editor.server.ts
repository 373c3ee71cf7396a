import { formFailure, parseForm } from "~/utils/forms";
import { validateDraft } from "./draft";
import { correctIndexesOf, draftFromForm, questionFormSchema } from "./form";
import { textToStem } from "./html";

/** Field that each draft error belongs to, so the form shows it in the right place. */
const FIELD_OF_ERROR: Record<string, string> = {
  STEM_MISSING: "stem",
  TOO_LONG: "stem",
  TOO_FEW_OPTIONS: "options",
  TOO_MANY_OPTIONS: "options",
  KEY_MISSING: "options",
  KEY_NOT_AN_OPTION: "options",
  SINGLE_CHOICE_MANY_KEYS: "options",
  DUPLICATE_IN_FILE: "options",
  TYPE_INVALID: "options",
};

/** Reads and validates the question form: a draft, or a failure to send back to the form. */
export function readQuestionForm(formData: FormData) {
  const parsed = parseForm(questionFormSchema, formData);
  if (!parsed.ok) return { ok: false as const, failure: parsed };
  const draft = draftFromForm(parsed.data, correctIndexesOf(formData), textToStem);
  const errors = validateDraft(draft);
  if (errors.length > 0) {
    const fieldErrors: Record<string, string> = {};
    for (const error of errors) fieldErrors[FIELD_OF_ERROR[error.code] ?? "stem"] ??= error.message;
    return { ok: false as const, failure: formFailure(formData, fieldErrors) };
  }
  return { ok: true as const, draft, confirmDuplicate: parsed.data.confirmDuplicate === "yes" };
}
