import type { z } from "zod";
import { DIFFICULTIES } from "~/questions/draft";
import type { FormFailure, FormValues } from "~/utils/forms";
import { formatVietnamDateTime, parseVietnamDateTime } from "~/utils/vietnam-time";
import type { Blueprint } from "./draw";
import {
  type ContestInput,
  contestSchema,
  FIELD_MODES,
  type FieldMode,
  REGISTRATION_FIELDS,
  type RoundInput,
  roundSchema,
} from "./schemas";
import { TIE_BREAKERS, type TieBreaker } from "./scoring";

/**
 * The organizer's contest and round forms as flat form values (what the browser posts and what
 * a refused form is re-rendered from), and the readers that turn them into domain input.
 * Every field has its own name (`audience.<nodeId>`, `rule.<n>.count`, `question.<id>`), so
 * the values of a refused form come back whole.
 */
export type { FormValues } from "~/utils/forms";

/** The tie-breakers an organizer orders; score always comes first. */
export const ORDERABLE_TIE_BREAKERS = TIE_BREAKERS.filter((key) => key !== "score") as Exclude<TieBreaker, "score">[];

/**
 * Browsers post a textarea's line breaks as CRLF; stored texts use LF, so an unchanged privacy
 * notice reads back equal (and keeps its version).
 */
const optionalText = (value: FormDataEntryValue | null) => {
  const text = typeof value === "string" ? value.replace(/\r\n?/g, "\n").trim() : "";
  return text === "" ? null : text;
};
/** Empty → null; anything else → a number (NaN for "abc", which the schema then refuses). */
const optionalNumber = (value: FormDataEntryValue | null) => {
  const text = optionalText(value);
  return text === null ? null : Number(text.replace(",", "."));
};
const text = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
};
const checked = (formData: FormData, name: string) => formData.get(name) === "on";
/** Whole numbers only: "1.5", "abc" and "" become NaN, which the schemas refuse with their own message. */
const wholeNumber = (value: string) => (/^\s*\d{1,6}\s*$/.test(value) ? Number(value) : Number.NaN);

/** Ids named by checkboxes such as `audience.<id>` or `question.<id>`, in form order. */
function checkedIds(formData: FormData, prefix: string): string[] {
  const ids: string[] = [];
  for (const [key, value] of formData) if (key.startsWith(prefix) && value === "on") ids.push(key.slice(prefix.length));
  return ids;
}

/**
 * A refused setup form with everything that was typed. Unlike the generic helper it keeps long
 * texts whole: a contest's rules may run to pages.
 */
export function setupFailure(
  formData: FormData,
  fieldErrors: Record<string, string>,
  formError?: string,
  formErrorParams?: Record<string, string | number>,
): FormFailure {
  const values: FormValues = {};
  for (const [key, value] of formData) if (typeof value === "string") values[key] = value.slice(0, 20_000);
  return { ok: false, fieldErrors, formError, formErrorParams, values };
}

function issuesToFieldErrors(
  error: z.ZodError,
  fieldOf: (path: string) => string = (path) => path,
  into: Record<string, string> = {},
): Record<string, string> {
  for (const issue of error.issues) {
    const field = fieldOf(issue.path.join(".")) || "form";
    into[field] ??= issue.message.startsWith("errors.") ? issue.message : "errors.invalidValue";
  }
  return into;
}

// ——— Contest ———

/** `uploadErrors`: what reading the upload found wrong (e.g. a banner that is not an image). */
export function readContestForm(
  formData: FormData,
  uploadErrors: Record<string, string> = {},
): { ok: true; input: ContestInput } | FormFailure {
  const fieldErrors: Record<string, string> = { ...uploadErrors };
  const audienceNodeIds = text(formData, "audience") === "members" ? checkedIds(formData, "audience.") : [];
  if (text(formData, "audience") === "members" && audienceNodeIds.length === 0)
    fieldErrors.audienceNodeIds = "errors.contest.audienceEmpty";
  const registrationFields: Record<string, FieldMode> = {};
  for (const field of REGISTRATION_FIELDS) {
    const mode = text(formData, `field.${field}`);
    registrationFields[field] = (FIELD_MODES as readonly string[]).includes(mode) ? (mode as FieldMode) : "off";
  }
  const input: ContestInput = {
    title: text(formData, "title"),
    slug: optionalText(formData.get("slug")) ?? undefined,
    description: optionalText(formData.get("description")),
    rules: optionalText(formData.get("rules")),
    orgNodeId: text(formData, "orgNodeId"),
    audienceNodeIds,
    registrationFields,
    privacyNotice: optionalText(formData.get("privacyNotice")),
    bannerUrl: optionalText(formData.get("bannerUrl")),
    certificateEnabled: checked(formData, "certificateEnabled"),
    retentionMonths: optionalNumber(formData.get("retentionMonths")),
  };
  const parsed = contestSchema.safeParse(input);
  if (!parsed.success) issuesToFieldErrors(parsed.error, (path) => path, fieldErrors);
  if (Object.keys(fieldErrors).length > 0) return setupFailure(formData, fieldErrors);
  return { ok: true, input };
}

