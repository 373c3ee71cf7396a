import type { Db } from "~/db/client.server";
import { Prisma } from "~/generated/prisma/client";
import { stemToText } from "~/questions/html";
import { type DiscriminationFlag, discriminationFlag, discriminationIndex, groupSize } from "./item-analysis";

/**
 * The organizer's statistics of a round or a whole contest, each one aggregate query: rounds may
 * hold 200,000 attempts, which never travel to Node one by one.
 */

const CLOSED_STATUSES = Prisma.raw(`('SUBMITTED', 'EXPIRED')`);
// Vietnam keeps UTC+7 all year: buckets follow the organizer's wall clock without a tz database.
const LOCAL_TIME = Prisma.raw(`interval '7 hours'`);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Gaps are filled with zero buckets only up to this many, so a long contest stays a short list. */
const MAX_FILLED_BUCKETS = 400;

export type TimeBucket = "hour" | "day";

/** Hours for a round of up to two days (an evening quiz, a one-day event), days otherwise. */
export function timelineBucket(window: { opensAt: Date; closesAt: Date }): TimeBucket {
  return window.closesAt.getTime() - window.opensAt.getTime() <= 2 * DAY ? "hour" : "day";
}

export interface TimelinePoint {
  /** Local wall-clock start of the bucket, "YYYY-MM-DDTHH:00" (Vietnam time). */
  at: string;
  started: number;
  finished: number;
  /** Contestants whose first attempt in the scope started in this bucket. */
  newContestants: number;
}

/** Attempts started and finished, and new contestants, per hour or day. */
export async function participationTimeline(db: Db, roundIds: string[], bucket: TimeBucket): Promise<TimelinePoint[]> {
  if (roundIds.length === 0) return [];
  const rows = await db.$queryRaw<Array<{ at: Date; started: number; finished: number; newContestants: number }>>`
    SELECT at, sum(started)::int AS started, sum(finished)::int AS finished, sum(newcomers)::int AS "newContestants"
    FROM (
      SELECT date_trunc(${bucket}, "startedAt" + ${LOCAL_TIME}) AS at, count(*) AS started, 0 AS finished, 0 AS newcomers
      FROM "Attempt" WHERE "roundId" = ANY(${roundIds}) GROUP BY 1
      UNION ALL
      SELECT date_trunc(${bucket}, "closedAt" + ${LOCAL_TIME}), 0, count(*), 0
      FROM "Attempt" WHERE "roundId" = ANY(${roundIds}) AND "closedAt" IS NOT NULL GROUP BY 1
      UNION ALL
      SELECT date_trunc(${bucket}, first + ${LOCAL_TIME}), 0, 0, count(*)
      FROM (SELECT min("startedAt") AS first FROM "Attempt" WHERE "roundId" = ANY(${roundIds}) GROUP BY "userId") firsts
      GROUP BY 1
    ) events
    GROUP BY at ORDER BY at`;
  return fillTimeline(rows, bucket);
}

/** The local time as the database wrote it comes back as if it were UTC: read it that way. */
function bucketLabel(date: Date): string {
  return date.toISOString().slice(0, 13).concat(":00");
}

function fillTimeline(
  rows: Array<{ at: Date; started: number; finished: number; newContestants: number }>,
  bucket: TimeBucket,
): TimelinePoint[] {
  const points = rows.map((row) => ({ ...row, at: bucketLabel(row.at) }));
  if (rows.length < 2) return points;
  const step = bucket === "hour" ? HOUR : DAY;
  const first = rows[0].at.getTime();
  const last = rows[rows.length - 1].at.getTime();
  if ((last - first) / step + 1 > MAX_FILLED_BUCKETS) return points;
  const byLabel = new Map(points.map((point) => [point.at, point]));
  const filled: TimelinePoint[] = [];
  for (let time = first; time <= last; time += step) {
    const at = bucketLabel(new Date(time));
    filled.push(byLabel.get(at) ?? { at, started: 0, finished: 0, newContestants: 0 });
  }
  return filled;
}

export interface NodeParticipation {
  nodeId: string;
  name: string;
  /** Depth below the contest's own node (0 = the contest's node). */
  level: number;
  /** Contestants with a closed attempt who compete for this node or one of its units. */
  participants: number;
  /** Contestant and learner accounts of this node and its units. */
  members: number;
  /** participants ÷ members, null when the node has no members on record. */
  share: number | null;
}

