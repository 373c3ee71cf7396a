import type { Db } from "~/db/client.server";
import { Prisma } from "~/generated/prisma/client";
import type { CountingAttempt } from "~/generated/prisma/enums";
import { type RankEntry, type TieBreaker, tieBreakOrder } from "./scoring";

/**
 * Rankings, computed in SQL: a round may hold 200,000 attempts, so nothing here loads them all.
 * The order is the one `compareEntries` in scoring.ts defines (its unit tests are the
 * specification; tests/integration/results.test.ts checks that this SQL agrees with it).
 * Only closed attempts count: never running ones, never annulled ones.
 */
export interface RankedContestant extends RankEntry {
  rank: number;
  fullName: string;
  attemptId: string;
  number: number;
  correctCount: number | null;
  maxScore: number;
  prediction: number | null;
}

export interface RankingPage {
  offset: number;
  limit: number;
}

export interface RoundRules {
  id: string;
  countingAttempt: CountingAttempt;
  tieBreakOrder: string[];
}

const CLOSED_STATUSES = Prisma.raw(`('SUBMITTED', 'EXPIRED')`);

// Columns of the rows `countingAttemptsSql` returns; nulls rank last, as in compareEntries.
const ORDER_BY: Record<TieBreaker, string> = {
  score: `score DESC`,
  prediction: `"predictionError" ASC NULLS LAST`,
  time: `"timeUsedMs" ASC NULLS LAST`,
  submittedAt: `"closedAt" ASC NULLS LAST`,
};

function orderBySql(order: readonly TieBreaker[]): Prisma.Sql {
  return Prisma.raw(order.map((key) => ORDER_BY[key]).join(", "));
}

/**
 * Each contestant's counting attempt in one round, with the error of their prediction: the
 * prediction question asks how many people will take the round, and the actual number is the
 * count of distinct contestants with a closed attempt.
 */
export function countingAttemptsSql(round: RoundRules): Prisma.Sql {
  const order = tieBreakOrder(round.tieBreakOrder);
  const pick =
    round.countingAttempt === "FIRST"
      ? Prisma.raw("number ASC")
      : round.countingAttempt === "LAST"
        ? Prisma.raw("number DESC")
        : Prisma.sql`${orderBySql(order)}, number ASC`;
  // The participant count is an uncorrelated scalar subquery: PostgreSQL runs it once (an
  // InitPlan), where a joined subquery may be re-run for every attempt when statistics are stale.
  return Prisma.sql`
    SELECT DISTINCT ON (keyed."userId") keyed.*
    FROM (
      SELECT a.id AS "attemptId", a."roundId", a."userId", a.number, COALESCE(a.score, 0) AS score,
             a."maxScore", a."correctCount", a."timeUsedMs", a.prediction, a."closedAt",
             abs(a.prediction - (
               SELECT count(DISTINCT "userId")::int FROM "Attempt"
               WHERE "roundId" = ${round.id} AND status IN ${CLOSED_STATUSES}
             )) AS "predictionError"
      FROM "Attempt" a
      WHERE a."roundId" = ${round.id} AND a.status IN ${CLOSED_STATUSES}
    ) keyed
    ORDER BY keyed."userId", ${pick}`;
}

/** Every round's counting attempts together (each part in brackets for its own ORDER BY). */
function allRoundsCountingSql(rounds: RoundRules[]): Prisma.Sql {
  return Prisma.join(
    rounds.map((round) => Prisma.sql`(${countingAttemptsSql(round)})`),
    " UNION ALL ",
  );
}

/**
 * Each contestant's contest total (optionally only the given contestants'): the sum of their
 * counting attempts' scores over the rounds they took, with the ranking's tie-breakers (total
 * time used, then when their last counting attempt closed) and the unit they registered for.
 */
