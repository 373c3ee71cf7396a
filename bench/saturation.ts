import { fork } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import type { Socket } from "socket.io-client";
import type { StartedRuntime } from "~/boot.server";
import { BENCH_PASSWORD, createBenchContest } from "./support/contest-fixture";
import { cookieFrom, dataPath, httpClient } from "./support/http";
import { memoryMb } from "./support/process-stats";
import { repeated } from "./support/runs";
import { type BenchServer, benchRuntime, startBenchServer } from "./support/server";
import { settleLoadGenerator } from "./support/settle";
import { connect } from "./support/socket";
import { inBatches, percentile, printTable, sampleEventLoopLag, sleep } from "./support/stats";

/**
 * `saturation` (issue 8): N clients answering with ever shorter think time until the answer
 * acknowledgements' p99 passes 250 ms or errors appear; the highest rate before that is the
 * app's maximum sustained answers per second (each committed to PostgreSQL before its ack).
 * Then the same clients, in the same run, against a bare Socket.IO server on this machine that
 * only acks each message (bench/support/bare-ack-server.ts): the hardware's ceiling.
 * `ratio` = app maximum ÷ bare maximum.
 *
 * The app's clients are logged-in contestants with a running attempt each; they keep saving
 * answers to their 16 questions in turn (a repeated save is a committed upsert like any other).
 *
 * `--processes N` runs N app processes (PostgreSQL and Redis) and, to compare like with like, N
 * bare servers; client i uses process i mod N, as a sticky balancer spreads users.
 */
const P99_LIMIT_MS = 250;
// From 1,400 ms on, each step offers about 1.3–1.5 times the previous rate, so the maximum is
// found within ~30–45 %.
const THINK_STEPS_MS = [4000, 2000, 1400, 1000, 750, 560, 420, 320, 240, 180, 125, 90, 60, 30, 15, 0];

interface Step {
  think_ms: number;
  acks_per_s: number;
  p50_ms: number | null;
  p99_ms: number | null;
  errors: number;
  /** The load generator's own event-loop lag during the step: a late ack read here is not the server's. */
  generator_lag_max_ms: number | null;
}

/**
 * Every client sends `event(payload)` in a loop with a random think time around `thinkMs` for
 * `durationMs`; returns the acknowledged rate and latencies. In-flight messages at the end count.
 */
async function step(
  clients: Array<{ socket: Socket; payload: (n: number) => unknown }>,
  event: string,
  thinkMs: number,
  durationMs: number,
): Promise<Step> {
  const latencies: number[] = [];
  let errors = 0;
  const until = performance.now() + durationMs;
  const lag = sampleEventLoopLag();
  await Promise.all(
    clients.map(async (client, index) => {
      // Spread the first sends over the think time so the clients do not move in lockstep.
      await sleep(Math.random() * Math.max(thinkMs, 5));
      for (let n = index; performance.now() < until; n++) {
        const sent = performance.now();
        try {
          const ack = await client.socket.timeout(30_000).emitWithAck(event, client.payload(n));
          if (ack?.ok) latencies.push(performance.now() - sent);
          else errors++;
        } catch {
          errors++;
        }
        if (thinkMs > 0) await sleep(thinkMs * (0.5 + Math.random()));
        else await new Promise((resolve) => setImmediate(resolve));
      }
    }),
  );
  const elapsed = Math.max(durationMs, 1) / 1000;
  return {
    think_ms: thinkMs,
    acks_per_s: Math.round(latencies.length / elapsed),
    p50_ms: percentile(latencies, 50),
    p99_ms: percentile(latencies, 99),
    errors,
    generator_lag_max_ms: lag.stop(Number.POSITIVE_INFINITY).max,
  };
}

/** Steps down the think times until p99 passes the limit or errors appear; the best rate before. */
async function saturate(
  label: string,
  clients: Array<{ socket: Socket; payload: (n: number) => unknown }>,
  event: string,
  stepMs: number,
  thinkSteps: readonly number[],
): Promise<{ max: number; steps: Step[] }> {
  const steps: Step[] = [];
  let max = 0;
  // Warm-up, not counted: every client's first message (the app reads the attempt once).
  await Promise.all(
    clients.map((client) =>
      client.socket
        .timeout(60_000)
        .emitWithAck(event, client.payload(0))
        .catch(() => {}),
    ),
  );
  for (const thinkMs of thinkSteps) {
    settleLoadGenerator();
    const result = await step(clients, event, thinkMs, stepMs);
    steps.push(result);
    console.log(
      `${label}: think ${thinkMs} ms → ${result.acks_per_s} acks/s, p50 ${result.p50_ms} ms, p99 ${result.p99_ms} ms, errors ${result.errors}, generator lag max ${result.generator_lag_max_ms} ms`,
    );
    if (result.errors > 0 || (result.p99_ms ?? Number.POSITIVE_INFINITY) > P99_LIMIT_MS) break;
    max = Math.max(max, result.acks_per_s);
  }
  return { max, steps };
}

