import { REGISTRATION_FIELDS, type RegistrationField } from "./schemas";

/**
 * How registration answers leave the system. Phone, citizen-ID numbers and dates of birth are
 * masked everywhere by default (exports, announcements); only an organizer's explicit, audited
 * full export shows them whole.
 */
export type RegistrationAnswers = Partial<Record<RegistrationField, string>>;

export function maskPhone(phone: string): string {
  return phone.length > 6 ? `${phone.slice(0, 3)}****${phone.slice(-3)}` : "***";
}

export function maskCitizenId(citizenId: string): string {
  return citizenId.length > 6 ? `${citizenId.slice(0, 3)}******${citizenId.slice(-3)}` : "***";
}

/** Stored as YYYY-MM-DD; shown as DD/MM/YYYY, or with only the year when masked. */
export function formatDateOfBirth(value: string, masked: boolean): string {
  const [year, month, day] = value.split("-");
  if (!year || !month || !day) return masked ? "" : value;
  return masked ? `**/**/${year}` : `${day}/${month}/${year}`;
}

const GENDER_LABELS: Record<string, string> = { male: "Nam", female: "Nữ", other: "Khác" };

/** A registration answer as trimmed text ("" when absent); `fields` is the stored JSON. */
export function registrationText(fields: unknown, field: RegistrationField): string {
  const value = fields && typeof fields === "object" ? (fields as Record<string, unknown>)[field] : undefined;
  return typeof value === "string" ? value.trim() : "";
}

/** One answer as a cell of a Vietnamese export or announcement. */
export function registrationCell(field: RegistrationField, answers: RegistrationAnswers, masked: boolean): string {
  const value = answers[field];
  if (!value) return "";
  if (field === "phone") return masked ? maskPhone(value) : value;
  if (field === "citizenId") return masked ? maskCitizenId(value) : value;
  if (field === "dateOfBirth") return formatDateOfBirth(value, masked);
  if (field === "gender") return GENDER_LABELS[value] ?? value;
  return value;
}

/** The fields a contest asks for, in the registration form's order. */
export function askedFields(registrationFields: unknown): RegistrationField[] {
  const modes = (registrationFields ?? {}) as Partial<Record<RegistrationField, string>>;
  return REGISTRATION_FIELDS.filter((field) => modes[field] === "optional" || modes[field] === "required");
}
