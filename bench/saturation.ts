import { fork } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import type { StartedRuntime } from "~/boot.server";
import type { WorkerClient } from "./support/answer-worker";
import { type AnswerWorkers, startAnswerWorkers } from "./support/answer-workers";
import { BENCH_PASSWORD, createBenchContest } from "./support/contest-fixture";
import { cookieFrom, dataPath, httpClient } from "./support/http";
import { countOption } from "./support/options";
import { memoryMb } from "./support/process-stats";
import { repeated } from "./support/runs";
import { type BenchServer, benchRuntime, startBenchServer } from "./support/server";
import { inBatches, percentile, printTable } from "./support/stats";

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
 *
 * The clients' sockets live on `--generator-threads` worker threads (2 by default), so that one
 * thread's garbage collection does not stall every client at once and end a ladder early.
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

/** Steps down the think times until p99 passes the limit or errors appear; the best rate before. */
async function saturate(
  label: string,
  generator: AnswerWorkers,
  stepMs: number,
  thinkSteps: readonly number[],
): Promise<{ max: number; steps: Step[] }> {
  const steps: Step[] = [];
  let max = 0;
  await generator.warmUp();
  for (const thinkMs of thinkSteps) {
    const measured = await generator.step(thinkMs, stepMs);
    const { latencies } = measured;
    const result: Step = {
      think_ms: thinkMs,
      // In-flight messages at the end of the step count.
      acks_per_s: Math.round(latencies.length / (Math.max(stepMs, 1) / 1000)),
      p50_ms: percentile(latencies, 50),
      p99_ms: percentile(latencies, 99),
      errors: measured.errors,
      generator_lag_max_ms: measured.lagMaxMs,
    };
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
      "generator-threads": { type: "string", default: "2" },
      runs: { type: "string", default: "1" },
    },
  });
  const processes = countOption("processes", values.processes);
  const generatorThreads = countOption("generator-threads", values["generator-threads"]);
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
  let generator: AnswerWorkers | null = null;
  let runtime: StartedRuntime | null = null;
  let app: { max: number; steps: Step[] };
  let appRssMb: number;
  let setupErrors = 0;
  try {
    runtime = await benchRuntime(server);
    const contest = await createBenchContest(runtime.db, contestants);
    const clients: WorkerClient[] = [];
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
        clients.push({ url, cookie, attemptId });
      } catch {
        setupErrors++;
      }
    });
    generator = await startAnswerWorkers(clients, "attempt:answer", generatorThreads);
    setupErrors += generator.failed;
    console.log(
      `${server.description}: ${generator.connected} contestants ready (${setupErrors} failed to set up), ${generatorThreads} load generator threads`,
    );
    app = await saturate("app", generator, stepMs, thinkSteps);
    appRssMb = memoryMb(server.pids).peakRssMb;
  } finally {
    await generator?.close();
    generator = null;
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
    const clients = Array.from({ length: contestants }, (_, i) => ({
      url: urls[i % urls.length],
      cookie: null,
      attemptId: `a${i}`,
    }));
    generator = await startAnswerWorkers(clients, "answer", generatorThreads);
    if (generator.failed > 0) throw new Error(`${generator.failed} clients could not connect to the bare server`);
    baseline = await saturate("bare", generator, stepMs, thinkSteps);
  } finally {
    await generator?.close();
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
    generator_threads: generatorThreads,
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
  return repeated(countOption("runs", values.runs), () => runOnce(args), [
    "answers_per_s",
    "baseline_per_s",
    "ratio",
    "server_peak_rss_mb",
  ]);
}
