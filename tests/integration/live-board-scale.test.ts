import { afterAll, beforeAll, expect, it } from "vitest";
import { rebuildRoundBoard } from "~/live/board.server";
import { boardSnapshot } from "~/live/board-snapshot.server";
import { seedDemoData } from "../../seeds/demo";
import { nodeId } from "../support/fixtures";
import { startTestRuntime, type TestRuntime, usingRealPostgres } from "../support/runtime";

/**
 * A round of 200,000 attempts (100,000 contestants, two attempts each) rebuilds into the store
 * in one query of the ranking columns and batched writes. Real PostgreSQL only: the embedded
 * database would spend most of the time inserting the fixture.
 */
let runtime: TestRuntime;
let roundId: string;

beforeAll(async () => {
  if (!usingRealPostgres) return;
  runtime = await startTestRuntime();
  await seedDemoData(runtime.db);
  const contest = await runtime.db.contest.create({
    data: {
      orgNodeId: await nodeId(runtime.db, "HP-KIMTHANH"),
      title: "Quy mô lớn",
      slug: "quy-mo-lon",
      registrationFields: {},
      status: "PUBLISHED",
      rounds: {
        create: {
          name: "Đợt lớn",
          position: 1,
          opensAt: new Date("2026-01-01T00:00:00Z"),
          closesAt: new Date("2026-01-02T00:00:00Z"),
          timeLimitSeconds: 1800,
          attemptsAllowed: 2,
          blueprint: { questionIds: [] },
        },
      },
    },
    include: { rounds: true },
  });
  roundId = contest.rounds[0].id;
  await runtime.db.$executeRaw`
    INSERT INTO "User" (id, "fullName", email, "passwordHash", "updatedAt")
    SELECT 'scale-' || i, 'Thí sinh ' || i, 'scale-' || i || '@test.example', 'x', now() FROM generate_series(1, 100000) i`;
  await runtime.db.$executeRaw`
    INSERT INTO "Attempt" (id, "roundId", "userId", number, status, "startedAt", "deadlineAt", "closedAt", score, "maxScore", "timeUsedMs", prediction)
    SELECT 'scale-' || i || '-' || n, ${roundId}, 'scale-' || i, n, 'SUBMITTED', '2026-01-01T01:00:00Z', '2026-01-01T01:30:00Z',
           timestamptz '2026-01-01T01:00:00Z' + (i % 600) * interval '1 second', (i * n) % 21, 20, 1000 * ((i + n) % 1800), 90000 + (i % 20000)
    FROM generate_series(1, 100000) i CROSS JOIN generate_series(1, 2) n`;
}, 300_000);
afterAll(() => runtime?.stop());

it.skipIf(!usingRealPostgres)(
  "rebuilds a 200,000-attempt round in batches",
  async () => {
    const started = Date.now();
    const built = await rebuildRoundBoard(runtime.db, runtime.store, roundId, new Date("2026-01-03T00:00:00Z"));
    const elapsed = Date.now() - started;
    expect(built).toMatchObject({ entries: 100_000, final: true });
    const snapshot = await boardSnapshot(runtime.db, runtime.store, roundId, { userId: "scale-777" });
    expect(snapshot.total).toBe(100_000);
    expect(snapshot.top).toHaveLength(10);
    expect(snapshot.me?.userId).toBe("scale-777");
    console.info(`rebuilt 100,000 entries from 200,000 attempts in ${elapsed} ms (${runtime.store.kind})`);
    expect(elapsed).toBeLessThan(60_000);
  },
  120_000,
);
