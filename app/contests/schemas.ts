import { z } from "zod";
import { normalizePhone } from "~/auth/schemas";
import { foldDiacritics } from "~/utils/text";

/**
 * What an organizer sets up, validated the same way in forms, actions and the seed.
 * Messages are i18n keys (errors.contest.*).
 */
export const REGISTRATION_FIELDS = [
  "fullName",
  "dateOfBirth",
  "phone",
  "citizenId",
  "unit",
  "address",
  "gender",
] as const;
export type RegistrationField = (typeof REGISTRATION_FIELDS)[number];
export const FIELD_MODES = ["off", "optional", "required"] as const;

export const registrationFieldsSchema = z
  .partialRecord(z.enum(REGISTRATION_FIELDS), z.enum(FIELD_MODES))
  .default({ fullName: "required" });

export function slugify(title: string): string {
  return foldDiacritics(title)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
}

export const contestSchema = z.object({
  orgNodeId: z.string().min(1, "errors.contest.nodeRequired").max(64),
  title: z.string().trim().min(5, "errors.contest.titleTooShort").max(200, "errors.contest.titleTooLong"),
  slug: z
    .string()
    .trim()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "errors.contest.slugInvalid")
    .max(60, "errors.contest.slugInvalid")
    .optional(),
  description: z.string().trim().max(5000).optional().nullable(),
  rules: z.string().trim().max(20_000).optional().nullable(),
  audienceNodeIds: z.array(z.string().max(64)).max(200).default([]),
  registrationFields: registrationFieldsSchema,
  privacyNotice: z.string().trim().max(10_000).optional().nullable(),
});
export type ContestInput = z.input<typeof contestSchema>;

const blueprintRuleSchema = z.object({
  bankId: z.string().min(1).max(64),
  topicId: z.string().max(64).nullable().optional(),
  difficulty: z.enum(["EASY", "MEDIUM", "HARD"]).nullable().optional(),
  count: z.number().int().min(1, "errors.contest.countTooSmall").max(200, "errors.contest.countTooLarge"),
});

export const blueprintSchema = z.union([
  z.object({ rules: z.array(blueprintRuleSchema).min(1, "errors.contest.blueprintEmpty").max(30) }),
  z.object({ questionIds: z.array(z.string().min(1).max(64)).min(1, "errors.contest.blueprintEmpty").max(200) }),
]);

export const roundSchema = z
  .object({
    name: z.string().trim().min(2, "errors.contest.roundNameRequired").max(120),
    opensAt: z.coerce.date({ error: "errors.contest.dateInvalid" }),
    closesAt: z.coerce.date({ error: "errors.contest.dateInvalid" }),
    timeLimitSeconds: z
      .number()
      .int()
      .min(60, "errors.contest.timeLimitRange")
      .max(4 * 3600, "errors.contest.timeLimitRange"),
    attemptsAllowed: z.number().int().min(1).max(10, "errors.contest.attemptsRange").default(1),
    countingAttempt: z.enum(["BEST", "LAST", "FIRST"]).default("BEST"),
    pointsPerQuestion: z.number().int().min(1).max(100).default(1),
    shuffleQuestions: z.boolean().default(true),
    shuffleOptions: z.boolean().default(true),
    blueprint: blueprintSchema,
    predictionEnabled: z.boolean().default(false),
    reviewPolicy: z.enum(["NOTHING", "SCORE_ONLY", "ANSWERS_AFTER_CLOSE"]).default("SCORE_ONLY"),
    leaderboardVisibility: z.enum(["HIDDEN", "AFTER_CLOSE", "LIVE"]).default("LIVE"),
  })
  .refine((round) => round.closesAt > round.opensAt, {
    message: "errors.contest.closesBeforeOpens",
    path: ["closesAt"],
  });
export type RoundInput = z.input<typeof roundSchema>;

/** A contestant's registration answers, checked against what the contest asks for. */
export function registrationAnswersSchema(
  fields: Partial<Record<RegistrationField, (typeof FIELD_MODES)[number]>>,
  now: Date,
) {
  const ask = (field: RegistrationField, schema: z.ZodType<string, string>) => {
    const mode = fields[field] ?? "off";
    // A field the contest does not ask for is dropped, whatever is sent.
    if (mode === "off")
      return z
        .unknown()
        .optional()
        .transform(() => undefined);
    const required = `errors.registration.${field}Required`;
    return mode === "required"
      ? z.string({ error: required }).trim().min(1, required).pipe(schema)
      : z
          .string()
          .trim()
          .optional()
          .transform((value) => value || undefined)
          .pipe(schema.optional());
  };
  return z.object({
    fullName: ask("fullName", z.string().min(2, "errors.fullName.tooShort").max(120, "errors.fullName.tooLong")),
    dateOfBirth: ask(
      "dateOfBirth",
      z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/, "errors.registration.dateOfBirthInvalid")
        .refine((value) => {
          const date = new Date(`${value}T00:00:00Z`);
          return !Number.isNaN(date.getTime()) && date < now && date.getUTCFullYear() > 1900;
        }, "errors.registration.dateOfBirthInvalid"),
    ),
    phone: ask(
      "phone",
      z
        .string()
        .refine((value) => normalizePhone(value) !== null, "errors.registration.phoneInvalid")
        .transform((value) => normalizePhone(value) as string),
    ),
    // Căn cước công dân / thẻ căn cước: 12 digits.
    citizenId: ask("citizenId", z.string().regex(/^\d{12}$/, "errors.registration.citizenIdInvalid")),
    unit: ask("unit", z.string().max(200)),
    address: ask("address", z.string().max(300)),
    gender: ask("gender", z.enum(["male", "female", "other"], { error: "errors.registration.genderInvalid" })),
    consent: z.literal(true, { error: "errors.registration.consentRequired" }),
  });
}
