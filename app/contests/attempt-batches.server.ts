/**
 * The attempt engine's writes, in batches (group commit, app/db/group-commit.ts). When a round
 * opens, thousands of contestants start within a second, then answer and submit within seconds
 * of each other; each of these is one statement per batch here, not several per contestant.
 * The rules are the engine's (app/contests/attempts.server.ts) and unchanged:
 *
 * - a start resumes the running attempt, never makes a second one (one running attempt per
 *   account, a unique index); two starts of one account in one batch are taken one by one;
 * - an answer is saved only while its attempt runs and before its deadline, under a share lock
 *   on the attempt, and acknowledged only once committed;
 * - a close locks its attempts first (in id order, as the answers do, so the two never
 *   deadlock), then reads the answers: every acknowledged answer is in the score and none is
 *   acknowledged after it.
 */
import { randomInt, randomUUID } from "node:crypto";
import { type Db, type DbOrTx, poolOf } from "~/db/client.server";
import { GroupCommit } from "~/db/group-commit";
import type { Prisma } from "~/generated/prisma/client";
import type { QuestionOption } from "~/questions/draft";
import { runtimeIfStarted } from "~/runtime.server";
import { type Blueprint, type Candidate, drawQuestions, seededRandom } from "./draw";
import { type DrawnQuestion, drawnQuestions } from "./drawn";
import type { AttemptError } from "./errors";
import {
  type AttemptShape,
  cachedAttemptShape,
  cachedCandidates,
  cachedVersion,
  rememberAttemptShape,
  rememberVersion,
  type VersionContent,
} from "./hot-cache.server";
import { countFastAnswers } from "./integrity.server";
import { scoreAttempt } from "./scoring";

export type AttemptResult<T> = ({ ok: true } & T) | { ok: false; code: AttemptError; message: string };

export const fail = (code: AttemptError) => ({ ok: false as const, code, message: `errors.attempt.${code}` });

/**
 * A timestamp column as milliseconds since the epoch. The hottest statements here go straight
 * to node-postgres (poolOf), which would read Prisma's timestamp(3) columns (UTC, without time
 * zone) in the server's local time zone.
 */
const epochMs = (column: string) => `(extract(epoch from ${column}) * 1000)::float8`;

/**
 * Transactions that close attempts wait up to 10 s for a pooled connection (Prisma's default is
 * 2 s): when a storm of submits fills the pool, a close should queue, not fail.
 */
const TX = { maxWait: 10_000, timeout: 20_000 } as const;

/** Sent back to a request its batch could not decide (a second start of one account): it goes again. */
const AGAIN = Symbol("again");
const MOST_TRIES = 5;

// ——— the batchers, one set per database client ———

interface Batchers {
  starts: GroupCommit<StartRequest, StartOutcome | typeof AGAIN>;
  answers: GroupCommit<AnswerRequest, AttemptResult<{ savedAt: string }>>;
  submits: GroupCommit<SubmitRequest, AttemptResult<{ status: string; score: number | null }>>;
}
const batchersByDb = new WeakMap<Db, Batchers>();

function batchers(db: Db): Batchers {
  let found = batchersByDb.get(db);
  if (!found) {
    // Starts: two batches at a time, one being written while the next one forms. Answers: one
    // at a time. Each answer batch is one short statement, so the next forms while it commits
    // and comes out larger: half the statements, and no two batches share-locking attempts at
    // once. Measured at 5,000 clients: 4,900 → 7,800 answers/s within a p99 of 250 ms.
    found = {
      starts: new GroupCommit({ maxBatch: 500, concurrency: 2, run: (items) => runStarts(db, items) }),
      answers: new GroupCommit({ maxBatch: 1000, concurrency: 1, run: (items) => runAnswers(db, items) }),
      submits: new GroupCommit({ maxBatch: 500, concurrency: 2, run: (items) => runSubmits(db, items) }),
    };
    batchersByDb.set(db, found);
  }
  return found;
}

// ——— starting ———

export interface StartRequest {
  userId: string;
  roundId: string;
  now: Date;
  /** Where it starts from, for the integrity flags (app/contests/integrity.server.ts). */
  origin?: { sessionId?: string | null; ip?: string | null; deviceId?: string | null };
}

