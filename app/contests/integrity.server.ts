/**
 * Integrity signals of attempts, and annulment. Signals are recorded as the attempt runs (page
 * hidden, copy/paste, sessions, the address and device it started from, answers given faster
 * than anyone can read) and turned into flags for the organizer. A flag is a reason to look,
 * never a verdict: a school's computer room shares one address, a family shares one phone. Only
 * the organizer annuls, with a reason, and it is audited.
 */
import { randomBytes } from "node:crypto";
import { createCookie } from "@remix-run/node";
import { z } from "zod";
import { audit } from "~/audit/audit.server";
import { hasRole } from "~/auth/access";
import type { CurrentUser } from "~/auth/guards.server";
import { isHttps } from "~/auth/session.server";
import type { Db } from "~/db/client.server";

export const INTEGRITY_FLAGS = [
  "tabHidden",
  "copyPaste",
  "concurrentSessions",
  "sharedDevice",
  "sharedIp",
  "fastAnswers",
] as const;
export type IntegrityFlagKind = (typeof INTEGRITY_FLAGS)[number];
export interface IntegrityFlag {
  kind: IntegrityFlagKind;
  detail: Record<string, number | string>;
}

/** Thresholds: chosen so an ordinary contestant on a phone raises none. */
export const THRESHOLDS = {
  /** Leaving the page this often, or for this long in total, during one attempt. */
  hiddenCount: 3,
  hiddenMs: 60_000,
  /** A question answered sooner than this after the previous answer (or the start) is "fast". */
  fastAnswerMs: 2_000,
  /** Fast answers needed for a flag: at least this many and this share of the questions. */
  fastAnswerMin: 3,
  fastAnswerShare: 0.25,
  /** Distinct accounts starting from one address: schools and dormitories share addresses. */
  sharedIpAccounts: 6,
  /** Distinct accounts from one browser (device cookie). */
  sharedDeviceAccounts: 2,
  /** Sessions remembered per attempt. */
  maxSessions: 20,
} as const;

// A long-lived random id per browser, to notice many accounts taking part from one device.
const deviceCookie = createCookie("la_device", {
  httpOnly: true,
  sameSite: "lax",
  path: "/",
  maxAge: 60 * 60 * 24 * 400,
});

/** The device id a Cookie header carries, or null (none yet, or not one we issued). */
export async function deviceIdFromCookie(cookieHeader: string | null): Promise<string | null> {
  const current = await deviceCookie.parse(cookieHeader);
  return typeof current === "string" && /^[A-Za-z0-9_-]{16,64}$/.test(current) ? current : null;
}

/** The browser's device id, and a Set-Cookie header when it had none yet. */
export async function deviceIdFor(request: Request): Promise<{ deviceId: string; setCookie: string | null }> {
  const current = await deviceIdFromCookie(request.headers.get("Cookie"));
  if (current) return { deviceId: current, setCookie: null };
  const deviceId = randomBytes(16).toString("base64url");
  return { deviceId, setCookie: await deviceCookie.serialize(deviceId, { secure: isHttps(request) }) };
}

/** Remembers that a session opened the attempt (a second device, or two log-ins at once). */
export async function recordAttemptSession(db: Db, attemptId: string, sessionId: string): Promise<void> {
  await db.$executeRaw`
    UPDATE "Attempt" SET "sessionIds" = array_append("sessionIds", ${sessionId})
     WHERE id = ${attemptId} AND status = 'IN_PROGRESS'
       AND NOT (${sessionId} = ANY("sessionIds"))
       AND cardinality("sessionIds") < ${THRESHOLDS.maxSessions}`;
}

/** What the attempt page reports since its last report; bounded so nobody can overflow a counter. */
export const pageSignalsSchema = z.object({
  hiddenCount: z.coerce.number().int().min(0).max(1000).default(0),
  hiddenMs: z.coerce
    .number()
    .int()
    .min(0)
    .max(24 * 3600 * 1000)
    .default(0),
  hiddenMaxMs: z.coerce
    .number()
    .int()
    .min(0)
    .max(24 * 3600 * 1000)
    .default(0),
  copyCount: z.coerce.number().int().min(0).max(1000).default(0),
  pasteCount: z.coerce.number().int().min(0).max(1000).default(0),
});
export type PageSignals = z.infer<typeof pageSignalsSchema>;

const COUNTER_CAP = 1_000_000;
const MS_CAP = 2_000_000_000; // fits an INTEGER column

