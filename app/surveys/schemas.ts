import { z } from "zod";
import type { SurveyQuestionKind } from "~/generated/prisma/enums";
import { optionalText } from "~/utils/forms";
import { formatVietnamDateTime, parseVietnamDateTime } from "~/utils/vietnam-time";

/**
 * Forms of the survey screens (issue 7 §3, docs/decisions/0010-surveys.md). The organizer's
 * messages are keys under surveys.errors (the `manage` translations); the respondent's under
 * survey.errors (the `learn` translations, loaded by /s/<code>).
 */
export const SURVEY_QUESTION_KINDS = [
  "SINGLE",
  "MULTIPLE",
  "SCALE",
  "TEXT",
] as const satisfies readonly SurveyQuestionKind[];
export const SCALE_VALUES = [1, 2, 3, 4, 5] as const;
export const MAX_TEXT_ANSWER = 2000;
export const MAX_OPTIONS = 20;

const optionalDateTime = (message: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value, context) => {
      if (!value) return null;
      const date = parseVietnamDateTime(value);
      if (!date) context.addIssue({ code: "custom", message });
      return date;
    });

export const surveySchema = z
  .object({
    orgNodeId: z.string().min(1, "surveys.errors.nodeRequired").max(64),
    title: z.string().trim().min(5, "surveys.errors.titleTooShort").max(200, "surveys.errors.titleTooLong"),
    intro: optionalText(4000, "surveys.errors.introTooLong"),
    opensAt: optionalDateTime("surveys.errors.opensAt"),
    closesAt: optionalDateTime("surveys.errors.closesAt"),
  })
  .superRefine((form, context) => {
    if (form.opensAt && form.closesAt && form.closesAt <= form.opensAt)
      context.addIssue({ code: "custom", path: ["closesAt"], message: "surveys.errors.closesBeforeOpens" });
  });
export type SurveyForm = z.output<typeof surveySchema>;

export function surveyFormValues(survey: {
  orgNodeId: string;
  title: string;
  intro: string | null;
  opensAt: Date | null;
  closesAt: Date | null;
}): Record<"orgNodeId" | "title" | "intro" | "opensAt" | "closesAt", string> {
  return {
    orgNodeId: survey.orgNodeId,
    title: survey.title,
    intro: survey.intro ?? "",
    opensAt: survey.opensAt ? formatVietnamDateTime(survey.opensAt) : "",
    closesAt: survey.closesAt ? formatVietnamDateTime(survey.closesAt) : "",
  };
}

/** A question as the editor posts it: options one per line (choice kinds only). */
export const questionSchema = z
  .object({
    kind: z.enum(SURVEY_QUESTION_KINDS, { message: "surveys.errors.kind" }),
    prompt: z.string().trim().min(3, "surveys.errors.promptTooShort").max(500, "surveys.errors.promptTooLong"),
    options: z
      .string()
      .optional()
      .transform((value) =>
        (value ?? "")
          .split(/\r?\n/)
          .map((line) => line.trim())
          .filter(Boolean),
      ),
    required: z
      .string()
      .optional()
      .transform((value) => value === "on"),
    scaleMinLabel: optionalText(60, "surveys.errors.labelTooLong"),
    scaleMaxLabel: optionalText(60, "surveys.errors.labelTooLong"),
  })
  .superRefine((form, context) => {
    const choice = form.kind === "SINGLE" || form.kind === "MULTIPLE";
    if (!choice) return;
    if (form.options.length < 2)
      context.addIssue({ code: "custom", path: ["options"], message: "surveys.errors.tooFewOptions" });
    if (form.options.length > MAX_OPTIONS)
      context.addIssue({ code: "custom", path: ["options"], message: "surveys.errors.tooManyOptions" });
    if (form.options.some((option) => option.length > 200))
      context.addIssue({ code: "custom", path: ["options"], message: "surveys.errors.optionTooLong" });
    if (new Set(form.options.map((option) => option.toLocaleLowerCase("vi"))).size !== form.options.length)
      context.addIssue({ code: "custom", path: ["options"], message: "surveys.errors.duplicateOption" });
  })
  .transform((form) => {
    const choice = form.kind === "SINGLE" || form.kind === "MULTIPLE";
    const scale = form.kind === "SCALE";
    return {
      kind: form.kind,
      prompt: form.prompt,
      options: choice ? form.options : [],
      required: form.required,
      scaleMinLabel: scale ? form.scaleMinLabel : null,
      scaleMaxLabel: scale ? form.scaleMaxLabel : null,
    };
  });
