import { parentPort, workerData } from "node:worker_threads";
import type { Socket } from "socket.io-client";
import { settleLoadGenerator } from "./settle";
import { connect } from "./socket";
import { inBatches, sampleEventLoopLag, sleep } from "./stats";

/**
 * One thread of the saturation scenario's load generator (bench/support/answer-workers.ts): it
 * holds its share of the clients' sockets and runs the answering steps the main thread asks for.
 * One thread alone stalled for up to half a second collecting the garbage of thousands of
 * sockets, and such a stall, not the server, then decided where a ladder stopped.
 */
export interface WorkerClient {
  url: string;
  cookie: string | null;
  /** The `attempt:answer` payload's attempt id, or the bare client's label. */
  attemptId: string;
}

export type WorkerRequest =
  | { kind: "warm-up" }
  | { kind: "step"; thinkMs: number; durationMs: number }
  | { kind: "close" };

export type WorkerReply =
  | { kind: "ready"; connected: number; failed: number }
  | { kind: "warmed-up" }
  | { kind: "stepped"; latencies: Float64Array; errors: number; lagMaxMs: number | null }
  | { kind: "closed" };

const { clients, event } = workerData as { clients: WorkerClient[]; event: string };
const port = parentPort;
if (!port) throw new Error("answer-worker.ts runs as a worker thread");
const reply = (message: WorkerReply, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

const sockets: Array<{ socket: Socket; attemptId: string }> = [];
let failed = 0;
const payload = (attemptId: string, n: number) => ({ attemptId, position: n % 16, selected: [n % 2] });

/** Every client sends in a loop with a random think time around `thinkMs` for `durationMs`. */
async function step(thinkMs: number, durationMs: number) {
  const latencies: number[] = [];
  let errors = 0;
  const until = performance.now() + durationMs;
  const lag = sampleEventLoopLag();
  await Promise.all(
    sockets.map(async (client, index) => {
      // Spread the first sends over the think time so the clients do not move in lockstep.
      await sleep(Math.random() * Math.max(thinkMs, 5));
      for (let n = index; performance.now() < until; n++) {
        const sent = performance.now();
        try {
          const ack = await client.socket.timeout(30_000).emitWithAck(event, payload(client.attemptId, n));
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
  const times = Float64Array.from(latencies);
  reply({ kind: "stepped", latencies: times, errors, lagMaxMs: lag.stop(Number.POSITIVE_INFINITY).max }, [
    times.buffer,
  ]);
}

port.on("message", (request: WorkerRequest) => {
  if (request.kind === "warm-up") {
    // Not counted: every client's first message (the app reads the attempt once).
    void Promise.all(
      sockets.map((client) =>
        client.socket
          .timeout(60_000)
          .emitWithAck(event, payload(client.attemptId, 0))
          .catch(() => {}),
      ),
    ).then(() => reply({ kind: "warmed-up" }));
  } else if (request.kind === "step") {
    settleLoadGenerator();
    void step(request.thinkMs, request.durationMs);
  } else {
    for (const client of sockets.splice(0)) client.socket.close();
    reply({ kind: "closed" });
  }
});

await inBatches(clients, 50, async (client) => {
  try {
    sockets.push({ socket: await connect(client.url, client.cookie), attemptId: client.attemptId });
  } catch {
    failed++;
  }
});
reply({ kind: "ready", connected: sockets.length, failed });
