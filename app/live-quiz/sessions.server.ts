/**
 * Live quiz sessions (issue 5, point 3): creation from a bank, the host's state machine, and
 * the state everyone in the room sees. PostgreSQL holds the state, and every transition is one
 * conditional UPDATE, so two clicks, two hosts' tabs or two app processes never both move a
 * session: the one whose update matched wins, the other gets WRONG_STATE.
 *
 *   LOBBY ──start──▶ QUESTION ──reveal / time up──▶ REVEAL ──next──▶ QUESTION … ──next──▶ ENDED
 *                    QUESTION ◀──resume── PAUSED ◀──pause── QUESTION
 *   skip voids the current question (nobody scores on it) and opens the next; end, from any state.
 */
import { hasRole } from "~/auth/access";
import type { CurrentUser } from "~/auth/guards.server";
import { candidatesFor } from "~/contests/attempts.server";
import { drawQuestions } from "~/contests/draw";
import type { Db } from "~/db/client.server";
import type { LiveSessionStatus } from "~/generated/prisma/enums";
import { isUniqueViolation } from "~/org/tree.server";
import { loadBankFor } from "~/questions/banks.server";
import type { QuestionOption, QuestionType } from "~/questions/draft";
import { type HostAction, newJoinCode, type QuizError, type QuizResult, type SessionForm } from "./rules";
import type { PublicState } from "./types";

export interface FrozenQuestion {
  position: number;
  type: QuestionType;
  stem: string;
  /** Option texts in the shown order. */
  options: string[];
  /** Shown indexes of the correct options. */
  correct: number[];
}

// A session's questions never change once drawn (only the skipped flag, kept in the database),
// so each process reads them once: answering must not cost a join per answer.
const questionCache = new Map<string, Promise<FrozenQuestion[]>>();
const CACHE_LIMIT = 500;

export function sessionQuestions(db: Db, sessionId: string): Promise<FrozenQuestion[]> {
  let cached = questionCache.get(sessionId);
  if (!cached) {
    cached = loadQuestions(db, sessionId);
    cached.catch(() => questionCache.delete(sessionId));
    if (questionCache.size >= CACHE_LIMIT) questionCache.delete(questionCache.keys().next().value as string);
    questionCache.set(sessionId, cached);
  }
  return cached;
}

async function loadQuestions(db: Db, sessionId: string): Promise<FrozenQuestion[]> {
  const rows = await db.liveQuestion.findMany({
    where: { sessionId },
    orderBy: { position: "asc" },
    select: {
      position: true,
      optionOrder: true,
      questionVersion: { select: { type: true, stem: true, options: true } },
    },
  });
  return rows.map((row) => {
    const options = row.questionVersion.options as unknown as QuestionOption[];
    return {
      position: row.position,
      type: row.questionVersion.type,
      stem: row.questionVersion.stem,
      options: row.optionOrder.map((original) => options[original].text),
      correct: row.optionOrder.flatMap((original, shown) => (options[original].correct ? [shown] : [])),
    };
  });
}

/** May this user run (or watch as host) the session: an organizer of its node or above. */
export function mayHost(user: CurrentUser, session: { orgNode: { path: string } }): boolean {
  return hasRole(user.grants, "ORGANIZER", session.orgNode.path);
}

export async function loadHostedSession(db: Db, user: CurrentUser, sessionId: string) {
  const session = await db.liveSession.findUnique({
    where: { id: sessionId },
    include: { orgNode: { select: { id: true, name: true, path: true } } },
  });
  return session && mayHost(user, session) ? session : null;
}

/** Creates a session in the lobby with questions drawn from a bank the organizer may read. */
export async function createLiveSession(
  db: Db,
  user: CurrentUser,
  form: SessionForm,
): Promise<QuizResult<{ sessionId: string }> | { ok: false; code: "NOT_ENOUGH_QUESTIONS"; available: number }> {
  const node = await db.orgNode.findUnique({ where: { id: form.orgNodeId }, select: { path: true } });
  if (!node || !hasRole(user.grants, "ORGANIZER", node.path)) return { ok: false, code: "NOT_HOST" };
  const bank = await loadBankFor(db, user, form.bankId);
  if (!bank) return { ok: false, code: "NOT_HOST" };
  const rule = { bankId: bank.bank.id, difficulty: form.difficulty || null, count: form.questionCount };
  const drawn = drawQuestions({ rules: [rule] }, await candidatesFor(db, { rules: [rule] }), {
    shuffleQuestions: true,
    shuffleOptions: form.shuffleOptions,
    random: Math.random,
  });
  if (!drawn.ok) return { ok: false, code: "NOT_ENOUGH_QUESTIONS", available: drawn.available };
  // A clash with a running session's code is rare (1 in 900,000 per session): try again.
  for (let tries = 0; ; tries++) {
    try {
      const session = await db.liveSession.create({
        data: {
          orgNodeId: form.orgNodeId,
          hostId: user.id,
          title: form.title,
          joinCode: newJoinCode(),
          secondsPerQuestion: form.secondsPerQuestion,
          questions: {
            create: drawn.questions.map((question, position) => ({
              position,
              questionVersionId: question.versionId,
              optionOrder: question.optionOrder,
            })),
          },
        },
      });
      return { ok: true, sessionId: session.id };
    } catch (error) {
      if (!isUniqueViolation(error) || tries >= 5) throw error;
    }
  }
}

