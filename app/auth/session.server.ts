import { createCookie, createCookieSessionStorage, redirect } from "@remix-run/node";
import type { Db } from "~/db/client.server";
import { runtime } from "~/runtime.server";

export const SESSION_DAYS = 30;
const SESSION_MS = SESSION_DAYS * 24 * 60 * 60 * 1000;

export function isHttps(request: Request): boolean {
  return new URL(request.url).protocol === "https:";
}

// Created lazily: the secret is only known once the runtime has started.
let sessionCookie: ReturnType<typeof createCookie> | null = null;
let sessionCookieSecret = "";
function getSessionCookie() {
  const secret = runtime().sessionSecret;
  if (!sessionCookie || sessionCookieSecret !== secret) {
    sessionCookie = createCookie("la_session", {
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      secrets: [secret],
      maxAge: SESSION_MS / 1000,
    });
    sessionCookieSecret = secret;
  }
  return sessionCookie;
}

export async function readSessionId(request: Request): Promise<string | null> {
  const value = await getSessionCookie().parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length > 0 ? value : null;
}

/** Creates a new server-side session (a fresh id on every login prevents session fixation). */
export async function createSession(
  db: Db,
  request: Request,
  userId: string,
): Promise<{ sessionId: string; setCookie: string }> {
  const session = await db.session.create({
    data: {
      userId,
      expiresAt: new Date(Date.now() + SESSION_MS),
      ipAddress: clientIp(request),
      userAgent: request.headers.get("User-Agent")?.slice(0, 300) ?? null,
    },
  });
  const setCookie = await getSessionCookie().serialize(session.id, { secure: isHttps(request) });
  return { sessionId: session.id, setCookie };
}

export async function destroySessionCookie(request: Request): Promise<string> {
  return getSessionCookie().serialize("", { maxAge: 0, expires: new Date(0), secure: isHttps(request) });
}

/** The client's address as Express saw it (TRUST_PROXY decides whether X-Forwarded-For counts). */
export function clientIp(request: Request): string | null {
  return request.headers.get("X-Client-Ip");
}

// Toasts: one-shot messages carried across a redirect.
export interface Flash {
  kind: "success" | "error" | "info";
  /** i18n key */
  message: string;
  params?: Record<string, string | number>;
}

type FlashStorage = ReturnType<typeof createCookieSessionStorage<Record<string, never>, { toast: Flash }>>;
let flashStorage: FlashStorage | null = null;
function getFlashStorage() {
  flashStorage ??= createCookieSessionStorage<Record<string, never>, { toast: Flash }>({
    cookie: {
      name: "la_flash",
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      secrets: [runtime().sessionSecret],
    },
  });
  return flashStorage;
}

export async function flashCookie(request: Request, flash: Flash): Promise<string> {
  const storage = getFlashStorage();
  const session = await storage.getSession(request.headers.get("Cookie"));
  session.flash("toast", flash);
  return storage.commitSession(session, { secure: isHttps(request) });
}

export async function readFlash(request: Request): Promise<{ flash: Flash | null; setCookie: string | null }> {
  const storage = getFlashStorage();
  const session = await storage.getSession(request.headers.get("Cookie"));
  const flash = (session.get("toast") as Flash | undefined) ?? null;
  return { flash, setCookie: flash ? await storage.commitSession(session, { secure: isHttps(request) }) : null };
}

/** A redirect that shows `message` (an i18n key) as a toast on the next page: what a saved form answers. */
export async function redirectWithToast(request: Request, to: string, message: string): Promise<Response> {
  return redirect(to, { headers: { "Set-Cookie": await flashCookie(request, { kind: "success", message }) } });
}