/** The attempt page's view of an attempt just created (nothing answered yet). */
export interface StartedView {
  id: string;
  roundId: string;
  status: "IN_PROGRESS";
  serverNow: string;
  remainingMs: number;
  questions: Array<{ position: number; type: string; stem: string; options: string[]; selected: number[] }>;
  predictionEnabled: boolean;
  roundName: string;
}

export type StartOutcome = AttemptResult<{ attemptId: string; resumed: boolean; view: StartedView | null }>;

export async function startInBatch(db: Db, request: StartRequest): Promise<StartOutcome> {
  for (let tries = 0; tries < MOST_TRIES; tries++) {
    const outcome = await batchers(db).starts.submit(request);
    if (outcome !== AGAIN) return outcome;
  }
  throw new Error("starting the attempt did not settle");
}

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

interface StartState {
  userId: string;
  runningId: string | null;
  runningRoundId: string | null;
  runningDeadlineMs: number | null;
  registered: boolean;
  previous: number;
}

interface RoundForStart {
  id: string;
  contestId: string;
  contestStatus: string;
  name: string;
  timeLimitSeconds: number;
  attemptsAllowed: number;
  pointsPerQuestion: number;
  shuffleQuestions: boolean;
  shuffleOptions: boolean;
  blueprint: unknown;
  predictionEnabled: boolean;
  opensAtMs: number;
  closesAtMs: number;
}

interface NewAttempt {
  index: number;
  id: string;
  request: StartRequest;
  number: number;
  deadline: Date;
  maxScore: number;
  questions: Array<{ versionId: string; optionOrder: number[] }>;
  pointsPerQuestion: number;
}

