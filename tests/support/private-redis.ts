import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";

/**
 * A redis-server of the test's own on a free port, without persistence, so a test may kill,
 * restart and flush it. Never the shared Redis: other sessions' tests use that one at the same
 * time (tests/faults/ is the user).
 */
export interface PrivateRedis {
  port: number;
  url: string;
  /** Kills the server (SIGKILL) and starts a fresh, empty one on the same port. */
  restart(downMs?: number): Promise<void>;
  flushAll(): Promise<void>;
  stop(): Promise<void>;
}

/** Whether this machine can run a private redis-server (CI installs it; .ci/run starts one). */
export function redisServerAvailable(): boolean {
  return (process.env.PATH ?? "").split(":").some((dir) => existsSync(path.join(dir, "redis-server")));
}

export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function redisCommand(port: number, ...args: string[]): Promise<string> {
  const child = spawn("redis-cli", ["-h", "127.0.0.1", "-p", String(port), ...args], {
    stdio: ["ignore", "pipe", "ignore"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => {
    output += chunk;
  });
  await once(child, "exit");
  return output.trim();
}

export async function startPrivateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  let child: ChildProcess | null = null;
  const launch = async () => {
    child = spawn(
      "redis-server",
      ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--loglevel", "warning"],
      { stdio: "ignore" },
    );
    for (let tries = 0; tries < 100; tries++) {
      if ((await redisCommand(port, "ping")) === "PONG") return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`private redis-server on ${port} did not answer`);
  };
  const kill = async () => {
    const running = child as ChildProcess | null;
    if (!running || running.exitCode !== null) return;
    const exited = once(running, "exit");
    running.kill("SIGKILL");
    await exited;
  };
  await launch();
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    async restart(downMs = 1_000) {
      await kill();
      await new Promise((resolve) => setTimeout(resolve, downMs));
      await launch();
    },
    async flushAll() {
      await redisCommand(port, "flushall");
    },
    stop: kill,
  };
}
