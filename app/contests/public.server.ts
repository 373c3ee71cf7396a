import type { Db } from "~/db/client.server";

export type RoundPhase = "upcoming" | "open" | "closed";

export function roundPhase(round: { opensAt: Date; closesAt: Date }, now: Date): RoundPhase {
  if (now < round.opensAt) return "upcoming";
  return now < round.closesAt ? "open" : "closed";
}

/** Whether the public may see a round's leaderboard now, per the organizer's choice. */
export function boardIsPublic(
  round: { opensAt: Date; closesAt: Date; leaderboardVisibility: "HIDDEN" | "AFTER_CLOSE" | "LIVE" },
  now: Date,
): boolean {
  const phase = roundPhase(round, now);
  if (round.leaderboardVisibility === "LIVE") return phase !== "upcoming";
  return round.leaderboardVisibility === "AFTER_CLOSE" && phase === "closed";
}

/** A published contest as its public page shows it, with the visitor's own state when logged in. */
export async function publicContest(db: Db, slug: string, userId: string | null, now = new Date()) {
  const contest = await db.contest.findUnique({
    where: { slug },
    include: { orgNode: { select: { name: true } }, rounds: { orderBy: { position: "asc" } } },
  });
  if (!contest || contest.status !== "PUBLISHED") return null;
  const [registration, attempts] = userId
    ? await Promise.all([
        db.registration.findUnique({
          where: { contestId_userId: { contestId: contest.id, userId } },
          select: { id: true },
        }),
        db.attempt.findMany({
          where: { userId, round: { contestId: contest.id } },
          select: { id: true, roundId: true, status: true, score: true, maxScore: true, number: true },
          orderBy: { number: "asc" },
        }),
      ])
    : [null, []];
  return {
    id: contest.id,
    slug: contest.slug,
    title: contest.title,
    description: contest.description,
    rules: contest.rules,
    bannerUrl: contest.bannerUrl,
    organizer: contest.orgNode.name,
    registrationFields: contest.registrationFields as Record<string, "off" | "optional" | "required">,
    privacyNotice: contest.privacyNotice,
    registered: Boolean(registration),
    rounds: contest.rounds.map((round) => ({
      id: round.id,
      name: round.name,
      opensAt: round.opensAt.toISOString(),
      closesAt: round.closesAt.toISOString(),
      phase: roundPhase(round, now),
      timeLimitMinutes: Math.round(round.timeLimitSeconds / 60),
      attemptsAllowed: round.attemptsAllowed,
      predictionEnabled: round.predictionEnabled,
      boardVisible: boardIsPublic(round, now),
      myAttempts: attempts.filter((attempt) => attempt.roundId === round.id),
    })),
  };
}
