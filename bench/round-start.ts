import { copyFileSync, mkdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import type { Socket } from "socket.io-client";
import type { StartedRuntime } from "~/boot.server";
import { BENCH_PASSWORD, type BenchContest, createBenchContest } from "./support/contest-fixture";
import { cookieFrom, dataPath, httpClient } from "./support/http";
import { countOption } from "./support/options";
import { cpuSeconds, memoryMb, watchProcess } from "./support/process-stats";
import { type BenchServer, benchRuntime, startBenchServer } from "./support/server";
import { settleLoadGenerator } from "./support/settle";
import { connect } from "./support/socket";
import { inBatches, percentile, printTable, sampleEventLoopLag, sleep, summary } from "./support/stats";

/**
 * `round-start` (issue 8): N contestants logged in and connected, all starting the same round
 * within one second, each answering 16 questions with 1–3 s of thought and submitting, while
 * 50 anonymous watchers follow the live board. Everything goes through the paths a browser
 * uses: the log-in form, the contest page's start action and the attempt page's data (Remix
 * data requests, as the router sends them after hydration), answers over the Socket.IO
 * `attempt:answer` event (acknowledged once committed), the submit action, `board:watch`.
 *
 * Measured: start (the start action plus the attempt page's data: until the questions are on
 * screen), answer acknowledgements, submit, errors, answers per second, board push delay (from
 * an attempt's close, read from PostgreSQL, to the first push to a watcher that counts it),
 * the server's CPU and peak RSS; then `lost_answers`: acknowledged answers missing from the
 * database.
 */
const ROUTE_CONTEST = "routes/contests.$slug._index";
const ROUTE_ATTEMPT = "routes/attempts.$attemptId._index";
// Generous: a timeout counts as an error, and this measures correctness as well as speed.
const ACK_TIMEOUT_MS = 30_000;

interface Options {
  contestants: number;
  watchers: number;
  thinkMinMs: number;
  thinkMaxMs: number;
  startWindowMs: number;
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  answers: "socket" | "http";
  /** How contestants start and submit: over the socket, as the pages do with JavaScript, or the pages' HTTP actions. */
  startVia: "socket" | "http";
  profileDir: string | null;
  /** Identical server processes, clients spread over them (PostgreSQL and Redis only). */
  processes: number;
}

interface Contestant {
  email: string;
  cookie: string;
  socket: Socket | null;
  /** Which server process this contestant uses (with --processes). */
  server: number;
}

interface Push {
  at: number;
  total: number;
}

class Errors {
  readonly kinds = new Map<string, number>();
  count = 0;
  add(kind: string) {
    this.count++;
    this.kinds.set(kind, (this.kinds.get(kind) ?? 0) + 1);
  }
}

function options(args: string[]): Options & { runs: number } {
  const { values } = parseArgs({
    args,
    options: {
      contestants: { type: "string", default: "5000" },
      watchers: { type: "string", default: "50" },
      "think-min": { type: "string", default: "1000" },
      "think-max": { type: "string", default: "3000" },
      "start-window": { type: "string", default: "1000" },
      "database-url": { type: "string" },
      "redis-url": { type: "string" },
      embedded: { type: "boolean", default: false },
      answers: { type: "string", default: "socket" },
      start: { type: "string", default: "socket" },
      profile: { type: "string" },
      runs: { type: "string", default: "1" },
      processes: { type: "string", default: "1" },
    },
  });
  const embedded = values.embedded;
  return {
    contestants: Number(values.contestants),
    watchers: Number(values.watchers),
    thinkMinMs: Number(values["think-min"]),
    thinkMaxMs: Number(values["think-max"]),
    startWindowMs: Number(values["start-window"]),
    databaseUrl: embedded ? undefined : (values["database-url"] ?? process.env.DATABASE_URL),
    redisUrl: embedded ? undefined : (values["redis-url"] ?? process.env.REDIS_URL),
    answers: values.answers === "http" ? "http" : "socket",
    startVia: values.start === "http" ? "http" : "socket",
    profileDir: values.profile ? path.resolve(values.profile) : null,
    runs: countOption("runs", values.runs),
    processes: countOption("processes", values.processes),
  };
}

const randomBetween = (min: number, max: number) => min + Math.random() * (max - min);

async function runOnce(opts: Options) {
  const server: BenchServer = await startBenchServer({
    databaseUrl: opts.databaseUrl,
    redisUrl: opts.redisUrl,
    processes: opts.processes,
    nodeFlags: opts.profileDir ? ["--cpu-prof", `--cpu-prof-dir=${opts.profileDir}`] : [],
  });
  let runtime: StartedRuntime | null = null;
  const sockets: Socket[] = [];
  // One HTTP client per server process; contestant i uses process i mod N.
  const httpClients = server.urls.map((url) => httpClient(url));
  try {
    runtime = await benchRuntime(server);
    const db = runtime.db;
    const setupStarted = performance.now();
    const contest: BenchContest = await createBenchContest(db, opts.contestants);
    console.log(
      `${server.description}: ${opts.contestants} accounts registered in ${Math.round(performance.now() - setupStarted)} ms`,
    );
    const errors = new Errors();

    // 1. Log in (the form's POST, as without JavaScript: a redirect with the session cookie).
    const loginStarted = performance.now();
    const contestants: Contestant[] = [];
    await inBatches(contest.emails, 64, async (email, index) => {
      const serverIndex = index % server.urls.length;
      try {
        const response = await httpClients[serverIndex].request("POST", "/login", {
          form: { identifier: email, password: BENCH_PASSWORD, redirectTo: `/contests/${contest.slug}` },
        });
        const cookie = cookieFrom(response, "la_session");
        if (response.status !== 302 || !cookie) return errors.add(`login ${response.status}`);
        contestants.push({ email, cookie, socket: null, server: serverIndex });
      } catch {
        errors.add("login failed");
      }
    });
    const loginMs = performance.now() - loginStarted;
    console.log(`logged in ${contestants.length} in ${(loginMs / 1000).toFixed(1)} s`);

    // 2. Connected and waiting: every contestant's socket, and the watchers on the board.
    const connectStarted = performance.now();
    await inBatches(contestants, 100, async (contestant) => {
      try {
        contestant.socket = await connect(server.urls[contestant.server], contestant.cookie);
        sockets.push(contestant.socket);
      } catch {
        errors.add("socket connect");
      }
    });
    const watcherPushes: Push[][] = [];
    await inBatches(
      Array.from({ length: opts.watchers }, (_, i) => i),
      25,
      async (watcher) => {
        try {
          const socket = await connect(server.urls[watcher % server.urls.length], null);
          sockets.push(socket);
          const pushes: Push[] = [];
          watcherPushes.push(pushes);
          socket.on("board:update", (update: { roundId: string; board: { total: number } }) => {
            if (update.roundId === contest.roundId) pushes.push({ at: Date.now(), total: update.board.total });
          });
          const ack = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck("board:watch", { roundId: contest.roundId });
          if (!ack?.ok) errors.add(`board:watch ${ack?.code}`);
          else pushes.push({ at: Date.now(), total: ack.board.total });
        } catch {
          errors.add("watcher connect");
        }
      },
    );
    for (const socket of sockets) socket.on("disconnect", (reason) => errors.add(`disconnect: ${reason}`));
    console.log(`${sockets.length} sockets connected in ${((performance.now() - connectStarted) / 1000).toFixed(1)} s`);
    // Where the memory goes: the peak so far (log-ins) and what the waiting connections hold.
    const memoryConnected = memoryMb(server.pids);

    // 3. The storm: everyone starts within the window, answers, submits.
    const startMs: number[] = [];
    const startActionMs: number[] = [];
    const answerMs: number[] = [];
    const submitMs: number[] = [];
    const acked: Array<{ attemptId: string; position: number }> = [];
    const attemptIds: string[] = [];
    let firstAnswerAt = Number.POSITIVE_INFINITY;
    let lastAnswerAt = 0;
    const cpuBefore = cpuSeconds(server.pids);
    const benchCpuBefore = process.cpuUsage();
    const watch = watchProcess(server.pids);
    settleLoadGenerator();
    const stormStarted = performance.now();
    const t0 = stormStarted + 200;
    // The load generator's own lateness while the starts are in flight: a busy generator reads
    // acks late, and that shows as start latency the server did not cause.
    const generatorLag = sampleEventLoopLag();
    let lastStartAt = 0;

    const answer = async (contestant: Contestant, attemptId: string, position: number, selected: number[]) => {
      const sent = performance.now();
      if (opts.answers === "socket") {
        const ack = await (contestant.socket as Socket)
          .timeout(ACK_TIMEOUT_MS)
          .emitWithAck("attempt:answer", { attemptId, position, selected });
        if (!ack?.ok) throw new Error(`answer ${ack?.code}`);
      } else {
        const form = new URLSearchParams({ position: String(position) });
        for (const index of selected) form.append("selected", String(index));
        const response = await httpClients[contestant.server].request("POST", `/attempts/${attemptId}/answer`, {
          cookie: contestant.cookie,
          form: Object.fromEntries(form),
        });
        if (response.status !== 200) throw new Error(`answer ${response.status}`);
      }
      const done = performance.now();
      answerMs.push(done - sent);
      firstAnswerAt = Math.min(firstAnswerAt, done);
      lastAnswerAt = Math.max(lastAnswerAt, done);
      acked.push({ attemptId, position });
    };

    await Promise.all(
      contestants.map(async (contestant) => {
        if (!contestant.socket) return;
        await sleep(t0 + Math.random() * opts.startWindowMs - performance.now());
        const started = performance.now();
        let attemptId: string;
        let questions: Array<{ position: number; type: string; options: string[] }>;
        try {
          if (opts.startVia === "socket") {
            // The contest page's start with JavaScript: the ack carries the attempt page's data.
            const ack = await (contestant.socket as Socket)
              .timeout(ACK_TIMEOUT_MS)
              .emitWithAck("attempt:start", { roundId: contest.roundId });
            if (!ack?.ok) return errors.add(`start ${ack?.code}`);
            attemptId = ack.attemptId;
            questions = ack.page.questions;
            startActionMs.push(performance.now() - started);
          } else {
            const http = httpClients[contestant.server];
            const start = await http.request("POST", dataPath(`/contests/${contest.slug}`, ROUTE_CONTEST), {
              cookie: contestant.cookie,
              form: { intent: "start", roundId: contest.roundId },
            });
            const location = start.headers["x-remix-redirect"];
            if (typeof location !== "string" || !location.startsWith("/attempts/"))
              return errors.add(`start ${start.status}`);
            attemptId = location.split("/")[2];
            startActionMs.push(performance.now() - started);
            // After an action the router reloads every route's data: the root's and the page's.
            const [root, page] = await Promise.all([
              http.request("GET", dataPath(location, "root"), { cookie: contestant.cookie }),
              http.request("GET", dataPath(location, ROUTE_ATTEMPT), { cookie: contestant.cookie }),
            ]);
            if (root.status !== 200 || page.status !== 200) return errors.add(`attempt page ${page.status}`);
            questions = JSON.parse(page.body).questions;
          }
          startMs.push(performance.now() - started);
          lastStartAt = Math.max(lastStartAt, performance.now());
          attemptIds.push(attemptId);
        } catch {
          return errors.add("start failed");
        }
        for (const question of questions) {
          await sleep(randomBetween(opts.thinkMinMs, opts.thinkMaxMs));
          const choice = Math.floor(Math.random() * question.options.length);
          try {
            await answer(contestant, attemptId, question.position, [choice]);
          } catch (error) {
            errors.add(error instanceof Error ? error.message : "answer failed");
          }
        }
        const submitStarted = performance.now();
        try {
          if (opts.startVia === "socket") {
            const ack = await (contestant.socket as Socket)
              .timeout(ACK_TIMEOUT_MS)
              .emitWithAck("attempt:submit", { attemptId, prediction: null });
            if (!ack?.ok) return errors.add(`submit ${ack?.code}`);
          } else {
            const submit = await httpClients[contestant.server].request(
              "POST",
              dataPath(`/attempts/${attemptId}`, ROUTE_ATTEMPT),
              {
                cookie: contestant.cookie,
                form: { intent: "submit" },
              },
            );
            if (!String(submit.headers["x-remix-redirect"] ?? "").endsWith("/result"))
              return errors.add(`submit ${submit.status}`);
          }
          submitMs.push(performance.now() - submitStarted);
        } catch {
          errors.add("submit failed");
        }
      }),
    );
    const stormMs = performance.now() - stormStarted;
    const generatorLagDuringStarts = generatorLag.stop(lastStartAt);
    // The last pushes: the board is pushed at most every 500 ms.
    await sleep(2_000);
    watch.stop();
    const serverCpu = cpuSeconds(server.pids) - cpuBefore;
    const benchCpu = process.cpuUsage(benchCpuBefore);
    const memory = memoryMb(server.pids);

    // 4. What PostgreSQL holds: every acknowledged answer, and when each attempt closed.
    const stored = await db.attemptAnswer.findMany({
      where: { attemptId: { in: attemptIds } },
      select: { attemptId: true, position: true },
    });
    const storedKeys = new Set(stored.map((row) => `${row.attemptId}:${row.position}`));
    const lostAnswers = acked.filter((answer) => !storedKeys.has(`${answer.attemptId}:${answer.position}`)).length;
    const closed = await db.attempt.findMany({
      where: { roundId: contest.roundId, closedAt: { not: null } },
      select: { closedAt: true },
      orderBy: { closedAt: "asc" },
    });
    const closedAt = closed.map((attempt) => (attempt.closedAt as Date).getTime());
    const boardDelays: number[] = [];
    let boardMissing = 0;
    for (const pushes of watcherPushes) {
      let next = 0;
      for (const [index, at] of closedAt.entries()) {
        while (next < pushes.length && pushes[next].total < index + 1) next++;
        if (next === pushes.length) {
          boardMissing++;
          continue;
        }
        boardDelays.push(Math.max(0, pushes[next].at - at));
      }
    }
    if (boardMissing > 0) errors.add(`board never showed ${boardMissing} closes`);
    if (errors.count > 0) {
      const log = path.resolve("bench/results", `round-start-server-${Date.now()}.log`);
      mkdirSync(path.dirname(log), { recursive: true });
      copyFileSync(server.logFile, log);
      console.error(`errors: the server's log is in ${log}`);
    }

    const start = summary(startMs);
    const answers = summary(answerMs);
    const submit = summary(submitMs);
    const answersPerSecond = acked.length / Math.max(0.001, (lastAnswerAt - firstAnswerAt) / 1000);
    return {
      scenario: "round-start",
      contestants: opts.contestants,
      errors: errors.count,
      lost_answers: lostAnswers,
      start_p95_ms: start.p95,
      answer_p50_ms: answers.p50,
      answer_p99_ms: answers.p99,
      board_delay_p95_ms: percentile(boardDelays, 95),
      answers_per_s: Math.round(answersPerSecond),
      baseline_per_s: null,
      ratio: null,
      server_peak_rss_mb: memory.peakRssMb,
      server_rss_connected_mb: memoryConnected.rssMb,
      server_peak_rss_before_storm_mb: memoryConnected.peakRssMb,
      database: server.description,
      server_processes: server.pids.length,
      answers_via: opts.answers,
      start_via: opts.startVia,
      watchers: watcherPushes.length,
      start_ms: start,
      start_action_ms: summary(startActionMs),
      generator_lag_during_starts_ms: generatorLagDuringStarts,
      answer_ms: answers,
      submit_ms: submit,
      board_delay_ms: summary(boardDelays),
      answers_acked: acked.length,
      attempts_closed: closedAt.length,
      error_kinds: Object.fromEntries(errors.kinds),
      storm_s: Math.round(stormMs / 100) / 10,
      login_s: Math.round(loginMs / 100) / 10,
      server_cpu_s: Math.round(serverCpu * 10) / 10,
      server_cpu_avg_percent: Math.round((serverCpu / ((stormMs + 2000) / 1000)) * 100),
      server_cpu_busiest_second_percent: watch.busiestCorePercent(),
      bench_cpu_s: Math.round((benchCpu.user + benchCpu.system) / 100_000) / 10,
    };
  } finally {
    for (const socket of sockets) {
      socket.removeAllListeners("disconnect");
      socket.close();
    }
    for (const http of httpClients) http.agent.destroy();
    await runtime?.close();
    await server.cleanup();
  }
}

type RunResult = Awaited<ReturnType<typeof runOnce>>;

const MEDIAN_FIELDS = [
  "start_p95_ms",
  "answer_p50_ms",
  "answer_p99_ms",
  "board_delay_p95_ms",
  "answers_per_s",
  "server_peak_rss_mb",
] as const;

export async function run(args: string[]) {
  const opts = options(args);
  const runs: RunResult[] = [];
  for (let i = 0; i < opts.runs; i++) {
    const load = os.loadavg()[0].toFixed(1);
    const result = await runOnce(opts);
    runs.push(result);
    printTable(`round-start run ${i + 1}/${opts.runs} (${result.database}; load average before: ${load})`, [
      ["contestants / watchers", `${result.contestants} / ${result.watchers}`],
      ["errors", `${result.errors} ${JSON.stringify(result.error_kinds)}`],
      ["lost answers", result.lost_answers],
      ["start ms p50 / p95 / p99", `${result.start_ms.p50} / ${result.start_ms.p95} / ${result.start_ms.p99}`],
      [
        "  of which the start action",
        `${result.start_action_ms.p50} / ${result.start_action_ms.p95} / ${result.start_action_ms.p99}`,
      ],
      ["answer ack ms p50 / p95 / p99", `${result.answer_ms.p50} / ${result.answer_ms.p95} / ${result.answer_ms.p99}`],
      ["submit ms p50 / p95 / p99", `${result.submit_ms.p50} / ${result.submit_ms.p95} / ${result.submit_ms.p99}`],
      ["board push delay ms p50 / p95", `${result.board_delay_ms.p50} / ${result.board_delay_ms.p95}`],
      ["answers acknowledged (per s)", `${result.answers_acked} (${result.answers_per_s})`],
      [
        "server CPU s (avg % / busiest s %)",
        `${result.server_cpu_s} (${result.server_cpu_avg_percent} / ${result.server_cpu_busiest_second_percent})`,
      ],
      [
        "server RSS MB: peak / connected, waiting / peak before the storm",
        `${result.server_peak_rss_mb} / ${result.server_rss_connected_mb} / ${result.server_peak_rss_before_storm_mb}`,
      ],
      ["load generator CPU s", result.bench_cpu_s],
      [
        "load generator event-loop lag during the starts ms p99 / max",
        `${result.generator_lag_during_starts_ms.p99} / ${result.generator_lag_during_starts_ms.max}`,
      ],
      ["storm duration s", result.storm_s],
    ]);
  }
  if (runs.length === 1) return { ...runs[0], machine: machine() };
  const median = (values: Array<number | null>) => {
    const known = values.filter((value): value is number => value !== null).sort((a, b) => a - b);
    return known.length === 0 ? null : known[Math.floor((known.length - 1) / 2)];
  };
  const spread = (values: Array<number | null>) => {
    const known = values.filter((value): value is number => value !== null);
    return known.length === 0 ? null : Math.round((Math.max(...known) - Math.min(...known)) * 10) / 10;
  };
  return {
    ...runs[0],
    ...Object.fromEntries(MEDIAN_FIELDS.map((field) => [field, median(runs.map((result) => result[field]))])),
    errors: runs.reduce((sum, result) => sum + result.errors, 0),
    lost_answers: runs.reduce((sum, result) => sum + result.lost_answers, 0),
    medians_of: runs.length,
    spread: Object.fromEntries(MEDIAN_FIELDS.map((field) => [field, spread(runs.map((result) => result[field]))])),
    runs,
    machine: machine(),
  };
}

function machine() {
  return `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}, load average ${os
    .loadavg()
    .map((value) => value.toFixed(1))
    .join(" ")}`;
}
