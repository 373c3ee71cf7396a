import { z } from "zod";
import { VIETNAM_OFFSET_MS } from "./indicators";
import { dayValue, parseDay } from "./schemas";

/**
 * The period of a report as people write it: a first and a last calendar day, both included
 * ("01/01/2025"–"31/12/2027" or "2025-01-01"), in Vietnam time. Shared by the dashboard's query,
 * the report downloads, `npm run cli -- report` and the open-data feed. Messages are i18n keys.
 */

const DAY_MS = 24 * 60 * 60 * 1000;
/** Longer than both phases of Đề án 766 together (2025–2030), short enough to stay cheap. */
export const MAX_REPORT_DAYS = 6 * 366;

export interface ReportPeriod {
  /** "2025-01-01" and "2027-12-31", both included. */
  firstDay: string;
  lastDay: string;
  /** The same as instants, half-open [from, to): 00:00 Vietnam time of the first day to 00:00 after the last. */
  from: Date;
  to: Date;
}

const day = (message: string) =>
  z.string({ error: message }).transform((value, context) => {
    const parsed = parseDay(value);
    if (!parsed) {
      context.addIssue({ code: "custom", message });
      return z.NEVER;
    }
    return parsed;
  });

export const reportPeriodSchema = z
  .object({
    from: day("errors.indicators.fromInvalid"),
    to: day("errors.indicators.toInvalid"),
  })
  .superRefine((value, context) => {
    if (value.to.getTime() < value.from.getTime())
      context.addIssue({ code: "custom", path: ["to"], message: "errors.indicators.toBeforeFrom" });
    else if ((value.to.getTime() - value.from.getTime()) / DAY_MS + 1 > MAX_REPORT_DAYS)
      context.addIssue({ code: "custom", path: ["to"], message: "errors.indicators.periodTooLong" });
  })
  .transform(({ from, to }) => periodOfDays(from, to));

/** Stored days (UTC midnight) → the report period in Vietnam time. */
export function periodOfDays(first: Date, last: Date): ReportPeriod {
  return {
    firstDay: dayValue(first),
    lastDay: dayValue(last),
    from: new Date(first.getTime() - VIETNAM_OFFSET_MS),
    to: new Date(last.getTime() + DAY_MS - VIETNAM_OFFSET_MS),
  };
}

/**
 * The period a dashboard opens on: from the first day of the phase that contains today (or of
 * this year when no plan covers today) to the last day of this month, so the trend stops at now.
 */
export function defaultReportPeriod(now: Date, phaseStartsOn: string | null): ReportPeriod {
  const local = new Date(now.getTime() + VIETNAM_OFFSET_MS);
  const year = local.getUTCFullYear();
  const month = local.getUTCMonth();
  const first = phaseStartsOn
    ? (parseDay(phaseStartsOn) ?? new Date(Date.UTC(year, 0, 1)))
    : new Date(Date.UTC(year, 0, 1));
  const lastOfMonth = new Date(Date.UTC(year, month + 1, 1) - DAY_MS);
  return periodOfDays(first, lastOfMonth);
}
