import { fork } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import type { StartedRuntime } from "~/boot.server";
import { BENCH_PASSWORD, createBenchContest } from "./support/contest-fixture";
import { cookieFrom, dataPath, httpClient } from "./support/http";
import { countOption } from "./support/options";
import { cpuSeconds, memoryMb } from "./support/process-stats";
import { repeated } from "./support/runs";
import { type BenchServer, benchRuntime, startBenchServer } from "./support/server";
import { inBatches, printTable } from "./support/stats";

/**
 * `pages` (issue 8): HTTP throughput and latency of the pages everyone opens, for a fixed
 * duration with a fixed number of keep-alive connections (autocannon), against a bare Express
 * "hello" on the same machine (bench/support/bare-http-server.ts, its own process):
 * - the public contest page `/contests/<slug>` (full HTML, anonymous);
 * - the attempt page `/attempts/<id>` (full HTML) of logged-in contestants with a running
 *   attempt, each connection being another contestant;
 * - the attempt page's data request `?_data=routes/attempts.$attemptId._index`, as Remix's
 *   router fetches it on a client-side navigation.
 * Requests ask for gzip like a browser (the app compresses; the bare "hello" is too short to).
 * `ratio` per page = the app's requests/s ÷ the bare server's; the common `ratio` field is the
 * lowest of them. Latencies are autocannon's (p50/p99 over all requests). `--runs N` repeats
 * the whole scenario and reports medians; `--profile DIR` writes the server's CPU profile.
 */
const ROUTE_ATTEMPT = "routes/attempts.$attemptId._index";
const CONTEST = "contest page (HTML, anonymous)";
const ATTEMPT = "attempt page (HTML)";
const ATTEMPT_DATA = "attempt page data (?_data=)";

interface Load {
  req_per_s: number;
  p50_ms: number;
  p99_ms: number;
  requests: number;
  errors: number;
  non_2xx: number;
  kb_per_response: number | null;
  server_cpu_percent: number | null;
}

async function load(
  url: string,
  options: {
    connections: number;
    durationS: number;
    /** Per connection (its index): another path and cookie, e.g. each contestant's own attempt. */
    perClient?: (index: number) => { path: string; cookie: string };
    pid?: number;
  },
): Promise<Load> {
  const cpuBefore = options.pid ? cpuSeconds(options.pid) : 0;
  const headers = { "accept-encoding": "gzip", accept: "text/html,*/*" };
  let next = 0;
  const perClient = options.perClient;
  const result = await autocannon({
    url,
    connections: options.connections,
    duration: options.durationS,
    timeout: 30,
    headers,
    setupClient: perClient
      ? (client) => {
          const { path, cookie } = perClient(next++);
          client.setRequests([{ method: "GET", path, headers: { ...headers, cookie } }]);
        }
      : undefined,
  });
  const cpu = options.pid ? cpuSeconds(options.pid) - cpuBefore : null;
  const ok = result["2xx"];
  return {
    req_per_s: Math.round(ok / result.duration),
    p50_ms: result.latency.p50,
    p99_ms: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    non_2xx: result.non2xx,
    kb_per_response: ok > 0 ? Math.round((result.throughput.total / ok / 1024) * 10) / 10 : null,
    server_cpu_percent: cpu === null ? null : Math.round((cpu / result.duration) * 100),
  };
}

