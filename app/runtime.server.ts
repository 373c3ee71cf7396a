import type pg from "pg";
import type { Db } from "./db/client.server";
import type { Env } from "./env.server";
import type { DomainEvents } from "./realtime/bus.server";
import type { RateLimiter } from "./store/rate-limit.server";
import type { SharedStore } from "./store/store.server";
import type { Logger } from "./utils/logger.server";

/**
 * The process's long-lived services, created once by server/boot.ts (or a test) and read by
 * loaders, actions and socket handlers. Kept on globalThis because the Remix server build and
 * the Express server are bundled separately but must share one pool, one store, one logger.
 */
export interface Runtime {
  env: Env;
  db: Db;
  pool: pg.Pool;
  store: SharedStore;
  logger: Logger;
  sessionSecret: string;
  /** In-process domain events (attempts started and closed) for boards and live views. */
  events: DomainEvents;
  limits: {
    loginPerIp: RateLimiter;
    loginPerAccount: RateLimiter;
    registerPerIp: RateLimiter;
    progressPerUser: RateLimiter;
    /** Open-data API requests per token (app/open-data/api.server.ts). */
    apiPerToken: RateLimiter;
  };
}

const RUNTIME_KEY = Symbol.for("legal-arena.runtime");
type GlobalWithRuntime = typeof globalThis & { [RUNTIME_KEY]?: Runtime };

export function setRuntime(runtime: Runtime | undefined): void {
  (globalThis as GlobalWithRuntime)[RUNTIME_KEY] = runtime;
}

/** The runtime when one has started, else null: for domain code that also runs in bare scripts. */
export function runtimeIfStarted(): Runtime | null {
  return (globalThis as GlobalWithRuntime)[RUNTIME_KEY] ?? null;
}

export function runtime(): Runtime {
  const current = (globalThis as GlobalWithRuntime)[RUNTIME_KEY];
  if (!current) throw new Error("The runtime has not been started (server/boot.ts).");
  return current;
}
