import { randomInt } from "node:crypto";
import argon2 from "argon2";

// argon2id with the library's defaults (64 MiB, 3 passes), the OWASP-recommended profile.
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

// A precomputed hash to verify against when the account does not exist, so the response
// time does not reveal which phone numbers or e-mails are registered.
let decoyHash: Promise<string> | null = null;
export function decoyVerify(password: string): Promise<boolean> {
  decoyHash ??= hashPassword("decoy-password-0");
  return decoyHash.then((hash) => verifyPassword(hash, password)).then(() => false);
}

/** A temporary password an organizer reads out to a member: easy to type, 10 characters. */
export function generateTemporaryPassword(): string {
  const letters = "abcdefghjkmnpqrstuvwxyz";
  const digits = "23456789";
  let result = "";
  for (let i = 0; i < 6; i++) result += letters[randomInt(letters.length)];
  for (let i = 0; i < 4; i++) result += digits[randomInt(digits.length)];
  return result;
}
