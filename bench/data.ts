import { randomBytes } from "node:crypto";
import os from "node:os";
import { parseArgs } from "node:util";
import { Redis } from "ioredis";
import type { StartedRuntime } from "~/boot.server";
import { rebuildBoards } from "~/live/board.server";
import { DEMO_LOGINS } from "../seeds/demo";
import { type DataLoad, seedDataLoad } from "./support/data-load";
import { cookieFrom, dataPath, httpClient } from "./support/http";
import { countOption } from "./support/options";
import { memoryMb } from "./support/process-stats";
import { type BenchServer, benchRuntime, startBenchServer } from "./support/server";
import { percentile, printTable } from "./support/stats";

/**
 * `data` (issue 8): the organizer's screens on a big contest. Starts the built server on a
 * fresh schema `bench_data_*` of DATABASE_URL (dropped afterwards) or, without one, a fresh
 * embedded database; seeds 200,000 participants, 250,000 attempts, 1,000,000 answers and a
 * 50,000-question bank (bench/support/data-load.ts, the same as `npm run seed:load`); then,
 * `--runs` times (median reported, and the first run on its own: the results page keeps a slow
 * item analysis for a minute), as the demo organizer of the contest's commune over HTTP:
 * - the results page's data (`?_data=routes/manage.contests.$contestId.results`) for round 1
 *   (ranking page 1, timeline, units, score distribution, item analysis of its 800,000
 *   answers, integrity flags) and for the whole contest (`?view=contest`);
 * - the Excel exports: round 1's ranking (`/rounds/<id>.xlsx`) and the contest's
 *   (`/results.xlsx`), 200,000 rows each;
 * - question-bank search: the bank page's data for four searches (a law's name, a name typed
 *   without diacritics, an article number, a word in no question);
 * and, in the bench's own process, the leaderboard rebuild from PostgreSQL (`rebuildBoards`,
 * what `npm run cli -- leaderboards:rebuild` runs) into Redis with `--redis-url` (a prefix of
 * its own, deleted afterwards), else into an in-process store.
 */
const ROUTE_RESULTS = "routes/manage.contests.$contestId.results";
const ROUTE_BANK = "routes/manage.banks.$bankId._index";
const SEARCHES = ["Luật Đất đai", "hon nhan gia dinh", "Điều 42", "khôngcótrongcâuhỏinào"];

type Timings = Record<string, number[]>;