export function contestTotalsSql(contestId: string, rounds: RoundRules[], userIds?: readonly string[]): Prisma.Sql {
  const onlyUsers = userIds ? Prisma.sql`WHERE "userId" = ANY(${userIds}::text[])` : Prisma.empty;
  return Prisma.sql`
    WITH counting AS (${allRoundsCountingSql(rounds)})
    SELECT c."userId", sum(c.score)::int AS score, sum(c."maxScore")::int AS "maxScore",
           COALESCE(sum(c."timeUsedMs"), 0)::float8 AS "timeUsedMs", max(c."closedAt") AS "closedAt",
           -- The unit chosen at registration, else the deepest node they belong to (as in
           -- participationByNode, so unit boards and participation agree).
           COALESCE(
             (SELECT n.path FROM "Registration" r JOIN "OrgNode" n ON n.id = r."orgNodeId"
               WHERE r."contestId" = ${contestId} AND r."userId" = c."userId"),
             (SELECT n.path FROM "Membership" m JOIN "OrgNode" n ON n.id = m."orgNodeId"
               WHERE m."userId" = c."userId" ORDER BY n.depth DESC, n.id LIMIT 1)
           ) AS "unitPath"
      FROM (SELECT * FROM counting ${onlyUsers}) c
     GROUP BY c."userId"`;
}

export async function roundRules(db: Db, roundId: string): Promise<RoundRules> {
  return db.round.findUniqueOrThrow({
    where: { id: roundId },
    select: { id: true, countingAttempt: true, tieBreakOrder: true },
  });
}

interface RankedRow {
  attemptId: string;
  userId: string;
  number: number;
  score: number;
  maxScore: number;
  correctCount: number | null;
  timeUsedMs: number | null;
  prediction: number | null;
  predictionError: number | null;
  closedAt: Date | null;
  rank: number;
  fullName: string;
  total: number;
}

/**
 * A round's ranking (a page of it when `page` is given): each contestant's counting attempt
 * (best, first or last), ranked by the round's tie-break order — customarily score, then how
 * close their prediction came, then time used, then who submitted first.
 */
export async function roundRanking(
  db: Db,
  roundId: string,
  page?: RankingPage,
): Promise<{ participants: number; ranking: RankedContestant[] }> {
  const round = await roundRules(db, roundId);
  const order = orderBySql(tieBreakOrder(round.tieBreakOrder));
  const window = page ? Prisma.sql`LIMIT ${page.limit} OFFSET ${page.offset}` : Prisma.empty;
  const rows = await db.$queryRaw<RankedRow[]>`
    WITH counting AS (${countingAttemptsSql(round)}),
    ranked AS (
      SELECT counting.*, (RANK() OVER (ORDER BY ${order}))::int AS rank, (count(*) OVER ())::int AS total
      FROM counting
    )
    SELECT ranked.*, u."fullName"
    FROM ranked JOIN "User" u ON u.id = ranked."userId"
    ORDER BY ranked.rank, ranked."attemptId"
    ${window}`;
  const participants =
    rows[0]?.total ??
    (page
      ? await db.attempt.groupBy({ by: ["userId"], where: { roundId, status: { in: ["SUBMITTED", "EXPIRED"] } } })
      : []
    ).length;
  return {
    participants,
    ranking: rows.map((row) => ({
      rank: row.rank,
      userId: row.userId,
      fullName: row.fullName,
      attemptId: row.attemptId,
      number: row.number,
      score: row.score,
      correctCount: row.correctCount,
      maxScore: row.maxScore,
      prediction: row.prediction,
      predictionError: row.predictionError,
      timeUsedMs: row.timeUsedMs ?? Number.MAX_SAFE_INTEGER,
      submittedAt: row.closedAt ?? new Date(8.64e15),
    })),
  };
}

export interface ContestStanding {
  rank: number;
  userId: string;
  fullName: string;
  score: number;
  roundsTaken: number;
  timeUsedMs: number;
  lastSubmittedAt: Date;
}

export async function contestRounds(db: Db, contestId: string): Promise<RoundRules[]> {
  return db.round.findMany({
    where: { contestId },
    orderBy: { position: "asc" },
    select: { id: true, countingAttempt: true, tieBreakOrder: true },
  });
}