async function runStarts(db: Db, requests: StartRequest[]): Promise<Array<StartOutcome | typeof AGAIN>> {
  const outcomes: Array<StartOutcome | typeof AGAIN> = new Array(requests.length);
  // One start per account per batch: a second one (a double click, two tabs) goes in the next.
  const firstOfUser = new Map<string, number>();
  requests.forEach((request, index) => {
    if (firstOfUser.has(request.userId)) outcomes[index] = AGAIN;
    else firstOfUser.set(request.userId, index);
  });
  const taken = [...firstOfUser.values()];

  // The round and each account's state, read at once on two connections.
  const sql = poolOf(db);
  const [roundRows, stateRows] = await Promise.all([
    sql.query<RoundForStart>(
      `SELECT r.id, r."contestId", c.status AS "contestStatus", r.name, r."timeLimitSeconds",
              r."attemptsAllowed", r."pointsPerQuestion", r."shuffleQuestions", r."shuffleOptions",
              r.blueprint, r."predictionEnabled", ${epochMs('r."opensAt"')} AS "opensAtMs",
              ${epochMs('r."closesAt"')} AS "closesAtMs"
         FROM "Round" r JOIN "Contest" c ON c.id = r."contestId"
        WHERE r.id = ANY($1::text[])`,
      [[...new Set(taken.map((index) => requests[index].roundId))]],
    ),
    sql.query<StartState>(
      `SELECT u.user_id AS "userId", run.id AS "runningId", run."roundId" AS "runningRoundId",
              ${epochMs('run."deadlineAt"')} AS "runningDeadlineMs",
              EXISTS (SELECT 1 FROM "Registration" g
                       WHERE g."contestId" = r."contestId" AND g."userId" = u.user_id) AS registered,
              (SELECT count(*)::int FROM "Attempt" a WHERE a."roundId" = u.round_id AND a."userId" = u.user_id) AS previous
         FROM unnest($1::text[], $2::text[]) AS u(user_id, round_id)
         LEFT JOIN "Round" r ON r.id = u.round_id
         LEFT JOIN LATERAL (SELECT id, "roundId", "deadlineAt" FROM "Attempt" a
                             WHERE a."userId" = u.user_id AND a.status = 'IN_PROGRESS' LIMIT 1) run ON true`,
      [taken.map((index) => requests[index].userId), taken.map((index) => requests[index].roundId)],
    ),
  ]);
  const rounds = new Map(roundRows.rows.map((round) => [round.id, round]));
  const states = new Map(stateRows.rows.map((state) => [state.userId, state]));

  const created: NewAttempt[] = [];
  const abandoned: Array<{ attemptId: string; now: Date }> = [];
  for (const index of taken) {
    const request = requests[index];
    const { now } = request;
    const round = rounds.get(request.roundId);
    const state = states.get(request.userId) as StartState;
    if (state.runningId && state.runningDeadlineMs !== null && state.runningDeadlineMs < now.getTime()) {
      // An attempt left running past its deadline: closed first, then this start goes again.
      abandoned.push({ attemptId: state.runningId, now });
      outcomes[index] = AGAIN;
      continue;
    }
    if (!round || round.contestStatus !== "PUBLISHED") {
      outcomes[index] = fail("ROUND_NOT_FOUND");
      continue;
    }
    if (state.runningId) {
      outcomes[index] =
        state.runningRoundId === round.id
          ? { ok: true, attemptId: state.runningId, resumed: true, view: null }
          : fail("ANOTHER_ATTEMPT_RUNNING");
      continue;
    }
    if (now.getTime() < round.opensAtMs) outcomes[index] = fail("ROUND_NOT_OPEN");
    else if (now.getTime() >= round.closesAtMs) outcomes[index] = fail("ROUND_CLOSED");
    else if (!state.registered) outcomes[index] = fail("NOT_REGISTERED");
    else if (state.previous >= round.attemptsAllowed) outcomes[index] = fail("ATTEMPT_LIMIT");
    if (outcomes[index]) continue;

    const blueprint = round.blueprint as unknown as Blueprint;
    // Every contestant of the round draws from the same questions: read once per 30 s, not per start.
    const candidates = await cachedCandidates(JSON.stringify(blueprint), () => candidatesFor(db, blueprint));
    const draw = drawQuestions(blueprint, candidates, {
      shuffleQuestions: round.shuffleQuestions,
      shuffleOptions: round.shuffleOptions,
      random: seededRandom(randomInt(2 ** 31)),
    });
    if (!draw.ok) {
      outcomes[index] = fail("NOT_ENOUGH_QUESTIONS");
      continue;
    }
    created.push({
      index,
      id: randomUUID(),
      request,
      number: state.previous + 1,
      // The round's close cuts every attempt short: nobody answers after it.
      deadline: new Date(Math.min(now.getTime() + round.timeLimitSeconds * 1000, round.closesAtMs)),
      maxScore: draw.questions.length * round.pointsPerQuestion,
      questions: draw.questions.map((question) => ({
        versionId: question.versionId,
        optionOrder: question.optionOrder,
      })),
      pointsPerQuestion: round.pointsPerQuestion,
    });
  }
  if (abandoned.length > 0) await closeAbandoned(db, abandoned);
  if (created.length === 0) return outcomes;

  const inserted = new Set(await insertAttempts(db, created));
  const versions = await versionContents(
    db,
    created.flatMap((attempt) => attempt.questions.map((question) => question.versionId)),
  );
  for (const attempt of created) {
    if (!inserted.has(attempt.id)) {
      // Another process's start for this account committed first: the next batch resumes it.
      outcomes[attempt.index] = AGAIN;
      continue;
    }
    const { request } = attempt;
    const round = rounds.get(request.roundId) as RoundForStart;
    rememberAttemptShape(attempt.id, {
      userId: request.userId,
      questions: new Map(
        attempt.questions.map((question, position) => [
          position,
          {
            optionOrder: question.optionOrder,
            type: (versions.get(question.versionId) as VersionContent).type,
            versionId: question.versionId,
            points: attempt.pointsPerQuestion,
          },
        ]),
      ),
    });
    announce("attemptStarted", { id: attempt.id, roundId: round.id, userId: request.userId });
    outcomes[attempt.index] = {
      ok: true,
      attemptId: attempt.id,
      resumed: false,
      view: {
        id: attempt.id,
        roundId: round.id,
        status: "IN_PROGRESS",
        serverNow: request.now.toISOString(),
        remainingMs: Math.max(0, attempt.deadline.getTime() - request.now.getTime()),
        questions: attempt.questions.map((question, position) => {
          const version = versions.get(question.versionId) as VersionContent;
          return {
            position,
            type: version.type,
            stem: version.stem,
            // Only the texts, in the shown order: never the key.
            options: question.optionOrder.map((original) => version.options[original].text),
            selected: [],
          };
        }),
        predictionEnabled: round.predictionEnabled,
        roundName: round.name,
      },
    };
  }
  return outcomes;
}