export async function run(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      participants: { type: "string", default: "200000" },
      "answers-per": { type: "string", default: "4" },
      questions: { type: "string", default: "50000" },
      runs: { type: "string", default: "3" },
      "database-url": { type: "string" },
      "redis-url": { type: "string" },
      embedded: { type: "boolean", default: false },
    },
  });
  const runs = countOption("runs", values.runs);
  const databaseUrl = values.embedded ? undefined : (values["database-url"] ?? process.env.DATABASE_URL);
  const redisUrl = values.embedded ? undefined : (values["redis-url"] ?? process.env.REDIS_URL);
  const loadBefore = os.loadavg()[0];

  const server: BenchServer = await startBenchServer({ databaseUrl, redisUrl, schemaPrefix: "bench_data" });
  const http = httpClient(server.url);
  let runtime: StartedRuntime | null = null;
  const redisPrefix = `bench:data:${randomBytes(5).toString("hex")}:`;
  const errors: string[] = [];
  const timings: Timings = {};
  const sizes: Record<string, number> = {};
  const found: Record<string, number> = {};
  let load: DataLoad;
  let seedMs: number;
  let boards: Array<{ round: string; entries: number }> = [];
  let peakRssMb: number;
  try {
    runtime = await benchRuntime(server, { REDIS_URL: redisUrl }, { poolSize: 4, redisPrefix });
    const seedStarted = performance.now();
    load = await seedDataLoad(runtime.db, {
      participants: Number(values.participants),
      answersPer: Number(values["answers-per"]),
      questions: Number(values.questions),
    });
    seedMs = performance.now() - seedStarted;
    console.log(
      `${server.description}: seeded ${load.participants} participants, ${load.attempts} attempts, ${load.answers} answers, ${load.questions} questions in ${(seedMs / 1000).toFixed(1)} s`,
    );

    const organizer = DEMO_LOGINS.find((login) => login.role === "ORGANIZER");
    if (!organizer) throw new Error("no demo organizer");
    const login = await http.request("POST", "/login", {
      form: { identifier: organizer.identifier, password: organizer.password },
    });
    const cookie = cookieFrom(login, "la_session");
    if (!cookie) throw new Error(`organizer log-in failed: ${login.status}`);

    const timed = async (name: string, task: () => Promise<void>) => {
      const started = performance.now();
      try {
        await task();
        timings[name] = [...(timings[name] ?? []), performance.now() - started];
      } catch (error) {
        errors.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
      }
    };
    const get = async (name: string, path: string, check?: (body: string) => void) => {
      const response = await http.request("GET", path, { cookie, timeoutMs: 600_000 });
      if (response.status !== 200) throw new Error(`${response.status} ${path}`);
      sizes[name] = Math.round(Buffer.byteLength(response.body) / 1024);
      check?.(response.body);
    };
    const contestPath = `/manage/contests/${load.contestId}`;
    const [round1] = load.roundIds;
    for (let index = 0; index < runs; index++) {
      await timed("results_round", () =>
        get("results_round", dataPath(`${contestPath}/results?view=${round1}`, ROUTE_RESULTS), (body) => {
          const participants = JSON.parse(body).results.participants;
          if (participants !== load.participants) throw new Error(`round 1 shows ${participants} participants`);
        }),
      );
      await timed("results_contest", () =>
        get("results_contest", dataPath(`${contestPath}/results?view=contest`, ROUTE_RESULTS), (body) => {
          const participants = JSON.parse(body).results.participants;
          if (participants !== load.participants) throw new Error(`the contest shows ${participants} participants`);
        }),
      );
      await timed("xlsx_round", () => get("xlsx_round", `${contestPath}/rounds/${round1}.xlsx`));
      await timed("xlsx_contest", () => get("xlsx_contest", `${contestPath}/results.xlsx`));
      await timed("leaderboard_rebuild", async () => {
        const rebuilt = await rebuildBoards((runtime as StartedRuntime).db, (runtime as StartedRuntime).store);
        boards = rebuilt.rounds
          .filter((round) => load.roundIds.includes(round.roundId))
          .map((round) => ({ round: round.roundName, entries: round.entries }));
      });
      for (const [number, search] of SEARCHES.entries()) {
        const name = `bank_search_${number + 1}`;
        await timed(name, () =>
          get(name, dataPath(`/manage/banks/${load.bankId}?q=${encodeURIComponent(search)}`, ROUTE_BANK), (body) => {
            found[search] = JSON.parse(body).table.total;
          }),
        );
      }
      console.log(
        `run ${index + 1}/${runs}: ${Object.entries(timings)
          .map(([name, values]) => `${name} ${Math.round(values[index] ?? Number.NaN)} ms`)
          .join(", ")}`,
      );
    }
    peakRssMb = memoryMb(server.pid).peakRssMb;
  } finally {
    http.agent.destroy();
    await runtime?.close();
    await server.cleanup();
    if (redisUrl) await deleteKeys(redisUrl, redisPrefix);
  }

  const median = (name: string) => Math.round(percentile(timings[name] ?? [], 50) ?? Number.NaN) || null;
  const first = (name: string) => (timings[name]?.[0] === undefined ? null : Math.round(timings[name][0]));
  const searchMs = SEARCHES.map((_, number) => median(`bank_search_${number + 1}`)).filter(
    (value): value is number => value !== null,
  );
  const result = {
    scenario: "data",
    contestants: load.participants,
    errors: errors.length,
    lost_answers: null,
    start_p95_ms: null,
    answer_p50_ms: null,
    answer_p99_ms: null,
    board_delay_p95_ms: null,
    answers_per_s: null,
    baseline_per_s: null,
    ratio: null,
    server_peak_rss_mb: peakRssMb,
    database: server.description,
    rebuild_store: redisUrl ? "redis" : "in-process",
    participants: load.participants,
    attempts: load.attempts,
    answers: load.answers,
    questions: load.questions,
    runs,
    seed_s: Math.round(seedMs / 100) / 10,
    results_round_ms: median("results_round"),
    results_round_first_ms: first("results_round"),
    results_contest_ms: median("results_contest"),
    xlsx_round_ms: median("xlsx_round"),
    xlsx_contest_ms: median("xlsx_contest"),
    leaderboard_rebuild_ms: median("leaderboard_rebuild"),
    bank_search_ms: Object.fromEntries(SEARCHES.map((search, number) => [search, median(`bank_search_${number + 1}`)])),
    bank_search_max_ms: searchMs.length > 0 ? Math.max(...searchMs) : null,
    bank_search_hits: found,
    response_kb: sizes,
    boards,
    error_list: errors,
    timings_ms: Object.fromEntries(
      Object.entries(timings).map(([name, values]) => [name, values.map((value) => Math.round(value))]),
    ),
    machine: `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}, load average before ${loadBefore.toFixed(1)}, after ${os.loadavg()[0].toFixed(1)}`,
  };
  printTable(
    `data (${result.participants} participants, ${result.answers} answers, ${result.questions} questions; ${result.database}; medians of ${runs})`,
    [
      ["seed s", result.seed_s],
      ["results page, round 1 ms (first run)", `${result.results_round_ms} (${result.results_round_first_ms})`],
      ["results page, whole contest ms", result.results_contest_ms],
      ["Excel, round 1 ms (KB)", `${result.xlsx_round_ms} (${sizes.xlsx_round ?? "—"})`],
      ["Excel, whole contest ms (KB)", `${result.xlsx_contest_ms} (${sizes.xlsx_contest ?? "—"})`],
      [`leaderboard rebuild ms (${result.rebuild_store})`, result.leaderboard_rebuild_ms],
      ...SEARCHES.map((search): [string, string] => [
        `bank search "${search}" ms (hits)`,
        `${result.bank_search_ms[search]} (${found[search] ?? "—"})`,
      ]),
      ["errors", `${errors.length} ${errors.slice(0, 3).join("; ")}`],
      ["server peak RSS MB", peakRssMb],
    ],
  );
  return result;
}

async function deleteKeys(redisUrl: string, prefix: string) {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 1000);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== "0");
  } finally {
    redis.disconnect();
  }
}
