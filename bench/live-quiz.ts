import { copyFileSync, mkdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import type { Socket } from "socket.io-client";
import type { StartedRuntime } from "~/boot.server";
import { DEMO_BANK, DEMO_LOGINS } from "../seeds/demo";
import { cookieFrom, httpClient } from "./support/http";
import { countOption } from "./support/options";
import { cpuSeconds, memoryMb, watchProcess } from "./support/process-stats";
import { repeated } from "./support/runs";
import { type BenchServer, benchRuntime, startBenchServer } from "./support/server";
import { connect } from "./support/socket";
import { inBatches, percentile, printTable, sleep, summary } from "./support/stats";

/**
 * `live-quiz` (issue 8): one host and N players (default 2,000) over Socket.IO, against the
 * built server, the paths a browser uses:
 * - the demo organizer logs in and creates a session of `--questions` questions (default 20)
 *   from the demo bank through the /manage/live form, then hosts it over the socket
 *   (`quiz:host`, `quiz:control` start / reveal / next);
 * - N anonymous players connect and `quiz:join` with nicknames; on each question's
 *   `quiz:state` each answers (`quiz:answer`, a random option) after 0.5–3 s;
 * - when every answer is acknowledged the host reveals. One more player joins and never
 *   answers, as in any real room: otherwise the server closes a question by itself as soon as
 *   everyone has answered, and the host's reveal would race it.
 * Measured: the result broadcast delay per question (from the host sending "reveal" to each
 * player receiving `quiz:reveal`, the room's summary, and `quiz:you`, their own points and
 * rank: p50/p95 per question and over all), the question push delay (host's start/next to each
 * player's `quiz:state`), answer acknowledgements p50/p99, the host's control acks, join
 * latency, errors, `lost_answers` (acknowledged answers missing in PostgreSQL), server CPU
 * and peak RSS. `board_delay_p95_ms` carries the result (`quiz:you`) delay p95 over all
 * questions. `--runs N` repeats the whole scenario and reports medians; `--profile DIR` writes
 * the server's CPU profile.
 */
const ACK_TIMEOUT_MS = 30_000;
const RESULT_WAIT_MS = 30_000;

class Errors {
  readonly kinds = new Map<string, number>();
  count = 0;
  add(kind: string) {
    this.count++;
    this.kinds.set(kind, (this.kinds.get(kind) ?? 0) + 1);
  }
}

interface Player {
  socket: Socket;
  idle: boolean;
  questionAt: Map<number, number>;
  revealAt: Map<number, number>;
  youAt: Map<number, number>;
  answered: Set<number>;
}

/** Resolves when `done()` is true, polling every 20 ms, or after `timeoutMs` (false then). */
async function until(done: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (!done()) {
    if (performance.now() > deadline) return false;
    await sleep(20);
  }
  return true;
}

const MEDIAN_FIELDS = [
  "answer_p50_ms",
  "answer_p99_ms",
  "board_delay_p95_ms",
  "answers_per_s",
  "server_peak_rss_mb",
  "reveal_delay_p95_ms",
  "question_push_delay_p95_ms",
  "join_p95_ms",
  "server_cpu_s",
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
      players: { type: "string", default: "2000" },
      questions: { type: "string", default: "20" },
      seconds: { type: "string", default: "30" },
      "think-min": { type: "string", default: "500" },
      "think-max": { type: "string", default: "3000" },
      "database-url": { type: "string" },
      "redis-url": { type: "string" },
      embedded: { type: "boolean", default: false },
    },
  });
  const playerCount = Number(values.players);
  const questionCount = Number(values.questions);
  const seconds = Number(values.seconds);
  const thinkMin = Number(values["think-min"]);
  const thinkMax = Number(values["think-max"]);
  const databaseUrl = values.embedded ? undefined : (values["database-url"] ?? process.env.DATABASE_URL);
  const redisUrl = values.embedded ? undefined : (values["redis-url"] ?? process.env.REDIS_URL);
  const loadBefore = os.loadavg()[0];

  const server: BenchServer = await startBenchServer({
    databaseUrl,
    redisUrl,
    nodeFlags: values.profile ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(values.profile)}`] : [],
  });
  const http = httpClient(server.url);
  const sockets: Socket[] = [];
  let runtime: StartedRuntime | null = null;
  const errors = new Errors();
  try {
    runtime = await benchRuntime(server);
    const db = runtime.db;

    // 1. The host: the demo organizer creates the session through the form and hosts it.
    const organizer = DEMO_LOGINS.find((login) => login.role === "ORGANIZER");
    if (!organizer) throw new Error("no demo organizer");
    const node = await db.orgNode.findUniqueOrThrow({ where: { code: organizer.nodeCode }, select: { id: true } });
    const bank = await db.questionBank.findFirstOrThrow({ where: { name: DEMO_BANK.name }, select: { id: true } });
    const login = await http.request("POST", "/login", {
      form: { identifier: organizer.identifier, password: organizer.password },
    });
    const cookie = cookieFrom(login, "la_session");
    if (!cookie) throw new Error(`organizer log-in failed: ${login.status}`);
    const created = await http.request("POST", "/manage/live", {
      cookie,
      form: {
        title: `Đo tải thi trực tiếp ${playerCount} người (benchmark)`,
        orgNodeId: node.id,
        bankId: bank.id,
        difficulty: "",
        questionCount: String(questionCount),
        secondsPerQuestion: String(seconds),
        shuffleOptions: "on",
      },
    });
    const sessionId = String(created.headers.location ?? "").match(/^\/manage\/live\/([^/?]+)$/)?.[1];
    if (created.status !== 302 || !sessionId)
      throw new Error(`creating the session: ${created.status} ${created.body}`);
    const { joinCode } = await db.liveSession.findUniqueOrThrow({
      where: { id: sessionId },
      select: { joinCode: true },
    });
    const host = await connect(server.url, cookie);
    sockets.push(host);
    const hosted = await host.timeout(ACK_TIMEOUT_MS).emitWithAck("quiz:host", { sessionId });
    if (!hosted?.ok) throw new Error(`quiz:host refused: ${hosted?.code}`);

    // 2. The players join (and one who never answers).
    const players: Player[] = [];
    const joinMs: number[] = [];
    const answerMs: number[] = [];
    const acked: Array<{ playerId: string; position: number }> = [];
    let firstAckAt = Number.POSITIVE_INFINITY;
    let lastAckAt = 0;
    const settled = new Map<number, number>(); // per question: answers acknowledged or refused
    const joinStarted = performance.now();
    await inBatches(
      Array.from({ length: playerCount + 1 }, (_, i) => i),
      100,
      async (index) => {
        try {
          const socket = await connect(server.url, null);
          sockets.push(socket);
          const player: Player = {
            socket,
            idle: index === playerCount,
            questionAt: new Map(),
            revealAt: new Map(),
            youAt: new Map(),
            answered: new Set(),
          };
          const sent = performance.now();
          const joined = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck("quiz:join", {
            code: joinCode,
            nickname: player.idle ? "Người xem đo tải" : `Người chơi ${index + 1}`,
          });
          if (!joined?.ok) return errors.add(`join ${joined?.code}`);
          joinMs.push(performance.now() - sent);
          const playerId: string = joined.player.playerId;
          socket.on("quiz:reveal", (summary: { position: number }) => {
            if (!player.revealAt.has(summary.position)) player.revealAt.set(summary.position, performance.now());
          });
          socket.on("quiz:you", (you: { position: number }) => {
            if (!player.youAt.has(you.position)) player.youAt.set(you.position, performance.now());
          });
          socket.on(
            "quiz:state",
            (state: { status: string; question: { position: number; options: string[] } | null }) => {
              if (state.status !== "QUESTION" || !state.question) return;
              const { position, options } = state.question;
              if (player.questionAt.has(position)) return;
              player.questionAt.set(position, performance.now());
              if (player.idle || player.answered.has(position)) return;
              player.answered.add(position);
              void (async () => {
                await sleep(thinkMin + Math.random() * (thinkMax - thinkMin));
                const answerSent = performance.now();
                try {
                  const ack = await socket
                    .timeout(ACK_TIMEOUT_MS)
                    .emitWithAck("quiz:answer", { position, selected: [Math.floor(Math.random() * options.length)] });
                  if (!ack?.ok) errors.add(`answer ${ack?.code}`);
                  else {
                    const done = performance.now();
                    answerMs.push(done - answerSent);
                    acked.push({ playerId, position });
                    firstAckAt = Math.min(firstAckAt, done);
                    lastAckAt = Math.max(lastAckAt, done);
                  }
                } catch {
                  errors.add("answer timeout");
                }
                settled.set(position, (settled.get(position) ?? 0) + 1);
              })();
            },
          );
          players.push(player);
        } catch {
          errors.add("player connect");
        }
      },
    );
    for (const socket of sockets) socket.on("disconnect", (reason) => errors.add(`disconnect: ${reason}`));
    const answering = players.filter((player) => !player.idle).length;
    console.log(
      `${server.description}: ${answering} players (+1 idle) joined in ${((performance.now() - joinStarted) / 1000).toFixed(1)} s`,
    );

    // 3. The game: each question opened, answered, revealed.
    const controlMs: Record<string, number[]> = { open: [], reveal: [] };
    const questionDelays: number[] = [];
    const revealDelays: number[] = [];
    const youDelays: number[] = [];
    const perQuestion: Array<{
      position: number;
      answered: number;
      reveal_p95_ms: number | null;
      result_p50_ms: number | null;
      result_p95_ms: number | null;
      result_max_ms: number | null;
    }> = [];
    const cpuBefore = cpuSeconds(server.pid);
    const watch = watchProcess(server.pid);
    const gameStarted = performance.now();
    for (let position = 0; position < questionCount; position++) {
      const opened = performance.now();
      const open = await host
        .timeout(ACK_TIMEOUT_MS)
        .emitWithAck("quiz:control", { sessionId, action: position === 0 ? "start" : "next" });
      if (!open?.ok) {
        errors.add(`control open ${open?.code}`);
        break;
      }
      controlMs.open.push(performance.now() - opened);
      // Every answering player has had an answer acknowledged or refused (or the time is up).
      if (!(await until(() => (settled.get(position) ?? 0) >= answering, seconds * 1000 - 1000)))
        errors.add("answers not settled before the deadline");
      const revealSent = performance.now();
      const reveal = await host.timeout(ACK_TIMEOUT_MS).emitWithAck("quiz:control", { sessionId, action: "reveal" });
      if (!reveal?.ok) errors.add(`control reveal ${reveal?.code}`);
      controlMs.reveal.push(performance.now() - revealSent);
      await until(() => players.every((player) => player.youAt.has(position)), RESULT_WAIT_MS);
      const reveals: number[] = [];
      const results: number[] = [];
      for (const player of players) {
        const questionAt = player.questionAt.get(position);
        if (questionAt === undefined) errors.add("question never pushed");
        else questionDelays.push(questionAt - opened);
        const revealAt = player.revealAt.get(position);
        if (revealAt === undefined) errors.add("reveal never pushed");
        else reveals.push(revealAt - revealSent);
        const youAt = player.youAt.get(position);
        if (youAt === undefined) errors.add("result never pushed");
        else results.push(youAt - revealSent);
      }
      revealDelays.push(...reveals);
      youDelays.push(...results);
      const row = {
        position,
        answered: acked.filter((answer) => answer.position === position).length,
        reveal_p95_ms: percentile(reveals, 95),
        result_p50_ms: percentile(results, 50),
        result_p95_ms: percentile(results, 95),
        result_max_ms: results.length > 0 ? Math.round(Math.max(...results)) : null,
      };
      perQuestion.push(row);
      console.log(
        `question ${position + 1}/${questionCount}: ${row.answered} answers, reveal p95 ${row.reveal_p95_ms} ms, result p50/p95/max ${row.result_p50_ms}/${row.result_p95_ms}/${row.result_max_ms} ms`,
      );
    }
    const ended = await host.timeout(ACK_TIMEOUT_MS).emitWithAck("quiz:control", { sessionId, action: "next" });
    if (!ended?.ok || ended.status !== "ENDED") errors.add(`control end ${ended?.code ?? ended?.status}`);
    const gameMs = performance.now() - gameStarted;
    await sleep(1000);
    watch.stop();
    const serverCpu = cpuSeconds(server.pid) - cpuBefore;
    const memory = memoryMb(server.pid);

    // 4. What PostgreSQL holds: every acknowledged answer.
    const stored = await db.liveAnswer.findMany({ where: { sessionId }, select: { playerId: true, position: true } });
    const storedKeys = new Set(stored.map((row) => `${row.playerId}:${row.position}`));
    const lostAnswers = acked.filter((answer) => !storedKeys.has(`${answer.playerId}:${answer.position}`)).length;
    if (errors.count > 0) {
      const log = path.resolve("bench/results", `live-quiz-server-${Date.now()}.log`);
      mkdirSync(path.dirname(log), { recursive: true });
      copyFileSync(server.logFile, log);
      console.error(`errors: the server's log is in ${log}`);
    }

    const answers = summary(answerMs);
    const result = {
      scenario: "live-quiz",
      contestants: playerCount,
      errors: errors.count,
      lost_answers: lostAnswers,
      start_p95_ms: null,
      answer_p50_ms: answers.p50,
      answer_p99_ms: answers.p99,
      board_delay_p95_ms: percentile(youDelays, 95),
      answers_per_s: Math.round(acked.length / Math.max(0.001, (lastAckAt - firstAckAt) / 1000)),
      baseline_per_s: null,
      ratio: null,
      server_peak_rss_mb: memory.peakRssMb,
      reveal_delay_p95_ms: percentile(revealDelays, 95),
      question_push_delay_p95_ms: percentile(questionDelays, 95),
      join_p95_ms: percentile(joinMs, 95),
      database: server.description,
      players_joined: answering,
      questions: questionCount,
      seconds_per_question: seconds,
      answers_acked: acked.length,
      join_ms: summary(joinMs),
      answer_ms: answers,
      question_push_delay_ms: summary(questionDelays),
      reveal_delay_ms: summary(revealDelays),
      result_delay_ms: summary(youDelays),
      host_open_ack_ms: summary(controlMs.open),
      host_reveal_ack_ms: summary(controlMs.reveal),
      per_question: perQuestion,
      error_kinds: Object.fromEntries(errors.kinds),
      game_s: Math.round(gameMs / 100) / 10,
      server_cpu_s: Math.round(serverCpu * 10) / 10,
      server_cpu_avg_percent: Math.round((serverCpu / ((gameMs + 1000) / 1000)) * 100),
      server_cpu_busiest_second_percent: watch.busiestCorePercent(),
      machine: `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}, load average before ${loadBefore.toFixed(1)}, after ${os.loadavg()[0].toFixed(1)}`,
    };
    printTable(`live-quiz (${answering} players + 1 idle, ${questionCount} questions; ${server.description})`, [
      ["errors", `${result.errors} ${JSON.stringify(result.error_kinds)}`],
      ["lost answers", lostAnswers],
      ["join ms p50 / p95 / p99", `${result.join_ms.p50} / ${result.join_ms.p95} / ${result.join_ms.p99}`],
      ["answer ack ms p50 / p95 / p99", `${answers.p50} / ${answers.p95} / ${answers.p99}`],
      [
        "question push delay ms p50 / p95",
        `${result.question_push_delay_ms.p50} / ${result.question_push_delay_ms.p95}`,
      ],
      ["reveal (room) delay ms p50 / p95", `${result.reveal_delay_ms.p50} / ${result.reveal_delay_ms.p95}`],
      [
        "result (own rank) delay ms p50 / p95 / p99",
        `${result.result_delay_ms.p50} / ${result.result_delay_ms.p95} / ${result.result_delay_ms.p99}`,
      ],
      ["host reveal ack ms p50 / p95", `${result.host_reveal_ack_ms.p50} / ${result.host_reveal_ack_ms.p95}`],
      ["answers acknowledged (per s)", `${acked.length} (${result.answers_per_s})`],
      [
        "server CPU s (avg % / busiest s %)",
        `${result.server_cpu_s} (${result.server_cpu_avg_percent} / ${result.server_cpu_busiest_second_percent})`,
      ],
      ["server peak RSS MB", memory.peakRssMb],
      ["game duration s", result.game_s],
    ]);
    return result;
  } finally {
    for (const socket of sockets) {
      socket.removeAllListeners("disconnect");
      socket.close();
    }
    http.agent.destroy();
    await runtime?.close();
    await server.cleanup();
  }
}