/**
 * The attempts with their drawn questions in one statement; returns the ids inserted (a conflict
 * skips one). The rows travel as one JSON document: one parameter, cheap to encode and to parse.
 */
async function insertAttempts(db: Db, attempts: NewAttempt[]): Promise<string[]> {
  const rows = attempts.map((attempt) => ({
    id: attempt.id,
    round_id: attempt.request.roundId,
    user_id: attempt.request.userId,
    number: attempt.number,
    started_at: attempt.request.now.toISOString(),
    deadline_at: attempt.deadline.toISOString(),
    max_score: attempt.maxScore,
    drawn: attempt.questions.map(
      (question): DrawnQuestion => ({
        versionId: question.versionId,
        optionOrder: question.optionOrder,
        points: attempt.pointsPerQuestion,
      }),
    ),
    ip: attempt.request.origin?.ip?.slice(0, 64) ?? null,
    device_id: attempt.request.origin?.deviceId ?? null,
    session_ids: attempt.request.origin?.sessionId ? [attempt.request.origin.sessionId] : [],
  }));
  const inserted = await poolOf(db).query<{ id: string }>(
    `INSERT INTO "Attempt" (id, "roundId", "userId", number, "startedAt", "deadlineAt", "maxScore", drawn,
                            "startIp", "deviceId", "sessionIds")
     SELECT a.id, a.round_id, a.user_id, a.number, a.started_at, a.deadline_at, a.max_score, a.drawn,
            a.ip, a.device_id, a.session_ids
       FROM jsonb_to_recordset($1::jsonb)
            AS a(id text, round_id text, user_id text, number int, started_at timestamp(3), deadline_at timestamp(3),
                 max_score int, drawn jsonb, ip text, device_id text, session_ids text[])
     ON CONFLICT DO NOTHING
     RETURNING id`,
    [JSON.stringify(rows)],
  );
  return inserted.rows.map((row) => row.id);
}

/** The stem, type and options of question versions, from memory or in one read. */
export async function versionContents(db: DbOrTx, versionIds: string[]): Promise<Map<string, VersionContent>> {
  const found = new Map<string, VersionContent>();
  const missing: string[] = [];
  for (const id of new Set(versionIds)) {
    const cached = cachedVersion(id);
    if (cached) found.set(id, cached);
    else missing.push(id);
  }
  if (missing.length > 0) {
    const rows = await db.questionVersion.findMany({
      where: { id: { in: missing } },
      select: { id: true, type: true, stem: true, options: true },
    });
    for (const row of rows) {
      const content: VersionContent = {
        type: row.type,
        stem: row.stem,
        options: row.options as unknown as QuestionOption[],
      };
      rememberVersion(row.id, content);
      found.set(row.id, content);
    }
  }
  return found;
}

// ——— answering ———

export interface AnswerRequest {
  attemptId: string;
  userId: string;
  position: number;
  /** Option indices as shown. */
  selected: number[];
  now: Date;
}

export function answerInBatch(db: Db, request: AnswerRequest): Promise<AttemptResult<{ savedAt: string }>> {
  return batchers(db).answers.submit(request);
}

