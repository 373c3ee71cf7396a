import type { Server } from "socket.io";
import type { Db } from "~/db/client.server";
import { answerQuestion, joinSession, kickPlayer } from "~/live-quiz/players.server";
import {
  answerPayload,
  controlPayload,
  hostPayload,
  joinPayload,
  kickPayload,
  type QuizError,
} from "~/live-quiz/rules";
import {
  applyHostAction,
  loadHostedSession,
  publicState,
  readSession,
  revealIfTimeUp,
  type SessionRow,
  type Transition,
} from "~/live-quiz/sessions.server";
import { playerPlaces, revealSummary, sessionProgress, standings } from "~/live-quiz/standings.server";
import type { Runtime } from "~/runtime.server";
import { defineEvent, refusal, type SocketContext } from "./events.server";

/**
 * The live quiz over the socket (issue 5, point 3). Rooms: `quiz:<id>` is everyone in the
 * session (host's projector and players), `quiz:<id>:host` the host's screens, and
 * `quiz:player:<id>` one player's phones. Pushes:
 * - `quiz:state` to the room on every transition (the question without its key, time left);
 * - `quiz:reveal` to the room when a question closes (key, how the room answered, top 10), and
 *   `quiz:you` to each player (their points on it, total, rank); `quiz:final` when it ends;
 * - `quiz:progress` (players, answered) and `quiz:players` (the lobby list, to the host),
 *   coalesced to at most one per PROGRESS_INTERVAL_MS per session and process.
 * The state is in PostgreSQL; timers only trigger a reveal that any process may also do.
 */
export const PROGRESS_INTERVAL_MS = 500;
const TIME_UP_SWEEP_MS = 2_000;
const LOBBY_NAMES = 60;

export const quizRoom = (sessionId: string) => `quiz:${sessionId}`;
const hostRoom = (sessionId: string) => `quiz:${sessionId}:host`;
const playerRoom = (playerId: string) => `quiz:player:${playerId}`;

interface QuizPlayerBinding {
  playerId: string;
  sessionId: string;
}

const quizRefusal = (context: Pick<SocketContext, "user">, code: QuizError) =>
  refusal(context, code, `errors.quiz.${code}`);

