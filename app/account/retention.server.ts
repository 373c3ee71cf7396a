import { audit } from "~/audit/audit.server";
import type { Db } from "~/db/client.server";

/**
 * Retention per contest (issue 9, point 4): a contest may keep its registration answers for a
 * set number of months after its last round closes. Then the answers beyond the name and the
 * unit (phone, CCCD, date of birth, address, gender) are erased, with the addresses and device
 * marks its attempts were started from; names, units and results stay, as published.
 */
const KEPT_FIELDS = ["fullName", "unit"] as const;

export interface PurgedContest {
  contestId: string;
  title: string;
  registrations: number;
}

/** Contests whose retention ran out before `now` and are not yet purged. */
async function expiredContests(db: Db, now: Date) {
  return db.$queryRaw<{ id: string; title: string }[]>`
    SELECT c.id, c.title
      FROM "Contest" c JOIN "Round" r ON r."contestId" = c.id
     WHERE c."retentionMonths" IS NOT NULL AND c."personalDataPurgedAt" IS NULL
     GROUP BY c.id
    HAVING max(r."closesAt") + make_interval(months => c."retentionMonths") <= ${now}`;
}

export async function purgeExpiredPersonalData(db: Db, now: Date = new Date()): Promise<PurgedContest[]> {
  const purged: PurgedContest[] = [];
  for (const contest of await expiredContests(db, now)) {
    const registrations = await db.$transaction(async (tx) => {
      // One statement, however many contestants: only the kept answers remain.
      const count = await tx.$executeRaw`
        UPDATE "Registration"
           SET fields = jsonb_strip_nulls(jsonb_build_object(${KEPT_FIELDS[0]}::text, fields -> ${KEPT_FIELDS[0]}::text, ${KEPT_FIELDS[1]}::text, fields -> ${KEPT_FIELDS[1]}::text))
         WHERE "contestId" = ${contest.id}`;
      await tx.attempt.updateMany({
        where: { round: { contestId: contest.id } },
        data: { startIp: null, deviceId: null, sessionIds: [] },
      });
      await tx.contest.update({ where: { id: contest.id }, data: { personalDataPurgedAt: now } });
      await audit(tx, null, {
        actorId: null,
        action: "privacy.personal_data_purged",
        targetType: "Contest",
        targetId: contest.id,
        details: { registrations: count },
      });
      return count;
    });
    purged.push({ contestId: contest.id, title: contest.title, registrations });
  }
  return purged;
}