async function bareServer(): Promise<{ url: string; pid: number; stop: () => void }> {
  const child = fork(path.resolve("bench/support/bare-http-server.ts"), [], {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once("message", (message: { port: number }) => resolve(message.port));
    child.once("exit", (code) => reject(new Error(`bare server exited with ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}`, pid: child.pid as number, stop: () => child.kill() };
}

const MEDIAN_FIELDS = [
  "baseline_per_s",
  "ratio",
  "server_peak_rss_mb",
  "contest_page_req_per_s",
  "contest_page_p99_ms",
  "attempt_page_req_per_s",
  "attempt_page_p99_ms",
  "attempt_data_req_per_s",
  "attempt_data_p99_ms",
] as const;

export async function run(args: string[]) {
  const { values } = parseArgs({ args, options: { runs: { type: "string", default: "1" } }, strict: false });
  return repeated(countOption("runs", values.runs), () => runOnce(args), MEDIAN_FIELDS);
}

async function runOnce(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      runs: { type: "string" },
      profile: { type: "string" },
      duration: { type: "string", default: "10" },
      connections: { type: "string", default: "50" },
      contestants: { type: "string" },
      "database-url": { type: "string" },
      "redis-url": { type: "string" },
      embedded: { type: "boolean", default: false },
    },
  });
  const durationS = Number(values.duration);
  const connections = Number(values.connections);
  // One contestant per connection by default, so the attempt page is not one user's, cached.
  const contestants = Number(values.contestants ?? connections);
  const databaseUrl = values.embedded ? undefined : (values["database-url"] ?? process.env.DATABASE_URL);
  const redisUrl = values.embedded ? undefined : (values["redis-url"] ?? process.env.REDIS_URL);
  const loadBefore = os.loadavg()[0];

  // 1. The bare Express "hello": the ceiling of this machine for HTTP.
  const bare = await bareServer();
  let baseline: Load;
  try {
    await load(bare.url, { connections, durationS: 1 }); // warm-up
    baseline = await load(bare.url, { connections, durationS, pid: bare.pid });
    console.log(`bare Express: ${baseline.req_per_s} req/s, p50 ${baseline.p50_ms} ms, p99 ${baseline.p99_ms} ms`);
  } finally {
    bare.stop();
  }

  // 2. The app: a contest with logged-in contestants, each with a running attempt.
  const server: BenchServer = await startBenchServer({
    databaseUrl,
    redisUrl,
    nodeFlags: values.profile ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(values.profile)}`] : [],
  });
  const http = httpClient(server.url);
  let runtime: StartedRuntime | null = null;
  let setupErrors = 0;
  const pages: Record<string, Load & { path: string; ratio: number | null }> = {};
  let peakRssMb: number;
  try {
    runtime = await benchRuntime(server);
    const contest = await createBenchContest(runtime.db, contestants);
    const sessions: Array<{ cookie: string; attemptId: string }> = [];
    await inBatches(contest.emails, 16, async (email) => {
      try {
        const login = await http.request("POST", "/login", { form: { identifier: email, password: BENCH_PASSWORD } });
        const cookie = cookieFrom(login, "la_session");
        if (!cookie) throw new Error(`login ${login.status}`);
        const start = await http.request(
          "POST",
          dataPath(`/contests/${contest.slug}`, "routes/contests.$slug._index"),
          { cookie, form: { intent: "start", roundId: contest.roundId } },
        );
        const attemptId = String(start.headers["x-remix-redirect"] ?? "").split("/")[2];
        if (!attemptId) throw new Error(`start ${start.status}`);
        sessions.push({ cookie, attemptId });
      } catch {
        setupErrors++;
      }
    });
    console.log(`${server.description}: ${sessions.length} contestants with a running attempt (${setupErrors} failed)`);
    if (sessions.length === 0) throw new Error("no contestant could start an attempt");

    // Each connection is one contestant: its cookie and its own attempt's path.
    const attemptPath = (index: number) => `/attempts/${sessions[index % sessions.length].attemptId}`;
    const cookie = (index: number) => sessions[index % sessions.length].cookie;
    const targets: Array<{
      name: string;
      path: string;
      perClient?: (index: number) => { path: string; cookie: string };
    }> = [
      { name: CONTEST, path: `/contests/${contest.slug}` },
      {
        name: ATTEMPT,
        path: "/attempts/<id>",
        perClient: (index) => ({ path: attemptPath(index), cookie: cookie(index) }),
      },
      {
        name: ATTEMPT_DATA,
        path: dataPath("/attempts/<id>", ROUTE_ATTEMPT),
        perClient: (index) => ({ path: dataPath(attemptPath(index), ROUTE_ATTEMPT), cookie: cookie(index) }),
      },
    ];
    for (const target of targets) {
      const result = await load(`${server.url}${target.perClient ? "/" : target.path}`, {
        connections,
        durationS,
        perClient: target.perClient,
        pid: server.pid,
      });
      pages[target.name] = {
        path: target.path,
        ...result,
        ratio: baseline.req_per_s > 0 ? Math.round((result.req_per_s / baseline.req_per_s) * 1000) / 1000 : null,
      };
      console.log(`${target.name}: ${result.req_per_s} req/s, p50 ${result.p50_ms} ms, p99 ${result.p99_ms} ms`);
    }
    peakRssMb = memoryMb(server.pid).peakRssMb;
  } finally {
    http.agent.destroy();
    await runtime?.close();
    await server.cleanup();
  }

  const rows: Array<[string, string | number | null]> = [
    ["bare Express hello", `${baseline.req_per_s} req/s, p50 ${baseline.p50_ms} ms, p99 ${baseline.p99_ms} ms`],
  ];
  for (const [name, page] of Object.entries(pages))
    rows.push([
      name,
      `${page.req_per_s} req/s, p50 ${page.p50_ms} ms, p99 ${page.p99_ms} ms, ratio ${page.ratio}, errors ${page.errors + page.non_2xx}, ${page.kb_per_response} KB, server CPU ${page.server_cpu_percent} %`,
    ]);
  rows.push(["server peak RSS MB", peakRssMb]);
  printTable(`pages (${connections} connections × ${durationS} s, ${server.description})`, rows);
  const ratios = Object.values(pages)
    .map((page) => page.ratio)
    .filter((ratio): ratio is number => ratio !== null);
  return {
    scenario: "pages",
    contestants: contestants - setupErrors,
    errors: setupErrors + Object.values(pages).reduce((sum, page) => sum + page.errors + page.non_2xx, 0),
    lost_answers: null,
    start_p95_ms: null,
    answer_p50_ms: null,
    answer_p99_ms: null,
    board_delay_p95_ms: null,
    answers_per_s: null,
    baseline_per_s: baseline.req_per_s,
    ratio: ratios.length > 0 ? Math.min(...ratios) : null,
    server_peak_rss_mb: peakRssMb,
    contest_page_req_per_s: pages[CONTEST].req_per_s,
    contest_page_p99_ms: pages[CONTEST].p99_ms,
    attempt_page_req_per_s: pages[ATTEMPT].req_per_s,
    attempt_page_p99_ms: pages[ATTEMPT].p99_ms,
    attempt_data_req_per_s: pages[ATTEMPT_DATA].req_per_s,
    attempt_data_p99_ms: pages[ATTEMPT_DATA].p99_ms,
    database: server.description,
    connections,
    duration_s: durationS,
    bare: baseline,
    pages,
    machine: `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}, load average before ${loadBefore.toFixed(1)}, after ${os.loadavg()[0].toFixed(1)}`,
  };
}