async function runAnswers(db: Db, requests: AnswerRequest[]): Promise<Array<AttemptResult<{ savedAt: string }>>> {
  const outcomes: Array<AttemptResult<{ savedAt: string }>> = new Array(requests.length);
  const shapes = await attemptShapes(
    db,
    requests.map((request) => request.attemptId),
  );
  // The latest save of a question wins, as if they had come one after another.
  const latest = new Map<string, { index: number; original: number[] }>();
  requests.forEach((request, index) => {
    const shape = shapes.get(request.attemptId);
    if (!shape || shape.userId !== request.userId) {
      outcomes[index] = fail("ATTEMPT_NOT_FOUND");
      return;
    }
    const question = shape.questions.get(request.position);
    const shown = [...new Set(request.selected)];
    if (
      !question ||
      shown.some((option) => !Number.isInteger(option) || option < 0 || option >= question.optionOrder.length) ||
      (question.type !== "MULTIPLE_CHOICE" && shown.length > 1)
    ) {
      outcomes[index] = fail("INVALID_ANSWER");
      return;
    }
    const original = shown.map((option) => question.optionOrder[option]).sort((a, b) => a - b);
    latest.set(`${request.attemptId}\u0000${request.position}`, { index, original });
  });
  if (latest.size === 0) return outcomes;

  // In (attempt, position) order, so concurrent batches lock and update rows in the same order.
  const saves = [...latest.values()].sort((a, b) => {
    const left = requests[a.index];
    const right = requests[b.index];
    return left.attemptId < right.attemptId
      ? -1
      : left.attemptId > right.attemptId
        ? 1
        : left.position - right.position;
  });
  // Saved only while the attempt is still running: the share lock orders each save with a close
  // (which locks the attempt first), so a save lands before the close reads the answers, or
  // finds the attempt closed — never acknowledged and left out of the score.
  // Saves of one question in two batches written at once commit in either order: the later
  // save (by arrival) wins, so an older choice never overwrites a newer one.
  // Only the running attempts come back (one row each, not one per answer as well): a request
  // is saved, or finds a newer save of its question already there, exactly when its attempt is
  // running and its deadline had not passed when it arrived. PostgreSQL runs the INSERT to
  // completion whether or not its rows are read.
  const { rows } = await poolOf(db).query<{ id: string; deadlineAtMs: number }>(
    `WITH running AS (
       SELECT id, "deadlineAt" FROM "Attempt"
        WHERE id = ANY($1::text[]) AND status = 'IN_PROGRESS'
        ORDER BY id
          FOR SHARE),
     saved AS (
       INSERT INTO "AttemptAnswer" ("attemptId", position, selected, "answeredAt", "firstAnsweredAt")
       SELECT s.attempt_id, s.position, s.selected, s.at, s.at
         FROM jsonb_to_recordset($2::jsonb) AS s(attempt_id text, position int, selected int[], at timestamp(3))
         JOIN running ON running.id = s.attempt_id AND running."deadlineAt" >= s.at
       ON CONFLICT ("attemptId", position) DO UPDATE SET selected = EXCLUDED.selected, "answeredAt" = EXCLUDED."answeredAt"
        WHERE "AttemptAnswer"."answeredAt" <= EXCLUDED."answeredAt")
     SELECT id, ${epochMs('"deadlineAt"')} AS "deadlineAtMs" FROM running`,
    [
      [...new Set(saves.map((save) => requests[save.index].attemptId))],
      JSON.stringify(
        saves.map((save) => ({
          attempt_id: requests[save.index].attemptId,
          position: requests[save.index].position,
          selected: save.original,
          at: requests[save.index].now.toISOString(),
        })),
      ),
    ],
  );
  const runningDeadlines = new Map<string, number>();
  for (const row of rows) runningDeadlines.set(row.id, row.deadlineAtMs);
  const refused: number[] = [];
  requests.forEach((request, index) => {
    if (outcomes[index]) return;
    const deadline = runningDeadlines.get(request.attemptId);
    if (deadline !== undefined && deadline >= request.now.getTime())
      outcomes[index] = { ok: true, savedAt: request.now.toISOString() };
    else refused.push(index);
  });
  if (refused.length > 0) {
    // Not running any more, or past its deadline (then it is closed now, as the sweep would).
    const current = new Map(
      (
        await db.attempt.findMany({
          where: { id: { in: [...new Set(refused.map((index) => requests[index].attemptId))] } },
          select: { id: true, status: true, deadlineAt: true },
        })
      ).map((attempt) => [attempt.id, attempt]),
    );
    const overdue: Array<{ attemptId: string; now: Date }> = [];
    for (const index of refused) {
      const request = requests[index];
      const attempt = current.get(request.attemptId);
      if (attempt?.status === "IN_PROGRESS" && request.now > attempt.deadlineAt) {
        overdue.push({ attemptId: attempt.id, now: request.now });
        outcomes[index] = fail("DEADLINE_PASSED");
      } else outcomes[index] = fail("ATTEMPT_CLOSED");
    }
    if (overdue.length > 0) await closeAbandoned(db, overdue);
  }
  return outcomes;
}

