/**
 * Aggregate contest, course and training statistics of a node's subtree in a period, for the
 * open-data feed (issue 7 §6, docs/api.md). Counts only — never a name, contact or id of a person —
 * computed in SQL (COUNT, COUNT DISTINCT, AVG), so a province with 200,000 participants costs a few
 * index scans, not a row per person in memory.
 *
 * What is counted (a period is [from, to)):
 * - contests: the subtree's contests (drafts aside) with a round open at some time in the period;
 *   `published` of those, the ones still published (the rest are archived); rounds likewise;
 * - attempts started in the period (annulled ones aside): started, submitted by the contestant,
 *   closed at the deadline; distinct contestants; the average score in percent of the closed ones;
 * - courses published (by the end of the period and still published); enrolments made,
 *   completions, distinct learners active (enrolled, studied or completed) in the period;
 *   certificates issued in the period and not revoked;
 * - training activities starting in the period, online and offline (as issue 6 counts them).
 */

import type { DbOrTx } from "~/db/client.server";
import type { Period } from "~/targets/indicators";

export interface NodeStatistics {
  contests: {
    count: number;
    published: number;
    rounds: number;
    attemptsStarted: number;
    attemptsSubmitted: number;
    attemptsExpired: number;
    distinctContestants: number;
    /** 0–100 with one decimal; null when no attempt closed. */
    averageScorePct: number | null;
  };
  courses: {
    published: number;
    enrolments: number;
    completions: number;
    distinctLearners: number;
    certificatesIssued: number;
  };
  training: { online: number; offline: number; total: number };
}

const int = (value: unknown) => Number(value ?? 0);

export async function nodeStatistics(db: DbOrTx, root: { path: string }, period: Period): Promise<NodeStatistics> {
  const nodes = await db.orgNode.findMany({ where: { path: { startsWith: root.path } }, select: { id: true } });
  const ids = nodes.map((node) => node.id);
  const { from, to } = period;

  const [contests, attempts, courses, learners, certificates, training] = await Promise.all([
    db.$queryRaw<Array<{ count: bigint; published: bigint; rounds: bigint }>>`
      SELECT COUNT(DISTINCT c.id) AS count,
             COUNT(DISTINCT c.id) FILTER (WHERE c.status = 'PUBLISHED') AS published,
             COUNT(r.id) AS rounds
        FROM "Contest" c
        JOIN "Round" r ON r."contestId" = c.id
       WHERE c."orgNodeId" = ANY(${ids}::text[]) AND c.status <> 'DRAFT'
         AND r."opensAt" < ${to} AND r."closesAt" > ${from}`,
    db.$queryRaw<
      Array<{ started: bigint; submitted: bigint; expired: bigint; contestants: bigint; average: number | null }>
    >`
      SELECT COUNT(*) AS started,
             COUNT(*) FILTER (WHERE a.status = 'SUBMITTED') AS submitted,
             COUNT(*) FILTER (WHERE a.status = 'EXPIRED') AS expired,
             COUNT(DISTINCT a."userId") AS contestants,
             AVG(a.score::float8 / a."maxScore") FILTER (
               WHERE a.status IN ('SUBMITTED', 'EXPIRED') AND a.score IS NOT NULL AND a."maxScore" > 0
             ) AS average
        FROM "Attempt" a
        JOIN "Round" r ON r.id = a."roundId"
        JOIN "Contest" c ON c.id = r."contestId"
       WHERE c."orgNodeId" = ANY(${ids}::text[]) AND a.status <> 'ANNULLED'
         AND a."startedAt" >= ${from} AND a."startedAt" < ${to}`,
    db.course.count({ where: { orgNodeId: { in: ids }, status: "PUBLISHED", publishedAt: { lt: to } } }),
    db.$queryRaw<Array<{ enrolments: bigint; completions: bigint; learners: bigint }>>`
      SELECT COUNT(*) FILTER (WHERE e."enrolledAt" >= ${from} AND e."enrolledAt" < ${to}) AS enrolments,
             COUNT(*) FILTER (WHERE e."completedAt" >= ${from} AND e."completedAt" < ${to}) AS completions,
             COUNT(DISTINCT e."userId") AS learners
        FROM "Enrolment" e
        JOIN "Course" co ON co.id = e."courseId"
       WHERE co."orgNodeId" = ANY(${ids}::text[])
         AND ((e."enrolledAt" >= ${from} AND e."enrolledAt" < ${to})
           OR (e."lastActivityAt" >= ${from} AND e."lastActivityAt" < ${to})
           OR (e."completedAt" >= ${from} AND e."completedAt" < ${to}))`,
    db.courseCertificate.count({
      where: { course: { orgNodeId: { in: ids } }, issuedAt: { gte: from, lt: to }, revokedAt: null },
    }),
    db.trainingActivity.groupBy({
      by: ["kind"],
      where: { orgNodeId: { in: ids }, startsAt: { gte: from, lt: to } },
      _count: { _all: true },
    }),
  ]);

  const contestRow = contests[0];
  const attemptRow = attempts[0];
  const learnerRow = learners[0];
  const kind = (name: "ONLINE" | "OFFLINE") => training.find((row) => row.kind === name)?._count._all ?? 0;
  const average = attemptRow?.average;
  return {
    contests: {
      count: int(contestRow?.count),
      published: int(contestRow?.published),
      rounds: int(contestRow?.rounds),
      attemptsStarted: int(attemptRow?.started),
      attemptsSubmitted: int(attemptRow?.submitted),
      attemptsExpired: int(attemptRow?.expired),
      distinctContestants: int(attemptRow?.contestants),
      averageScorePct: average === null || average === undefined ? null : Math.round(Number(average) * 1000) / 10,
    },
    courses: {
      published: courses,
      enrolments: int(learnerRow?.enrolments),
      completions: int(learnerRow?.completions),
      distinctLearners: int(learnerRow?.learners),
      certificatesIssued: certificates,
    },
    training: { online: kind("ONLINE"), offline: kind("OFFLINE"), total: kind("ONLINE") + kind("OFFLINE") },
  };
}