export type QuestionForm = z.output<typeof questionSchema>;

/** What the respondent's form needs to know of a question. */
export interface AnswerableQuestion {
  id: string;
  kind: SurveyQuestionKind;
  required: boolean;
  options: string[];
}

/** One question's answer, as stored (SurveyAnswer). */
export interface AnswerValue {
  choices: number[];
  scale: number | null;
  text: string | null;
}

/** The form field of a question on the respondent's page. */
export const answerField = (questionId: string) => `q-${questionId}`;

const INDEX = /^\d{1,3}$/;

/** The schema of one question's posted values (every value of its field, [] when none). */
function answerSchema(question: AnswerableQuestion) {
  return z.array(z.string().max(MAX_TEXT_ANSWER * 2)).transform((values, context): AnswerValue | null => {
    const fail = (message: string) => {
      context.addIssue({ code: "custom", message });
      return z.NEVER;
    };
    const given = values.map((value) => value.trim()).filter(Boolean);
    if (given.length === 0) return question.required ? fail("survey.errors.required") : null;
    switch (question.kind) {
      case "SINGLE":
      case "MULTIPLE": {
        if (question.kind === "SINGLE" && given.length > 1) return fail("survey.errors.oneChoice");
        const indexes = given.map((value) => (INDEX.test(value) ? Number(value) : -1));
        if (indexes.some((index) => index < 0 || index >= question.options.length))
          return fail("survey.errors.invalidChoice");
        return { choices: [...new Set(indexes)].sort((a, b) => a - b), scale: null, text: null };
      }
      case "SCALE": {
        const scale = given.length === 1 && /^[1-5]$/.test(given[0]) ? Number(given[0]) : null;
        if (scale === null) return fail("survey.errors.invalidScale");
        return { choices: [], scale, text: null };
      }
      case "TEXT": {
        const text = given.join("\n");
        if (text.length > MAX_TEXT_ANSWER) return fail("survey.errors.textTooLong");
        return { choices: [], scale: null, text };
      }
    }
  });
}

export type ParsedAnswers =
  | { ok: true; answers: Map<string, AnswerValue> }
  | { ok: false; fieldErrors: Record<string, string>; values: Record<string, string[]> };

/**
 * The respondent's form against the survey's questions: required questions answered, option
 * indexes within the question's options, a scale value 1–5, text of at most 2000 characters.
 * Errors are keyed by question id; what was typed comes back so nothing is lost.
 */
export function parseAnswers(questions: readonly AnswerableQuestion[], formData: FormData): ParsedAnswers {
  const values: Record<string, string[]> = {};
  for (const question of questions)
    values[question.id] = formData
      .getAll(answerField(question.id))
      .filter((value): value is string => typeof value === "string")
      .slice(0, MAX_OPTIONS + 1);
  const schema = z.object(Object.fromEntries(questions.map((question) => [question.id, answerSchema(question)])));
  const result = schema.safeParse(values);
  if (!result.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of result.error.issues) {
      const field = String(issue.path[0] ?? "form");
      fieldErrors[field] ??= issue.message.startsWith("survey.errors.") ? issue.message : "errors.invalidValue";
    }
    const echoed = Object.fromEntries(
      Object.entries(values).map(([id, list]) => [id, list.map((value) => value.slice(0, MAX_TEXT_ANSWER + 100))]),
    );
    return { ok: false, fieldErrors, values: echoed };
  }
  const answers = new Map<string, AnswerValue>();
  for (const [id, answer] of Object.entries(result.data as Record<string, AnswerValue | null>))
    if (answer) answers.set(id, answer);
  return { ok: true, answers };
}
