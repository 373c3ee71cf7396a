import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import pg from "pg";
import lockfile from "proper-lockfile";
import { typeScriptWorker } from "~/utils/typescript-worker.server";
import type { EmbeddedWorkerData, EmbeddedWorkerMessage } from "./embedded-worker";

/**
 * The embedded default: PostgreSQL compiled to WebAssembly (PGlite), its files under
 * DATA_DIR/pglite, served over the PostgreSQL protocol on 127.0.0.1 so the app and the CLI
 * use the same driver (node-postgres) as on a real server. It runs on a thread of its own
 * (embedded-worker.ts), so its SQL does not hold up the server's requests and sockets.
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
    const worker = await startWorker({ pgliteDir, maxConnections: CONNECTIONS });
    writeFileSync(endpointPath, JSON.stringify({ pid: process.pid, port: worker.port } satisfies EndpointFile));
    const releaseLock = release;
    return {
      connectionString: `postgresql://postgres@127.0.0.1:${worker.port}/postgres`,
      owner: true,
      async close() {
        await worker.close();
        rmSync(endpointPath, { force: true });
        await releaseLock();
      },
    };
  } catch (error) {
    await release();
    throw error;
  }
}

/**
 * The server's young generation is large (scripts/server-node-flags.mjs), and V8's flags reach
 * every thread. The database's thread allocates little that lives: a small one saves about
 * 100 MB of resident memory (issue 8's round start, docs/performance.md).
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 16 };

/**
 * Starts PGlite on its own thread (embedded-worker.ts) and waits until it serves. The built
 * server runs build/embedded-worker.js (bundled beside build/node-server.js); from the sources
 * (tsx, vitest) the thread loads the TypeScript file through tsx.
 */
async function startWorker(data: EmbeddedWorkerData): Promise<{ port: number; close(): Promise<void> }> {
  const bundled = new URL("./embedded-worker.js", import.meta.url);
  const worker = existsSync(fileURLToPath(bundled))
    ? new Worker(bundled, { workerData: data, resourceLimits: WORKER_LIMITS })
    : typeScriptWorker(new URL("./embedded-worker.ts", import.meta.url), {
        workerData: data,
        resourceLimits: WORKER_LIMITS,
      });
  let closing = false;
  let onClosed: ((error?: string) => void) | null = null;
  const port = await new Promise<number>((resolve, reject) => {
    let ready = false;
    worker.on("message", (message: EmbeddedWorkerMessage) => {
      if (message.type === "ready") {
        ready = true;
        resolve(message.port);
      } else if (message.type === "closed") {
        onClosed?.(message.error);
      }
    });
    // Once serving, the server cannot go on without its database: crash with the cause
    // instead of letting every query time out.
    worker.on("error", (error) => {
      if (!ready) return reject(error);
      throw new Error("The embedded database's thread failed", { cause: error });
    });
    worker.on("exit", (code) => {
      if (!ready) return reject(new Error(`The embedded database's thread exited (code ${code}) while starting`));
      if (!closing) throw new Error(`The embedded database's thread stopped unexpectedly (code ${code})`);
    });
  });
  return {
    port,
    async close() {
      closing = true;
      const closed = new Promise<void>((resolve, reject) => {
        onClosed = (error) => (error ? reject(new Error(`Closing the embedded database failed: ${error}`)) : resolve());
      });
      worker.postMessage({ type: "close" });
      try {
        await closed;
      } finally {
        await worker.terminate();
      }
    },
  };
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
