/**
 * Tokens of the open-data feed (issue 7 §6, docs/api.md, docs/decisions/0011-open-data-api.md).
 * A portal reads one node's subtree with a token an organizer of that node created. The secret
 * ("la_" + 32 random bytes in base64url) is shown once; only its SHA-256 is stored, so a copy of
 * the database does not hand out working tokens. A 256-bit random secret needs no slow hash:
 * nobody can guess it, and the lookup by hash is an index probe.
 */

import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { audit } from "~/audit/audit.server";
import type { CurrentUser } from "~/auth/guards.server";
import type { DbOrTx } from "~/db/client.server";
import { canManage, scopeFilter } from "~/org/tree.server";
import { periodOfDays } from "~/targets/report-period";
import type { CreateTokenInput } from "./token-schema";

export const SECRET_PREFIX = "la_";
/** "la_" and 43 base64url characters (32 bytes). */
const SECRET_FORMAT = /^la_[A-Za-z0-9_-]{43}$/;
/** What lists show of a secret: "la_" and 8 characters, enough to tell tokens apart, useless to guess. */
const SHOWN_PREFIX_LENGTH = 11;
/** lastUsedAt is written at most this often per token, not on every request. */
export const LAST_USED_EVERY_MS = 60_000;

export const hashSecret = (secret: string) => createHash("sha256").update(secret, "utf8").digest("hex");

export function generateSecret(): string {
  return `${SECRET_PREFIX}${randomBytes(32).toString("base64url")}`;
}

export type TokenStatus = "active" | "expired" | "revoked";

export function tokenStatus(token: { revokedAt: Date | null; expiresAt: Date | null }, now = new Date()): TokenStatus {
  if (token.revokedAt) return "revoked";
  if (token.expiresAt && token.expiresAt.getTime() <= now.getTime()) return "expired";
  return "active";
}

export interface TokenRow {
  id: string;
  name: string;
  prefix: string;
  node: { id: string; name: string; code: string };
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
  status: TokenStatus;
}

/** The tokens of the nodes the user manages, newest first. */
export async function listApiTokens(db: DbOrTx, user: CurrentUser, now = new Date()): Promise<TokenRow[]> {
  const rows = await db.apiToken.findMany({
    where: { orgNode: scopeFilter(user) },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: {
      id: true,
      name: true,
      prefix: true,
      createdAt: true,
      lastUsedAt: true,
      expiresAt: true,
      revokedAt: true,
      orgNode: { select: { id: true, name: true, code: true } },
    },
  });
  return rows.map(({ orgNode, ...row }) => ({ ...row, node: orgNode, status: tokenStatus(row, now) }));
}

export type TokenResult<T = object> =
  | ({ ok: true } & T)
  | { ok: false; code: "NOT_FOUND" | "FORBIDDEN" | "EXPIRY_PAST"; field?: string; message: string };

/** Creates a token for a node the user manages, audited; the secret is in the result and nowhere else. */
export async function createApiToken(
  db: DbOrTx,
  request: Request | null,
  user: CurrentUser,
  input: Omit<CreateTokenInput, "intent">,
  now = new Date(),
): Promise<TokenResult<{ id: string; secret: string; prefix: string }>> {
  const node = await db.orgNode.findUnique({ where: { id: input.orgNodeId }, select: { id: true, path: true } });
  // An unknown node and one outside the user's scope read the same.
  if (!node || !canManage(user, node.path))
    return { ok: false, code: "FORBIDDEN", field: "orgNodeId", message: "errors.apiTokens.nodeForbidden" };
  // The token works through the last day named, Vietnam time.
  const expiresAt = input.expiresOn ? periodOfDays(input.expiresOn, input.expiresOn).to : null;
  if (expiresAt && expiresAt.getTime() <= now.getTime())
    return { ok: false, code: "EXPIRY_PAST", field: "expiresOn", message: "errors.apiTokens.expiresPast" };
  const secret = generateSecret();
  const prefix = secret.slice(0, SHOWN_PREFIX_LENGTH);
  const token = await db.apiToken.create({
    data: {
      name: input.name,
      orgNodeId: node.id,
      tokenHash: hashSecret(secret),
      prefix,
      createdById: user.id,
      expiresAt,
    },
  });
  await audit(db, request, {
    actorId: user.id,
    action: "apiToken.created",
    targetType: "ApiToken",
    targetId: token.id,
    orgNodeId: node.id,
    details: { name: input.name, prefix, expiresAt: expiresAt?.toISOString() ?? null },
  });
  return { ok: true, id: token.id, secret, prefix };
}

