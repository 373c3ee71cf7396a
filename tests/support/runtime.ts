import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { type StartedRuntime, startRuntime } from "~/boot.server";
import { parseEnv } from "~/env.server";

/**
 * A real runtime for integration tests: PostgreSQL from TEST_DATABASE_URL in a fresh schema
 * (dropped afterwards), else the embedded PGlite in a temporary folder; Redis from
 * TEST_REDIS_URL under a random key prefix (never flushed), else the in-process store.
 */
export interface TestRuntime extends StartedRuntime {
  schema: string | null;
  stop(): Promise<void>;
}

export const usingRealPostgres = Boolean(process.env.TEST_DATABASE_URL);
export const usingRealRedis = Boolean(process.env.TEST_REDIS_URL);

export function testRedisPrefix(): string {
  return `test:${randomBytes(6).toString("hex")}:`;
}

/** `env` adds settings (e.g. the S3_* variables) to the test defaults. */
export async function startTestRuntime(env: Record<string, string> = {}): Promise<TestRuntime> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "la-test-"));
  let schema: string | null = null;
  let databaseUrl: string | undefined;
  if (process.env.TEST_DATABASE_URL) {
    schema = `test_${randomBytes(6).toString("hex")}`;
    const url = new URL(process.env.TEST_DATABASE_URL);
    url.searchParams.set("schema", schema);
    databaseUrl = url.toString();
  }
  const parsed = parseEnv({
    NODE_ENV: "test",
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    REDIS_URL: process.env.TEST_REDIS_URL,
    LOG_LEVEL: "silent",
    SESSION_SECRET: randomBytes(32).toString("hex"),
    LOGIN_MAX_PER_IP: "20",
    ...env,
  });
  const runtime = await startRuntime(parsed, { redisPrefix: testRedisPrefix(), poolSize: 4 });
  return {
    ...runtime,
    schema,
    async stop() {
      await runtime.close();
      if (schema && process.env.TEST_DATABASE_URL) await dropSchema(process.env.TEST_DATABASE_URL, schema);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function dropSchema(databaseUrl: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}