async function runOnce(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      contestants: { type: "string", default: "5000" },
      "step-seconds": { type: "string", default: "10" },
      "database-url": { type: "string" },
      "redis-url": { type: "string" },
      embedded: { type: "boolean", default: false },
      profile: { type: "string" },
      "think-steps": { type: "string" },
      processes: { type: "string", default: "1" },
      runs: { type: "string", default: "1" },
    },
  });
  const processes = Math.max(1, Number(values.processes));
  const profileDir = values.profile ? path.resolve(values.profile) : null;
  // A shorter ladder (e.g. "1000,500") to look at a few rates only, with --profile.
  const thinkSteps = values["think-steps"] ? values["think-steps"].split(",").map(Number) : THINK_STEPS_MS;
  const contestants = Number(values.contestants);
  const stepMs = Number(values["step-seconds"]) * 1000;
  const databaseUrl = values.embedded ? undefined : (values["database-url"] ?? process.env.DATABASE_URL);
  const redisUrl = values.embedded ? undefined : (values["redis-url"] ?? process.env.REDIS_URL);

  // 1. The app: contestants logged in, each with a running attempt, connected.
  const server: BenchServer = await startBenchServer({
    databaseUrl,
    redisUrl,
    processes,
    nodeFlags: profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [],
  });
  const httpClients = server.urls.map((url) => httpClient(url));
  const sockets: Socket[] = [];
  let runtime: StartedRuntime | null = null;
  let app: { max: number; steps: Step[] };
  let appRssMb: number;
  let setupErrors = 0;
  try {
    runtime = await benchRuntime(server);
    const contest = await createBenchContest(runtime.db, contestants);
    const clients: Array<{ socket: Socket; payload: (n: number) => unknown }> = [];
    await inBatches(contest.emails, 32, async (email, index) => {
      const url = server.urls[index % server.urls.length];
      const http = httpClients[index % httpClients.length];
      try {
        const login = await http.request("POST", "/login", { form: { identifier: email, password: BENCH_PASSWORD } });
        const cookie = cookieFrom(login, "la_session");
        if (!cookie) throw new Error(`login ${login.status}`);
        const start = await http.request(
          "POST",
          dataPath(`/contests/${contest.slug}`, "routes/contests.$slug._index"),
          {
            cookie,
            form: { intent: "start", roundId: contest.roundId },
          },
        );
        const attemptId = String(start.headers["x-remix-redirect"] ?? "").split("/")[2];
        if (!attemptId) throw new Error(`start ${start.status}`);
        const socket = await connect(url, cookie);
        sockets.push(socket);
        clients.push({ socket, payload: (n) => ({ attemptId, position: n % 16, selected: [n % 2] }) });
      } catch {
        setupErrors++;
      }
    });
    console.log(`${server.description}: ${clients.length} contestants ready (${setupErrors} failed to set up)`);
    app = await saturate("app", clients, "attempt:answer", stepMs, thinkSteps);
    appRssMb = memoryMb(server.pids).peakRssMb;
  } finally {
    for (const socket of sockets.splice(0)) socket.close();
    for (const http of httpClients) http.agent.destroy();
    await runtime?.close();
    await server.cleanup();
  }

  // 2. The bare Socket.IO server(s): the same number of clients, the same steps.
  const bares = Array.from({ length: processes }, () =>
    fork(path.resolve("bench/support/bare-ack-server.ts"), [], {
      execArgv: ["--import", "tsx"],
      stdio: ["ignore", "pipe", "inherit", "ipc"],
    }),
  );
  let baseline: { max: number; steps: Step[] };
  try {
    const urls = await Promise.all(
      bares.map(
        (bare) =>
          new Promise<string>((resolve, reject) => {
            bare.once("message", (message: { port: number }) => resolve(`http://127.0.0.1:${message.port}`));
            bare.once("exit", (code) => reject(new Error(`bare server exited with ${code}`)));
          }),
      ),
    );
    const clients: Array<{ socket: Socket; payload: (n: number) => unknown }> = [];
    await inBatches(
      Array.from({ length: contestants }, (_, i) => i),
      100,
      async (i) => {
        const socket = await connect(urls[i % urls.length], null);
        sockets.push(socket);
        clients.push({ socket, payload: (n) => ({ attemptId: `a${i}`, position: n % 16, selected: [n % 2] }) });
      },
    );
    baseline = await saturate("bare", clients, "answer", stepMs, thinkSteps);
  } finally {
    for (const socket of sockets.splice(0)) socket.close();
    for (const bare of bares) bare.kill();
  }

  const ratio = baseline.max > 0 ? Math.round((app.max / baseline.max) * 100) / 100 : null;
  printTable(`saturation (${contestants} clients, ${server.description})`, [
    ["app max answers/s (p99 ≤ 250 ms, no errors)", app.max],
    ["bare Socket.IO max acks/s", baseline.max],
    ["ratio", ratio],
    ["server peak RSS MB", appRssMb],
  ]);
  return {
    scenario: "saturation",
    contestants,
    // At the maximum rate there are none by definition; these are clients that could not start.
    errors: setupErrors,
    lost_answers: null,
    start_p95_ms: null,
    answer_p50_ms: null,
    answer_p99_ms: null,
    board_delay_p95_ms: null,
    answers_per_s: app.max,
    baseline_per_s: baseline.max,
    ratio,
    server_peak_rss_mb: appRssMb,
    server_processes: processes,
    app_steps: app.steps,
    bare_steps: baseline.steps,
    machine: `${os.cpus().length} cores, node ${process.version}, load average ${os
      .loadavg()
      .map((value) => value.toFixed(1))
      .join(" ")}`,
  };
}

/** `--runs N`: N whole runs (app and bare each time), the medians of their figures and the spread. */
export async function run(args: string[]) {
  const { values } = parseArgs({ args, options: { runs: { type: "string", default: "1" } }, strict: false });
  return repeated(Math.max(1, Number(values.runs)), () => runOnce(args), [
    "answers_per_s",
    "baseline_per_s",
    "ratio",
    "server_peak_rss_mb",
  ]);
}
