import type { SerializeFrom } from "@remix-run/node";
import type { AttemptPageData } from "./attempt-page.server";

/**
 * The attempt page's data as a socket start answered it (issue 8), held in the browser until the
 * attempt page's clientLoader takes it: the page then opens without a request. Taken once, and
 * only shortly after: later the page reads fresh data from the server.
 */
export type HandedOverPage = SerializeFrom<AttemptPageData>;

export const HANDOVER_TTL_MS = 30_000;

let held: { attemptId: string; page: HandedOverPage; at: number } | null = null;

export function handOver(attemptId: string, page: HandedOverPage, now = Date.now()): void {
  held = { attemptId, page, at: now };
}

export function takeHandover(attemptId: string, now = Date.now()): HandedOverPage | null {
  if (held?.attemptId !== attemptId) return null;
  const { page, at } = held;
  held = null;
  const waited = now - at;
  if (waited < 0 || waited > HANDOVER_TTL_MS) return null;
  // The clock counts from the server's remaining time: the wait for the page to open is spent.
  return { ...page, remainingMs: Math.max(0, page.remainingMs - waited) };
}