/** Form values for an existing contest, or for a new one at the organizer's first node. */
export function contestFormValues(contest: {
  title: string;
  slug: string;
  description: string | null;
  rules: string | null;
  orgNodeId: string;
  audienceNodeIds: string[];
  registrationFields: unknown;
  privacyNotice: string | null;
  bannerUrl: string | null;
  certificateEnabled: boolean;
  retentionMonths?: number | null;
}): FormValues {
  const values: FormValues = {
    title: contest.title,
    slug: contest.slug,
    description: contest.description ?? "",
    rules: contest.rules ?? "",
    orgNodeId: contest.orgNodeId,
    audience: contest.audienceNodeIds.length > 0 ? "members" : "public",
    privacyNotice: contest.privacyNotice ?? "",
    bannerUrl: contest.bannerUrl ?? "",
    retentionMonths: contest.retentionMonths ? String(contest.retentionMonths) : "",
  };
  if (contest.certificateEnabled) values.certificateEnabled = "on";
  for (const id of contest.audienceNodeIds) values[`audience.${id}`] = "on";
  const fields = (contest.registrationFields ?? {}) as Partial<Record<string, FieldMode>>;
  for (const field of REGISTRATION_FIELDS) values[`field.${field}`] = fields[field] ?? "off";
  return values;
}

export function newContestFormValues(orgNodeId: string): FormValues {
  return contestFormValues({
    title: "",
    slug: "",
    description: null,
    rules: null,
    orgNodeId,
    audienceNodeIds: [],
    registrationFields: { fullName: "required" },
    privacyNotice: null,
    bannerUrl: null,
    certificateEnabled: false,
  });
}

// ——— Round ———

export interface RuleRowValues {
  /** The number in the field names (`rule.<index>.count`); stable while rows are added and removed. */
  index: number;
  bankId: string;
  topicId: string;
  difficulty: string;
  count: string;
}

/** The blueprint rule rows present in form values, in order. */
export function ruleRows(values: FormValues): RuleRowValues[] {
  const indexes = new Set<number>();
  for (const key of Object.keys(values)) {
    const match = /^rule\.(\d{1,3})\./.exec(key);
    if (match) indexes.add(Number(match[1]));
  }
  return [...indexes]
    .sort((a, b) => a - b)
    .map((index) => ({
      index,
      bankId: values[`rule.${index}.bankId`] ?? "",
      topicId: values[`rule.${index}.topicId`] ?? "",
      difficulty: values[`rule.${index}.difficulty`] ?? "",
      count: values[`rule.${index}.count`] ?? "",
    }));
}

/** Without JavaScript, "add a rule" and "remove rule n" post the form and come back changed. */
export function editRuleRows(values: FormValues, intent: string): FormValues {
  const next = { ...values };
  delete next.intent;
  if (intent === "addRule") {
    const rows = ruleRows(values);
    const index = rows.length > 0 ? Math.max(...rows.map((row) => row.index)) + 1 : 0;
    Object.assign(next, {
      [`rule.${index}.bankId`]: rows.at(-1)?.bankId ?? "",
      [`rule.${index}.topicId`]: "",
      [`rule.${index}.difficulty`]: "",
      [`rule.${index}.count`]: "",
    });
  }
  const remove = /^removeRule\.(\d{1,3})$/.exec(intent);
  if (remove) for (const key of Object.keys(next)) if (key.startsWith(`rule.${remove[1]}.`)) delete next[key];
  return next;
}

