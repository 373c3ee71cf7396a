/**
 * The attempt engine. The server draws and freezes the questions, keeps the deadline, saves
 * every answer as it comes (acknowledged only once committed), and closes attempts itself at
 * the deadline. Nothing sent to a contestant during an attempt contains a key or explanation.
 */
import { randomInt, randomUUID } from "node:crypto";
import type { Db, DbOrTx } from "~/db/client.server";
import type { Prisma } from "~/generated/prisma/client";
import { isUniqueViolation } from "~/org/tree.server";
import type { QuestionOption } from "~/questions/draft";
import { runtimeIfStarted } from "~/runtime.server";
import { type Blueprint, type Candidate, drawQuestions, seededRandom } from "./draw";
import type { AttemptError } from "./errors";
import { type AttemptShape, cachedAttemptShape, cachedCandidates, rememberAttemptShape } from "./hot-cache.server";
import { countFastAnswers } from "./integrity.server";
import { scoreAttempt } from "./scoring";

export type { AttemptError };

export type AttemptResult<T> = ({ ok: true } & T) | { ok: false; code: AttemptError; message: string };

const fail = (code: AttemptError) => ({ ok: false as const, code, message: `errors.attempt.${code}` });

/**
 * Transactions that score and close attempts wait up to 10 s for a pooled connection (Prisma's
 * default is 2 s): when a round's storm of starts and submits fills the pool, a submit should
 * queue, not fail.
 */
const TX = { maxWait: 10_000, timeout: 20_000 } as const;

/** Approved questions of the banks a blueprint names, with their approved version. */
export async function candidatesFor(db: DbOrTx, blueprint: Blueprint): Promise<Candidate[]> {
  const where: Prisma.QuestionWhereInput =
    "questionIds" in blueprint
      ? { id: { in: blueprint.questionIds }, status: "APPROVED" }
      : { bankId: { in: [...new Set(blueprint.rules.map((rule) => rule.bankId))] }, status: "APPROVED" };
  const questions = await db.question.findMany({
    where: { ...where, approvedVersionId: { not: null } },
    select: {
      id: true,
      bankId: true,
      difficulty: true,
      topics: { select: { topicId: true } },
      approvedVersion: { select: { id: true, options: true, difficulty: true } },
    },
  });
  return questions.flatMap((question) =>
    question.approvedVersion
      ? [
          {
            questionId: question.id,
            versionId: question.approvedVersion.id,
            bankId: question.bankId,
            topicIds: question.topics.map((topic) => topic.topicId),
            difficulty: question.approvedVersion.difficulty,
            optionCount: (question.approvedVersion.options as unknown as QuestionOption[]).length,
          },
        ]
      : [],
  );
}

/**
 * Starts an attempt, or returns the one already running in this round (a reload, a second
 * device, a double click): the same attempt, never a second one.
 */
