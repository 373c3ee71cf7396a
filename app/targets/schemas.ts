import { z } from "zod";
import { optionalText } from "~/utils/forms";

/**
 * Forms of the plans-and-targets screens (issue 7 §1). Messages are i18n keys under
 * errors.targets.* (app/utils/forms.ts shows only keys under `errors.`); values are strings as
 * the form posts them. Pure: unit-tested in schemas.test.ts.
 */

/** Roster roles a plan may count as "officials" (OTHER never counts). */
export const ROSTER_ROLES = ["OFFICIAL", "REPORTER", "PROPAGANDIST", "MEDIATOR"] as const;
export type OfficialRole = (typeof ROSTER_ROLES)[number];
/** Cán bộ/công chức/viên chức, báo cáo viên, tuyên truyền viên; some plans add hòa giải viên. */
export const DEFAULT_OFFICIAL_ROLES: OfficialRole[] = ["OFFICIAL", "REPORTER", "PROPAGANDIST"];

/** The six target percentages of a phase, in the order the forms show them. */
export const TARGET_FIELDS = [
  "officialsTrainedPct",
  "onlineTrainingSharePct",
  "residentsReachedPct",
  "residentsReachedUrbanPct",
  "residentsReachedRuralPct",
  "satisfactionPct",
] as const;
export type TargetField = (typeof TARGET_FIELDS)[number];
export type Targets = Record<TargetField, number | null>;

/** The two phases of Đề án 766/QĐ-TTg; any other span is typed as custom days. */
export const PHASE_PRESETS = {
  "2025-2027": { label: "Giai đoạn 1 (2025–2027)", startsOn: "2025-01-01", endsOn: "2027-12-31" },
  "2028-2030": { label: "Giai đoạn 2 (2028–2030)", startsOn: "2028-01-01", endsOn: "2030-12-31" },
} as const;
export type PhasePreset = keyof typeof PHASE_PRESETS;

const PERCENT = /^\d{1,3}(?:[.,]\d{1,2})?$/;

/**
 * A target as typed: "80", "80,5" (Vietnamese decimal comma), "80.5", "80 %". Empty → null
 * (the plan sets no such target). Anything else, over 100 or with more than two decimals →
 * undefined (invalid).
 */
export function parsePercent(value: string | null | undefined): number | null | undefined {
  const text = (value ?? "").replace(/\s+/g, "").replace(/%$/, "");
  if (!text) return null;
  if (!PERCENT.test(text)) return undefined;
  const number = Number(text.replace(",", "."));
  if (!Number.isFinite(number) || number < 0 || number > 100) return undefined;
  return number;
}

/** 80.5 → "80,5", as a Vietnamese reader writes it; null → "". */
export function formatPercent(value: number | null | undefined): string {
  if (value === null || value === undefined) return "";
  return String(Math.round(value * 100) / 100).replace(".", ",");
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const VN_DAY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/**
 * A calendar day as `<input type="date">` posts it ("2025-10-01") or as typed where the browser
 * shows a text box ("01/10/2025"), stored as UTC midnight of that day; null if no such day.
 */
export function parseDay(value: string | null | undefined): Date | null {
  const text = (value ?? "").trim();
  let parts: [number, number, number] | null = null;
  const iso = ISO_DAY.exec(text);
  if (iso) parts = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  const vn = VN_DAY.exec(text);
  if (vn) parts = [Number(vn[3]), Number(vn[2]), Number(vn[1])];
  if (!parts) return null;
  const [year, month, day] = parts;
  if (year < 2000 || year > 2100) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date;
}

/** A stored day → "2025-10-01" (the value of a date input). */
export function dayValue(date: Date | null | undefined): string {
  return date ? date.toISOString().slice(0, 10) : "";
}

/** A stored day → "01/10/2025", as Vietnamese documents write it. */
export function dayLabel(date: Date | null | undefined): string {
  if (!date) return "";
  const [year, month, day] = dayValue(date).split("-");
  return `${day}/${month}/${year}`;
}

/** Category names, one per line (or separated by ";"); duplicates and blanks dropped. */
export function parseCategories(value: string | null | undefined): string[] {
  const seen = new Set<string>();
  const categories: string[] = [];
  for (const line of (value ?? "").split(/[\n;]/)) {
    const name = line.trim().replace(/\s+/g, " ");
    const key = name.toLocaleLowerCase("vi");
    if (name && !seen.has(key)) {
      seen.add(key);
      categories.push(name);
    }
  }
  return categories;
}

/** An optional calendar day as typed (parseDay): empty → null, anything else unreadable → `message`. */
export const optionalDay = (message: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value, context) => {
      if (!value) return null;
      const day = parseDay(value);
      if (!day) {
        context.addIssue({ code: "custom", message });
        return z.NEVER;
      }
      return day;
    });