export interface SessionRow {
  id: string;
  title: string;
  status: LiveSessionStatus;
  joinCode: string | null;
  secondsPerQuestion: number;
  currentPosition: number;
  questionOpenedAt: Date | null;
  questionClosesAt: Date | null;
  pausedRemainingMs: number | null;
}

const SESSION_COLUMNS = {
  id: true,
  title: true,
  status: true,
  joinCode: true,
  secondsPerQuestion: true,
  currentPosition: true,
  questionOpenedAt: true,
  questionClosesAt: true,
  pausedRemainingMs: true,
} as const;

export function readSession(db: Db, sessionId: string): Promise<SessionRow | null> {
  return db.liveSession.findUnique({ where: { id: sessionId }, select: SESSION_COLUMNS });
}

/** What changed, for the socket layer to announce: the session after the move. */
export type Transition = QuizResult<{ session: SessionRow; revealed: number | null }>;

/**
 * Applies a host action. `revealed` is the position whose results became final (reveal, or a
 * next/skip that closed a question first), so the caller announces them.
 */
export async function applyHostAction(db: Db, sessionId: string, action: HostAction, now = new Date()) {
  const session = await readSession(db, sessionId);
  if (!session) return fail("SESSION_NOT_FOUND");
  if (session.status === "ENDED") return fail("SESSION_ENDED");
  const total = (await sessionQuestions(db, sessionId)).length;
  const position = session.currentPosition;
  switch (action) {
    case "start":
      if (session.status !== "LOBBY") return fail("WRONG_STATE");
      if (total === 0) return fail("NOT_ENOUGH_QUESTIONS");
      return openQuestion(db, session, 0, now, ["LOBBY"]);
    case "reveal":
      return revealQuestion(db, sessionId, position);
    case "next":
      if (session.status === "LOBBY") return openQuestion(db, session, 0, now, ["LOBBY"]);
      if (session.status !== "REVEAL") return fail("WRONG_STATE");
      return position + 1 < total
        ? openQuestion(db, session, position + 1, now, ["REVEAL"])
        : endSession(db, session.id, now);
    case "pause": {
      if (session.status !== "QUESTION" || !session.questionClosesAt) return fail("WRONG_STATE");
      const remaining = session.questionClosesAt.getTime() - now.getTime();
      if (remaining <= 0) return revealQuestion(db, sessionId, position);
      return move(db, sessionId, ["QUESTION"], position, { status: "PAUSED", pausedRemainingMs: remaining });
    }
    case "resume": {
      if (session.status !== "PAUSED") return fail("WRONG_STATE");
      const remaining = session.pausedRemainingMs ?? 0;
      const limit = session.secondsPerQuestion * 1000;
      // The opening moves later by the pause, so speed points ignore the time spent paused.
      return move(db, sessionId, ["PAUSED"], position, {
        status: "QUESTION",
        pausedRemainingMs: null,
        questionOpenedAt: new Date(now.getTime() - (limit - remaining)),
        questionClosesAt: new Date(now.getTime() + remaining),
      });
    }
    case "skip":
      return skipQuestion(db, session, total, now);
    case "end":
      return endSession(db, session.id, now);
  }
}

const fail = (code: QuizError) => ({ ok: false as const, code });

async function move(
  db: Db,
  sessionId: string,
  from: LiveSessionStatus[],
  position: number,
  data: Partial<Omit<SessionRow, "id">>,
  revealed: number | null = null,
): Promise<Transition> {
  const moved = await db.liveSession.updateMany({
    where: { id: sessionId, status: { in: from }, currentPosition: position },
    data,
  });
  if (moved.count === 0) return fail("WRONG_STATE");
  const session = await readSession(db, sessionId);
  return session ? { ok: true, session, revealed } : fail("SESSION_NOT_FOUND");
}

