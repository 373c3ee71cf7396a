import { z } from "zod";
import { DIFFICULTIES, MAX_OPTIONS, QUESTION_TYPES, type QuestionDraft, TRUE_FALSE_OPTIONS } from "./draft";
import { escapeHtml } from "./html";

/**
 * The question form: one schema for the browser form and the action. Options are fields
 * option0…option7 with their "correct" checkboxes; a true/false question has one answer field.
 * Stems typed in the form are plain text unless the question came in as HTML (Moodle), in which
 * case the HTML source is edited (and sanitised on save).
 */
const optionalText = (max: number) =>
  z
    .string()
    .max(max, "errors.question.fieldTooLong")
    .optional()
    .transform((value) => value?.trim() || null);

export const questionFormSchema = z
  .object({
    type: z.enum(QUESTION_TYPES, { error: "errors.question.typeRequired" }),
    stem: z
      .string({ error: "errors.question.stemMissing" })
      .trim()
      .min(1, "errors.question.stemMissing")
      .max(10_000, "errors.question.stemTooLong"),
    stemFormat: z.enum(["text", "html"]).default("text"),
    stemImageUrl: z
      .string()
      .trim()
      .max(2000, "errors.question.imageUrlInvalid")
      .optional()
      .refine((value) => !value || /^https:\/\/[^\s"<>]+$/.test(value), "errors.question.imageUrlInvalid")
      .transform((value) => value || null),
    stemImageAlt: optionalText(300),
    trueFalseAnswer: z.enum(["true", "false"]).optional(),
    explanation: optionalText(5000),
    citationDocument: optionalText(300),
    citationNumber: optionalText(60),
    citationArticle: optionalText(60),
    citationClause: optionalText(60),
    topics: optionalText(600),
    difficulty: z.enum(DIFFICULTIES, { error: "errors.question.difficultyRequired" }),
    externalId: optionalText(120),
    confirmDuplicate: z.string().optional(),
    ...Object.fromEntries(Array.from({ length: MAX_OPTIONS }, (_, index) => [`option${index}`, optionalText(1000)])),
  })
  .passthrough();

export type QuestionFormValues = z.output<typeof questionFormSchema>;

/** Turns validated form values (plus the ticked "correct" indexes) into a draft. */
export function draftFromForm(
  values: QuestionFormValues,
  correctIndexes: number[],
  toStem: (text: string) => string,
): QuestionDraft {
  const record = values as Record<string, unknown>;
  const options =
    values.type === "TRUE_FALSE"
      ? TRUE_FALSE_OPTIONS.map((text, index) => ({
          text,
          correct: (values.trueFalseAnswer === "true") === (index === 0) && values.trueFalseAnswer !== undefined,
        }))
      : Array.from({ length: MAX_OPTIONS }, (_, index) => ({
          text: (record[`option${index}`] as string | null) ?? "",
          index,
        }))
          .filter((option) => option.text.length > 0)
          .map((option) => ({ text: option.text, correct: correctIndexes.includes(option.index) }));
  return {
    type: values.type,
    stem:
      values.stemFormat === "html"
        ? values.stem
        : toStem(values.stem) + imageHtml(values.stemImageUrl, values.stemImageAlt),
    options,
    explanation: values.explanation,
    citation: values.citationDocument
      ? {
          document: values.citationDocument,
          number: values.citationNumber,
          article: values.citationArticle,
          clause: values.citationClause,
        }
      : null,
    topics: (values.topics ?? "")
      .split(/[;,]/)
      .map((topic) => topic.trim())
      .filter(Boolean),
    difficulty: values.difficulty,
    externalId: values.externalId,
  };
}

/** An illustration under a plain-text stem; the alt text is what screen readers say. */
export function imageHtml(url: string | null, alt: string | null): string {
  if (!url) return "";
  return `<p><img src="${escapeHtml(url)}" alt="${escapeHtml(alt ?? "Hình minh họa câu hỏi")}" /></p>`;
}

export function correctIndexesOf(formData: FormData): number[] {
  return formData
    .getAll("correct")
    .map((value) => Number(value))
    .filter((value) => Number.isInteger(value) && value >= 0 && value < MAX_OPTIONS);
}
