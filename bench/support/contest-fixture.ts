import { randomBytes } from "node:crypto";
import argon2 from "argon2";
import type { Db } from "~/db/client.server";
import { DEMO_BANK } from "../../seeds/demo";

/**
 * A published contest with one open round (16 questions drawn from the demo bank, one attempt,
 * a live public board) and `contestants` registered accounts, written straight into the
 * database in a few statements: creating 5,000 accounts through the sign-up page would take
 * longer than the benchmark.
 *
 * The accounts' password hashes are argon2id with a small cost (4 MiB, 1 pass) instead of the
 * app's 64 MiB × 3: log-ins stay real (the same form, the same verification code, reading the
 * cost from the hash), but 5,000 of them take seconds instead of minutes on 2 cores. Log-in
 * speed is not what this scenario measures.
 */
export const BENCH_PASSWORD = "Bench-2026-thu";
export const QUESTIONS_PER_ATTEMPT = 16;

export interface BenchContest {
  slug: string;
  contestId: string;
  roundId: string;
  emails: string[];
}

export async function createBenchContest(db: Db, contestants: number): Promise<BenchContest> {
  const tag = randomBytes(4).toString("hex");
  const node = await db.orgNode.findUniqueOrThrow({ where: { code: "HP-KIMTHANH" }, select: { id: true } });
  const unit = await db.orgNode.findUniqueOrThrow({ where: { code: "HP-KIMTHANH-THCS" }, select: { id: true } });
  const bank = await db.questionBank.findFirstOrThrow({ where: { name: DEMO_BANK.name }, select: { id: true } });
  const slug = `bench-round-start-${tag}`;
  const contest = await db.contest.create({
    data: {
      orgNodeId: node.id,
      slug,
      title: `Cuộc thi đo tải ${tag} (benchmark, không phải dữ liệu thật)`,
      registrationFields: { fullName: "required", unit: "optional" },
      status: "PUBLISHED",
    },
  });
  const round = await db.round.create({
    data: {
      contestId: contest.id,
      name: "Đợt đo tải",
      position: 1,
      opensAt: new Date(Date.now() - 60_000),
      closesAt: new Date(Date.now() + 3 * 3600_000),
      timeLimitSeconds: 30 * 60,
      attemptsAllowed: 1,
      leaderboardVisibility: "LIVE",
      blueprint: {
        rules: [
          { bankId: bank.id, difficulty: "EASY", count: 4 },
          { bankId: bank.id, difficulty: "MEDIUM", count: 8 },
          { bankId: bank.id, difficulty: "HARD", count: 4 },
        ],
      },
    },
  });
  const hash = await argon2.hash(BENCH_PASSWORD, { type: argon2.argon2id, memoryCost: 4096, timeCost: 1 });
  const prefix = `bench${tag}`;
  await db.$executeRawUnsafe(
    `INSERT INTO "User" (id, "fullName", email, "passwordHash", "updatedAt")
     SELECT $1 || '-u' || i, 'Thí sinh đo tải ' || i, $1 || '-' || i || '@bench.example', $2, now()
       FROM generate_series(1, $3::int) AS i`,
    prefix,
    hash,
    contestants,
  );
  await db.$executeRawUnsafe(
    `INSERT INTO "Membership" (id, "userId", "orgNodeId", role)
     SELECT $1 || '-m' || i, $1 || '-u' || i, $2, 'CONTESTANT'::"Role" FROM generate_series(1, $3::int) AS i`,
    prefix,
    unit.id,
    contestants,
  );
  await db.$executeRawUnsafe(
    `INSERT INTO "Registration" (id, "contestId", "userId", fields, "orgNodeId", "consentAt", "consentVersion")
     SELECT $1 || '-r' || i, $2, $1 || '-u' || i, jsonb_build_object('fullName', 'Thí sinh đo tải ' || i), $3, now(), 1
       FROM generate_series(1, $4::int) AS i`,
    prefix,
    contest.id,
    unit.id,
    contestants,
  );
  return {
    slug,
    contestId: contest.id,
    roundId: round.id,
    emails: Array.from({ length: contestants }, (_, i) => `${prefix}-${i + 1}@bench.example`),
  };
}
