import type { Db } from "~/db/client.server";
import { askedFields, type RegistrationAnswers, registrationCell } from "./personal-data";
import { contestRanking, roundRanking } from "./results.server";

/**
 * The rows of a printed result announcement: the top N of a round or of the whole contest, with
 * everyone sharing the last listed rank (a prize list does not cut a tie at random). Personal
 * numbers are masked: an announcement is posted publicly.
 */
export const MAX_ANNOUNCED = 200;
// How far past N to look for people sharing the N-th rank.
const TIE_MARGIN = 50;

export interface AnnouncedRow {
  rank: number;
  fullName: string;
  birthYear: string;
  unit: string;
  phone: string;
  score: number;
  maxScore: number | null;
  timeUsedMs: number;
}

export async function announcementRows(
  db: Db,
  contest: { id: string; registrationFields: unknown },
  scope: { roundId: string } | { contestId: string },
  top: number,
): Promise<{ participants: number; rows: AnnouncedRow[]; tiesIncluded: boolean }> {
  const page = { offset: 0, limit: top + TIE_MARGIN };
  const ranked =
    "roundId" in scope ? await roundRanking(db, scope.roundId, page) : await contestRanking(db, scope.contestId, page);
  const lastRank = ranked.ranking[top - 1]?.rank ?? Number.POSITIVE_INFINITY;
  const shown = ranked.ranking.filter((entry, index) => index < top || entry.rank <= lastRank);
  const registrations = await db.registration.findMany({
    where: { contestId: contest.id, userId: { in: shown.map((entry) => entry.userId) } },
    select: { userId: true, fields: true, orgNodeId: true },
  });
  const byUser = new Map(registrations.map((registration) => [registration.userId, registration]));
  const nodes = await db.orgNode.findMany({
    where: { id: { in: registrations.flatMap((registration) => registration.orgNodeId ?? []) } },
    select: { id: true, name: true },
  });
  const nodeName = new Map(nodes.map((node) => [node.id, node.name]));
  const fields = askedFields(contest.registrationFields);
  return {
    participants: ranked.participants,
    tiesIncluded: shown.length > top,
    rows: shown.map((entry) => {
      const registration = byUser.get(entry.userId);
      const answers = (registration?.fields ?? {}) as RegistrationAnswers;
      return {
        rank: entry.rank,
        fullName: answers.fullName ?? entry.fullName,
        birthYear: fields.includes("dateOfBirth") ? (answers.dateOfBirth?.slice(0, 4) ?? "") : "",
        unit: answers.unit ?? nodeName.get(registration?.orgNodeId ?? "") ?? "",
        phone: fields.includes("phone") ? registrationCell("phone", answers, true) : "",
        score: entry.score,
        maxScore: "maxScore" in entry ? entry.maxScore : null,
        timeUsedMs: entry.timeUsedMs,
      };
    }),
  };
}
