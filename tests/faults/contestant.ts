import { io, type Socket } from "socket.io-client";
import { keepTrying } from "~/realtime/client/useSocket";

/**
 * A simulated contestant doing what the attempt page and the contest page do in a browser:
 * start the attempt with the contest page's form, read the attempt page's data, save each
 * answer (HTTP like the page's fetch, or the socket's `attempt:answer`), retry a failed save
 * with back-off until the server either commits it or refuses it, keep a socket that watches the
 * round's board and reconnects and resubscribes by itself, and submit.
 *
 * Every acknowledgement is written to the shared ledger, which the fault test then checks
 * against PostgreSQL.
 */
export type AnswerPath = "http" | "socket";

export interface AckedAnswer {
  attemptId: string;
  position: number;
  /** The options as shown to this contestant. */
  selected: number[];
  phase: string;
}

export class Ledger {
  readonly answers = new Map<string, AckedAnswer>();
  readonly acksByPhase = new Map<string, number>();
  readonly refusals: Array<{ attemptId: string; position: number; code: string; phase: string }> = [];
  /** Retried requests (a 5xx, a SERVER_ERROR ack, a dropped connection, no ack in time). */
  retries = 0;
  readonly retriesByPhase = new Map<string, number>();
  /** Retryable errors the server answered (HTTP ≥ 500, SERVER_ERROR acks), per phase. */
  readonly serverErrorsByPhase = new Map<string, number>();
  phase = "start";

  ack(answer: Omit<AckedAnswer, "phase">) {
    this.answers.set(`${answer.attemptId}:${answer.position}`, { ...answer, phase: this.phase });
    this.acksByPhase.set(this.phase, (this.acksByPhase.get(this.phase) ?? 0) + 1);
  }

  countRetry() {
    this.retries++;
    this.retriesByPhase.set(this.phase, (this.retriesByPhase.get(this.phase) ?? 0) + 1);
  }

  countServerError() {
    this.serverErrorsByPhase.set(this.phase, (this.serverErrorsByPhase.get(this.phase) ?? 0) + 1);
  }

  acked(phase: string): number {
    return this.acksByPhase.get(phase) ?? 0;
  }
}

export interface AttemptView {
  id: string;
  status: string;
  serverNow: string;
  remainingMs: number;
  questions: Array<{ position: number; type: string; options: string[]; selected: number[] }>;
}

const ATTEMPT_DATA = encodeURIComponent("routes/attempts.$attemptId._index");
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** A client gives up on one save after this long: the test then fails rather than hangs. */
const GIVE_UP_MS = 90_000;

export class Contestant {
  attemptId = "";
  questions: AttemptView["questions"] = [];
  socket: Socket | null = null;
  connects = 0;
  /** Set once the server refuses an answer for good (deadline passed, attempt closed). */
  closedReason: string | null = null;
  /** What went wrong last (for the message when a request is never answered). */
  lastProblem = "";

  constructor(
    readonly name: string,
    private readonly baseUrl: () => string,
    readonly cookie: string,
    readonly path: AnswerPath,
    private readonly ledger: Ledger,
  ) {}