/**
 * Participation by org node, for collective prizes. A contestant counts for the unit they chose
 * when registering, else for the deepest node they are a member of; each node's numbers include
 * its units'. Members are counted per node and added up the tree (someone who belongs to two
 * units of one commune counts twice for the commune: rare, and cheaper than a distinct count
 * over every subtree).
 */
export async function participationByNode(
  db: Db,
  contest: { id: string; orgNodePath: string; orgNodeDepth: number },
  roundIds: string[],
): Promise<{ participants: number; outside: number; nodes: NodeParticipation[] }> {
  if (roundIds.length === 0) return { participants: 0, outside: 0, nodes: [] };
  const subtree = `${contest.orgNodePath}%`;
  const rows = await db.$queryRaw<Array<Omit<NodeParticipation, "share" | "level"> & { depth: number }>>`
    WITH participants AS (
      SELECT DISTINCT "userId" FROM "Attempt" WHERE "roundId" = ANY(${roundIds}) AND status IN ${CLOSED_STATUSES}
    ),
    attributed AS (
      SELECT p."userId", COALESCE(r."orgNodeId", home."orgNodeId") AS "nodeId"
      FROM participants p
      LEFT JOIN "Registration" r ON r."contestId" = ${contest.id} AND r."userId" = p."userId"
      LEFT JOIN LATERAL (
        SELECT m."orgNodeId" FROM "Membership" m JOIN "OrgNode" n ON n.id = m."orgNodeId"
        WHERE m."userId" = p."userId" ORDER BY n.depth DESC, n.id LIMIT 1
      ) home ON true
    ),
    direct AS (
      SELECT "nodeId", count(*)::int AS participants, 0 AS members FROM attributed GROUP BY "nodeId"
      UNION ALL
      SELECT m."orgNodeId", 0, count(DISTINCT m."userId")::int
      FROM "Membership" m JOIN "OrgNode" n ON n.id = m."orgNodeId"
      WHERE n.path LIKE ${subtree} AND m.role IN ('CONTESTANT', 'LEARNER')
      GROUP BY m."orgNodeId"
    ),
    placed AS (SELECT n.path, d.participants, d.members FROM direct d JOIN "OrgNode" n ON n.id = d."nodeId")
    SELECT node.id AS "nodeId", node.name, node.depth,
           sum(placed.participants)::int AS participants, sum(placed.members)::int AS members
    FROM "OrgNode" node JOIN placed ON placed.path LIKE node.path || '%'
    WHERE node.path LIKE ${subtree}
    GROUP BY node.id, node.name, node.depth, node.path
    HAVING sum(placed.participants) > 0
    ORDER BY node.path`;
  const total = await db.$queryRaw<Array<{ count: number }>>`
    SELECT count(DISTINCT "userId")::int AS count FROM "Attempt"
    WHERE "roundId" = ANY(${roundIds}) AND status IN ${CLOSED_STATUSES}`;
  const participants = total[0]?.count ?? 0;
  const inSubtree = rows.find((row) => row.depth === contest.orgNodeDepth)?.participants ?? 0;
  return {
    participants,
    outside: participants - inSubtree,
    nodes: rows.map(({ depth, ...row }) => ({
      ...row,
      level: depth - contest.orgNodeDepth,
      share: row.members > 0 ? row.participants / row.members : null,
    })),
  };
}

export interface QuestionStatistics {
  questionVersionId: string;
  questionId: string;
  version: number;
  /** The stem as plain text, shortened for a table cell. */
  stem: string;
  difficulty: string;
  drawn: number;
  correct: number;
  shareCorrect: number;
  upperDrawn: number;
  lowerDrawn: number;
  discrimination: number | null;
  flag: DiscriminationFlag;
}

/**
 * Per question version of a round: how often it was drawn, the share answered right, and its
 * discrimination (app/contests/item-analysis.ts). Only closed, not annulled attempts count. An
 * answer is right when its selected options are exactly the version's correct ones, as scoring
 * decides: two arrays containing each other.
 */