/** One per process: announces transitions, runs question timers, coalesces progress. */
class QuizPublisher {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly dirty = new Set<string>();
  private readonly ticker: NodeJS.Timeout;
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    private readonly io: Server,
    private readonly runtime: Runtime,
  ) {
    this.ticker = setInterval(() => void this.flushProgress(), PROGRESS_INTERVAL_MS);
    this.ticker.unref();
    // A question whose timer lived in a process that stopped is closed by whoever sweeps first.
    this.sweeper = setInterval(() => void this.sweepTimeUp(), TIME_UP_SWEEP_MS);
    this.sweeper.unref();
  }

  private get db(): Db {
    return this.runtime.db;
  }

  markDirty(sessionId: string): void {
    this.dirty.add(sessionId);
  }

  /** Tells the room what changed, the players their own results, and arms the question timer. */
  async announce(transition: Transition & { ok: true }): Promise<void> {
    const { session, revealed } = transition;
    this.arm(session);
    this.io.to(quizRoom(session.id)).emit("quiz:state", await publicState(this.db, session));
    if (revealed !== null) {
      const summary = await revealSummary(this.db, session.id, revealed);
      if (summary) this.io.to(quizRoom(session.id)).emit("quiz:reveal", summary);
      await this.tellPlayers(session.id, revealed);
    }
    if (session.status === "ENDED") {
      this.io.to(quizRoom(session.id)).emit("quiz:final", { top: await standings(this.db, session.id) });
      await this.tellPlayers(session.id, session.currentPosition);
    }
    this.markDirty(session.id);
  }

  private async tellPlayers(sessionId: string, position: number) {
    for (const place of await playerPlaces(this.db, sessionId, position))
      this.io.to(playerRoom(place.playerId)).emit("quiz:you", { sessionId, position, ...place });
  }

  private arm(session: SessionRow): void {
    clearTimeout(this.timers.get(session.id));
    this.timers.delete(session.id);
    if (session.status !== "QUESTION" || !session.questionClosesAt) return;
    // A little after the deadline, so answers committed at the last moment are counted.
    const delay = Math.max(0, session.questionClosesAt.getTime() - Date.now()) + 150;
    const timer = setTimeout(() => {
      this.timers.delete(session.id);
      void this.closeIfTimeUp(session.id);
    }, delay);
    timer.unref();
    this.timers.set(session.id, timer);
  }

  async closeIfTimeUp(sessionId: string): Promise<void> {
    try {
      const moved = await revealIfTimeUp(this.db, sessionId);
      if (moved?.ok) await this.announce(moved);
    } catch (error) {
      this.runtime.logger.error({ err: error, sessionId }, "closing a live question failed");
    }
  }

  private async sweepTimeUp(): Promise<void> {
    try {
      const due = await this.db.liveSession.findMany({
        where: { status: "QUESTION", questionClosesAt: { lt: new Date(Date.now() - 1_000) } },
        select: { id: true },
        take: 100,
      });
      for (const { id } of due) await this.closeIfTimeUp(id);
    } catch (error) {
      this.runtime.logger.error({ err: error }, "live quiz sweep failed");
    }
  }

  private async flushProgress(): Promise<void> {
    const sessions = [...this.dirty];
    this.dirty.clear();
    for (const sessionId of sessions) {
      try {
        const session = await readSession(this.db, sessionId);
        if (!session) continue;
        const progress = await sessionProgress(this.db, sessionId, session.currentPosition);
        this.io.to(quizRoom(sessionId)).emit("quiz:progress", { sessionId, ...progress });
        if (session.status === "LOBBY" || session.status === "QUESTION") {
          const lobby = await this.db.livePlayer.findMany({
            where: { sessionId, kickedAt: null },
            orderBy: { joinedAt: "desc" },
            take: LOBBY_NAMES,
            select: { id: true, nickname: true },
          });
          this.io.to(hostRoom(sessionId)).emit("quiz:players", { sessionId, count: progress.players, recent: lobby });
        }
        // Everyone who may answer has answered: no need to wait for the clock.
        if (session.status === "QUESTION" && progress.eligible > 0 && progress.answered >= progress.eligible) {
          const moved = await applyHostAction(this.db, sessionId, "reveal");
          if (moved.ok) await this.announce(moved);
        }
      } catch (error) {
        this.runtime.logger.error({ err: error, sessionId }, "live quiz progress failed");
      }
    }
  }

  stop(): void {
    clearInterval(this.ticker);
    clearInterval(this.sweeper);
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}

const publishers = new WeakMap<Server, QuizPublisher>();

export function startQuizPublisher(io: Server, runtime: Runtime): { stop(): void } {
  const publisher = new QuizPublisher(io, runtime);
  publishers.set(io, publisher);
  return { stop: () => publisher.stop() };
}

function publisherOf(context: SocketContext): QuizPublisher {
  const publisher = publishers.get(context.socket.nsp.server);
  if (!publisher) throw new Error("The live quiz publisher has not been started.");
  return publisher;
}

/** What a host's screen needs on (re)connecting: the state, progress, and results so far. */
async function hostView(db: Db, session: SessionRow) {
  const state = await publicState(db, session);
  const progress = await sessionProgress(db, session.id, session.currentPosition);
  const reveal = session.status === "REVEAL" ? await revealSummary(db, session.id, session.currentPosition) : null;
  const top = session.status === "ENDED" ? await standings(db, session.id) : null;
  const recent = await db.livePlayer.findMany({
    where: { sessionId: session.id, kickedAt: null },
    orderBy: { joinedAt: "desc" },
    take: LOBBY_NAMES,
    select: { id: true, nickname: true },
  });
  return { state, progress, reveal, top, players: { count: progress.players, recent } };
}

