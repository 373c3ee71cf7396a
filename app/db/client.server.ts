import { PrismaPg } from "@prisma/adapter-pg";
import type pg from "pg";
import { PrismaClient } from "~/generated/prisma/client";

export type Db = PrismaClient;
/** Either the client or the client inside `$transaction(async (tx) => …)`. */
export type DbOrTx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

export interface SlowQueryLogger {
  warn(details: object, message: string): void;
}

// On the client itself under a global symbol: the Remix server build and the Express server's
// bundle each have their own copy of this module, and either may hold the client.
const POOL = Symbol.for("legal-arena.pool");
type ClientWithPool = Db & { [POOL]?: pg.Pool };

/**
 * The connection pool under a client made by createPrismaClient. The hottest statements (a
 * round's opening starts thousands of attempts within a second; every answer is saved) go
 * straight to node-postgres: Prisma's raw-query path cost as much CPU again as the driver
 * (issue 8's profile of the round start). Everything else goes through Prisma.
 */
export function poolOf(db: Db): pg.Pool {
  const pool = (db as ClientWithPool)[POOL];
  if (!pool) throw new Error("poolOf: the client was not made by createPrismaClient");
  return pool;
}

export function createPrismaClient(
  pool: pg.Pool,
  schema: string,
  options: { logger?: SlowQueryLogger; slowQueryMs?: number } = {},
): Db {
  const adapter = new PrismaPg(pool, { schema });
  const client = new PrismaClient({
    adapter,
    log: [{ level: "query", emit: "event" }],
  });
  const slowQueryMs = options.slowQueryMs ?? 200;
  client.$on("query", (event) => {
    if (event.duration >= slowQueryMs) {
      options.logger?.warn({ durationMs: event.duration, query: event.query }, "slow query");
    }
  });
  (client as ClientWithPool)[POOL] = pool;
  return client;
}