export async function questionStatistics(db: Db, roundId: string): Promise<QuestionStatistics[]> {
  const attempts = await db.attempt.count({ where: { roundId, status: { in: ["SUBMITTED", "EXPIRED"] } } });
  const group = groupSize(attempts);
  const rows = await db.$queryRaw<
    Array<{
      questionVersionId: string;
      drawn: number;
      correct: number;
      upperDrawn: number;
      upperCorrect: number;
      lowerDrawn: number;
      lowerCorrect: number;
    }>
  >`
    WITH closed AS (
      SELECT id, row_number() OVER (ORDER BY COALESCE(score, 0)::float8 / GREATEST("maxScore", 1) DESC, id) AS place
      FROM "Attempt" WHERE "roundId" = ${roundId} AND status IN ${CLOSED_STATUSES}
    ),
    grouped AS (
      SELECT id, CASE WHEN place <= ${group} THEN 'upper' WHEN place > ${attempts - group} THEN 'lower' END AS band
      FROM closed
    ),
    -- One pass over the drawn questions, tallied by the choice made: few distinct choices per
    -- question, so the keys are then compared on a small table, not on every answer.
    tallies AS (
      SELECT q.question->>'versionId' AS version_id, grouped.band, answer.selected, count(*)::int AS n
      FROM grouped
      JOIN "Attempt" attempt ON attempt.id = grouped.id
      CROSS JOIN LATERAL jsonb_array_elements(attempt.drawn) WITH ORDINALITY AS q(question, ordinality)
      LEFT JOIN "AttemptAnswer" answer ON answer."attemptId" = grouped.id AND answer.position = q.ordinality - 1
      GROUP BY 1, 2, 3
    ),
    keys AS (
      SELECT v.id, ARRAY(
        SELECT (o.ordinality - 1)::int FROM jsonb_array_elements(v.options) WITH ORDINALITY o(option, ordinality)
        WHERE (o.option->>'correct')::boolean
      ) AS key
      FROM "QuestionVersion" v
      WHERE v.id IN (SELECT version_id FROM tallies)
    ),
    marked AS (
      SELECT tallies.version_id, tallies.band, tallies.n,
             COALESCE(tallies.selected @> keys.key AND tallies.selected <@ keys.key, false) AS answered_right
      FROM tallies JOIN keys ON keys.id = tallies.version_id
    )
    SELECT version_id AS "questionVersionId", sum(n)::int AS drawn,
           COALESCE(sum(n) FILTER (WHERE answered_right), 0)::int AS correct,
           COALESCE(sum(n) FILTER (WHERE band = 'upper'), 0)::int AS "upperDrawn",
           COALESCE(sum(n) FILTER (WHERE band = 'upper' AND answered_right), 0)::int AS "upperCorrect",
           COALESCE(sum(n) FILTER (WHERE band = 'lower'), 0)::int AS "lowerDrawn",
           COALESCE(sum(n) FILTER (WHERE band = 'lower' AND answered_right), 0)::int AS "lowerCorrect"
    FROM marked GROUP BY version_id`;
  const versions = await db.questionVersion.findMany({
    where: { id: { in: rows.map((row) => row.questionVersionId) } },
    select: { id: true, questionId: true, version: true, stem: true, difficulty: true },
  });
  const versionById = new Map(versions.map((version) => [version.id, version]));
  return rows
    .map((row) => {
      const version = versionById.get(row.questionVersionId);
      const discrimination = discriminationIndex(row);
      const stem = stemToText(version?.stem ?? "");
      return {
        questionVersionId: row.questionVersionId,
        questionId: version?.questionId ?? "",
        version: version?.version ?? 0,
        stem: stem.length > 140 ? `${stem.slice(0, 139)}…` : stem,
        difficulty: version?.difficulty ?? "",
        drawn: row.drawn,
        correct: row.correct,
        shareCorrect: row.drawn > 0 ? row.correct / row.drawn : 0,
        upperDrawn: row.upperDrawn,
        lowerDrawn: row.lowerDrawn,
        discrimination,
        flag: discriminationFlag(discrimination),
      };
    })
    .sort(worstFirst);
}

/** Negative discrimination first, then low, then the rest; within each, the lowest index first. */
function worstFirst(a: QuestionStatistics, b: QuestionStatistics): number {
  const weight = (row: QuestionStatistics) => (row.flag === "negative" ? 0 : row.flag === "low" ? 1 : 2);
  return (
    weight(a) - weight(b) ||
    (a.discrimination ?? Number.POSITIVE_INFINITY) - (b.discrimination ?? Number.POSITIVE_INFINITY) ||
    b.drawn - a.drawn
  );
}
