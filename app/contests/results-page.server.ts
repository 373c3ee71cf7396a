import type { Db } from "~/db/client.server";
import { roundIntegrity } from "./integrity.server";
import { contestRanking, roundRanking, scoreDistribution } from "./results.server";
import { tieBreakOrder } from "./scoring";
import {
  participationByNode,
  participationTimeline,
  type QuestionStatistics,
  questionStatistics,
  timelineBucket,
} from "./statistics.server";

/**
 * What the organizer's results page shows for one round or the whole contest. Every list is
 * capped or paged so the page stays light however many attempts a round holds.
 */
export const RANKING_PAGE_SIZE = 50;
const QUESTIONS_SHOWN = 200;
const FLAGGED_SHOWN = 100;
const ANNULLED_SHOWN = 100;

// Item analysis reads every answer of the round: millions of rows on a round of 200,000
// attempts. When it took long, its result is kept for a minute (per process), so organizers
// reloading the page during a big round do not recompute it each time.
const SLOW_MS = 1_000;
const KEEP_MS = 60_000;
const slowQuestionStatistics = new Map<string, { until: number; rows: QuestionStatistics[] }>();

async function questionStatisticsOf(db: Db, roundId: string): Promise<QuestionStatistics[]> {
  const kept = slowQuestionStatistics.get(roundId);
  if (kept && kept.until > Date.now()) return kept.rows;
  const started = Date.now();
  const rows = await questionStatistics(db, roundId);
  if (Date.now() - started >= SLOW_MS) slowQuestionStatistics.set(roundId, { until: Date.now() + KEEP_MS, rows });
  else slowQuestionStatistics.delete(roundId);
  return rows;
}

export interface ContestScope {
  id: string;
  orgNodePath: string;
  orgNodeDepth: number;
}

interface RoundOfContest {
  id: string;
  name: string;
  opensAt: Date;
  closesAt: Date;
  countingAttempt: "BEST" | "FIRST" | "LAST";
  tieBreakOrder: string[];
}

export async function roundResults(db: Db, contest: ContestScope, round: RoundOfContest, page: number) {
  const offset = (page - 1) * RANKING_PAGE_SIZE;
  const bucket = timelineBucket(round);
  const [ranked, running, flags, timeline, nodes, scores, questions] = await Promise.all([
    roundRanking(db, round.id, { offset, limit: RANKING_PAGE_SIZE }),
    db.attempt.count({ where: { roundId: round.id, status: "IN_PROGRESS" } }),
    roundIntegrity(db, round.id),
    participationTimeline(db, [round.id], bucket),
    participationByNode(db, contest, [round.id]),
    scoreDistribution(db, { roundId: round.id }),
    questionStatisticsOf(db, round.id),
  ]);
  const [flagged, annulled] = await Promise.all([flaggedAttempts(db, round.id, flags), annulledAttempts(db, round.id)]);
  return {
    kind: "round" as const,
    counting: round.countingAttempt,
    order: tieBreakOrder(round.tieBreakOrder),
    participants: ranked.participants,
    running,
    ranking: ranked.ranking.map((entry) => ({
      rank: entry.rank,
      attemptId: entry.attemptId,
      fullName: entry.fullName,
      number: entry.number,
      score: entry.score,
      maxScore: entry.maxScore,
      prediction: entry.prediction,
      timeUsedMs: entry.timeUsedMs,
      flags: flags.get(entry.attemptId) ?? [],
    })),
    page: { number: page, offset, size: RANKING_PAGE_SIZE, total: ranked.participants },
    timeline: { bucket, points: timeline },
    nodes,
    scores,
    questions: { total: questions.length, rows: questions.slice(0, QUESTIONS_SHOWN) },
    flagged,
    annulled,
  };
}

