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
    // PostgreSQL's own page cache lives in this process's memory: 32 MB instead of its 128 MB
    // default keeps the one-process server's memory down (issue 8: ≤ 1 GB with 5,000
    // contestants); the data files' pages stay cached by the operating system anyway.
    const db = await PGlite.create(pgliteDir, { postgresqlconf: "shared_buffers = 32MB" });
    const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: 0, maxConnections: CONNECTIONS });
    keepExtendedQueriesTogether(server);
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

/**
 * pglite-socket 0.2.17 runs the messages of all connections, one at a time, on PGlite's single
 * session, and keeps a connection's messages together only inside a SQL transaction. An
 * extended-protocol query (Parse, Bind, Describe, Execute … Sync) is not a transaction, so two
 * connections' queries could interleave and bind to each other's unnamed statement — errors,
 * or wrong rows (upstream electric-sql/pglite#1046, fix proposed in #977). And one failing
 * message left the queue stuck for good. This replaces the queue's scheduler: once a
 * connection sends an extended-protocol message, only its messages run until its Sync (or a
 * simple Query); a failure is reported to that connection and the queue carries on.
 * tests/integration/embedded-postgres.test.ts proves both.
 */
interface QueuedMessage {
  handlerId: number;
  message: Uint8Array;
  onData(data: Uint8Array): void;
  resolve(bytes: number): void;
  reject(error: unknown): void;
}

interface QueryQueue {
  queue: QueuedMessage[];
  processing: boolean;
  lastHandlerId: number | null;
  db: PGlite;
  processQueue(): Promise<void>;
  clearQueueForHandler(handlerId: number): void;
}

const EXTENDED_PROTOCOL = new Set(["P", "B", "D", "E", "C", "H"].map((letter) => letter.charCodeAt(0)));
const BATCH_END = new Set(["S", "Q"].map((letter) => letter.charCodeAt(0)));

export function keepExtendedQueriesTogether(server: PGLiteSocketServer): void {
  const queue = (server as unknown as { queryQueue: QueryQueue }).queryQueue;
  if (!queue || typeof queue.processQueue !== "function" || !Array.isArray(queue.queue)) {
    throw new Error("pglite-socket changed: review keepExtendedQueriesTogether before upgrading");
  }
  let pinnedHandlerId: number | null = null;

  queue.processQueue = async function processQueue(this: QueryQueue) {
    if (this.processing || this.queue.length === 0) return;
    this.processing = true;
    try {
      while (this.queue.length > 0) {
        const owner = pinnedHandlerId ?? (this.db.isInTransaction() ? this.lastHandlerId : null);
        const index = owner === null ? 0 : this.queue.findIndex((item) => item.handlerId === owner);
        // The owner's next message has not arrived yet: wait for it (enqueue calls us again).
        if (index === -1) break;
        const [item] = this.queue.splice(index, 1);
        let bytes = 0;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(item.message, {
              onRawData: (data: Uint8Array) => {
                bytes += data.length;
                item.onData(data);
              },
            }),
          );
        } catch (error) {
          pinnedHandlerId = null;
          item.reject(error);
          continue;
        }
        this.lastHandlerId = item.handlerId;
        const type = item.message[0];
        if (EXTENDED_PROTOCOL.has(type)) pinnedHandlerId = item.handlerId;
        if (BATCH_END.has(type)) pinnedHandlerId = null;
        item.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  };

  const clearQueueForHandler = queue.clearQueueForHandler.bind(queue);
  queue.clearQueueForHandler = (handlerId: number) => {
    if (pinnedHandlerId === handlerId) pinnedHandlerId = null;
    clearQueueForHandler(handlerId);
    void queue.processQueue();
  };
}
