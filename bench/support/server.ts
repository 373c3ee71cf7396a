import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { type StartedRuntime, type StartOptions, startRuntime } from "~/boot.server";
import { parseEnv } from "~/env.server";
import { SERVER_NODE_FLAGS } from "../../scripts/server-node-flags.mjs";

/**
 * The built server (`npm run build`) as its own process, as in production: on a fresh schema of
 * `databaseUrl` (dropped afterwards) or, without one, the embedded PGlite in a temporary folder;
 * Redis under a random prefix when `redisUrl` is given, else the in-process store.
 *
 * `processes` > 1 starts that many identical processes on one database and one Redis prefix, as
 * the production compose file runs its replicas (docs/deploy.md): each listens on its own port,
 * and the scenarios spread their clients over `urls` as the sticky balancer would spread users.
 */
export interface BenchServer {
  /** The first process's address; `urls` lists every process's. */
  url: string;
  urls: string[];
  child: ChildProcess;
  /** The first process's id; `pids` lists every process's (figures are summed over them). */
  pid: number;
  pids: number[];
  dataDir: string;
  /** The URL the bench itself connects with (schema included), or null on the embedded default. */
  databaseUrl: string | null;
  description: string;
  /** The server's whole log, every process's in one file (removed by cleanup unless moved away). */
  logFile: string;
  output(): string;
  cleanup(): Promise<void>;
}

export async function startBenchServer(options: {
  databaseUrl?: string;
  redisUrl?: string;
  env?: Record<string, string>;
  /** Node flags for the server (e.g. --cpu-prof --cpu-prof-dir=…). */
  nodeFlags?: string[];
  /** The fresh schema's name prefix (a random suffix is added); `bench` by default. */
  schemaPrefix?: string;
  /** Identical server processes (PostgreSQL and Redis only: the embedded default is one process). */
  processes?: number;
}): Promise<BenchServer> {
  const processes = options.processes ?? 1;
  if (processes > 1 && !(options.databaseUrl && options.redisUrl))
    throw new Error("Several server processes share PostgreSQL and Redis: give --database-url and --redis-url.");
  if (!existsSync("build/node-server.js") || !existsSync("build/server/index.js"))
    throw new Error("No build: run `npm run build` first.");
  const dataDir = mkdtempSync(path.join(tmpdir(), "la-bench-server-"));
  let databaseUrl: string | null = null;
  let schema: string | null = null;
  if (options.databaseUrl) {
    schema = `${options.schemaPrefix ?? "bench"}_${randomBytes(5).toString("hex")}`;
    const url = new URL(options.databaseUrl);
    url.searchParams.set("schema", schema);
    databaseUrl = url.toString();
  }
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? "",
    NODE_ENV: "production",
    PORT: "0",
    HOST: "127.0.0.1",
    DATA_DIR: dataDir,
    LOG_LEVEL: "warn",
    // One secret for every process: a session cookie from one is valid on the others.
    SESSION_SECRET: randomBytes(32).toString("hex"),
    REDIS_PREFIX: `bench:${randomBytes(5).toString("hex")}:`,
    // Every simulated contestant logs in from 127.0.0.1: the per-address limit would stop them.
    LOGIN_MAX_PER_IP: "10000000",
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    ...(options.redisUrl ? { REDIS_URL: options.redisUrl } : {}),
    ...options.env,
  };
  // BENCH_SERVER_NODE_FLAGS: extra flags for the server's Node, to try a setting (e.g. a heap size).
  const extraFlags = (process.env.BENCH_SERVER_NODE_FLAGS ?? "").split(/\s+/).filter(Boolean);
  // The whole log goes to a file (kept when a run has errors); the last lines stay in memory.
  const logFile = path.join(tmpdir(), `la-bench-server-${randomBytes(4).toString("hex")}.log`);
  const log = createWriteStream(logFile);
  let output = "";
  const keep = (chunk: Buffer) => {
    log.write(chunk);
    output = (output + chunk.toString()).slice(-20_000);
  };
  const children: ChildProcess[] = [];
  const exits: Array<Promise<void>> = [];
  const urls: string[] = [];
  const spawnOne = async (): Promise<string> => {
    const child = spawn(
      process.execPath,
      [...SERVER_NODE_FLAGS, ...extraFlags, ...(options.nodeFlags ?? []), "build/node-server.js"],
      { env: env as NodeJS.ProcessEnv, stdio: ["ignore", "pipe", "pipe"] },
    );
    children.push(child);
    exits.push(new Promise<void>((resolve) => child.once("exit", () => resolve())));
    child.stdout?.on("data", keep);
    child.stderr?.on("data", keep);
    return new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`server did not start within 120 s:\n${output}`)), 120_000);
      // This process's own output until it says where it listens.
      let own = "";
      child.stdout?.on("data", function untilListening(chunk: Buffer) {
        own += chunk.toString();
        const match = own.match(/running at (http:\/\/localhost:\d+)/);
        if (match) {
          clearTimeout(timer);
          child.stdout?.off("data", untilListening);
          resolve(match[1].replace("localhost", "127.0.0.1"));
        }
      });
      child.once("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`server exited with ${code} before listening:\n${output}`));
      });
    });
  };
  const stopProcesses = async () => {
    for (const one of children) if (one.exitCode === null) one.kill("SIGTERM");
    await Promise.all(exits);
  };
  // One after another: the first applies the migrations and seeds, the others find both done.
  try {
    for (let index = 0; index < processes; index++) urls.push(await spawnOne());
  } catch (error) {
    // No server is left behind when one of them does not start.
    await stopProcesses();
    log.end();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const [child] = children;
  const url = urls[0];
  return {
    url,
    urls,
    child,
    pid: child.pid as number,
    pids: children.map((one) => one.pid as number),
    dataDir,
    databaseUrl,
    description: `${databaseUrl ? "PostgreSQL" : "embedded PGlite"} + ${options.redisUrl ? "Redis" : "in-process store"}${
      processes > 1 ? `, ${processes} server processes` : ""
    }`,
    logFile,
    output: () => output,
    async cleanup() {
      await stopProcesses();
      if (schema && options.databaseUrl) {
        const client = new pg.Client({ connectionString: options.databaseUrl });
        await client.connect();
        await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).finally(() => client.end());
      }
      rmSync(dataDir, { recursive: true, force: true });
      log.end();
      rmSync(logFile, { force: true });
    },
  };
}

/**
 * The bench's own connection to the server's database, for fixtures and the final counts (the
 * embedded database is reached through the server, which serves it). Read-only as to schema:
 * the server applied the migrations.
 */
export function benchRuntime(
  server: Pick<BenchServer, "dataDir" | "databaseUrl">,
  env: Record<string, string | undefined> = {},
  options: StartOptions = {},
): Promise<StartedRuntime> {
  return startRuntime(
    parseEnv({
      NODE_ENV: "production",
      DATA_DIR: server.dataDir,
      DATABASE_URL: server.databaseUrl ?? undefined,
      LOG_LEVEL: "silent",
      ...env,
    }),
    { migrate: false, poolSize: 2, ...options },
  );
}
