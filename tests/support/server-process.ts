import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { SERVER_NODE_FLAGS } from "../../scripts/server-node-flags.mjs";
import { dropSchema } from "./runtime";

/**
 * Runs the built server (`npm run build` output) as a real process on a free port, with a
 * throwaway database: a fresh schema of TEST_DATABASE_URL, else the embedded PGlite in a
 * temporary folder; Redis from TEST_REDIS_URL under a random prefix, else in-process.
 * With `{ alongside }` it starts a second replica of a running one instead (see below).
 */
export interface ServerProcess {
  url: string;
  child: ChildProcess;
  dataDir: string;
  databaseUrl: string | null;
  redisPrefix: string;
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  cleanup(): Promise<void>;
}

function viaPort(databaseUrl: string, port: number | undefined): string {
  if (port === undefined) return databaseUrl;
  const url = new URL(databaseUrl);
  url.hostname = "127.0.0.1";
  url.port = String(port);
  return url.toString();
}

export async function startServerProcess(
  extraEnv: Record<string, string> = {},
  /** Start on the same data as an earlier (stopped) process, e.g. to test a restart. */
  reuse?: Pick<ServerProcess, "dataDir" | "databaseUrl">,
  options: {
    /**
     * Another replica of this running process (scale-out): the same database schema and Redis
     * prefix and session secret, its own DATA_DIR. The first process owns the schema; this
     * one's cleanup leaves it alone. Needs TEST_DATABASE_URL: the embedded PGlite is one process's.
     */
    alongside?: ServerProcess;
    /**
     * Reach PostgreSQL through this local port (a test's TCP proxy, tests/support/tcp-proxy.ts)
     * instead of TEST_DATABASE_URL's host; `databaseUrl` stays the direct one.
     */
    databaseViaPort?: number;
  } = {},
): Promise<ServerProcess> {
  const { alongside } = options;
  if (alongside && (reuse || !alongside.databaseUrl))
    throw new Error("a second replica needs TEST_DATABASE_URL and its own DATA_DIR");
  const dataDir = reuse?.dataDir ?? mkdtempSync(path.join(tmpdir(), "la-server-"));
  let databaseUrl: string | null = reuse?.databaseUrl ?? alongside?.databaseUrl ?? null;
  let schema: string | null = databaseUrl ? new URL(databaseUrl).searchParams.get("schema") : null;
  if (!reuse && !alongside && process.env.TEST_DATABASE_URL) {
    schema = `e2e_${randomBytes(6).toString("hex")}`;
    const url = new URL(process.env.TEST_DATABASE_URL);
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
    LOG_LEVEL: "info",
    REDIS_PREFIX: alongside?.redisPrefix ?? `e2e:${randomBytes(6).toString("hex")}:`,
    // Replicas must sign sessions alike (docs/deploy.md): the first one's generated secret.
    ...(alongside
      ? { SESSION_SECRET: readFileSync(path.join(alongside.dataDir, "session-secret"), "utf8").trim() }
      : {}),
    ...(databaseUrl ? { DATABASE_URL: viaPort(databaseUrl, options.databaseViaPort) } : {}),
    ...(process.env.TEST_REDIS_URL ? { REDIS_URL: process.env.TEST_REDIS_URL } : {}),
    ...extraEnv,
  };
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, "build/node-server.js"], {
    env: env as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    output += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start within 60 s:\n${output}`)), 60_000);
    const check = () => {
      const match = output.match(/running at (http:\/\/localhost:\d+)/);
      if (match) {
        clearTimeout(timer);
        resolve(match[1].replace("localhost", "127.0.0.1"));
      }
    };
    child.stdout?.on("data", check);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before listening:\n${output}`));
    });
  });

  let stopped: Promise<number | null> | null = null;
  const stop = (signal: NodeJS.Signals = "SIGTERM") => {
    if (!stopped) {
      if (child.exitCode === null) child.kill(signal);
      stopped = exited;
    }
    return stopped;
  };
  return {
    url,
    child,
    dataDir,
    databaseUrl,
    redisPrefix: env.REDIS_PREFIX,
    output: () => output,
    stop,
    async cleanup() {
      await stop();
      // A second replica removes only its own folder: the schema is the first process's to drop.
      if (schema && !alongside && process.env.TEST_DATABASE_URL)
        await dropSchema(process.env.TEST_DATABASE_URL, schema);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