function openQuestion(db: Db, session: SessionRow, position: number, now: Date, from: LiveSessionStatus[]) {
  return move(db, session.id, from, session.currentPosition, {
    status: "QUESTION",
    currentPosition: position,
    questionOpenedAt: now,
    questionClosesAt: new Date(now.getTime() + session.secondsPerQuestion * 1000),
    pausedRemainingMs: null,
    ...(session.status === "LOBBY" ? { startedAt: now } : {}),
  } as Partial<SessionRow>);
}

/** Closes the open (or paused) question; answers already committed are final. */
export function revealQuestion(db: Db, sessionId: string, position: number) {
  return move(db, sessionId, ["QUESTION", "PAUSED"], position, { status: "REVEAL", pausedRemainingMs: null }, position);
}

/** Closes a question whose time is up (the timer, or anyone who notices first). */
export async function revealIfTimeUp(db: Db, sessionId: string, now = new Date()): Promise<Transition | null> {
  const session = await readSession(db, sessionId);
  if (session?.status !== "QUESTION" || !session.questionClosesAt || session.questionClosesAt > now) return null;
  const moved = await revealQuestion(db, sessionId, session.currentPosition);
  return moved.ok ? moved : null;
}

async function skipQuestion(db: Db, session: SessionRow, total: number, now: Date): Promise<Transition> {
  if (!["QUESTION", "PAUSED", "REVEAL"].includes(session.status)) return fail("WRONG_STATE");
  const position = session.currentPosition;
  const last = position + 1 >= total;
  // Voiding and moving on happen together: the session must not stay on a voided question.
  return db.$transaction(async (tx) => {
    const moved = await tx.liveSession.updateMany({
      where: { id: session.id, status: session.status, currentPosition: position },
      data: last
        ? { status: "ENDED", joinCode: null, endedAt: now, pausedRemainingMs: null }
        : {
            status: "QUESTION",
            currentPosition: position + 1,
            questionOpenedAt: now,
            questionClosesAt: new Date(now.getTime() + session.secondsPerQuestion * 1000),
            pausedRemainingMs: null,
          },
    });
    if (moved.count === 0) return fail("WRONG_STATE");
    await tx.liveQuestion.update({
      where: { sessionId_position: { sessionId: session.id, position } },
      data: { skipped: true },
    });
    // Points already given for the voided question are taken back.
    await tx.$executeRaw`
      UPDATE "LivePlayer" p
         SET score = p.score - a.points,
             "correctCount" = p."correctCount" - (CASE WHEN a.correct THEN 1 ELSE 0 END),
             "correctTimeMs" = p."correctTimeMs" - (CASE WHEN a.correct THEN a."elapsedMs" ELSE 0 END)
        FROM "LiveAnswer" a
       WHERE a."playerId" = p.id AND a."sessionId" = ${session.id} AND a.position = ${position}`;
    await tx.$executeRaw`
      UPDATE "LiveAnswer" SET points = 0 WHERE "sessionId" = ${session.id} AND position = ${position}`;
    const after = await tx.liveSession.findUniqueOrThrow({ where: { id: session.id }, select: SESSION_COLUMNS });
    return { ok: true, session: after, revealed: null } as Transition;
  });
}

async function endSession(db: Db, sessionId: string, now: Date): Promise<Transition> {
  const moved = await db.liveSession.updateMany({
    where: { id: sessionId, status: { not: "ENDED" } },
    data: { status: "ENDED", joinCode: null, endedAt: now, pausedRemainingMs: null },
  });
  if (moved.count === 0) return fail("SESSION_ENDED");
  const session = await readSession(db, sessionId);
  return session ? { ok: true, session, revealed: null } : fail("SESSION_NOT_FOUND");
}

export async function publicState(db: Db, session: SessionRow, now = new Date()): Promise<PublicState> {
  const questions = await sessionQuestions(db, session.id);
  const current = questions[session.currentPosition];
  const showsQuestion = current && ["QUESTION", "PAUSED", "REVEAL"].includes(session.status);
  let remainingMs: number | null = null;
  if (session.status === "QUESTION" && session.questionClosesAt)
    remainingMs = Math.max(0, session.questionClosesAt.getTime() - now.getTime());
  if (session.status === "PAUSED") remainingMs = session.pausedRemainingMs ?? 0;
  return {
    sessionId: session.id,
    title: session.title,
    status: session.status,
    position: session.currentPosition,
    total: questions.length,
    question: showsQuestion
      ? { position: current.position, type: current.type, stem: current.stem, options: current.options }
      : null,
    remainingMs,
    secondsPerQuestion: session.secondsPerQuestion,
    serverTime: now.getTime(),
  };
}