  /** One HTTP request as the browser sends it (same-site Origin, the session cookie). */
  private async request(route: string, fields?: Record<string, string | string[]>): Promise<Response> {
    const headers: Record<string, string> = { Origin: this.baseUrl(), Cookie: this.cookie };
    let body: string | undefined;
    if (fields) {
      headers["Content-Type"] = "application/x-www-form-urlencoded";
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries(fields))
        for (const item of Array.isArray(value) ? value : [value]) params.append(key, item);
      body = params.toString();
    }
    return fetch(`${this.baseUrl()}${route}`, {
      method: fields ? "POST" : "GET",
      headers,
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(30_000),
    });
  }

  /** Retries like the page does: a dropped connection, a 5xx or a 429 is tried again. */
  private async withRetries(route: string, fields?: Record<string, string | string[]>): Promise<Response> {
    const started = Date.now();
    for (let tries = 0; ; tries++) {
      try {
        const response = await this.request(route, fields);
        if (response.status < 500 && response.status !== 429) return response;
        if (response.status >= 500) this.ledger.countServerError();
        this.lastProblem = `HTTP ${response.status}`;
        await response.body?.cancel();
      } catch (error) {
        // The server is down or restarting: retry below.
        this.lastProblem =
          error instanceof Error ? `${error.name}: ${error.message} ${String(error.cause ?? "")}` : String(error);
      }
      if (Date.now() - started > GIVE_UP_MS)
        throw new Error(`${this.name}: ${route} failed for ${GIVE_UP_MS} ms (last: ${this.lastProblem})`);
      this.ledger.countRetry();
      await sleep(Math.min(1_000, 100 * 2 ** Math.min(tries, 4)));
    }
  }

  async start(slug: string, roundId: string): Promise<void> {
    const response = await this.withRetries(`/contests/${slug}?index`, { intent: "start", roundId });
    const location = response.headers.get("location") ?? "";
    if (response.status !== 302 || !/^\/attempts\/[^/?]+$/.test(location))
      throw new Error(`${this.name}: start answered ${response.status} ${await response.text()}`);
    this.attemptId = location.split("/")[2];
    const view = await this.view();
    if (!view) throw new Error(`${this.name}: the new attempt is not running`);
    this.questions = view.questions;
  }

  /** The attempt page's data, or null once the attempt has closed (the page redirects). */
  async view(): Promise<AttemptView | null> {
    const response = await this.withRetries(`/attempts/${this.attemptId}?_data=${ATTEMPT_DATA}`);
    if (response.status === 204 || response.headers.get("x-remix-redirect")) return null;
    if (response.status !== 200) throw new Error(`${this.name}: attempt page answered ${response.status}`);
    return (await response.json()) as AttemptView;
  }

  /** The board socket, as the contest and attempt pages keep one: reconnects and resubscribes. */
  connectSocket(roundId: string): Promise<void> {
    const socket = io(this.baseUrl(), {
      transports: ["websocket"],
      extraHeaders: { cookie: this.cookie },
      reconnectionDelay: 250,
      reconnectionDelayMax: 1_000,
      randomizationFactor: 0.5,
    });
    this.socket = socket;
    // As the pages do (app/realtime/client/useSocket.ts): try again after a refused handshake.
    keepTrying(socket, 1_000);
    socket.on("connect_error", (error) => {
      this.lastProblem = `socket connect_error: ${error.message}`;
    });
    socket.on("connect", () => {
      this.connects++;
      socket.emit("board:watch", { roundId }, () => {});
    });
    return new Promise((resolve, reject) => {
      socket.once("connect", () => resolve());
      socket.once("connect_error", reject);
    });
  }

  /** The answer this contestant gives to a question: fixed, so a retry sends the same one. */
  choice(position: number): number[] {
    const question = this.questions[position];
    const count = question.options.length;
    const first = (position + this.name.length) % count;
    return question.type === "MULTIPLE_CHOICE" ? [...new Set([first, (first + 1) % count])].sort() : [first];
  }

  /** Saves one answer until it is acknowledged or refused for good; returns whether it was saved. */
  async answer(position: number): Promise<boolean> {
    if (this.closedReason) return false;
    const selected = this.choice(position);
    const outcome =
      this.path === "http"
        ? await this.answerOverHttp(position, selected)
        : await this.answerOverSocket(position, selected);
    if (outcome === "saved") {
      this.ledger.ack({ attemptId: this.attemptId, position, selected });
      return true;
    }
    this.closedReason = outcome;
    this.ledger.refusals.push({ attemptId: this.attemptId, position, code: outcome, phase: this.ledger.phase });
    return false;
  }

  private async answerOverHttp(position: number, selected: number[]): Promise<string> {
    const response = await this.withRetries(`/attempts/${this.attemptId}/answer`, {
      position: String(position),
      selected: selected.map(String),
    });
    const body = (await response.json().catch(() => null)) as { ok?: boolean; code?: string } | null;
    if (response.status === 200 && body?.ok) return "saved";
    return body?.code ?? `HTTP_${response.status}`;
  }

  private async answerOverSocket(position: number, selected: number[]): Promise<string> {
    const socket = this.socket;
    if (!socket) throw new Error(`${this.name}: no socket`);
    const started = Date.now();
    for (let tries = 0; ; tries++) {
      if (socket.connected) {
        try {
          const ack = (await socket
            .timeout(10_000)
            .emitWithAck("attempt:answer", { attemptId: this.attemptId, position, selected })) as {
            ok: boolean;
            code?: string;
          };
          if (ack.ok) return "saved";
          this.lastProblem = `ack ${ack.code}`;
          if (ack.code === "SERVER_ERROR") this.ledger.countServerError();
          if (ack.code !== "SERVER_ERROR" && ack.code !== "RATE_LIMITED") return ack.code ?? "REFUSED";
        } catch {
          // No ack in time (the server died with the event in flight): send it again.
          this.lastProblem = "no ack within 10 s";
        }
      } else this.lastProblem ||= "socket disconnected";
      if (Date.now() - started > GIVE_UP_MS)
        throw new Error(
          `${this.name}: answer ${position} never acknowledged (last: ${this.lastProblem}; connected: ${socket.connected})`,
        );
      this.ledger.countRetry();
      await sleep(Math.min(1_000, 100 * 2 ** Math.min(tries, 4)));
    }
  }

  async answerRange(from: number, to: number, thinkMs = 30): Promise<void> {
    for (let position = from; position < Math.min(to, this.questions.length); position++) {
      if (!(await this.answer(position))) return;
      await sleep(thinkMs + Math.random() * thinkMs);
    }
  }

  async submit(prediction = "200"): Promise<string> {
    const response = await this.withRetries(`/attempts/${this.attemptId}?index`, { intent: "submit", prediction });
    return `${response.status} ${response.headers.get("location") ?? ""}`;
  }

  close() {
    this.socket?.disconnect();
  }
}
