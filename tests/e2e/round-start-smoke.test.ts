import { describe, expect, it } from "vitest";
import { run } from "../../bench/round-start";
import { QUESTIONS_PER_ATTEMPT } from "../../bench/support/contest-fixture";

/**
 * A small `npm run bench -- round-start` in CI (issue 8): 200 contestants of the built server
 * log in, start one round within a second, answer every question over the socket and submit,
 * while 10 watchers follow the board. Speed is the benchmark's business, not this test's (the
 * machine is shared): it asserts that nothing failed and that every acknowledged answer is in
 * the database. PostgreSQL and Redis when the TEST_* variables are set, else the embedded default.
 */
const CONTESTANTS = 200;
const withPostgresAndRedis = Boolean(process.env.TEST_DATABASE_URL && process.env.TEST_REDIS_URL);

describe("round-start smoke run", () => {
  it(`${CONTESTANTS} contestants start, answer and submit: no errors, no lost answer`, async () => {
    const args = ["--contestants", String(CONTESTANTS), "--watchers", "10", "--think-min", "50", "--think-max", "250"];
    args.push(...(process.env.TEST_DATABASE_URL ? ["--database-url", process.env.TEST_DATABASE_URL] : ["--embedded"]));
    if (process.env.TEST_DATABASE_URL && process.env.TEST_REDIS_URL)
      args.push("--redis-url", process.env.TEST_REDIS_URL);
    const result = await run(args);
    expect(result.error_kinds).toEqual({});
    expect(result.errors).toBe(0);
    expect(result.lost_answers).toBe(0);
    expect(result.answers_acked).toBe(CONTESTANTS * QUESTIONS_PER_ATTEMPT);
    expect(result.attempts_closed).toBe(CONTESTANTS);
    // Every watcher saw the board count every closed attempt.
    expect(result.board_delay_ms.n).toBe(10 * CONTESTANTS);
  }, 600_000);

  // The production layout (docs/deploy.md): replicas on one database and one Redis. Half the
  // contestants and half the watchers are on each process, so every watcher seeing every close
  // means the boards' pushes crossed from one process to the other.
  it.skipIf(!withPostgresAndRedis)(
    "two server processes share the round: no errors, no lost answer, every close on every board",
    async () => {
      const result = await run([
        ...["--contestants", "100", "--watchers", "10", "--think-min", "50", "--think-max", "250", "--processes", "2"],
        ...[
          "--database-url",
          process.env.TEST_DATABASE_URL as string,
          "--redis-url",
          process.env.TEST_REDIS_URL as string,
        ],
      ]);
      expect(result.server_processes).toBe(2);
      expect(result.error_kinds).toEqual({});
      expect(result.lost_answers).toBe(0);
      expect(result.answers_acked).toBe(100 * QUESTIONS_PER_ATTEMPT);
      expect(result.attempts_closed).toBe(100);
      expect(result.board_delay_ms.n).toBe(10 * 100);
    },
    600_000,
  );
});
