import { PrismaPg } from "@prisma/adapter-pg";
import type pg from "pg";
import { PrismaClient } from "~/generated/prisma/client";

export type Db = PrismaClient;
/** Either the client or the client inside `$transaction(async (tx) => …)`. */
export type DbOrTx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

export interface SlowQueryLogger {
  warn(details: object, message: string): void;
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
  return client;
}
