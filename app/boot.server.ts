import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createPrismaClient } from "./db/client.server";
import { createPool, type DatabaseTarget, parseDatabaseUrl } from "./db/connection.server";
import { startEmbeddedPostgres } from "./db/embedded.server";
import { migrate } from "./db/migrate.server";
import type { Env } from "./env.server";
import { DomainEvents } from "./realtime/bus.server";
import { type Runtime, setRuntime } from "./runtime.server";
import { MemoryStore } from "./store/memory-store.server";
import { RateLimiter } from "./store/rate-limit.server";
import { RedisStore } from "./store/redis-store.server";
import type { SharedStore } from "./store/store.server";
import { createLogger, type Logger } from "./utils/logger.server";

export interface StartOptions {
  /** Apply pending migrations (the server and the CLI do; a read-only tool might not). */
  migrate?: boolean;
  logger?: Logger;
  /** Pool size; the embedded database serialises queries anyway, so it needs few. */
  poolSize?: number;
  redisPrefix?: string;
}

export interface StartedRuntime extends Runtime {
  databaseDescription: string;
  close(): Promise<void>;
}

export async function startRuntime(env: Env, options: StartOptions = {}): Promise<StartedRuntime> {
  const logger = options.logger ?? createLogger(env.LOG_LEVEL);
  const closers: Array<() => Promise<void>> = [];
  try {
    let target: DatabaseTarget;
    let databaseDescription: string;
    if (env.DATABASE_URL) {
      target = parseDatabaseUrl(env.DATABASE_URL);
      databaseDescription = `PostgreSQL (${new URL(env.DATABASE_URL).host}, schema ${target.schema})`;
    } else {
      const embedded = await startEmbeddedPostgres(env.dataDir);
      closers.push(() => embedded.close());
      target = { connectionString: embedded.connectionString, schema: "public" };
      databaseDescription = embedded.owner
        ? `embedded PostgreSQL (PGlite) in ${path.join(env.dataDir, "pglite")}`
        : "embedded PostgreSQL served by another running process";
    }

    const pool = createPool(target, options.poolSize ?? (env.DATABASE_URL ? 20 : 8));
    // A connection dropped while idle (the database restarted, the network cut) is an event on
    // the pool; unheard, node-postgres would crash the process. The pool opens a new one.
    pool.on("error", (error) => logger.warn({ err: error }, "database connection lost; the pool reconnects"));
    closers.push(() => pool.end());
    if (options.migrate !== false) {
      const client = await pool.connect();
      try {
        if (target.schema !== "public") await client.query(`CREATE SCHEMA IF NOT EXISTS "${target.schema}"`);
        const result = await migrate(client);
        if (result.applied.length > 0) logger.info({ applied: result.applied }, "migrations applied");
      } finally {
        client.release();
      }
    }

    const db = createPrismaClient(pool, target.schema, { logger, slowQueryMs: env.SLOW_QUERY_MS });
    closers.push(() => db.$disconnect());

    const store: SharedStore = env.REDIS_URL
      ? RedisStore.connect(env.REDIS_URL, options.redisPrefix ?? env.REDIS_PREFIX, (error) =>
          logger.warn({ err: error.message }, "Redis unavailable; retrying"),
        )
      : new MemoryStore();
    closers.push(() => store.close());

    const runtime: Runtime = {
      env,
      db,
      pool,
      store,
      logger,
      sessionSecret: env.SESSION_SECRET ?? loadOrCreateSessionSecret(env.dataDir),
      events: new DomainEvents(),
      limits: {
        loginPerIp: new RateLimiter(store, {
          name: "login-ip",
          points: env.LOGIN_MAX_PER_IP,
          durationSeconds: 15 * 60,
        }),
        loginPerAccount: new RateLimiter(store, {
          name: "login-account",
          points: env.LOGIN_MAX_PER_ACCOUNT,
          durationSeconds: 15 * 60,
        }),
        registerPerIp: new RateLimiter(store, {
          name: "register-ip",
          points: env.REGISTER_MAX_PER_IP,
          durationSeconds: 60 * 60,
        }),
        progressPerUser: new RateLimiter(store, {
          name: "progress-user",
          points: env.PROGRESS_MAX_PER_MINUTE,
          durationSeconds: 60,
        }),
        apiPerToken: new RateLimiter(store, {
          name: "api-token",
          points: env.API_MAX_PER_MINUTE,
          durationSeconds: 60,
        }),
      },
    };
    setRuntime(runtime);

    return {
      ...runtime,
      databaseDescription,
      async close() {
        setRuntime(undefined);
        for (const close of closers.reverse())
          await close().catch((error) => logger.error({ err: error }, "close failed"));
      },
    };
  } catch (error) {
    for (const close of closers.reverse()) await close().catch(() => {});
    throw error;
  }
}

/** The embedded default keeps its generated secret beside its data, so sessions survive restarts. */
function loadOrCreateSessionSecret(dataDir: string): string {
  const file = path.join(dataDir, "session-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("hex");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
