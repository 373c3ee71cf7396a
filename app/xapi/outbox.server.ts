import type { DbOrTx } from "~/db/client.server";
import type { Prisma } from "~/generated/prisma/client";
import { runtimeIfStarted } from "~/runtime.server";
import { buildStatement, type XapiEvent } from "./statements";

/** The address activities and accounts are named under: PUBLIC_URL, or a local one. */
export function xapiBaseUrl(): string {
  return runtimeIfStarted()?.env.PUBLIC_URL ?? "http://localhost:3000";
}

/**
 * Puts statements in the outbox. Call it with the transaction that records the progress, so
 * either both are stored or neither. An event already stored (same id) is left as it is.
 */
export async function recordXapi(tx: DbOrTx, events: XapiEvent[]): Promise<void> {
  if (events.length === 0) return;
  const baseUrl = xapiBaseUrl();
  await tx.xapiStatement.createMany({
    data: events.map((event) => {
      const statement = buildStatement(baseUrl, event);
      return {
        id: statement.id,
        courseId: event.course.id,
        userId: event.userId,
        verb: event.verb,
        statement: statement as unknown as Prisma.InputJsonValue,
        timestamp: event.timestamp,
      };
    }),
    skipDuplicates: true,
  });
}

export const XAPI_EXPORT_LIMIT = 50_000;

/** A course's statements in a time range, oldest first (the organizer's JSON download). */
export async function courseStatements(
  db: DbOrTx,
  input: { courseId: string; from?: Date; to?: Date },
): Promise<{ statements: unknown[]; truncated: boolean }> {
  const rows = await db.xapiStatement.findMany({
    where: {
      courseId: input.courseId,
      timestamp: { ...(input.from ? { gte: input.from } : {}), ...(input.to ? { lt: input.to } : {}) },
    },
    orderBy: [{ timestamp: "asc" }, { id: "asc" }],
    take: XAPI_EXPORT_LIMIT + 1,
    select: { statement: true },
  });
  return {
    statements: rows.slice(0, XAPI_EXPORT_LIMIT).map((row) => row.statement),
    truncated: rows.length > XAPI_EXPORT_LIMIT,
  };
}
