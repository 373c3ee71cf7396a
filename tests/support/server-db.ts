import { readFileSync } from "node:fs";
import path from "node:path";
import type pg from "pg";
import { createPrismaClient, type Db } from "~/db/client.server";
import { createPool, type DatabaseTarget, parseDatabaseUrl } from "~/db/connection.server";
import type { ServerProcess } from "./server-process";

/**
 * A test's own connection to a server process's database: its PostgreSQL schema, or the
 * embedded PGlite the process serves on 127.0.0.1 (DATA_DIR/pglite-endpoint.json).
 */
export function serverDatabaseTarget(server: Pick<ServerProcess, "databaseUrl" | "dataDir">): DatabaseTarget {
  if (server.databaseUrl) return parseDatabaseUrl(server.databaseUrl);
  const { port } = JSON.parse(readFileSync(path.join(server.dataDir, "pglite-endpoint.json"), "utf8")) as {
    port: number;
  };
  return { connectionString: `postgresql://postgres@127.0.0.1:${port}/postgres`, schema: "public" };
}

export function connectToServerDb(server: Pick<ServerProcess, "databaseUrl" | "dataDir">): {
  pool: pg.Pool;
  db: Db;
  close(): Promise<void>;
} {
  const target = serverDatabaseTarget(server);
  const pool = createPool(target, 2);
  const db = createPrismaClient(pool, target.schema);
  return {
    pool,
    db,
    async close() {
      await db.$disconnect();
      await pool.end().catch(() => {});
    },
  };
}
