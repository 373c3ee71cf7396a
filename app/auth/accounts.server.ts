import { audit } from "~/audit/audit.server";
import type { Db } from "~/db/client.server";
import { Prisma } from "~/generated/prisma/client";
import { runtime } from "~/runtime.server";
import { decoyVerify, generateTemporaryPassword, hashPassword, verifyPassword } from "./password.server";
import { parseIdentifier } from "./schemas";

export type AccountError =
  | { ok: false; code: "IDENTIFIER_TAKEN"; field: "identifier"; message: string }
  | { ok: false; code: "BAD_CREDENTIALS"; message: string }
  | { ok: false; code: "RATE_LIMITED"; message: string; retryAfterSeconds: number }
  | { ok: false; code: "WRONG_PASSWORD"; field: "currentPassword"; message: string };

export function identifierWhere(identifier: string) {
  const parsed = parseIdentifier(identifier);
  if (!parsed) return null;
  return parsed.kind === "email" ? { email: parsed.value } : { phone: parsed.value };
}

export async function registerUser(
  db: Db,
  request: Request | null,
  input: { fullName: string; identifier: string; password: string; locale?: string },
): Promise<{ ok: true; userId: string } | AccountError> {
  const where = identifierWhere(input.identifier);
  if (!where) throw new Error("identifier must be validated before registerUser");
  const passwordHash = await hashPassword(input.password);
  try {
    const user = await db.user.create({
      data: { fullName: input.fullName, ...where, passwordHash, locale: input.locale ?? "vi" },
    });
    await audit(db, request, { actorId: user.id, action: "auth.register", targetType: "User", targetId: user.id });
    return { ok: true, userId: user.id };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return { ok: false, code: "IDENTIFIER_TAKEN", field: "identifier", message: "errors.identifier.taken" };
    }
    throw error;
  }
}

/**
 * Checks a log-in. Limited per IP and per account, so neither one address trying many accounts
 * nor many addresses trying one account gets far.
 */
export async function authenticate(
  db: Db,
  request: Request | null,
  input: { identifier: string; password: string; ip: string | null },
): Promise<{ ok: true; userId: string; mustChangePassword: boolean } | AccountError> {
  const { loginPerIp, loginPerAccount } = runtime().limits;
  const where = identifierWhere(input.identifier);
  const accountKey = where ? Object.values(where)[0] : input.identifier.trim().toLowerCase();

  const ipDecision = await loginPerIp.consume(input.ip ?? "unknown");
  const accountDecision = await loginPerAccount.check(accountKey);
  const blocked = [ipDecision, accountDecision].find((decision) => !decision.allowed);
  if (blocked && !blocked.allowed) {
    return {
      ok: false,
      code: "RATE_LIMITED",
      message: "errors.login.rateLimited",
      retryAfterSeconds: blocked.retryAfterSeconds,
    };
  }

  const user = where ? await db.user.findUnique({ where: where as { email: string } }) : null;
  const valid = user ? await verifyPassword(user.passwordHash, input.password) : await decoyVerify(input.password);
  if (!user || !valid) {
    await loginPerAccount.consume(accountKey);
    await audit(db, request, {
      actorId: user?.id ?? null,
      action: "auth.login_failed",
      targetType: "User",
      targetId: user?.id,
      details: { identifier: maskIdentifier(accountKey) },
    });
    return { ok: false, code: "BAD_CREDENTIALS", message: "errors.login.badCredentials" };
  }
  await loginPerAccount.reset(accountKey);
  await db.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
  await audit(db, request, { actorId: user.id, action: "auth.login", targetType: "User", targetId: user.id });
  return { ok: true, userId: user.id, mustChangePassword: user.mustChangePassword };
}

export async function changePassword(
  db: Db,
  request: Request | null,
  input: { userId: string; currentSessionId: string; currentPassword: string; newPassword: string },
): Promise<{ ok: true } | AccountError> {
  const user = await db.user.findUniqueOrThrow({ where: { id: input.userId } });
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    return { ok: false, code: "WRONG_PASSWORD", field: "currentPassword", message: "errors.password.wrongCurrent" };
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.$transaction([
    db.user.update({ where: { id: user.id }, data: { passwordHash, mustChangePassword: false } }),
    // Other devices are logged out: whoever knew the old password loses access.
    db.session.deleteMany({ where: { userId: user.id, id: { not: input.currentSessionId } } }),
  ]);
  await audit(db, request, {
    actorId: user.id,
    action: "auth.password_changed",
    targetType: "User",
    targetId: user.id,
  });
  return { ok: true };
}

/**
 * An organizer sets a temporary password for a member of their subtree (there is no e-mail or
 * SMS to send a reset link). The member must choose a new one at next log-in.
 */
export async function resetMemberPassword(
  db: Db,
  request: Request | null,
  input: { actorId: string; userId: string; orgNodeId: string | null },
): Promise<{ temporaryPassword: string }> {
  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  await db.$transaction([
    db.user.update({ where: { id: input.userId }, data: { passwordHash, mustChangePassword: true } }),
    db.session.deleteMany({ where: { userId: input.userId } }),
  ]);
  await audit(db, request, {
    actorId: input.actorId,
    action: "member.password_reset",
    targetType: "User",
    targetId: input.userId,
    orgNodeId: input.orgNodeId,
  });
  return { temporaryPassword };
}

/** "0912345678" → "091****678", "an@example.vn" → "a***@example.vn": enough to recognise, not to reuse. */
export function maskIdentifier(value: string): string {
  if (value.includes("@")) {
    const [local, domain] = value.split("@");
    return `${local.slice(0, 1)}***@${domain}`;
  }
  return value.length > 6 ? `${value.slice(0, 3)}****${value.slice(-3)}` : "***";
}
