import { redirect } from "@remix-run/node";
import type { Role } from "~/generated/prisma/enums";
import { runtime } from "~/runtime.server";
import { type Grant, hasRole, isAdmin } from "./access";
import { readSessionId } from "./session.server";

/**
 * The one server-side guard every loader, action and (later) socket handler goes through.
 * Guards throw a redirect (not logged in) or a 403 response (logged in but not allowed), so a
 * route cannot forget to stop. tests/integration/route-guards.test.ts walks every route.
 */
export interface CurrentUser {
  id: string;
  fullName: string;
  email: string | null;
  phone: string | null;
  locale: string;
  mustChangePassword: boolean;
  sessionId: string;
  grants: Grant[];
}

// The root loader and the route's loader both ask for the user of the same request: one query.
const usersByRequest = new WeakMap<Request, Promise<CurrentUser | null>>();

export function getCurrentUser(request: Request): Promise<CurrentUser | null> {
  let user = usersByRequest.get(request);
  if (!user) {
    user = loadCurrentUser(request);
    usersByRequest.set(request, user);
  }
  return user;
}

async function loadCurrentUser(request: Request): Promise<CurrentUser | null> {
  const sessionId = await readSessionId(request);
  if (!sessionId) return null;
  // One statement (every page and socket handshake runs it; Prisma's include would make four).
  const [row] = await runtime().db.$queryRaw<
    Array<Omit<CurrentUser, "sessionId" | "grants"> & { expiresAt: Date; grants: Grant[] }>
  >`
    SELECT s."expiresAt", u.id, u."fullName", u.email, u.phone, u.locale, u."mustChangePassword",
           COALESCE(json_agg(json_build_object('role', m.role, 'orgNodeId', m."orgNodeId", 'orgNodePath', o.path))
                      FILTER (WHERE m.id IS NOT NULL), '[]'::json) AS grants
      FROM "Session" s
      JOIN "User" u ON u.id = s."userId"
      LEFT JOIN "Membership" m ON m."userId" = u.id
      LEFT JOIN "OrgNode" o ON o.id = m."orgNodeId"
     WHERE s.id = ${sessionId}
     GROUP BY s.id, u.id`;
  if (!row || new Date(row.expiresAt).getTime() <= Date.now()) return null;
  const { expiresAt: _expiresAt, ...user } = row;
  return { ...user, sessionId };
}

function loginRedirect(request: Request): Response {
  const url = new URL(request.url);
  const back = url.pathname + url.search;
  return redirect(back === "/" ? "/login" : `/login?redirectTo=${encodeURIComponent(back)}`);
}

export function forbidden(): Response {
  return new Response("Forbidden", { status: 403, statusText: "Forbidden" });
}

export async function requireUser(request: Request, options: { allowPasswordChange?: boolean } = {}) {
  const user = await getCurrentUser(request);
  if (!user) throw loginRedirect(request);
  // A password reset by an organizer must be replaced before anything else.
  if (user.mustChangePassword && !options.allowPasswordChange) throw redirect("/account/password");
  return user;
}

export async function requireAnonymous(request: Request): Promise<void> {
  if (await getCurrentUser(request)) throw redirect("/");
}

/**
 * Requires `role` (or a stronger one). With `orgNodeId`, the role must be held at that node or
 * an ancestor of it; a missing node is answered like a forbidden one, so ids cannot be probed.
 */
export async function requireRole(request: Request, role: Role, orgNodeId?: string): Promise<CurrentUser> {
  const user = await requireUser(request);
  if (orgNodeId === undefined) {
    if (!hasRole(user.grants, role)) throw forbidden();
    return user;
  }
  const node = await runtime().db.orgNode.findUnique({ where: { id: orgNodeId }, select: { path: true } });
  if (!node || !hasRole(user.grants, role, node.path)) throw forbidden();
  return user;
}

export function userIsAdmin(user: CurrentUser): boolean {
  return isAdmin(user.grants);
}