export async function contestResults(db: Db, contest: ContestScope, rounds: RoundOfContest[], page: number) {
  const offset = (page - 1) * RANKING_PAGE_SIZE;
  const roundIds = rounds.map((round) => round.id);
  const window = {
    opensAt: new Date(Math.min(...rounds.map((round) => round.opensAt.getTime()))),
    closesAt: new Date(Math.max(...rounds.map((round) => round.closesAt.getTime()))),
  };
  const bucket = rounds.length > 0 ? timelineBucket(window) : "day";
  const [ranked, running, timeline, nodes, scores] = await Promise.all([
    contestRanking(db, contest.id, { offset, limit: RANKING_PAGE_SIZE }),
    db.attempt.count({ where: { roundId: { in: roundIds }, status: "IN_PROGRESS" } }),
    participationTimeline(db, roundIds, bucket),
    participationByNode(db, contest, roundIds),
    scoreDistribution(db, { contestId: contest.id }),
  ]);
  return {
    kind: "contest" as const,
    participants: ranked.participants,
    running,
    ranking: ranked.ranking.map((entry) => ({
      rank: entry.rank,
      userId: entry.userId,
      fullName: entry.fullName,
      score: entry.score,
      roundsTaken: entry.roundsTaken,
      timeUsedMs: entry.timeUsedMs,
    })),
    page: { number: page, offset, size: RANKING_PAGE_SIZE, total: ranked.participants },
    timeline: { bucket, points: timeline },
    nodes,
    scores,
  };
}

/** Flagged attempts still counting (or running); annulled ones are listed apart. */
async function flaggedAttempts(db: Db, roundId: string, flags: Awaited<ReturnType<typeof roundIntegrity>>) {
  const ids = [...flags.keys()];
  const where = { roundId, id: { in: ids }, status: { not: "ANNULLED" as const } };
  const [total, attempts] = await Promise.all([
    ids.length > 0 ? db.attempt.count({ where }) : 0,
    ids.length > 0
      ? db.attempt.findMany({
          where,
          orderBy: [{ score: "desc" }, { id: "asc" }],
          take: FLAGGED_SHOWN,
          select: {
            id: true,
            number: true,
            status: true,
            score: true,
            maxScore: true,
            user: { select: { fullName: true } },
          },
        })
      : [],
  ]);
  return {
    total,
    rows: attempts.map((attempt) => ({
      attemptId: attempt.id,
      fullName: attempt.user.fullName,
      number: attempt.number,
      running: attempt.status === "IN_PROGRESS",
      score: attempt.score,
      maxScore: attempt.maxScore,
      flags: flags.get(attempt.id) ?? [],
    })),
  };
}

async function annulledAttempts(db: Db, roundId: string) {
  const [total, attempts] = await Promise.all([
    db.attempt.count({ where: { roundId, status: "ANNULLED" } }),
    db.attempt.findMany({
      where: { roundId, status: "ANNULLED" },
      orderBy: [{ annulledAt: "desc" }, { id: "asc" }],
      take: ANNULLED_SHOWN,
      select: {
        id: true,
        number: true,
        score: true,
        maxScore: true,
        annulledReason: true,
        annulledAt: true,
        annulledById: true,
        user: { select: { fullName: true } },
      },
    }),
  ]);
  const annullers = await db.user.findMany({
    where: { id: { in: [...new Set(attempts.flatMap((attempt) => attempt.annulledById ?? []))] } },
    select: { id: true, fullName: true },
  });
  const nameOf = new Map(annullers.map((user) => [user.id, user.fullName]));
  return {
    total,
    rows: attempts.map((attempt) => ({
      attemptId: attempt.id,
      fullName: attempt.user.fullName,
      number: attempt.number,
      score: attempt.score,
      maxScore: attempt.maxScore,
      reason: attempt.annulledReason ?? "",
      annulledAt: attempt.annulledAt,
      annulledBy: attempt.annulledById ? (nameOf.get(attempt.annulledById) ?? "") : "",
    })),
  };
}