async function requireHost(context: SocketContext, sessionId: string) {
  if (!context.user) return null;
  return loadHostedSession(context.runtime.db, context.user, sessionId);
}

export const liveQuizEvents = [
  defineEvent({
    name: "quiz:join",
    schema: joinPayload,
    access: "anyone",
    async handle(context, payload) {
      const { db } = context.runtime;
      const joined = await joinSession(db, { ...payload, userId: context.user?.id ?? null });
      if (!joined.ok) return quizRefusal(context, joined.code);
      const { player } = joined;
      const previous = context.socket.data.quizPlayer as QuizPlayerBinding | undefined;
      if (previous && previous.playerId !== player.playerId) {
        await context.socket.leave(quizRoom(previous.sessionId));
        await context.socket.leave(playerRoom(previous.playerId));
      }
      context.socket.data.quizPlayer = { playerId: player.playerId, sessionId: player.sessionId };
      await context.socket.join([quizRoom(player.sessionId), playerRoom(player.playerId)]);
      publisherOf(context).markDirty(player.sessionId);
      const session = await readSession(db, player.sessionId);
      if (!session) return quizRefusal(context, "SESSION_NOT_FOUND");
      const state = await publicState(db, session);
      const [you] = await playerPlaces(db, session.id, session.currentPosition, player.playerId);
      const answered = await db.liveAnswer.findUnique({
        where: { playerId_position: { playerId: player.playerId, position: Math.max(0, session.currentPosition) } },
        select: { selected: true },
      });
      return { ok: true, player, state, you: you ?? null, answeredCurrent: answered?.selected ?? null };
    },
  }),
  defineEvent({
    name: "quiz:answer",
    schema: answerPayload,
    access: "anyone",
    async handle(context, payload) {
      const binding = context.socket.data.quizPlayer as QuizPlayerBinding | undefined;
      if (!binding) return quizRefusal(context, "NOT_JOINED");
      const result = await answerQuestion(context.runtime.db, { playerId: binding.playerId, ...payload });
      if (!result.ok) return quizRefusal(context, result.code);
      publisherOf(context).markDirty(binding.sessionId);
      return { ok: true, position: result.position };
    },
  }),
  defineEvent({
    name: "quiz:host",
    schema: hostPayload,
    access: "user",
    async handle(context, { sessionId }) {
      const hosted = await requireHost(context, sessionId);
      if (!hosted) return quizRefusal(context, "NOT_HOST");
      await publisherOf(context).closeIfTimeUp(sessionId);
      await context.socket.join([quizRoom(sessionId), hostRoom(sessionId)]);
      const session = await readSession(context.runtime.db, sessionId);
      if (!session) return quizRefusal(context, "SESSION_NOT_FOUND");
      return { ok: true, ...(await hostView(context.runtime.db, session)) };
    },
  }),
  defineEvent({
    name: "quiz:control",
    schema: controlPayload,
    access: "user",
    async handle(context, { sessionId, action }) {
      if (!(await requireHost(context, sessionId))) return quizRefusal(context, "NOT_HOST");
      const moved = await applyHostAction(context.runtime.db, sessionId, action);
      if (!moved.ok) return quizRefusal(context, moved.code);
      await publisherOf(context).announce(moved);
      return { ok: true, status: moved.session.status, position: moved.session.currentPosition };
    },
  }),
  defineEvent({
    name: "quiz:kick",
    schema: kickPayload,
    access: "user",
    async handle(context, { sessionId, playerId }) {
      if (!(await requireHost(context, sessionId))) return quizRefusal(context, "NOT_HOST");
      if (!(await kickPlayer(context.runtime.db, { sessionId, playerId }))) return quizRefusal(context, "NOT_JOINED");
      const io = context.socket.nsp.server;
      io.to(playerRoom(playerId)).emit("quiz:kicked", { sessionId });
      io.in(playerRoom(playerId)).socketsLeave([quizRoom(sessionId), playerRoom(playerId)]);
      publisherOf(context).markDirty(sessionId);
      return { ok: true, playerId };
    },
  }),
];
