import { z } from "zod";
import { optionalText } from "~/utils/forms";
import { parseVietnamDateTime } from "~/utils/vietnam-time";
import { MAX_INTERVALS_PER_REPORT } from "./completion";

/**
 * What organizers and learners send about courses, validated the same way in forms, actions and
 * the seed. Messages are i18n keys (courses.errors.*). Form values are strings; these schemas
 * read them as the form posts them.
 */
const checkbox = z
  .string()
  .max(10)
  .optional()
  .transform((value) => value === "on" || value === "true");

const vietnamDateTime = z
  .string()
  .trim()
  .optional()
  .transform((value, context) => {
    if (!value) return null;
    const date = parseVietnamDateTime(value);
    if (!date) context.addIssue({ code: "custom", message: "courses.errors.dateInvalid" });
    return date;
  });

/** "1,5" or "1.5" hours → 90 minutes. */
const hours = z
  .string()
  .trim()
  .transform((value, context) => {
    const number = Number(value.replace(",", "."));
    if (!value || !Number.isFinite(number) || number <= 0 || number > 500) {
      context.addIssue({ code: "custom", message: "courses.errors.hoursRange" });
      return 0;
    }
    return Math.round(number * 60);
  });

export const courseSchema = z
  .object({
    orgNodeId: z.string().min(1, "courses.errors.nodeRequired").max(64),
    title: z.string().trim().min(5, "courses.errors.titleTooShort").max(200, "courses.errors.titleTooLong"),
    summary: optionalText(5000, "courses.errors.summaryTooLong"),
    category: z.string().trim().min(2, "courses.errors.categoryRequired").max(120, "courses.errors.categoryRequired"),
    /** Comma-separated in the form. */
    audience: z
      .string()
      .max(1000)
      .optional()
      .transform((value) =>
        [
          ...new Set(
            (value ?? "")
              .split(",")
              .map((part) => part.trim())
              .filter(Boolean),
          ),
        ].slice(0, 20),
      ),
    estimatedHours: hours,
    opensAt: vietnamDateTime,
    closesAt: vietnamDateTime,
    sequential: checkbox,
    coverUrl: z
      .string()
      .trim()
      .max(500, "courses.errors.coverUrlInvalid")
      .regex(
        /^(https:\/\/[^\s"'<>]+|\/files\/banners\/[0-9a-f]{64}\.(png|jpg|webp))?$/,
        "courses.errors.coverUrlInvalid",
      )
      .optional()
      .transform((value) => value || null),
  })
  .refine((course) => !course.opensAt || !course.closesAt || course.closesAt > course.opensAt, {
    message: "courses.errors.closesBeforeOpens",
    path: ["closesAt"],
  });
export type CourseForm = z.output<typeof courseSchema>;

export const moduleSchema = z.object({
  title: z.string().trim().min(2, "courses.errors.moduleTitleRequired").max(200, "courses.errors.moduleTitleRequired"),
});

export const LESSON_TYPES = ["TEXT", "VIDEO", "PDF", "AUDIO", "QUIZ"] as const;
export const COMPLETION_RULES = ["OPENED", "WATCHED", "QUIZ_PASSED"] as const;

/** A lesson as the form posts it. Which fields matter depends on the type; the refinements say so. */
export const lessonSchema = z
  .object({
    title: z
      .string()
      .trim()
      .min(2, "courses.errors.lessonTitleRequired")
      .max(200, "courses.errors.lessonTitleRequired"),
    type: z.enum(LESSON_TYPES, { error: "courses.errors.lessonTypeRequired" }),
    required: checkbox,
    completionRule: z.enum(COMPLETION_RULES).default("OPENED"),
    minWatchPercent: z.coerce
      .number({ error: "courses.errors.watchPercentRange" })
      .int("courses.errors.watchPercentRange")
      .min(10, "courses.errors.watchPercentRange")
      .max(100, "courses.errors.watchPercentRange")
      .default(90),
    body: optionalText(100_000, "courses.errors.bodyTooLong"),
    mediaUrl: z
      .string()
      .trim()
      .max(1000, "courses.errors.mediaUrlInvalid")
      .regex(
        /^(https:\/\/[^\s"'<>]+|\/files\/lessons\/[0-9a-f]{64}\.(mp4|webm|mp3|m4a|ogg|wav|pdf))?$/,
        "courses.errors.mediaUrlInvalid",
      )
      .optional()
      .transform((value) => value || null),
    durationSeconds: z
      .string()
      .trim()
      .optional()
      .transform((value, context) => {
        if (!value) return null;
        const seconds = parseDuration(value);
        if (seconds === null) context.addIssue({ code: "custom", message: "courses.errors.durationInvalid" });
        return seconds;
      }),
    quizBankId: z
      .string()
      .max(64)
      .optional()
      .transform((value) => value || null),
    quizQuestionCount: z.coerce
      .number({ error: "courses.errors.quizCountRange" })
      .int("courses.errors.quizCountRange")
      .min(1, "courses.errors.quizCountRange")
      .max(100, "courses.errors.quizCountRange")
      .default(10),
    quizPassPercent: z.coerce
      .number({ error: "courses.errors.passPercentRange" })
      .int("courses.errors.passPercentRange")
      .min(1, "courses.errors.passPercentRange")
      .max(100, "courses.errors.passPercentRange")
      .default(80),
    quizAttemptsAllowed: z.coerce
      .number({ error: "courses.errors.attemptsRange" })
      .int("courses.errors.attemptsRange")
      .min(0, "courses.errors.attemptsRange")
      .max(20, "courses.errors.attemptsRange")
      .default(0),
    isFinalTest: checkbox,
  })
  .superRefine((lesson, context) => {
    const issue = (path: string, message: string) => context.addIssue({ code: "custom", path: [path], message });
    const media = lesson.type === "VIDEO" || lesson.type === "AUDIO";
    if (lesson.type === "TEXT" && !lesson.body) issue("body", "courses.errors.bodyRequired");
    if ((media || lesson.type === "PDF") && !lesson.mediaUrl) issue("mediaUrl", "courses.errors.mediaRequired");
    if (lesson.type === "QUIZ" && !lesson.quizBankId) issue("quizBankId", "courses.errors.quizBankRequired");
    if (lesson.completionRule === "WATCHED" && !media) issue("completionRule", "courses.errors.ruleNeedsMedia");
    if (lesson.completionRule === "QUIZ_PASSED" && lesson.type !== "QUIZ")
      issue("completionRule", "courses.errors.ruleNeedsQuiz");
    if (lesson.type === "QUIZ" && lesson.completionRule !== "QUIZ_PASSED")
      issue("completionRule", "courses.errors.quizNeedsPass");
    // The server checks played seconds against the length the organizer gives, never the player's.
    if (lesson.completionRule === "WATCHED" && !lesson.durationSeconds)
      issue("durationSeconds", "courses.errors.durationRequired");
    if (lesson.isFinalTest && lesson.type !== "QUIZ") issue("isFinalTest", "courses.errors.finalMustBeQuiz");
  });
export type LessonForm = z.output<typeof lessonSchema>;

/** "12:34", "1:02:03" or a number of seconds → seconds; null when unreadable or out of range. */
export function parseDuration(value: string): number | null {
  const parts = value.split(":").map((part) => part.trim());
  if (parts.length > 3 || parts.some((part) => !/^\d+$/.test(part))) return null;
  const seconds = parts.reduce((sum, part) => sum * 60 + Number(part), 0);
  return seconds > 0 && seconds <= 24 * 3600 ? seconds : null;
}

export function formatDuration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const two = (n: number) => String(n).padStart(2, "0");
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${m}:${two(s)}`;
}

/** A report from the lesson player (JSON body of POST /learn/lessons/:id/progress). */
export const progressReportSchema = z.object({
  viewId: z.string().min(8).max(64),
  seq: z.number().int().min(1).max(1_000_000),
  intervals: z
    .array(z.tuple([z.number().finite().min(-1e6).max(1e6), z.number().finite().min(-1e6).max(1e6)]))
    .max(MAX_INTERVALS_PER_REPORT * 4),
  positionSeconds: z.number().finite().min(-1e6).max(1e6),
  durationSeconds: z
    .number()
    .finite()
    .positive()
    .max(24 * 3600),
});

export const revokeSchema = z.object({
  code: z.string().trim().min(1).max(40),
  reason: z
    .string()
    .trim()
    .min(5, "courses.errors.revokeReasonRequired")
    .max(500, "courses.errors.revokeReasonRequired"),
});