/** Who owns each attempt and its questions' shapes: read once per attempt, then from memory. */
async function attemptShapes(db: DbOrTx, attemptIds: string[]): Promise<Map<string, AttemptShape>> {
  const shapes = new Map<string, AttemptShape>();
  const missing: string[] = [];
  for (const id of new Set(attemptIds)) {
    const cached = cachedAttemptShape(id);
    if (cached) shapes.set(id, cached);
    else missing.push(id);
  }
  if (missing.length === 0) return shapes;
  const rows = await db.attempt.findMany({
    where: { id: { in: missing } },
    select: { id: true, userId: true, drawn: true },
  });
  const drawnOf = new Map(rows.map((row) => [row.id, drawnQuestions(row.drawn)]));
  const versions = await versionContents(
    db,
    [...drawnOf.values()].flatMap((drawn) => drawn.map((question) => question.versionId)),
  );
  for (const row of rows)
    shapes.set(row.id, {
      userId: row.userId,
      questions: new Map(
        (drawnOf.get(row.id) ?? []).map((question, position) => [
          position,
          { ...question, type: versions.get(question.versionId)?.type ?? "" },
        ]),
      ),
    });
  for (const id of missing) {
    const shape = shapes.get(id);
    if (shape) rememberAttemptShape(id, shape);
  }
  return shapes;
}

// ——— submitting and closing ———

export interface SubmitRequest {
  attemptId: string;
  userId: string;
  prediction: number | null;
  now: Date;
}

export function submitInBatch(
  db: Db,
  request: SubmitRequest,
): Promise<AttemptResult<{ status: string; score: number | null }>> {
  return batchers(db).submits.submit(request);
}

async function runSubmits(
  db: Db,
  requests: SubmitRequest[],
): Promise<Array<AttemptResult<{ status: string; score: number | null }>>> {
  const attempts = new Map(
    (
      await db.attempt.findMany({
        where: { id: { in: [...new Set(requests.map((request) => request.attemptId))] } },
        select: { id: true, roundId: true, userId: true, status: true, deadlineAt: true, score: true },
      })
    ).map((attempt) => [attempt.id, attempt]),
  );
  const closing = new Map<string, CloseRequest>();
  for (const request of requests) {
    const attempt = attempts.get(request.attemptId);
    if (!attempt || attempt.userId !== request.userId || attempt.status !== "IN_PROGRESS") continue;
    // The first submit of an attempt decides its prediction; a repeated one changes nothing.
    if (!closing.has(attempt.id))
      closing.set(attempt.id, {
        attemptId: attempt.id,
        status: request.now > attempt.deadlineAt ? "EXPIRED" : "SUBMITTED",
        now: request.now,
        prediction: request.prediction,
      });
  }
  const closed = closing.size > 0 ? await closeAttempts(db, [...closing.values()]) : new Map<string, ClosedAttempt>();
  // Closed meanwhile by someone else (the sweep, another tab): read how it ended.
  const elsewhere = [...closing.keys()].filter((id) => !closed.has(id));
  const ended = new Map(
    elsewhere.length === 0
      ? []
      : (
          await db.attempt.findMany({
            where: { id: { in: elsewhere } },
            select: { id: true, status: true, score: true },
          })
        ).map((attempt) => [attempt.id, attempt]),
  );
  return requests.map((request) => {
    const attempt = attempts.get(request.attemptId);
    if (!attempt || attempt.userId !== request.userId) return fail("ATTEMPT_NOT_FOUND");
    const final = closed.get(attempt.id) ?? ended.get(attempt.id) ?? attempt;
    return { ok: true, status: final.status, score: final.score };
  });
}

export interface CloseRequest {
  attemptId: string;
  status: "SUBMITTED" | "EXPIRED";
  now: Date;
  prediction: number | null;
}

interface ClosedAttempt {
  status: "SUBMITTED" | "EXPIRED";
  score: number;
}

/**
 * Scores and closes attempts in one transaction; returns those it closed (one already closed is
 * left as it is). Announces each close after the commit.
 */