export async function startAttempt(
  db: Db,
  input: {
    userId: string;
    roundId: string;
    now?: Date;
    /** Where it starts from, for the integrity flags (app/contests/integrity.server.ts). */
    origin?: { sessionId?: string | null; ip?: string | null; deviceId?: string | null };
  },
): Promise<AttemptResult<{ attemptId: string; resumed: boolean }>> {
  const now = input.now ?? new Date();
  await closeExpiredAttempts(db, now, { userId: input.userId });
  const round = await db.round.findUnique({
    where: { id: input.roundId },
    include: { contest: { select: { id: true, status: true } } },
  });
  if (!round || round.contest.status !== "PUBLISHED") return fail("ROUND_NOT_FOUND");

  const running = await db.attempt.findFirst({
    where: { userId: input.userId, status: "IN_PROGRESS" },
    select: { id: true, roundId: true },
  });
  if (running)
    return running.roundId === round.id
      ? { ok: true, attemptId: running.id, resumed: true }
      : fail("ANOTHER_ATTEMPT_RUNNING");

  if (now < round.opensAt) return fail("ROUND_NOT_OPEN");
  if (now >= round.closesAt) return fail("ROUND_CLOSED");
  const registration = await db.registration.findUnique({
    where: { contestId_userId: { contestId: round.contestId, userId: input.userId } },
    select: { id: true },
  });
  if (!registration) return fail("NOT_REGISTERED");
  const previous = await db.attempt.count({ where: { roundId: round.id, userId: input.userId } });
  if (previous >= round.attemptsAllowed) {
    // A simultaneous start (a double click) may have committed between our two reads: resume it.
    const started = await db.attempt.findFirst({
      where: { userId: input.userId, roundId: round.id, status: "IN_PROGRESS" },
      select: { id: true },
    });
    return started ? { ok: true, attemptId: started.id, resumed: true } : fail("ATTEMPT_LIMIT");
  }

  const seed = randomInt(2 ** 31);
  const blueprint = round.blueprint as unknown as Blueprint;
  // Every contestant of the round draws from the same questions: read once per 30 s, not per start.
  const candidates = await cachedCandidates(JSON.stringify(blueprint), () => candidatesFor(db, blueprint));
  const draw = drawQuestions(blueprint, candidates, {
    shuffleQuestions: round.shuffleQuestions,
    shuffleOptions: round.shuffleOptions,
    random: seededRandom(seed),
  });
  if (!draw.ok) return fail("NOT_ENOUGH_QUESTIONS");

  // The round's close cuts every attempt short: nobody answers after it.
  const deadline = new Date(Math.min(now.getTime() + round.timeLimitSeconds * 1000, round.closesAt.getTime()));
  try {
    // The attempt and its questions in one statement (atomic without holding a transaction open).
    const attempt = { id: randomUUID(), roundId: round.id, userId: input.userId };
    const sessionIds = input.origin?.sessionId ? [input.origin.sessionId] : [];
    await db.$executeRaw`
      WITH created AS (
        INSERT INTO "Attempt" (id, "roundId", "userId", number, "startedAt", "deadlineAt", "maxScore",
                               "startIp", "deviceId", "sessionIds")
        VALUES (${attempt.id}, ${round.id}, ${input.userId}, ${previous + 1}, ${now}, ${deadline},
                ${draw.questions.length * round.pointsPerQuestion}, ${input.origin?.ip?.slice(0, 64) ?? null},
                ${input.origin?.deviceId ?? null}, ${sessionIds}::text[])
        RETURNING id)
      INSERT INTO "AttemptQuestion" ("attemptId", position, "questionVersionId", "optionOrder", points)
      SELECT created.id, q.position, q.version_id, q.option_order::int[], ${round.pointsPerQuestion}
        FROM created,
             unnest(${draw.questions.map((_, position) => position)}::int[],
                    ${draw.questions.map((question) => question.versionId)}::text[],
                    ${draw.questions.map((question) => `{${question.optionOrder.join(",")}}`)}::text[])
               AS q(position, version_id, option_order)`;
    announce("attemptStarted", attempt);
    return { ok: true, attemptId: attempt.id, resumed: false };
  } catch (error) {
    // A simultaneous start won the race (one running attempt per account, one per number).
    if (!isUniqueViolation(error)) throw error;
    const winner = await db.attempt.findFirst({
      where: { userId: input.userId, status: "IN_PROGRESS" },
      select: { id: true, roundId: true },
    });
    if (winner?.roundId === round.id) return { ok: true, attemptId: winner.id, resumed: true };
    return fail(winner ? "ANOTHER_ATTEMPT_RUNNING" : "ATTEMPT_LIMIT");
  }
}

/** What the contestant's page gets: questions and options in the shown order, saved answers, time left. */
export async function attemptView(db: Db, input: { attemptId: string; userId: string; now?: Date }) {
  const now = input.now ?? new Date();
  await closeExpiredAttempts(db, now, { attemptId: input.attemptId, userId: input.userId });
  const attempt = await db.attempt.findFirst({
    where: { id: input.attemptId, userId: input.userId },
    include: {
      questions: {
        orderBy: { position: "asc" },
        include: { questionVersion: { select: { stem: true, type: true, options: true } } },
      },
      answers: true,
    },
  });
  if (!attempt) return null;
  const answers = new Map(attempt.answers.map((answer) => [answer.position, answer.selected]));
  return {
    id: attempt.id,
    roundId: attempt.roundId,
    status: attempt.status,
    serverNow: now.toISOString(),
    remainingMs: attempt.status === "IN_PROGRESS" ? Math.max(0, attempt.deadlineAt.getTime() - now.getTime()) : 0,
    questions: attempt.questions.map((question) => {
      const options = question.questionVersion.options as unknown as QuestionOption[];
      const selected = answers.get(question.position) ?? [];
      return {
        position: question.position,
        type: question.questionVersion.type,
        stem: question.questionVersion.stem,
        // Only the texts, in the shown order: never the key.
        options: question.optionOrder.map((original) => options[original].text),
        selected: question.optionOrder.flatMap((original, shown) => (selected.includes(original) ? [shown] : [])),
      };
    }),
  };
}

