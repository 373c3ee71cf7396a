import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { keepExtendedQueriesTogether } from "./pglite-queue";

/**
 * The embedded database's own thread (started by embedded.server.ts): PGlite and the socket
 * server that speaks the PostgreSQL protocol for it. PGlite runs SQL synchronously in
 * WebAssembly; on the server's main thread every query would stall the sockets of thousands
 * of contestants (issue 8's round start), here it only occupies this thread.
 */
export interface EmbeddedWorkerData {
  pgliteDir: string;
  maxConnections: number;
}

/** Messages to the parent: the port once serving; "closed" after a requested close. */
export type EmbeddedWorkerMessage = { type: "ready"; port: number } | { type: "closed"; error?: string };

if (!parentPort) throw new Error("embedded-worker.ts runs as a worker thread (see embedded.server.ts)");
const parent = parentPort;
const { pgliteDir, maxConnections } = workerData as EmbeddedWorkerData;

// PostgreSQL's own page cache lives in this process's memory: 32 MB instead of its 128 MB
// default keeps the one-process server's memory down (issue 8: ≤ 1 GB with 5,000
// contestants); the data files' pages stay cached by the operating system anyway.
const db = await PGlite.create(pgliteDir, { postgresqlconf: "shared_buffers = 32MB" });
const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: 0, maxConnections });
keepExtendedQueriesTogether(server);
await server.start();
await collectInitdbGarbage();

parent.on("message", async (message: { type: "close" }) => {
  if (message.type !== "close") return;
  try {
    await server.stop();
    await db.close();
    parent.postMessage({ type: "closed" } satisfies EmbeddedWorkerMessage);
  } catch (error) {
    parent.postMessage({ type: "closed", error: String(error) } satisfies EmbeddedWorkerMessage);
  }
});
parent.postMessage({
  type: "ready",
  port: Number(server.getServerConn().split(":").pop()),
} satisfies EmbeddedWorkerMessage);

/**
 * On a new data directory PGlite first runs initdb, a WebAssembly instance of its own with a
 * 128 MB memory and its compiled code: about 350 MB of resident memory, unreachable once
 * create() returns, but this thread allocates too little for V8 to collect it for a long
 * time (measured: 920 MB idle after the first start against 400 MB after a restart). A full
 * collection returns it once initdb's last references are gone: not at once (collected then,
 * the memory stayed), usually a turn of the event loop later, and on a busy machine later
 * still (seen in CI), so once more a second later. V8 offers gc() only behind --expose-gc; the
 * flag may be set at run time and takes effect in a new context.
 */
async function collectInitdbGarbage(): Promise<void> {
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc") as () => void;
  await new Promise((resolve) => setTimeout(resolve, 0));
  gc();
  setTimeout(gc, 1_000).unref();
}