export const planSchema = z.object({
  orgNodeId: z.string().min(1, "errors.targets.nodeRequired").max(64, "errors.targets.nodeRequired"),
  name: z.string().trim().min(5, "errors.targets.nameTooShort").max(300, "errors.targets.nameTooLong"),
  number: optionalText(60, "errors.targets.numberTooLong"),
  issuedOn: optionalDay("errors.targets.dayInvalid"),
  implementsPlan: optionalText(500, "errors.targets.implementsTooLong"),
  parentPlanId: optionalText(64, "errors.targets.parentPlanInvalid"),
  officialCategories: z
    .string()
    .max(5000, "errors.targets.categoriesTooLong")
    .optional()
    .transform((value, context) => {
      const categories = parseCategories(value);
      if (categories.length > 30 || categories.some((name) => name.length > 120))
        context.addIssue({ code: "custom", message: "errors.targets.categoriesTooLong" });
      return categories;
    }),
  officialRoles: z
    .array(z.enum(ROSTER_ROLES, { message: "errors.targets.rolesRequired" }))
    .min(1, "errors.targets.rolesRequired")
    .transform((roles) => ROSTER_ROLES.filter((role) => roles.includes(role))),
});
export type PlanForm = z.output<typeof planSchema>;

const percentField = z
  .string()
  .optional()
  .transform((value, context) => {
    const percent = parsePercent(value);
    if (percent === undefined) context.addIssue({ code: "custom", message: "errors.targets.percentInvalid" });
    return percent ?? null;
  });

const dayField = z
  .string()
  .trim()
  .optional()
  .transform((value, context) => {
    const day = parseDay(value);
    if (!day) context.addIssue({ code: "custom", message: "errors.targets.dayInvalid" });
    return day ?? new Date(0);
  });

const phaseFields = z
  .object({
    label: optionalText(120, "errors.targets.labelTooLong"),
    startsOn: dayField,
    endsOn: dayField,
    ...Object.fromEntries(TARGET_FIELDS.map((field) => [field, percentField])),
  })
  .superRefine((form, context) => {
    if (form.startsOn.getTime() && form.endsOn.getTime() && form.endsOn <= form.startsOn)
      context.addIssue({ code: "custom", path: ["endsOn"], message: "errors.targets.endsBeforeStart" });
  })
  .transform((form) => ({
    ...(form as unknown as Targets & { startsOn: Date; endsOn: Date }),
    label: form.label ?? `${dayLabel(form.startsOn)} – ${dayLabel(form.endsOn)}`,
  }));

/**
 * A phase: a preset button ("2025-2027") fills its days and its label unless one was typed;
 * otherwise the days typed, the first before the last (both included).
 */
export const phaseSchema = z.preprocess((raw) => {
  if (!raw || typeof raw !== "object") return raw;
  const form = raw as Record<string, unknown>;
  const preset = typeof form.preset === "string" ? PHASE_PRESETS[form.preset as PhasePreset] : undefined;
  if (!preset) return form;
  const label = typeof form.label === "string" && form.label.trim() ? form.label : preset.label;
  return { ...form, label, startsOn: preset.startsOn, endsOn: preset.endsOn };
}, phaseFields);
export type PhaseForm = z.output<typeof phaseSchema>;

/** Both days included: [a, b] and [c, d] overlap when a ≤ d and c ≤ b. */
export function overlappingPhase<P extends { id?: string; startsOn: Date; endsOn: Date }>(
  phases: readonly P[],
  candidate: { startsOn: Date; endsOn: Date },
  exceptId?: string,
): P | null {
  return (
    phases.find(
      (phase) => phase.id !== exceptId && phase.startsOn <= candidate.endsOn && candidate.startsOn <= phase.endsOn,
    ) ?? null
  );
}

/** A form's fields, with the fields that may repeat (checkboxes) as arrays. */
export function formObject(formData: FormData, arrays: readonly string[] = []): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  for (const [key, value] of formData) if (typeof value === "string" && !arrays.includes(key)) raw[key] = value;
  for (const key of arrays)
    raw[key] = formData.getAll(key).filter((value): value is string => typeof value === "string");
  return raw;
}