/** Adds a report to the running attempt's counters. */
export async function recordPageSignals(
  db: Db,
  input: { attemptId: string; userId: string; signals: PageSignals },
): Promise<"recorded" | "closed" | "notFound"> {
  const { hiddenCount, hiddenMs, hiddenMaxMs, copyCount, pasteCount } = input.signals;
  const updated = await db.$executeRaw`
    UPDATE "Attempt" SET
      "hiddenCount" = LEAST("hiddenCount" + ${hiddenCount}, ${COUNTER_CAP}),
      "hiddenMs" = LEAST("hiddenMs"::bigint + ${hiddenMs}, ${MS_CAP})::int,
      "hiddenMaxMs" = GREATEST("hiddenMaxMs", ${hiddenMaxMs}),
      "copyCount" = LEAST("copyCount" + ${copyCount}, ${COUNTER_CAP}),
      "pasteCount" = LEAST("pasteCount" + ${pasteCount}, ${COUNTER_CAP})
     WHERE id = ${input.attemptId} AND "userId" = ${input.userId} AND status = 'IN_PROGRESS'`;
  if (updated > 0) return "recorded";
  const mine = await db.attempt.count({ where: { id: input.attemptId, userId: input.userId } });
  return mine > 0 ? "closed" : "notFound";
}

/**
 * Answers given within fastAnswerMs of the previous one (or of the start), counting each
 * question's first answer only: changing one's mind quickly is not suspicious.
 */
export function countFastAnswers(startedAt: Date, firstAnsweredAt: readonly Date[]): number {
  const times = firstAnsweredAt.map((date) => date.getTime()).sort((a, b) => a - b);
  let previous = startedAt.getTime();
  let fast = 0;
  for (const time of times) {
    if (time - previous < THRESHOLDS.fastAnswerMs) fast++;
    previous = time;
  }
  return fast;
}

interface SignalRow {
  id: string;
  hiddenCount: number;
  hiddenMs: number;
  hiddenMaxMs: number;
  copyCount: number;
  pasteCount: number;
  sessions: number;
  fastAnswerCount: number;
  questionCount: number;
  deviceAccounts: bigint | null;
  ipAccounts: bigint | null;
}

/** The flags of one attempt's signals (pure, for the results page and its tests). */
export function flagsOf(row: Omit<SignalRow, "id">): IntegrityFlag[] {
  const flags: IntegrityFlag[] = [];
  if (row.hiddenCount >= THRESHOLDS.hiddenCount || row.hiddenMs >= THRESHOLDS.hiddenMs)
    flags.push({
      kind: "tabHidden",
      detail: {
        count: row.hiddenCount,
        seconds: Math.round(row.hiddenMs / 1000),
        longestSeconds: Math.round(row.hiddenMaxMs / 1000),
      },
    });
  if (row.copyCount + row.pasteCount > 0)
    flags.push({ kind: "copyPaste", detail: { copy: row.copyCount, paste: row.pasteCount } });
  if (row.sessions > 1) flags.push({ kind: "concurrentSessions", detail: { sessions: row.sessions } });
  if (Number(row.deviceAccounts ?? 0) >= THRESHOLDS.sharedDeviceAccounts)
    flags.push({ kind: "sharedDevice", detail: { accounts: Number(row.deviceAccounts) } });
  if (Number(row.ipAccounts ?? 0) >= THRESHOLDS.sharedIpAccounts)
    flags.push({ kind: "sharedIp", detail: { accounts: Number(row.ipAccounts) } });
  const fastNeeded = Math.max(THRESHOLDS.fastAnswerMin, Math.ceil(row.questionCount * THRESHOLDS.fastAnswerShare));
  if (row.fastAnswerCount >= fastNeeded)
    flags.push({ kind: "fastAnswers", detail: { count: row.fastAnswerCount, questions: row.questionCount } });
  return flags;
}

/** Every flagged attempt of a round (running, closed or annulled), by attempt id. */
export async function roundIntegrity(db: Db, roundId: string): Promise<Map<string, IntegrityFlag[]>> {
  const rows = await db.$queryRaw<SignalRow[]>`
    WITH round_attempts AS (
      SELECT * FROM "Attempt" WHERE "roundId" = ${roundId}
    ), devices AS (
      SELECT "deviceId", count(DISTINCT "userId") AS accounts
        FROM round_attempts WHERE "deviceId" IS NOT NULL GROUP BY "deviceId"
    ), addresses AS (
      SELECT "startIp", count(DISTINCT "userId") AS accounts
        FROM round_attempts WHERE "startIp" IS NOT NULL GROUP BY "startIp"
    )
    SELECT a.id, a."hiddenCount", a."hiddenMs", a."hiddenMaxMs", a."copyCount", a."pasteCount",
           cardinality(a."sessionIds") AS sessions, a."fastAnswerCount",
           (a."maxScore" / GREATEST(r."pointsPerQuestion", 1)) AS "questionCount",
           d.accounts AS "deviceAccounts", i.accounts AS "ipAccounts"
      FROM round_attempts a
      JOIN "Round" r ON r.id = a."roundId"
      LEFT JOIN devices d ON d."deviceId" = a."deviceId"
      LEFT JOIN addresses i ON i."startIp" = a."startIp"
     WHERE a."hiddenCount" >= ${THRESHOLDS.hiddenCount} OR a."hiddenMs" >= ${THRESHOLDS.hiddenMs}
        OR a."copyCount" + a."pasteCount" > 0 OR cardinality(a."sessionIds") > 1
        OR d.accounts >= ${THRESHOLDS.sharedDeviceAccounts} OR i.accounts >= ${THRESHOLDS.sharedIpAccounts}
        OR a."fastAnswerCount" >= ${THRESHOLDS.fastAnswerMin}`;
  const flagged = new Map<string, IntegrityFlag[]>();
  for (const { id, ...row } of rows) {
    const flags = flagsOf(row);
    if (flags.length > 0) flagged.set(id, flags);
  }
  return flagged;
}

