import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import pg from "pg";
import lockfile from "proper-lockfile";

/**
 * The embedded default: PostgreSQL compiled to WebAssembly (PGlite), its files under
 * DATA_DIR/pglite, served over the PostgreSQL protocol on 127.0.0.1 so the app and the CLI
 * use the same driver (node-postgres) as on a real server.
 *
 * PGlite allows one process on its files. The first process takes a lock and serves; any
 * later process (e.g. `npm run cli` while the server runs) finds the lock and connects to
 * the running one instead of opening the files a second time, which would corrupt them.
 */
export interface EmbeddedPostgres {
  connectionString: string;
  /** True when this process opened the files; false when it attached to another process. */
  owner: boolean;
  close(): Promise<void>;
}

interface EndpointFile {
  pid: number;
  port: number;
}

const CONNECTIONS = 16;

export async function startEmbeddedPostgres(dataDir: string): Promise<EmbeddedPostgres> {
  const pgliteDir = path.join(dataDir, "pglite");
  const endpointPath = path.join(dataDir, "pglite-endpoint.json");
  mkdirSync(pgliteDir, { recursive: true });

  let release: (() => Promise<void>) | null = null;
  try {
    // stale: a lock not refreshed for 10 s belongs to a dead process and is taken over.
    release = await lockfile.lock(pgliteDir, { stale: 10_000, update: 2_000, realpath: false });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ELOCKED") throw error;
    return attachToRunningProcess(endpointPath);
  }

  try {
    const db = await PGlite.create(pgliteDir);
    const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: 0, maxConnections: CONNECTIONS });
    await server.start();
    const port = Number(server.getServerConn().split(":").pop());
    writeFileSync(endpointPath, JSON.stringify({ pid: process.pid, port } satisfies EndpointFile));
    const releaseLock = release;
    return {
      connectionString: `postgresql://postgres@127.0.0.1:${port}/postgres`,
      owner: true,
      async close() {
        await server.stop();
        await db.close();
        rmSync(endpointPath, { force: true });
        await releaseLock();
      },
    };
  } catch (error) {
    await release();
    throw error;
  }
}

async function attachToRunningProcess(endpointPath: string): Promise<EmbeddedPostgres> {
  const endpoint = existsSync(endpointPath) ? (JSON.parse(readFileSync(endpointPath, "utf8")) as EndpointFile) : null;
  if (!endpoint) {
    throw new Error(
      "The embedded database is locked by another process that is still starting. Try again in a few seconds.",
    );
  }
  const connectionString = `postgresql://postgres@127.0.0.1:${endpoint.port}/postgres`;
  const probe = new pg.Client({ connectionString });
  try {
    await probe.connect();
    await probe.query("SELECT 1");
  } catch {
    throw new Error(
      `The embedded database is in use by process ${endpoint.pid}, which does not answer on port ${endpoint.port}. ` +
        "Stop that process (or wait 10 s if it has just died) and try again.",
    );
  } finally {
    await probe.end().catch(() => {});
  }
  return { connectionString, owner: false, close: async () => {} };
}