export function readRoundForm(formData: FormData): { ok: true; round: RoundInput } | FormFailure {
  const values: Record<string, string> = {};
  for (const [key, value] of formData) if (typeof value === "string") values[key] = value;
  const rows = ruleRows(values);
  const blueprint: Blueprint =
    values.blueprintMode === "fixed"
      ? { questionIds: checkedIds(formData, "question.") }
      : {
          rules: rows.map((row) => ({
            bankId: row.bankId,
            topicId: row.topicId || null,
            difficulty: (DIFFICULTIES as readonly string[]).includes(row.difficulty)
              ? (row.difficulty as (typeof DIFFICULTIES)[number])
              : null,
            count: wholeNumber(row.count),
          })),
        };
  const dateOf = (name: string) => parseVietnamDateTime(values[name] ?? "") ?? new Date(Number.NaN);
  const minutes = wholeNumber(values.timeLimitMinutes ?? "");
  const round: RoundInput = {
    name: values.name ?? "",
    opensAt: dateOf("opensAt"),
    closesAt: dateOf("closesAt"),
    timeLimitSeconds: Number.isNaN(minutes) ? minutes : minutes * 60,
    attemptsAllowed: wholeNumber(values.attemptsAllowed ?? ""),
    countingAttempt: values.countingAttempt as RoundInput["countingAttempt"],
    pointsPerQuestion: wholeNumber(values.pointsPerQuestion ?? ""),
    shuffleQuestions: checked(formData, "shuffleQuestions"),
    shuffleOptions: checked(formData, "shuffleOptions"),
    predictionEnabled: checked(formData, "predictionEnabled"),
    reviewPolicy: values.reviewPolicy as RoundInput["reviewPolicy"],
    leaderboardVisibility: values.leaderboardVisibility as RoundInput["leaderboardVisibility"],
    tieBreakOrder: ["score", values.tieBreak1, values.tieBreak2, values.tieBreak3] as TieBreaker[],
    blueprint,
  };
  const parsed = roundSchema.safeParse(round);
  if (parsed.success) return { ok: true, round };
  // Schema paths back to the names of the form's fields.
  const fieldOf = (path: string) => {
    if (path === "timeLimitSeconds") return "timeLimitMinutes";
    if (path.startsWith("tieBreakOrder")) return "tieBreakOrder";
    const rule = /^blueprint\.rules\.(\d+)\.(\w+)$/.exec(path);
    if (rule) return `rule.${rows[Number(rule[1])]?.index ?? 0}.${rule[2]}`;
    return path.startsWith("blueprint") ? "blueprint" : path;
  };
  return setupFailure(formData, issuesToFieldErrors(parsed.error, fieldOf));
}

export function roundFormValues(round: {
  name: string;
  opensAt: Date;
  closesAt: Date;
  timeLimitSeconds: number;
  attemptsAllowed: number;
  countingAttempt: string;
  pointsPerQuestion: number;
  shuffleQuestions: boolean;
  shuffleOptions: boolean;
  predictionEnabled: boolean;
  reviewPolicy: string;
  leaderboardVisibility: string;
  tieBreakOrder: string[];
  blueprint: unknown;
}): FormValues {
  const values: FormValues = {
    name: round.name,
    opensAt: formatVietnamDateTime(round.opensAt),
    closesAt: formatVietnamDateTime(round.closesAt),
    timeLimitMinutes: String(Math.round(round.timeLimitSeconds / 60)),
    attemptsAllowed: String(round.attemptsAllowed),
    countingAttempt: round.countingAttempt,
    pointsPerQuestion: String(round.pointsPerQuestion),
    reviewPolicy: round.reviewPolicy,
    leaderboardVisibility: round.leaderboardVisibility,
  };
  for (const key of ["shuffleQuestions", "shuffleOptions", "predictionEnabled"] as const)
    if (round[key]) values[key] = "on";
  const order = round.tieBreakOrder.filter((key) => key !== "score");
  order.forEach((key, position) => {
    values[`tieBreak${position + 1}`] = key;
  });
  const blueprint = round.blueprint as Blueprint;
  if ("questionIds" in blueprint) {
    values.blueprintMode = "fixed";
    for (const id of blueprint.questionIds) values[`question.${id}`] = "on";
  } else {
    values.blueprintMode = "rules";
    blueprint.rules.forEach((rule, index) => {
      values[`rule.${index}.bankId`] = rule.bankId;
      values[`rule.${index}.topicId`] = rule.topicId ?? "";
      values[`rule.${index}.difficulty`] = rule.difficulty ?? "";
      values[`rule.${index}.count`] = String(rule.count);
    });
  }
  return values;
}

/** A new round: opens tomorrow at 08:00 Vietnam time for a week, 20 questions in 20 minutes. */
export function newRoundFormValues(position: number, firstBankId: string, now = new Date()): FormValues {
  const tomorrow = formatVietnamDateTime(new Date(now.getTime() + 24 * 3600 * 1000)).slice(0, 10);
  const opensAt = parseVietnamDateTime(`${tomorrow}T08:00`) as Date;
  return roundFormValues({
    name: `Đợt ${position}`,
    opensAt,
    closesAt: new Date(opensAt.getTime() + 7 * 24 * 3600 * 1000),
    timeLimitSeconds: 20 * 60,
    attemptsAllowed: 1,
    countingAttempt: "BEST",
    pointsPerQuestion: 1,
    shuffleQuestions: true,
    shuffleOptions: true,
    predictionEnabled: false,
    reviewPolicy: "SCORE_ONLY",
    leaderboardVisibility: "LIVE",
    tieBreakOrder: [...TIE_BREAKERS],
    blueprint: { rules: [{ bankId: firstBankId, count: 20 }] },
  });
}