export type IntegrityResult = { ok: true } | { ok: false; code: string; message: string };
const refuse = (code: string): IntegrityResult => ({ ok: false, code, message: `errors.integrity.${code}` });

export const annulSchema = z.object({
  attemptId: z.string().min(1).max(64),
  reason: z.string().trim().min(5, "errors.integrity.reasonTooShort").max(500, "errors.integrity.reasonTooLong"),
});

async function attemptOfOrganizer(db: Db, user: CurrentUser, attemptId: string) {
  const attempt = await db.attempt.findUnique({
    where: { id: attemptId },
    select: {
      id: true,
      status: true,
      closedAt: true,
      deadlineAt: true,
      annulledReason: true,
      round: { select: { contest: { select: { orgNodeId: true, orgNode: { select: { path: true } } } } } },
    },
  });
  return attempt && hasRole(user.grants, "ORGANIZER", attempt.round.contest.orgNode.path) ? attempt : null;
}

/** Annuls a closed attempt: it leaves every ranking, keeps its answers, and says why. */
export async function annulAttempt(
  db: Db,
  request: Request | null,
  user: CurrentUser,
  input: { attemptId: string; reason: string },
): Promise<IntegrityResult> {
  const parsed = annulSchema.safeParse(input);
  if (!parsed.success) {
    const message = parsed.error.issues[0].message;
    return { ok: false, code: "INVALID", message: message.startsWith("errors.") ? message : "errors.invalidValue" };
  }
  const attempt = await attemptOfOrganizer(db, user, parsed.data.attemptId);
  if (!attempt) return refuse("NOT_FOUND");
  if (attempt.status === "IN_PROGRESS") return refuse("STILL_RUNNING");
  if (attempt.status === "ANNULLED") return refuse("ALREADY_ANNULLED");
  const updated = await db.attempt.updateMany({
    where: { id: attempt.id, status: attempt.status },
    data: {
      status: "ANNULLED",
      annulledReason: parsed.data.reason,
      annulledAt: new Date(),
      annulledById: user.id,
    },
  });
  if (updated.count === 0) return refuse("ALREADY_ANNULLED");
  await audit(db, request, {
    actorId: user.id,
    action: "attempt.annulled",
    targetType: "Attempt",
    targetId: attempt.id,
    orgNodeId: attempt.round.contest.orgNodeId,
    details: { reason: parsed.data.reason, previousStatus: attempt.status },
  });
  return { ok: true };
}

/** Undoes an annulment (a mistake, or an appeal upheld); the attempt counts again as it closed. */
export async function reinstateAttempt(
  db: Db,
  request: Request | null,
  user: CurrentUser,
  input: { attemptId: string },
): Promise<IntegrityResult> {
  const attempt = await attemptOfOrganizer(db, user, input.attemptId);
  if (!attempt) return refuse("NOT_FOUND");
  if (attempt.status !== "ANNULLED") return refuse("NOT_ANNULLED");
  // An attempt the server closed at its deadline has closedAt = deadlineAt (see closeAttempt).
  const status = attempt.closedAt && attempt.closedAt >= attempt.deadlineAt ? "EXPIRED" : "SUBMITTED";
  const updated = await db.attempt.updateMany({
    where: { id: attempt.id, status: "ANNULLED" },
    data: { status, annulledReason: null, annulledAt: null, annulledById: null },
  });
  if (updated.count === 0) return refuse("NOT_ANNULLED");
  await audit(db, request, {
    actorId: user.id,
    action: "attempt.reinstated",
    targetType: "Attempt",
    targetId: attempt.id,
    orgNodeId: attempt.round.contest.orgNodeId,
    details: { annulledReason: attempt.annulledReason, status },
  });
  return { ok: true };
}
