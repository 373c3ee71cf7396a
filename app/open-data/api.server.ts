/**
 * The frame of every open-data endpoint (issue 7 §6, docs/api.md): read the bearer token (only
 * from the Authorization header), limit its rate, note its use, find the node inside its subtree,
 * read the period, and answer JSON that no cache keeps. Errors are `{ error: { code, message } }`
 * with the message in Vietnamese.
 *
 * No CORS headers: portals pull server to server, and a browser page of another site has no
 * business reading this with a token it should not hold.
 */

import type { DbOrTx } from "~/db/client.server";
import { createI18n } from "~/i18n/i18n";
import { runtime } from "~/runtime.server";
import { coveringPhaseStart } from "~/targets/report.server";
import { defaultReportPeriod, type ReportPeriod, reportPeriodSchema } from "~/targets/report-period";
import { type AuthenticatedToken, authenticateApiToken, touchApiToken } from "./tokens.server";

const vi = createI18n("vi");

export type ApiErrorCode =
  | "TOKEN_MISSING"
  | "TOKEN_INVALID"
  | "TOKEN_EXPIRED"
  | "TOKEN_REVOKED"
  | "TOKEN_IN_QUERY"
  | "RATE_LIMITED"
  | "NODE_NOT_FOUND"
  | "PERIOD_INVALID";

const MESSAGE_KEYS: Record<ApiErrorCode, string> = {
  TOKEN_MISSING: "tokenMissing",
  TOKEN_INVALID: "tokenInvalid",
  TOKEN_EXPIRED: "tokenExpired",
  TOKEN_REVOKED: "tokenRevoked",
  TOKEN_IN_QUERY: "tokenInQuery",
  RATE_LIMITED: "rateLimited",
  NODE_NOT_FOUND: "nodeNotFound",
  PERIOD_INVALID: "periodInvalid",
};

const BASE_HEADERS = {
  "Content-Type": "application/json; charset=utf-8",
  "Cache-Control": "no-store",
};

export function apiJson(body: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  return new Response(JSON.stringify(body), {
    status: init.status ?? 200,
    headers: { ...BASE_HEADERS, ...init.headers },
  });
}

export function apiError(
  status: number,
  code: ApiErrorCode,
  options: { headers?: Record<string, string>; message?: string; field?: string } = {},
): Response {
  const message = options.message ?? vi.t(`errors.api.${MESSAGE_KEYS[code]}`);
  return apiJson(
    { error: { code, message, ...(options.field ? { field: options.field } : {}) } },
    {
      status,
      headers: options.headers,
    },
  );
}

const unauthorized = (code: ApiErrorCode) =>
  apiError(401, code, {
    headers: {
      "WWW-Authenticate": `Bearer realm="legal-arena", error="${code === "TOKEN_MISSING" ? "invalid_request" : "invalid_token"}"`,
    },
  });

export interface ApiContext {
  db: DbOrTx;
  token: AuthenticatedToken;
  url: URL;
}

/**
 * Runs `handle` for a request that carries a valid token within its rate; any other request gets
 * its 401 or 429 here. Thrown Responses (404, 400 from the helpers below) are answered as they are.
 */
export async function withApiToken(request: Request, handle: (context: ApiContext) => Promise<Response>) {
  const { db, limits } = runtime();
  const url = new URL(request.url);
  const authorization = request.headers.get("Authorization");
  // A secret in the address ends up in logs and histories: say so instead of a bare 401.
  if (!authorization && ["token", "access_token", "api_key", "apiKey"].some((name) => url.searchParams.has(name)))
    return unauthorized("TOKEN_IN_QUERY");
  const authenticated = await authenticateApiToken(db, authorization);
  if (!authenticated.ok) return unauthorized(authenticated.code);
  const { token } = authenticated;
  const allowed = await limits.apiPerToken.consume(token.id);
  if (!allowed.allowed)
    return apiError(429, "RATE_LIMITED", { headers: { "Retry-After": String(allowed.retryAfterSeconds) } });
  await touchApiToken(db, token);
  try {
    return await handle({ db, token, url });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

export interface ScopedNode {
  id: string;
  code: string;
  name: string;
  type: string;
  path: string;
}

/**
 * The node with `code` if it lies in the token's subtree; otherwise throws the same 404 whether
 * it exists elsewhere or not at all, so a token cannot probe the rest of the tree.
 */
export async function nodeInScope(context: ApiContext, code: string | undefined): Promise<ScopedNode> {
  const wanted = (code ?? "").trim().slice(0, 100);
  const node = wanted
    ? await context.db.orgNode.findFirst({
        where: { code: wanted, path: { startsWith: context.token.node.path } },
        select: { id: true, code: true, name: true, type: true, path: true },
      })
    : null;
  if (!node) throw apiError(404, "NODE_NOT_FOUND");
  return node;
}

/** `?from=&to=` (both or neither); neither: the dashboard's default period for the node. */
export async function periodOf(context: ApiContext, node: ScopedNode, now = new Date()): Promise<ReportPeriod> {
  const from = context.url.searchParams.get("from");
  const to = context.url.searchParams.get("to");
  if (from === null && to === null) return defaultReportPeriod(now, await coveringPhaseStart(context.db, node.id, now));
  const parsed = reportPeriodSchema.safeParse({ from: from ?? undefined, to: to ?? undefined });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw apiError(400, "PERIOD_INVALID", {
      message: issue ? vi.t(issue.message) : undefined,
      field: String(issue?.path[0] ?? "from"),
    });
  }
  return parsed.data;
}

/** The period as every response names it: first and last day, and the instants [from, to). */
export const periodJson = (period: ReportPeriod) => ({
  firstDay: period.firstDay,
  lastDay: period.lastDay,
  from: period.from.toISOString(),
  to: period.to.toISOString(),
});