/**
 * The whole contest's ranking. Each contestant's total is the sum of the scores of their
 * counting attempt in every round they took (a round not taken adds nothing); ties go to the
 * smaller total time used over those attempts, then to whoever finished their last counting
 * attempt earlier. Prediction errors are per round and do not carry over.
 */
export async function contestRanking(
  db: Db,
  contestId: string,
  page?: RankingPage,
): Promise<{ participants: number; ranking: ContestStanding[] }> {
  const rounds = await contestRounds(db, contestId);
  if (rounds.length === 0) return { participants: 0, ranking: [] };
  const window = page ? Prisma.sql`LIMIT ${page.limit} OFFSET ${page.offset}` : Prisma.empty;
  const rows = await db.$queryRaw<
    Array<Omit<ContestStanding, "lastSubmittedAt"> & { lastSubmittedAt: Date | null; total: number }>
  >`
    WITH counting AS (${allRoundsCountingSql(rounds)}),
    totals AS (
      SELECT "userId", sum(score)::int AS score, count(*)::int AS "roundsTaken",
             COALESCE(sum("timeUsedMs"), 0)::float8 AS "timeUsedMs", max("closedAt") AS "lastSubmittedAt"
      FROM counting GROUP BY "userId"
    ),
    ranked AS (
      SELECT totals.*,
             (RANK() OVER (ORDER BY score DESC, "timeUsedMs" ASC, "lastSubmittedAt" ASC NULLS LAST))::int AS rank,
             (count(*) OVER ())::int AS total
      FROM totals
    )
    SELECT ranked.*, u."fullName"
    FROM ranked JOIN "User" u ON u.id = ranked."userId"
    ORDER BY ranked.rank, ranked."userId"
    ${window}`;
  const participants =
    rows[0]?.total ??
    (page
      ? await db.attempt.groupBy({
          by: ["userId"],
          where: { round: { contestId }, status: { in: ["SUBMITTED", "EXPIRED"] } },
        })
      : []
    ).length;
  return {
    participants,
    ranking: rows.map((row) => ({
      rank: row.rank,
      userId: row.userId,
      fullName: row.fullName,
      score: row.score,
      roundsTaken: row.roundsTaken,
      timeUsedMs: row.timeUsedMs,
      lastSubmittedAt: row.lastSubmittedAt ?? new Date(8.64e15),
    })),
  };
}

/** How many counting attempts (round) or contestants' totals (contest) reached each score. */
export async function scoreDistribution(
  db: Db,
  scope: { roundId: string } | { contestId: string },
): Promise<{ maxScore: number; counts: Array<{ score: number; count: number }> }> {
  if ("roundId" in scope) {
    const round = await roundRules(db, scope.roundId);
    const rows = await db.$queryRaw<Array<{ score: number; count: number; maxScore: number }>>`
      WITH counting AS (${countingAttemptsSql(round)})
      SELECT score, count(*)::int AS count, max("maxScore")::int AS "maxScore" FROM counting GROUP BY score ORDER BY score`;
    return {
      maxScore: Math.max(0, ...rows.map((row) => row.maxScore)),
      counts: rows.map(({ score, count }) => ({ score, count })),
    };
  }
  const rounds = await contestRounds(db, scope.contestId);
  if (rounds.length === 0) return { maxScore: 0, counts: [] };
  const rows = await db.$queryRaw<Array<{ score: number; count: number }>>`
    WITH counting AS (${allRoundsCountingSql(rounds)}),
    totals AS (SELECT sum(score)::int AS score FROM counting GROUP BY "userId")
    SELECT score, count(*)::int AS count FROM totals GROUP BY score ORDER BY score`;
  // The best possible total: the highest mark of each round taken so far, added up.
  const maxima = await db.attempt.groupBy({
    by: ["roundId"],
    where: { round: { contestId: scope.contestId } },
    _max: { maxScore: true },
  });
  return { maxScore: maxima.reduce((sum, round) => sum + (round._max.maxScore ?? 0), 0), counts: rows };
}