/** Saves one answer (the options as shown); repeating the same save changes nothing. */
export async function saveAnswer(
  db: Db,
  input: { attemptId: string; userId: string; position: number; selected: number[]; now?: Date },
): Promise<AttemptResult<{ savedAt: string }>> {
  const now = input.now ?? new Date();
  const attempt = await attemptShape(db, input.attemptId);
  if (!attempt || attempt.userId !== input.userId) return fail("ATTEMPT_NOT_FOUND");
  const question = attempt.questions.get(input.position);
  const shown = [...new Set(input.selected)];
  if (
    !question ||
    shown.some((index) => !Number.isInteger(index) || index < 0 || index >= question.optionOrder.length) ||
    (question.type !== "MULTIPLE_CHOICE" && shown.length > 1)
  ) {
    return fail("INVALID_ANSWER");
  }
  const original = shown.map((index) => question.optionOrder[index]).sort((a, b) => a - b);
  // Saved only while the attempt is still running. The share lock orders the save with a
  // close (closeAttempt locks the row first): a save either lands before the close reads the
  // answers, or finds the attempt closed. Never acknowledged and left out of the score.
  const saved = await db.$executeRaw`
    INSERT INTO "AttemptAnswer" ("attemptId", position, selected, "answeredAt", "firstAnsweredAt")
    SELECT ${input.attemptId}, ${input.position}, ${original}::int[], ${now}, ${now}
     WHERE EXISTS (SELECT 1 FROM "Attempt" WHERE id = ${input.attemptId} AND status = 'IN_PROGRESS' AND "deadlineAt" >= ${now} FOR SHARE)
    ON CONFLICT ("attemptId", position) DO UPDATE SET selected = EXCLUDED.selected, "answeredAt" = EXCLUDED."answeredAt"`;
  if (saved === 0) {
    // Not running any more, or past its deadline (then it is closed now, as before).
    const current = await db.attempt.findUnique({
      where: { id: input.attemptId },
      select: { status: true, deadlineAt: true },
    });
    if (current?.status === "IN_PROGRESS" && now > current.deadlineAt) {
      await closeExpiredAttempts(db, now, { attemptId: input.attemptId });
      return fail("DEADLINE_PASSED");
    }
    return fail("ATTEMPT_CLOSED");
  }
  return { ok: true, savedAt: now.toISOString() };
}

/** Who owns an attempt and its questions' shapes: read once per attempt, then from memory. */
async function attemptShape(db: Db, attemptId: string): Promise<AttemptShape | null> {
  const cached = cachedAttemptShape(attemptId);
  if (cached) return cached;
  const attempt = await db.attempt.findUnique({
    where: { id: attemptId },
    select: {
      userId: true,
      questions: { select: { position: true, optionOrder: true, questionVersion: { select: { type: true } } } },
    },
  });
  if (!attempt) return null;
  const shape: AttemptShape = {
    userId: attempt.userId,
    questions: new Map(
      attempt.questions.map((question) => [
        question.position,
        {
          optionCount: question.optionOrder.length,
          optionOrder: question.optionOrder,
          type: question.questionVersion.type,
        },
      ]),
    ),
  };
  rememberAttemptShape(attemptId, shape);
  return shape;
}

