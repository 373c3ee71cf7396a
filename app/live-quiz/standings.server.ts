/**
 * Standings of a live quiz, computed in SQL from the players' committed scores: the room's top,
 * each player's own rank, how many answered, and what was chosen. Players equal on score and on
 * the time they took over their correct answers share a rank (1, 2, 2, 4); removed players
 * are left out.
 */
import type { Db } from "~/db/client.server";
import { sessionQuestions } from "./sessions.server";
import type { PlayerPlace, Progress, RevealSummary, StandingRow } from "./types";

export const ROOM_TOP = 10;

export async function sessionProgress(db: Db, sessionId: string, position: number): Promise<Progress> {
  const [row] = await db.$queryRaw<Array<{ players: bigint; eligible: bigint; answered: bigint }>>`
    SELECT count(*) AS players,
           count(*) FILTER (WHERE "firstPosition" <= ${position}) AS eligible,
           (SELECT count(*) FROM "LiveAnswer" a WHERE a."sessionId" = ${sessionId} AND a.position = ${position}
               AND a."playerId" IN (SELECT id FROM "LivePlayer" WHERE "sessionId" = ${sessionId} AND "kickedAt" IS NULL)
           ) AS answered
      FROM "LivePlayer" WHERE "sessionId" = ${sessionId} AND "kickedAt" IS NULL`;
  return { players: Number(row.players), eligible: Number(row.eligible), answered: Number(row.answered) };
}

/** The first `limit` of the room (all when limit is null). */
export async function standings(db: Db, sessionId: string, limit: number | null = ROOM_TOP): Promise<StandingRow[]> {
  const rows = await db.$queryRaw<Array<Omit<StandingRow, "rank"> & { rank: bigint }>>`
    SELECT id AS "playerId", nickname, score, "correctCount", "correctTimeMs",
           rank() OVER (ORDER BY score DESC, "correctTimeMs" ASC) AS rank
      FROM "LivePlayer"
     WHERE "sessionId" = ${sessionId} AND "kickedAt" IS NULL
     ORDER BY score DESC, "correctTimeMs" ASC, "joinedAt" ASC
     LIMIT ${limit ?? 1_000_000}`;
  return rows.map((row) => ({ ...row, rank: Number(row.rank) }));
}

export async function playerPlaces(db: Db, sessionId: string, position: number, playerId?: string) {
  const rows = await db.$queryRaw<
    Array<{
      playerId: string;
      rank: bigint;
      players: bigint;
      score: number;
      answered: boolean;
      correct: boolean | null;
      points: number | null;
    }>
  >`
    WITH ranked AS (
      SELECT p.id, p.score,
             rank() OVER (ORDER BY p.score DESC, p."correctTimeMs" ASC) AS rank,
             count(*) OVER () AS players
        FROM "LivePlayer" p
       WHERE p."sessionId" = ${sessionId} AND p."kickedAt" IS NULL
    )
    SELECT r.id AS "playerId", r.rank, r.players, r.score,
           (a."playerId" IS NOT NULL) AS answered, a.correct, a.points
      FROM ranked r
      LEFT JOIN "LiveAnswer" a ON a."playerId" = r.id AND a.position = ${position}
     WHERE ${playerId ?? null}::text IS NULL OR r.id = ${playerId ?? null}`;
  return rows.map(
    (row): PlayerPlace => ({
      playerId: row.playerId,
      rank: Number(row.rank),
      players: Number(row.players),
      score: row.score,
      answered: row.answered,
      correct: row.correct ?? false,
      points: row.points ?? 0,
    }),
  );
}

export async function revealSummary(db: Db, sessionId: string, position: number): Promise<RevealSummary | null> {
  const question = (await sessionQuestions(db, sessionId))[position];
  if (!question) return null;
  const answers = await db.$queryRaw<Array<{ option: number; players: bigint }>>`
    SELECT option, count(*) AS players
      FROM "LiveAnswer" a, unnest(a.selected) AS option
     WHERE a."sessionId" = ${sessionId} AND a.position = ${position}
     GROUP BY option`;
  const [totals] = await db.$queryRaw<Array<{ answered: bigint; correct: bigint }>>`
    SELECT count(*) AS answered, count(*) FILTER (WHERE correct) AS correct
      FROM "LiveAnswer" WHERE "sessionId" = ${sessionId} AND position = ${position}`;
  const distribution = question.options.map(() => 0);
  for (const row of answers) if (row.option < distribution.length) distribution[row.option] = Number(row.players);
  return {
    position,
    correct: question.correct,
    distribution,
    answered: Number(totals.answered),
    correctCount: Number(totals.correct),
    top: await standings(db, sessionId),
  };
}