/** Revokes a token of a node the user manages (from then on every request with it gets 401), audited. */
export async function revokeApiToken(
  db: DbOrTx,
  request: Request | null,
  user: CurrentUser,
  tokenId: string,
  now = new Date(),
): Promise<TokenResult> {
  const token = await db.apiToken.findUnique({
    where: { id: tokenId },
    select: {
      id: true,
      name: true,
      prefix: true,
      revokedAt: true,
      orgNodeId: true,
      orgNode: { select: { path: true } },
    },
  });
  if (!token || !canManage(user, token.orgNode.path))
    return { ok: false, code: "NOT_FOUND", message: "errors.apiTokens.notFound" };
  if (token.revokedAt) return { ok: true };
  // Conditional, so two organizers revoking at once record one revocation.
  const revoked = await db.apiToken.updateMany({
    where: { id: token.id, revokedAt: null },
    data: { revokedAt: now, revokedById: user.id },
  });
  if (revoked.count === 1)
    await audit(db, request, {
      actorId: user.id,
      action: "apiToken.revoked",
      targetType: "ApiToken",
      targetId: token.id,
      orgNodeId: token.orgNodeId,
      details: { name: token.name, prefix: token.prefix },
    });
  return { ok: true };
}

export interface AuthenticatedToken {
  id: string;
  name: string;
  lastUsedAt: Date | null;
  node: { id: string; code: string; path: string };
}

export type Authentication =
  | { ok: true; token: AuthenticatedToken }
  | { ok: false; code: "TOKEN_MISSING" | "TOKEN_INVALID" | "TOKEN_EXPIRED" | "TOKEN_REVOKED" };

/**
 * The token of an `Authorization: Bearer <secret>` header, and only of that header: no cookie, no
 * query string (a secret in a URL ends up in proxy logs and browser history).
 */
export async function authenticateApiToken(
  db: DbOrTx,
  authorization: string | null,
  now = new Date(),
): Promise<Authentication> {
  if (!authorization?.trim()) return { ok: false, code: "TOKEN_MISSING" };
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization.trim());
  const secret = match?.[1] ?? "";
  // A malformed secret costs no query.
  if (!SECRET_FORMAT.test(secret)) return { ok: false, code: "TOKEN_INVALID" };
  const hash = hashSecret(secret);
  const token = await db.apiToken.findUnique({
    where: { tokenHash: hash },
    select: {
      id: true,
      name: true,
      tokenHash: true,
      lastUsedAt: true,
      expiresAt: true,
      revokedAt: true,
      orgNode: { select: { id: true, code: true, path: true } },
    },
  });
  // The index found it by equality; compare again in constant time so no code path depends on
  // how much of a stored hash a guess shares.
  if (!token || !timingSafeEqual(Buffer.from(token.tokenHash, "hex"), Buffer.from(hash, "hex")))
    return { ok: false, code: "TOKEN_INVALID" };
  const status = tokenStatus(token, now);
  if (status === "revoked") return { ok: false, code: "TOKEN_REVOKED" };
  if (status === "expired") return { ok: false, code: "TOKEN_EXPIRED" };
  return { ok: true, token: { id: token.id, name: token.name, lastUsedAt: token.lastUsedAt, node: token.orgNode } };
}

/**
 * Records that the token was used, at most once a minute: a portal pulling every few seconds
 * costs no write per request. The condition is in the update too, so concurrent requests of one
 * token write once.
 */
export async function touchApiToken(db: DbOrTx, token: AuthenticatedToken, now = new Date()): Promise<void> {
  const threshold = new Date(now.getTime() - LAST_USED_EVERY_MS);
  if (token.lastUsedAt && token.lastUsedAt.getTime() > threshold.getTime()) return;
  await db.apiToken.updateMany({
    where: { id: token.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: threshold } }] },
    data: { lastUsedAt: now },
  });
}
