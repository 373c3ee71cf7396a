import { createServer } from "node:http";
import type { ServerBuild } from "@remix-run/node";
import { purgeExpiredPersonalData } from "../app/account/retention.server";
import { startRuntime } from "../app/boot.server";
import { closeExpiredAttempts } from "../app/contests/attempts.server";
import { parseEnv } from "../app/env.server";
import { finalizeClosedRounds, followClosedAttempts, rebuildIfEmpty } from "../app/live/board.server";
import { attachSocketServer } from "../app/realtime/socket.server";
import { startXapiSender } from "../app/xapi/sender.server";
import { DEMO_LOGINS, seedIfEmpty } from "../seeds/demo";
import { createApp } from "./app";

/**
 * The one process: applies migrations, seeds an empty database, then serves Remix and
 * Socket.IO on one port. Ends gracefully on SIGTERM/SIGINT.
 */
async function main() {
  const env = parseEnv();
  const runtime = await startRuntime(env);
  const { logger } = runtime;

  if (env.SEED_DEMO) {
    const seeded = await seedIfEmpty(runtime.db);
    if (seeded) logger.info("empty database: demo data seeded");
  }

  // Live boards live in Redis (or this process): rebuilt from PostgreSQL when the store has none.
  // A failure is logged, not fatal: a board missing from the store is built when first read.
  await rebuildIfEmpty(runtime.db, runtime.store)
    .then((boards) => {
      if (boards.rebuilt)
        logger.info({ rounds: boards.rounds.length, store: runtime.store.kind }, "live boards rebuilt");
    })
    .catch((error) => logger.error({ err: error }, "rebuilding live boards failed"));
  const stopFollowing = followClosedAttempts(runtime);

  let app: ReturnType<typeof createApp>;
  let closeVite = async () => {};
  if (env.NODE_ENV === "development") {
    const vite = await import("vite").then((v) => v.createServer({ server: { middlewareMode: true } }));
    closeVite = () => vite.close();
    app = createApp({
      runtime,
      viteMiddlewares: vite.middlewares,
      build: () => vite.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>,
    });
  } else {
    // @ts-expect-error -- produced by `npm run build`
    const build = (await import("../build/server/index.js")) as ServerBuild;
    app = createApp({ runtime, build });
  }

  const httpServer = createServer(app);
  const sockets = attachSocketServer(httpServer, runtime);
  httpServer.keepAliveTimeout = 65_000; // longer than nginx's 60 s upstream keep-alive

  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(env.PORT, env.HOST, resolve);
  });
  const address = httpServer.address();
  const port = typeof address === "object" && address ? address.port : env.PORT;
  printBanner(port, runtime.databaseDescription, runtime.store.kind, env.SEED_DEMO);
  logger.info({ port, database: runtime.databaseDescription, store: runtime.store.kind }, "listening");

  // A promise rejected with nobody to catch it must not end a contest for thousands: the Socket.IO
  // Redis adapter publishes without a catch, so while Redis is down each broadcast rejects
  // (MaxRetriesPerRequestError) and Node's default would exit the process (found by
  // tests/faults). It is logged; the sweeps and the store's fallbacks carry on.
  process.on("unhandledRejection", (reason) => {
    logger.error({ err: reason instanceof Error ? reason : new Error(String(reason)) }, "unhandled rejection");
  });

  // Attempts close at their deadline on the server, whether or not the browser is still there.
  const deadlineSweep = setInterval(() => {
    closeExpiredAttempts(runtime.db)
      .catch((error) => logger.error({ err: error }, "closing expired attempts failed"))
      // Redis restarted or flushed while we run: every board is rebuilt from PostgreSQL.
      .then(() => rebuildIfEmpty(runtime.db, runtime.store))
      .then(
        (boards) => boards.rebuilt && logger.warn({ rounds: boards.rounds.length }, "live boards were lost; rebuilt"),
        (error) => logger.error({ err: error }, "rebuilding lost live boards failed"),
      )
      // Rounds that have just closed: their boards now rank by prediction (app/live/board.server.ts).
      .then(() => finalizeClosedRounds(runtime.db, runtime.store))
      .then((rounds) => rounds.length > 0 && logger.info({ rounds }, "live boards finalized after close"))
      .catch((error) => logger.error({ err: error }, "finalizing live boards failed"));
  }, 5_000);
  deadlineSweep.unref();

  // Contests whose retention ran out: their registration answers are erased (app/account/retention.server.ts).
  const purgePersonalData = () =>
    purgeExpiredPersonalData(runtime.db)
      .then((contests) => contests.length > 0 && logger.info({ contests }, "expired personal data erased"))
      .catch((error) => logger.error({ err: error }, "erasing expired personal data failed"));
  const retentionSweep = setInterval(purgePersonalData, 3_600_000);
  retentionSweep.unref();
  setTimeout(purgePersonalData, 60_000).unref();
  // xAPI statements wait in PostgreSQL (XapiStatement) and go to the LRS in the background;
  // without XAPI_ENDPOINT they stay there for organizers to download.
  const stopXapi = env.XAPI_ENDPOINT
    ? startXapiSender(runtime.db, { endpoint: env.XAPI_ENDPOINT, auth: env.XAPI_AUTH }, logger)
    : () => {};
  if (env.XAPI_ENDPOINT) logger.info({ endpoint: env.XAPI_ENDPOINT }, "xAPI statements are sent to the LRS");

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down: no new connections, finishing requests");
    const force = setTimeout(() => {
      logger.error("shutdown took over 15 s; exiting");
      process.exit(1);
    }, 15_000);
    force.unref();
    clearInterval(deadlineSweep);
    clearInterval(retentionSweep);
    stopXapi();
    stopFollowing();
    // Stop accepting; keep-alive connections are closed as soon as they are idle, so busy
    // ones finish their request first.
    const closed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
    const closeIdle = setInterval(() => httpServer.closeIdleConnections(), 100);
    httpServer.closeIdleConnections();
    await sockets.close();
    await closed;
    clearInterval(closeIdle);
    await closeVite();
    await runtime.close();
    logger.info("stopped");
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

function printBanner(port: number, database: string, store: string, seeded: boolean) {
  const lines = [
    "",
    `  Legal Arena is running at http://localhost:${port}`,
    `  Database: ${database}`,
    `  Shared state: ${store === "redis" ? "Redis" : "in-process (set REDIS_URL for several processes)"}`,
  ];
  if (seeded) {
    lines.push("", "  Demo log-ins (demo data, change them before real use):");
    for (const login of DEMO_LOGINS)
      lines.push(`    ${login.role.padEnd(11)} ${login.identifier.padEnd(31)} ${login.password}`);
  }
  lines.push("");
  process.stdout.write(`${lines.join("\n")}\n`);
}

main().catch((error) => {
  process.stderr.write(`Legal Arena could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
