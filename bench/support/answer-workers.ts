import type { Worker } from "node:worker_threads";
import { typeScriptWorker } from "~/utils/typescript-worker.server";
import type { WorkerClient, WorkerReply, WorkerRequest } from "./answer-worker";

/**
 * The saturation scenario's clients spread over `threads` worker threads of the load generator
 * (bench/support/answer-worker.ts), client i on thread i mod threads. Each step runs on all
 * threads at once; their acknowledgement times are merged as if one generator had taken them.
 */
export interface AnswerStepResult {
  latencies: Float64Array;
  errors: number;
  /** The worst event-loop lag of any thread during the step. */
  lagMaxMs: number | null;
}

export interface AnswerWorkers {
  connected: number;
  failed: number;
  warmUp(): Promise<void>;
  step(thinkMs: number, durationMs: number): Promise<AnswerStepResult>;
  close(): Promise<void>;
}

export async function startAnswerWorkers(
  clients: WorkerClient[],
  event: string,
  threads: number,
): Promise<AnswerWorkers> {
  const shares = Array.from({ length: Math.max(1, Math.min(threads, clients.length)) }, (_, thread) =>
    clients.filter((_, index) => index % threads === thread),
  );
  const workers = shares.map((share) =>
    typeScriptWorker(new URL("./answer-worker.ts", import.meta.url), { workerData: { clients: share, event } }),
  );
  // A thread that has stopped never answers: waiting on it fails instead of hanging.
  const exited = new Set<Worker>();
  for (const worker of workers) worker.once("exit", () => exited.add(worker));
  /** Sends `request` (if any) to every thread and waits for each one's reply of `kind`. */
  const all = <K extends WorkerReply["kind"]>(kind: K, request?: WorkerRequest) =>
    Promise.all(
      workers.map(
        (worker) =>
          new Promise<Extract<WorkerReply, { kind: K }>>((resolve, reject) => {
            if (exited.has(worker)) return reject(new Error("a load generator thread has stopped"));
            const onExit = (code: number) => {
              done();
              reject(new Error(`a load generator thread stopped (exit code ${code})`));
            };
            const onError = (error: Error) => {
              done();
              reject(error);
            };
            const onMessage = (message: WorkerReply) => {
              if (message.kind !== kind) return;
              done();
              resolve(message as Extract<WorkerReply, { kind: K }>);
            };
            const done = () => {
              worker.off("message", onMessage);
              worker.off("error", onError);
              worker.off("exit", onExit);
            };
            worker.on("message", onMessage);
            worker.on("error", onError);
            worker.on("exit", onExit);
            if (request) worker.postMessage(request);
          }),
      ),
    );

  let ready: Array<Extract<WorkerReply, { kind: "ready" }>>;
  try {
    ready = await all("ready");
  } catch (error) {
    await Promise.all(workers.map((worker) => worker.terminate()));
    throw error;
  }
  return {
    connected: ready.reduce((sum, reply) => sum + reply.connected, 0),
    failed: ready.reduce((sum, reply) => sum + reply.failed, 0),
    async warmUp() {
      await all("warmed-up", { kind: "warm-up" });
    },
    async step(thinkMs, durationMs) {
      const replies = await all("stepped", { kind: "step", thinkMs, durationMs });
      const latencies = new Float64Array(replies.reduce((sum, reply) => sum + reply.latencies.length, 0));
      let offset = 0;
      for (const reply of replies) {
        latencies.set(reply.latencies, offset);
        offset += reply.latencies.length;
      }
      const lags = replies.map((reply) => reply.lagMaxMs).filter((lag): lag is number => lag !== null);
      return {
        latencies,
        errors: replies.reduce((sum, reply) => sum + reply.errors, 0),
        lagMaxMs: lags.length > 0 ? Math.max(...lags) : null,
      };
    },
    async close() {
      await all("closed", { kind: "close" }).catch(() => {});
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
