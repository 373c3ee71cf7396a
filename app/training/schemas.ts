import { z } from "zod";
import { optionalText } from "~/utils/forms";
import { formatVietnamDateTime, parseVietnamDateTime } from "~/utils/vietnam-time";

/**
 * Forms of the training screens (issue 6 §6): an offline session and the period filter. Messages
 * are i18n keys (training.errors.*); values are strings as the form posts them.
 */
/** "1,5" or "1.5" hours → 90 minutes; a session lasts at most 100 hours. */
export function hoursToMinutes(value: string): number | null {
  const number = Number(value.trim().replace(",", "."));
  if (!value.trim() || !Number.isFinite(number) || number <= 0 || number > 100) return null;
  return Math.round(number * 60);
}

export const sessionSchema = z
  .object({
    orgNodeId: z.string().min(1, "training.errors.nodeRequired").max(64),
    title: z.string().trim().min(5, "training.errors.titleTooShort").max(200, "training.errors.titleTooLong"),
    category: optionalText(120, "training.errors.categoryTooLong"),
    startsAt: z
      .string()
      .trim()
      .transform((value, context) => {
        const date = parseVietnamDateTime(value);
        if (!date) context.addIssue({ code: "custom", message: "training.errors.startsAt" });
        return date ?? new Date(0);
      }),
    endsAt: z
      .string()
      .trim()
      .optional()
      .transform((value, context) => {
        if (!value) return null;
        const date = parseVietnamDateTime(value);
        if (!date) context.addIssue({ code: "custom", message: "training.errors.endsAt" });
        return date;
      }),
    place: optionalText(200, "training.errors.placeTooLong"),
    trainer: optionalText(200, "training.errors.trainerTooLong"),
    hours: z
      .string()
      .trim()
      .transform((value, context) => {
        const minutes = hoursToMinutes(value);
        if (minutes === null) context.addIssue({ code: "custom", message: "training.errors.hours" });
        return minutes ?? 0;
      }),
  })
  .superRefine((form, context) => {
    if (form.endsAt && form.endsAt <= form.startsAt)
      context.addIssue({ code: "custom", path: ["endsAt"], message: "training.errors.endsBeforeStart" });
  })
  .transform(({ hours, ...form }) => ({ ...form, durationMinutes: hours }));
export type SessionForm = z.output<typeof sessionSchema>;

export type SessionFormValues = Record<
  "orgNodeId" | "title" | "category" | "startsAt" | "endsAt" | "place" | "trainer" | "hours",
  string
>;

export function sessionFormValues(activity: {
  orgNodeId: string;
  title: string;
  category: string | null;
  startsAt: Date;
  endsAt: Date | null;
  place: string | null;
  trainer: string | null;
  durationMinutes: number;
}): SessionFormValues {
  return {
    orgNodeId: activity.orgNodeId,
    title: activity.title,
    category: activity.category ?? "",
    startsAt: formatVietnamDateTime(activity.startsAt),
    endsAt: activity.endsAt ? formatVietnamDateTime(activity.endsAt) : "",
    place: activity.place ?? "",
    trainer: activity.trainer ?? "",
    hours: String(Math.round((activity.durationMinutes / 60) * 100) / 100),
  };
}

const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The start of a Vietnam calendar day ("2026-03-01"), or null. */
function vietnamDay(value: string | null | undefined): Date | null {
  if (!value || !DATE.test(value)) return null;
  return parseVietnamDateTime(`${value}T00:00`);
}

/**
 * The period of the list and the summary, from the URL (?from=2026-01-01&to=2026-12-31, both
 * days included, Vietnam time), as a half-open range; by default the current calendar year.
 */
export function periodFromUrl(url: URL, now = new Date()) {
  const year = new Date(now.getTime() + VIETNAM_OFFSET_MS).getUTCFullYear();
  const fromDay = vietnamDay(url.searchParams.get("from")) ?? (vietnamDay(`${year}-01-01`) as Date);
  const toDay = vietnamDay(url.searchParams.get("to")) ?? (vietnamDay(`${year}-12-31`) as Date);
  const to = new Date(toDay.getTime() + 24 * 60 * 60 * 1000);
  const valid = to > fromDay;
  const from = valid ? fromDay : (vietnamDay(`${year}-01-01`) as Date);
  const end = valid ? to : new Date((vietnamDay(`${year}-12-31`) as Date).getTime() + 24 * 60 * 60 * 1000);
  const day = (date: Date) => new Date(date.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
  return {
    from,
    to: end,
    /** For the form: the days as typed (the last one included). */
    fromDay: day(from),
    toDay: day(new Date(end.getTime() - 1)),
  };
}
