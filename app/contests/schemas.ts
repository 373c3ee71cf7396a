import { z } from "zod";
import { normalizePhone } from "~/auth/schemas";
import { foldDiacritics } from "~/utils/text";
import { TIE_BREAKERS } from "./scoring";

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

export type FieldMode = (typeof FIELD_MODES)[number];

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
  privacyNotice: z.string().trim().max(10_000, "errors.contest.privacyNoticeTooLong").optional().nullable(),
  bannerUrl: z
    .string()
    .trim()
    .max(500, "errors.contest.bannerUrlInvalid")
    // An https address, or a banner uploaded here (app/contests/banner.server.ts).
    .regex(/^(https:\/\/[^\s"'<>]+|\/files\/banners\/[0-9a-f]{64}\.(png|jpg|webp))$/, "errors.contest.bannerUrlInvalid")
    .optional()
    .nullable(),
  certificateEnabled: z.boolean().default(false),
  /** Months registration answers are kept after the last round closes (app/account/retention.server.ts). */
  retentionMonths: z
    .number({ error: "errors.contest.retentionInvalid" })
    .int("errors.contest.retentionInvalid")
    .min(1, "errors.contest.retentionInvalid")
    .max(120, "errors.contest.retentionInvalid")
    .nullable()
    .default(null),
});
export type ContestInput = z.input<typeof contestSchema>;

/**
 * The ranking keys in order. Score always decides first; the organizer orders the other three
 * (prediction closeness, time used, earlier submission) as their rules state.
 */
export const tieBreakOrderSchema = z
  .array(z.enum(TIE_BREAKERS))
  .refine(
    (order) => order.length === TIE_BREAKERS.length && order[0] === "score" && new Set(order).size === order.length,
    "errors.contest.tieBreakInvalid",
  )
  .default(() => [...TIE_BREAKERS]);

const blueprintRuleSchema = z.object({
  bankId: z.string().min(1).max(64),
  topicId: z.string().max(64).nullable().optional(),
  difficulty: z.enum(["EASY", "MEDIUM", "HARD"]).nullable().optional(),
  count: z
    .number({ error: "errors.contest.countTooSmall" })
    .int("errors.contest.countTooSmall")
    .min(1, "errors.contest.countTooSmall")
    .max(200, "errors.contest.countTooLarge"),
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
      .number({ error: "errors.contest.timeLimitRange" })
      .int("errors.contest.timeLimitRange")
      .min(60, "errors.contest.timeLimitRange")
      .max(4 * 3600, "errors.contest.timeLimitRange"),
    attemptsAllowed: z
      .number({ error: "errors.contest.attemptsRange" })
      .int("errors.contest.attemptsRange")
      .min(1, "errors.contest.attemptsRange")
      .max(10, "errors.contest.attemptsRange")
      .default(1),
    countingAttempt: z.enum(["BEST", "LAST", "FIRST"]).default("BEST"),
    pointsPerQuestion: z
      .number({ error: "errors.contest.pointsRange" })
      .int("errors.contest.pointsRange")
      .min(1, "errors.contest.pointsRange")
      .max(100, "errors.contest.pointsRange")
      .default(1),
    shuffleQuestions: z.boolean().default(true),
    shuffleOptions: z.boolean().default(true),
    blueprint: blueprintSchema,
    predictionEnabled: z.boolean().default(false),
    reviewPolicy: z.enum(["NOTHING", "SCORE_ONLY", "ANSWERS_AFTER_CLOSE"]).default("SCORE_ONLY"),
    leaderboardVisibility: z.enum(["HIDDEN", "AFTER_CLOSE", "LIVE"]).default("LIVE"),
    tieBreakOrder: tieBreakOrderSchema,
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
