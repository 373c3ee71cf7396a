import { z } from "zod";

// Shared by forms (client) and actions (server). Messages are i18n keys, translated in the UI.

/** Vietnamese mobile numbers, written as 0912345678, 84912345678 or +84 912 345 678. */
export function normalizePhone(input: string): string | null {
  const digits = input.replace(/[\s.\-()]/g, "");
  const local = digits.replace(/^\+?84(?=\d{9}$)/, "0");
  return /^0[35789]\d{8}$/.test(local) ? local : null;
}

export function normalizeEmail(input: string): string {
  return input.trim().toLowerCase();
}

export type LoginIdentifier = { kind: "email"; value: string } | { kind: "phone"; value: string };

export function parseIdentifier(input: string): LoginIdentifier | null {
  const trimmed = input.trim();
  if (trimmed.includes("@")) {
    const email = normalizeEmail(trimmed);
    return z.email().safeParse(email).success ? { kind: "email", value: email } : null;
  }
  const phone = normalizePhone(trimmed);
  return phone ? { kind: "phone", value: phone } : null;
}

export const PASSWORD_MIN_LENGTH = 8;

/** At least 8 characters with a letter and a digit; common passwords refused. */
export const passwordSchema = z
  .string({ error: "errors.password.required" })
  .min(PASSWORD_MIN_LENGTH, "errors.password.tooShort")
  .max(128, "errors.password.tooLong")
  .refine((value) => /\p{L}/u.test(value) && /\d/.test(value), "errors.password.weak")
  .refine((value) => !COMMON_PASSWORDS.has(value.toLowerCase()), "errors.password.common");

const COMMON_PASSWORDS = new Set([
  "12345678a",
  "a12345678",
  "password1",
  "password123",
  "matkhau123",
  "abc12345",
  "qwerty123",
  "123456789a",
  "admin123",
  "iloveyou1",
]);

const fullNameSchema = z
  .string({ error: "errors.fullName.required" })
  .trim()
  .min(2, "errors.fullName.tooShort")
  .max(120, "errors.fullName.tooLong")
  .refine((value) => !/[<>{}\\]/.test(value), "errors.fullName.invalidCharacters");

const identifierSchema = z
  .string({ error: "errors.identifier.required" })
  .trim()
  .min(1, "errors.identifier.required")
  .max(254, "errors.identifier.invalid")
  .refine((value) => parseIdentifier(value) !== null, "errors.identifier.invalid");

export const registerSchema = z
  .object({
    fullName: fullNameSchema,
    identifier: identifierSchema,
    password: passwordSchema,
    confirmPassword: z.string({ error: "errors.password.confirmRequired" }),
  })
  .refine((data) => data.password === data.confirmPassword, {
    message: "errors.password.mismatch",
    path: ["confirmPassword"],
  });

export const loginSchema = z.object({
  identifier: identifierSchema,
  password: z.string({ error: "errors.password.required" }).min(1, "errors.password.required").max(128),
  redirectTo: z.string().optional(),
});

export const changePasswordSchema = z
  .object({
    currentPassword: z.string({ error: "errors.password.required" }).min(1, "errors.password.required").max(128),
    newPassword: passwordSchema,
    confirmPassword: z.string({ error: "errors.password.confirmRequired" }),
  })
  .refine((data) => data.newPassword === data.confirmPassword, {
    message: "errors.password.mismatch",
    path: ["confirmPassword"],
  })
  .refine((data) => data.newPassword !== data.currentPassword, {
    message: "errors.password.sameAsOld",
    path: ["newPassword"],
  });

export const resetPasswordSchema = z.object({
  userId: z.string().min(1).max(64),
});

/** Only same-site relative paths, so a crafted link cannot send a user elsewhere after login. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  return to;
}
