import { describe, expect, it } from "vitest";
import { run } from "../../bench/saturation";

/**
 * A tiny `npm run bench -- saturation` (issue 8) against the built server, so the scenario keeps
 * working as the app changes: 100 clients, two short steps on the app, then on the bare Socket.IO
 * server. With PostgreSQL and Redis, two app processes and two bare servers (`--processes 2`, the
 * production layout); else the embedded default, one of each. Speed is the benchmark's business,
 * not this test's: it asserts that every step ran without errors and that a ratio came out.
 */
const withPostgresAndRedis = Boolean(process.env.TEST_DATABASE_URL && process.env.TEST_REDIS_URL);

describe("saturation smoke run", () => {
  it("100 clients answer at two rates on the app and on the bare server, without errors", async () => {
    const result = await run([
      ...["--contestants", "100", "--think-steps", "1000,500", "--step-seconds", "2"],
      ...(withPostgresAndRedis
        ? [
            ...["--database-url", process.env.TEST_DATABASE_URL as string],
            ...["--redis-url", process.env.TEST_REDIS_URL as string, "--processes", "2"],
          ]
        : ["--embedded"]),
    ]);
    expect(result.server_processes).toBe(withPostgresAndRedis ? 2 : 1);
    expect(result.errors).toBe(0);
    for (const step of [...result.app_steps, ...result.bare_steps]) expect(step.errors).toBe(0);
    expect(result.app_steps.map((step) => step.think_ms)).toEqual([1000, 500]);
    expect(result.bare_steps.map((step) => step.think_ms)).toEqual([1000, 500]);
    expect(result.answers_per_s).toBeGreaterThan(0);
    expect(result.baseline_per_s).toBeGreaterThan(0);
    expect(result.ratio).toBeGreaterThan(0);
  }, 600_000);
});
