import type { Db } from "~/db/client.server";
import { XAPI_VERSION } from "./statements";

/**
 * Posts the outbox to an LRS (XAPI_ENDPOINT, with XAPI_AUTH as the Authorization header) in
 * batches. Several app processes may run it: a batch is claimed by pushing its rows'
 * nextAttemptAt past a lease, with SKIP LOCKED, so two senders never post the same rows at once.
 * A refused or failed post is logged and the rows are tried again later, with exponential backoff
 * (capped); they are never dropped. Statement ids are fixed, so a post the LRS stored but whose
 * answer was lost is harmless when repeated.
 */
export interface XapiSenderConfig {
  endpoint: string;
  auth?: string;
  batchSize?: number;
  /** Per-request timeout. */
  timeoutMs?: number;
  /** First retry delay; doubled per failed attempt up to maxBackoffMs. */
  backoffMs?: number;
  maxBackoffMs?: number;
}

export interface SenderLogger {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

const LEASE_MS = 2 * 60_000;

export function statementsUrl(endpoint: string): string {
  return `${endpoint.replace(/\/+$/, "")}/statements`;
}

export function backoffDelay(attempts: number, config: Pick<XapiSenderConfig, "backoffMs" | "maxBackoffMs">): number {
  const base = config.backoffMs ?? 30_000;
  const max = config.maxBackoffMs ?? 60 * 60_000;
  return Math.min(max, base * 2 ** Math.max(0, Math.min(attempts - 1, 20)));
}

/** Claims and posts one batch. Returns how many statements were sent and how many failed. */
export async function sendXapiBatch(
  db: Db,
  config: XapiSenderConfig,
  logger?: SenderLogger,
  now: () => Date = () => new Date(),
): Promise<{ sent: number; failed: number }> {
  const batchSize = config.batchSize ?? 50;
  const claimedAt = now();
  const claimed = await db.$queryRaw<Array<{ id: string; statement: unknown; sendAttempts: number }>>`
    UPDATE "XapiStatement" SET "nextAttemptAt" = ${new Date(claimedAt.getTime() + LEASE_MS)}
    WHERE "id" IN (
      SELECT "id" FROM "XapiStatement"
      WHERE "sentAt" IS NULL AND "nextAttemptAt" <= ${claimedAt}
      ORDER BY "timestamp", "id"
      LIMIT ${batchSize}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING "id", "statement", "sendAttempts"`;
  if (claimed.length === 0) return { sent: 0, failed: 0 };
  const ids = claimed.map((row) => row.id);
  let error: string | null = null;
  try {
    const response = await fetch(statementsUrl(config.endpoint), {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        "X-Experience-API-Version": XAPI_VERSION,
        ...(config.auth ? { Authorization: config.auth } : {}),
      },
      body: JSON.stringify(claimed.map((row) => row.statement)),
      signal: AbortSignal.timeout(config.timeoutMs ?? 15_000),
    });
    if (!response.ok) {
      const body = (await response.text().catch(() => "")).slice(0, 300);
      error = `HTTP ${response.status}${body ? `: ${body}` : ""}`;
    } else await response.body?.cancel().catch(() => {});
  } catch (failure) {
    error = failure instanceof Error ? failure.message : String(failure);
  }
  if (error === null) {
    await db.xapiStatement.updateMany({
      where: { id: { in: ids } },
      data: { sentAt: now(), lastError: null, sendAttempts: { increment: 1 } },
    });
    logger?.info({ count: ids.length }, "xAPI statements sent");
    return { sent: ids.length, failed: 0 };
  }
  const attempts = Math.max(...claimed.map((row) => row.sendAttempts)) + 1;
  const retryAt = new Date(now().getTime() + backoffDelay(attempts, config));
  await db.xapiStatement.updateMany({
    where: { id: { in: ids } },
    data: { nextAttemptAt: retryAt, lastError: error.slice(0, 500), sendAttempts: { increment: 1 } },
  });
  logger?.warn({ count: ids.length, error, retryAt: retryAt.toISOString() }, "xAPI post failed; will retry");
  return { sent: 0, failed: ids.length };
}

/**
 * Runs the sender every `intervalMs` (sending batch after batch while there is work). Returns a
 * stop function. Errors (the database away, say) are logged; the loop goes on.
 */
export function startXapiSender(
  db: Db,
  config: XapiSenderConfig & { intervalMs?: number },
  logger: SenderLogger,
): () => void {
  let stopped = false;
  let running = false;
  const tick = async () => {
    if (running || stopped) return;
    running = true;
    try {
      for (let round = 0; round < 20 && !stopped; round++) {
        const { sent } = await sendXapiBatch(db, config, logger);
        if (sent === 0) break;
      }
    } catch (error) {
      logger.error({ err: error }, "xAPI sender failed");
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), config.intervalMs ?? 10_000);
  timer.unref();
  void tick();
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}
