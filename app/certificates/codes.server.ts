import { createHmac, randomBytes } from "node:crypto";

/**
 * Certificate numbers. A contest certificate's number is derived, not stored: an HMAC of what it
 * certifies under the server's secret, so the same attempt always gets the same number, and
 * knowing some numbers tells nothing about any other (they are not sequential or guessable).
 * Changing SESSION_SECRET changes every derived number; a certificate that must stay verifiable
 * for years (courses, issue 6) should store the number it was issued with.
 */
export type CertificateKind = "contest" | "course";

const KIND_PREFIX: Record<CertificateKind, string> = { contest: "CT", course: "KH" };

// Crockford's base-32: no I, L, O or U, so a number read aloud or typed from paper is not misread.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

function base32(bytes: Uint8Array, length: number): string {
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < length) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return out;
}

/** e.g. "CT-7K3M-Q9XD-2HFA-WB4E": 80 bits of the HMAC in four groups of four. */
export function certificateCode(secret: string, kind: CertificateKind, subjectId: string): string {
  // The purpose in the message keeps these MACs apart from anything else signed with the secret.
  const mac = createHmac("sha256", secret).update(`certificate-number:v1:${kind}:${subjectId}`).digest();
  const digits = base32(mac, 16);
  return `${KIND_PREFIX[kind]}-${digits.match(/.{4}/g)?.join("-")}`;
}

/**
 * A random number for a certificate that is stored (course certificates): 80 random bits in the
 * same form, e.g. "KH-7K3M-Q9XD-2HFA-WB4E". The database's unique index settles the (2^-80) clash.
 */
export function randomCertificateCode(kind: CertificateKind): string {
  const digits = base32(randomBytes(10), 16);
  return `${KIND_PREFIX[kind]}-${digits.match(/.{4}/g)?.join("-")}`;
}

/** A code as typed from paper: upper case, no spaces, Crockford's look-alikes read as digits. */
export function normalizeCertificateCode(input: string): string {
  const compact = input.toUpperCase().replace(/[\s-]/g, "").replace(/[IL]/g, "1").replace(/O/g, "0");
  if (!/^(CT|KH)[0-9A-HJKMNP-TV-Z]{16}$/.test(compact)) return "";
  return `${compact.slice(0, 2)}-${compact.slice(2).match(/.{4}/g)?.join("-")}`;
}