/** Scores and closes one attempt inside a transaction; false (a no-op) when it was already closed. */
async function closeAttempt(
  tx: DbOrTx,
  attemptId: string,
  status: "SUBMITTED" | "EXPIRED",
  now: Date,
  prediction: number | null,
) {
  // Lock the attempt before reading its answers: a save being committed finishes first (it
  // checks the attempt under a share lock), so every answer acknowledged before the close is in
  // the score and none is acknowledged after it.
  await tx.$queryRaw`SELECT id FROM "Attempt" WHERE id = ${attemptId} FOR UPDATE`;
  const attempt = await tx.attempt.findUnique({
    where: { id: attemptId },
    include: {
      questions: { orderBy: { position: "asc" }, include: { questionVersion: { select: { options: true } } } },
      answers: true,
    },
  });
  if (!attempt || attempt.status !== "IN_PROGRESS") return false;
  const result = scoreAttempt(
    attempt.questions.map((question) => ({
      options: question.questionVersion.options as unknown as QuestionOption[],
      points: question.points,
    })),
    new Map(attempt.answers.map((answer) => [answer.position, answer.selected])),
  );
  const closedAt = status === "EXPIRED" ? attempt.deadlineAt : now;
  const updated = await tx.attempt.updateMany({
    where: { id: attempt.id, status: "IN_PROGRESS" },
    data: {
      status,
      closedAt,
      score: result.score,
      correctCount: result.correctCount,
      timeUsedMs: Math.max(0, Math.min(closedAt.getTime(), attempt.deadlineAt.getTime()) - attempt.startedAt.getTime()),
      prediction,
      fastAnswerCount: countFastAnswers(
        attempt.startedAt,
        attempt.answers.map((answer) => answer.firstAnsweredAt),
      ),
    },
  });
  return updated.count > 0;
}

/** Tells live boards and views (after the commit: they read what was committed). */
function announce(kind: "attemptStarted" | "attemptClosed", attempt: { id: string; roundId: string; userId: string }) {
  runtimeIfStarted()?.events.emit(kind, {
    attemptId: attempt.id,
    roundId: attempt.roundId,
    userId: attempt.userId,
    at: new Date(),
  });
}

/** The contestant submits (idempotent: a second submit returns the same result). */
export async function submitAttempt(
  db: Db,
  input: { attemptId: string; userId: string; prediction?: number | null; now?: Date },
): Promise<AttemptResult<{ status: string; score: number | null }>> {
  const now = input.now ?? new Date();
  const attempt = await db.attempt.findFirst({
    where: { id: input.attemptId, userId: input.userId },
    select: { id: true, roundId: true, userId: true, status: true, deadlineAt: true, score: true },
  });
  if (!attempt) return fail("ATTEMPT_NOT_FOUND");
  if (attempt.status !== "IN_PROGRESS") return { ok: true, status: attempt.status, score: attempt.score };
  const status = now > attempt.deadlineAt ? "EXPIRED" : "SUBMITTED";
  const closed = await db.$transaction((tx) => closeAttempt(tx, attempt.id, status, now, input.prediction ?? null), TX);
  if (closed) announce("attemptClosed", attempt);
  const final = await db.attempt.findUniqueOrThrow({
    where: { id: attempt.id },
    select: { status: true, score: true },
  });
  return { ok: true, status: final.status, score: final.score };
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
  for (const attempt of expired)
    if (await db.$transaction((tx) => closeAttempt(tx, attempt.id, "EXPIRED", now, null), TX))
      announce("attemptClosed", attempt);
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
      questions: { orderBy: { position: "asc" }, include: { questionVersion: true } },
      answers: true,
    },
  });
  if (!attempt) return null;
  if (attempt.status === "IN_PROGRESS") return { kind: "running" as const, id: attempt.id };
  const policy = attempt.round.reviewPolicy;
  const answersVisible = policy === "ANSWERS_AFTER_CLOSE" && now >= attempt.round.closesAt;
  const answers = new Map(attempt.answers.map((answer) => [answer.position, answer.selected]));
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
      ? attempt.questions.map((question) => {
          const options = question.questionVersion.options as unknown as QuestionOption[];
          const chosen = answers.get(question.position) ?? [];
          return {
            position: question.position,
            stem: question.questionVersion.stem,
            options: question.optionOrder.map((original) => ({
              text: options[original].text,
              correct: options[original].correct,
              chosen: chosen.includes(original),
            })),
            explanation: question.questionVersion.explanation,
            citation: [
              question.questionVersion.citationArticle,
              question.questionVersion.citationClause,
              question.questionVersion.citationDocument,
            ]
              .filter(Boolean)
              .join(", "),
          };
        })
      : null,
  };
}
