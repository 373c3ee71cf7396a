import type pg from "pg";
import type { Db } from "./db/client.server";
import type { Env } from "./env.server";
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
  limits: {
    loginPerIp: RateLimiter;
    loginPerAccount: RateLimiter;
    registerPerIp: RateLimiter;
  };
}

const RUNTIME_KEY = Symbol.for("legal-arena.runtime");
type GlobalWithRuntime = typeof globalThis & { [RUNTIME_KEY]?: Runtime };

export function setRuntime(runtime: Runtime | undefined): void {
  (globalThis as GlobalWithRuntime)[RUNTIME_KEY] = runtime;
}

export function runtime(): Runtime {
  const current = (globalThis as GlobalWithRuntime)[RUNTIME_KEY];
  if (!current) throw new Error("The runtime has not been started (server/boot.ts).");
  return current;
}
