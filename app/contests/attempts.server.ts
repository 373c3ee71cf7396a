/**
 * The attempt engine. The server draws and freezes the questions, keeps the deadline, saves
 * every answer as it comes (acknowledged only once committed), and closes attempts itself at
 * the deadline. Nothing sent to a contestant during an attempt contains a key or explanation.
 */
import type { Db } from "~/db/client.server";
import type { QuestionOption } from "~/questions/draft";
import {
  type AttemptResult,
  answerInBatch,
  closeAttempts,
  type StartedView,
  startInBatch,
  submitInBatch,
  versionContents,
} from "./attempt-batches.server";
import { drawnQuestions } from "./drawn";
import type { AttemptError } from "./errors";
import type { VersionContent } from "./hot-cache.server";

export { candidatesFor } from "./attempt-batches.server";
export type { AttemptError, AttemptResult, StartedView };

/**
 * Starts an attempt, or returns the one already running in this round (a reload, a second
 * device, a double click): the same attempt, never a second one. A new attempt comes with the
 * attempt page's view of it (`view`), built without reading it back.
 */
export function startAttempt(
  db: Db,
  input: {
    userId: string;
    roundId: string;
    now?: Date;
    /** Where it starts from, for the integrity flags (app/contests/integrity.server.ts). */
    origin?: { sessionId?: string | null; ip?: string | null; deviceId?: string | null };
  },
): Promise<AttemptResult<{ attemptId: string; resumed: boolean; view: StartedView | null }>> {
  return startInBatch(db, { ...input, now: input.now ?? new Date() });
}

/** What the contestant's page gets: questions and options in the shown order, saved answers, time left. */
export async function attemptView(db: Db, input: { attemptId: string; userId: string; now?: Date }) {
  const now = input.now ?? new Date();
  await closeExpiredAttempts(db, now, { attemptId: input.attemptId, userId: input.userId });
  const attempt = await db.attempt.findFirst({
    where: { id: input.attemptId, userId: input.userId },
    include: { answers: true },
  });
  if (!attempt) return null;
  const drawn = drawnQuestions(attempt.drawn);
  const versions = await versionContents(
    db,
    drawn.map((question) => question.versionId),
  );
  const answers = new Map(attempt.answers.map((answer) => [answer.position, answer.selected]));
  return {
    id: attempt.id,
    roundId: attempt.roundId,
    status: attempt.status,
    serverNow: now.toISOString(),
    remainingMs: attempt.status === "IN_PROGRESS" ? Math.max(0, attempt.deadlineAt.getTime() - now.getTime()) : 0,
    questions: drawn.map((question, position) => {
      const version = versions.get(question.versionId) as VersionContent;
      const selected = answers.get(position) ?? [];
      return {
        position,
        type: version.type,
        stem: version.stem,
        // Only the texts, in the shown order: never the key.
        options: question.optionOrder.map((original) => version.options[original].text),
        selected: question.optionOrder.flatMap((original, shown) => (selected.includes(original) ? [shown] : [])),
      };
    }),
  };
}

/** Saves one answer (the options as shown); repeating the same save changes nothing. */
export function saveAnswer(
  db: Db,
  input: { attemptId: string; userId: string; position: number; selected: number[]; now?: Date },
): Promise<AttemptResult<{ savedAt: string }>> {
  return answerInBatch(db, { ...input, now: input.now ?? new Date() });
}

/** The contestant submits (idempotent: a second submit returns the same result). */
export function submitAttempt(
  db: Db,
  input: { attemptId: string; userId: string; prediction?: number | null; now?: Date },
): Promise<AttemptResult<{ status: string; score: number | null }>> {
  return submitInBatch(db, {
    attemptId: input.attemptId,
    userId: input.userId,
    prediction: input.prediction ?? null,
    now: input.now ?? new Date(),
  });
}

/**
 * Closes every running attempt whose deadline has passed, scoring what was saved. Runs on a
 * timer in the server and on access, so an attempt closes at its deadline whatever the browser does.
 */
export async function closeExpiredAttempts(
  db: Db,
  now: Date = new Date(),
  scope: { userId?: string; attemptId?: string } = {},
): Promise<number> {
  const expired = await db.attempt.findMany({
    where: {
      status: "IN_PROGRESS",
      deadlineAt: { lt: now },
      ...(scope.userId ? { userId: scope.userId } : {}),
      ...(scope.attemptId ? { id: scope.attemptId } : {}),
    },
    select: { id: true, roundId: true, userId: true },
    take: 500,
  });
  if (expired.length > 0)
    await closeAttempts(
      db,
      expired.map((attempt) => ({ attemptId: attempt.id, status: "EXPIRED", now, prediction: null })),
    );
  return expired.length;
}

/**
 * What a contestant may see of a closed attempt, per the round's review policy: nothing but
 * that it was received, the score, or — once the round has closed — every answer with the key
 * and the explanation.
 */
export async function attemptResult(db: Db, input: { attemptId: string; userId: string; now?: Date }) {
  const now = input.now ?? new Date();
  await closeExpiredAttempts(db, now, { attemptId: input.attemptId, userId: input.userId });
  const attempt = await db.attempt.findFirst({
    where: { id: input.attemptId, userId: input.userId },
    include: {
      round: { include: { contest: { select: { id: true, slug: true, title: true } } } },
      answers: true,
    },
  });
  if (!attempt) return null;
  if (attempt.status === "IN_PROGRESS") return { kind: "running" as const, id: attempt.id };
  const policy = attempt.round.reviewPolicy;
  const answersVisible = policy === "ANSWERS_AFTER_CLOSE" && now >= attempt.round.closesAt;
  const answers = new Map(attempt.answers.map((answer) => [answer.position, answer.selected]));
  const drawn = drawnQuestions(attempt.drawn);
  const versions = answersVisible
    ? new Map(
        (await db.questionVersion.findMany({ where: { id: { in: drawn.map((question) => question.versionId) } } })).map(
          (version) => [version.id, version],
        ),
      )
    : new Map();
  return {
    kind: "closed" as const,
    id: attempt.id,
    status: attempt.status,
    contest: attempt.round.contest,
    roundName: attempt.round.name,
    roundClosesAt: attempt.round.closesAt.toISOString(),
    policy,
    score: policy === "NOTHING" ? null : attempt.score,
    maxScore: policy === "NOTHING" ? null : attempt.maxScore,
    correctCount: policy === "NOTHING" ? null : attempt.correctCount,
    timeUsedMs: attempt.timeUsedMs,
    review: answersVisible
      ? drawn.map((question, position) => {
          const version = versions.get(question.versionId) as NonNullable<ReturnType<typeof versions.get>>;
          const options = version.options as unknown as QuestionOption[];
          const chosen = answers.get(position) ?? [];
          return {
            position,
            stem: version.stem,
            options: question.optionOrder.map((original) => ({
              text: options[original].text,
              correct: options[original].correct,
              chosen: chosen.includes(original),
            })),
            explanation: version.explanation,
            citation: [version.citationArticle, version.citationClause, version.citationDocument]
              .filter(Boolean)
              .join(", "),
          };
        })
      : null,
  };
}