export async function closeAttempts(db: Db, requests: CloseRequest[]): Promise<Map<string, ClosedAttempt>> {
  const ids = requests.map((request) => request.attemptId);
  const shapes = await attemptShapes(db, ids);
  const versions = await versionContents(
    db,
    [...shapes.values()].flatMap((shape) => [...shape.questions.values()].map((question) => question.versionId)),
  );
  const closed = await db.$transaction(async (tx) => {
    // Lock before reading the answers: a save being committed finishes first (it checks the
    // attempt under a share lock), so every answer acknowledged before the close is scored.
    const locked = await tx.$queryRaw<
      Array<{ id: string; roundId: string; userId: string; status: string; startedAt: Date; deadlineAt: Date }>
    >`
      SELECT id, "roundId", "userId", status::text AS status, "startedAt", "deadlineAt" FROM "Attempt"
       WHERE id = ANY(${ids}::text[]) ORDER BY id FOR UPDATE`;
    const running = locked.filter((attempt) => attempt.status === "IN_PROGRESS");
    if (running.length === 0) return [];
    const answers = await tx.$queryRaw<
      Array<{ attemptId: string; position: number; selected: number[]; firstAnsweredAt: Date }>
    >`
      SELECT "attemptId", position, selected, "firstAnsweredAt" FROM "AttemptAnswer"
       WHERE "attemptId" = ANY(${running.map((attempt) => attempt.id)}::text[])`;
    const answersOf = new Map<string, typeof answers>();
    for (const answer of answers) {
      const given = answersOf.get(answer.attemptId);
      if (given) given.push(answer);
      else answersOf.set(answer.attemptId, [answer]);
    }
    const byId = new Map(requests.map((request) => [request.attemptId, request]));
    const results = running.map((attempt) => {
      const request = byId.get(attempt.id) as CloseRequest;
      const shape = shapes.get(attempt.id);
      const questions = [...(shape?.questions.entries() ?? [])].sort(([a], [b]) => a - b);
      const given = answersOf.get(attempt.id) ?? [];
      const scored = scoreAttempt(
        questions.map(([, question]) => ({
          options: (versions.get(question.versionId)?.options ?? []) as QuestionOption[],
          points: question.points,
        })),
        new Map(given.map((answer) => [answer.position, answer.selected])),
      );
      const closedAt = request.status === "EXPIRED" ? attempt.deadlineAt : request.now;
      return {
        attempt,
        status: request.status,
        closedAt,
        score: scored.score,
        correctCount: scored.correctCount,
        timeUsedMs: Math.max(
          0,
          Math.min(closedAt.getTime(), attempt.deadlineAt.getTime()) - attempt.startedAt.getTime(),
        ),
        prediction: request.prediction,
        fastAnswerCount: countFastAnswers(
          attempt.startedAt,
          given.map((answer) => answer.firstAnsweredAt),
        ),
      };
    });
    await tx.$executeRaw`
      UPDATE "Attempt" AS a
         SET status = u.status::"AttemptStatus", "closedAt" = u.closed_at, score = u.score,
             "correctCount" = u.correct_count, "timeUsedMs" = u.time_used_ms, prediction = u.prediction,
             "fastAnswerCount" = u.fast_answer_count
        FROM jsonb_to_recordset(${JSON.stringify(
          results.map((result) => ({
            id: result.attempt.id,
            status: result.status,
            closed_at: result.closedAt.toISOString(),
            score: result.score,
            correct_count: result.correctCount,
            time_used_ms: result.timeUsedMs,
            prediction: result.prediction,
            fast_answer_count: result.fastAnswerCount,
          })),
        )}::jsonb)
             AS u(id text, status text, closed_at timestamp(3), score int, correct_count int, time_used_ms int,
                  prediction int, fast_answer_count int)
       WHERE a.id = u.id AND a.status = 'IN_PROGRESS'`;
    return results;
  }, TX);
  for (const result of closed) announce("attemptClosed", result.attempt);
  return new Map(closed.map((result) => [result.attempt.id, { status: result.status, score: result.score }]));
}

/** Closes attempts found running past their deadline, as the sweep would. */
async function closeAbandoned(db: Db, found: Array<{ attemptId: string; now: Date }>): Promise<void> {
  const unique = new Map(found.map((item) => [item.attemptId, item]));
  await closeAttempts(
    db,
    [...unique.values()].map((item) => ({
      attemptId: item.attemptId,
      status: "EXPIRED",
      now: item.now,
      prediction: null,
    })),
  );
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
