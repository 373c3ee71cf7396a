import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "../../seeds/demo";
import { startTestRuntime, type TestRuntime } from "../support/runtime";

/**
 * The backup and restore scripts (docs/operations.md), run as an operator would: back up a
 * seeded schema, restore it into a fresh database, and find the same rows and the same applied
 * migrations there; a damaged file is refused without touching anything.
 */
const enabled = Boolean(process.env.TEST_DATABASE_URL) && spawnSync("pg_dump", ["--version"]).status === 0;
const title = enabled
  ? "PostgreSQL backup and restore scripts"
  : "PostgreSQL backup and restore scripts (skipped: needs TEST_DATABASE_URL and pg_dump)";
const TABLES = ["User", "OrgNode", "Question", "QuestionVersion", "Contest", "Round", "_prisma_migrations"];

describe.skipIf(!enabled)(title, () => {
  let runtime: TestRuntime;
  const folder = mkdtempSync(path.join(tmpdir(), "la-backup-"));
  const database = `restore_${randomBytes(5).toString("hex")}`;
  let admin: pg.Client;

  beforeAll(async () => {
    runtime = await startTestRuntime();
    await seedDemoData(runtime.db);
    admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${database}"`);
  });
  afterAll(async () => {
    await runtime?.stop();
    await admin?.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`).catch(() => {});
    await admin?.end();
    rmSync(folder, { recursive: true, force: true });
  });

  const run = (script: string, args: string[], databaseUrl: string) =>
    spawnSync(process.execPath, [script, ...args], {
      encoding: "utf8",
      env: { ...process.env, DATABASE_URL: databaseUrl },
    });
  const counts = async (connectionString: string, schema: string) => {
    const client = new pg.Client({ connectionString });
    await client.connect();
    try {
      const result: Record<string, number> = {};
      for (const table of TABLES)
        result[table] = Number((await client.query(`SELECT count(*) FROM "${schema}"."${table}"`)).rows[0].count);
      return result;
    } finally {
      await client.end();
    }
  };

  it("restores a backup into a fresh database with every row and every applied migration", async () => {
    const schema = runtime.schema as string;
    const source = new URL(process.env.TEST_DATABASE_URL as string);
    source.searchParams.set("schema", schema);
    const file = path.join(folder, "backup.dump");
    const backup = run("scripts/db-backup.mjs", [file], source.toString());
    expect(backup.status, backup.stderr).toBe(0);
    expect(backup.stdout).toContain("backup written");

    const target = new URL(process.env.TEST_DATABASE_URL as string);
    target.pathname = `/${database}`;
    expect(run("scripts/db-restore.mjs", [file], target.toString()).status).toBe(2); // no --yes
    const restore = run("scripts/db-restore.mjs", [file, "--yes"], target.toString());
    expect(restore.status, restore.stderr).toBe(0);

    const before = await counts(source.toString().replace(/\?.*$/, ""), schema);
    const after = await counts(target.toString(), schema);
    expect(before.Question).toBeGreaterThan(100);
    expect(after).toEqual(before);
  });

  it("refuses a damaged file and changes nothing", async () => {
    const file = path.join(folder, "damaged.dump");
    writeFileSync(file, "PGDMP not really a dump");
    const target = new URL(process.env.TEST_DATABASE_URL as string);
    target.pathname = `/${database}`;
    const restore = run("scripts/db-restore.mjs", [file, "--yes"], target.toString());
    expect(restore.status).toBe(1);
    expect(restore.stderr).toContain("not a Legal Arena backup");
    expect((await counts(target.toString(), runtime.schema as string)).Question).toBeGreaterThan(100);
  });
});
