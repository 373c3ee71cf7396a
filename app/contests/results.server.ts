import type { Db } from "~/db/client.server";
import { countingAttempt, type RankEntry, rankEntries } from "./scoring";

/**
 * A round's ranking: each contestant's counting attempt (best, first or last), ranked by the
 * customary Vietnamese order — score, then how close their prediction of the number of
 * participants came, then time used, then who submitted first. Annulled attempts never count.
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

export async function roundRanking(
  db: Db,
  roundId: string,
): Promise<{ participants: number; ranking: RankedContestant[] }> {
  const round = await db.round.findUniqueOrThrow({ where: { id: roundId }, select: { countingAttempt: true } });
  const attempts = await db.attempt.findMany({
    where: { roundId, status: { in: ["SUBMITTED", "EXPIRED"] } },
    select: {
      id: true,
      userId: true,
      number: true,
      score: true,
      maxScore: true,
      correctCount: true,
      timeUsedMs: true,
      prediction: true,
      closedAt: true,
      user: { select: { fullName: true } },
    },
  });
  // The prediction question asks how many people will take the round: the actual number is
  // the count of distinct contestants with a closed attempt.
  const participants = new Set(attempts.map((attempt) => attempt.userId)).size;
  const byUser = new Map<string, typeof attempts>();
  for (const attempt of attempts) byUser.set(attempt.userId, [...(byUser.get(attempt.userId) ?? []), attempt]);
  const entries = [...byUser.values()].flatMap((userAttempts) => {
    const candidates = userAttempts.map((attempt) => ({
      userId: attempt.userId,
      fullName: attempt.user.fullName,
      attemptId: attempt.id,
      number: attempt.number,
      score: attempt.score ?? 0,
      correctCount: attempt.correctCount,
      maxScore: attempt.maxScore,
      prediction: attempt.prediction,
      predictionError: attempt.prediction === null ? null : Math.abs(attempt.prediction - participants),
      timeUsedMs: attempt.timeUsedMs ?? Number.MAX_SAFE_INTEGER,
      submittedAt: attempt.closedAt ?? new Date(8.64e15),
    }));
    const counting = countingAttempt(candidates, round.countingAttempt);
    return counting ? [counting] : [];
  });
  return { participants, ranking: rankEntries(entries) };
}
