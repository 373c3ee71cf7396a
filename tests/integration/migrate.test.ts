import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPool, parseDatabaseUrl } from "~/db/connection.server";
import { type Migration, migrate, readMigrations } from "~/db/migrate.server";
import { startTestRuntime, type TestRuntime } from "../support/runtime";

let runtime: TestRuntime;
beforeAll(async () => {
  runtime = await startTestRuntime();
});
afterAll(() => runtime?.stop());

describe("the migrator", () => {
  it("records applied migrations like prisma migrate deploy and is idempotent", async () => {
    const client = await runtime.pool.connect();
    try {
      const again = await migrate(client);
      expect(again.applied).toEqual([]);
      expect(again.alreadyApplied).toBe(readMigrations().length);
      const { rows } = await client.query(
        `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations"`,
      );
      expect(rows.map((row) => row.migration_name)).toEqual(readMigrations().map((m) => m.name));
      expect(rows.every((row) => row.finished_at !== null && row.checksum.length === 64)).toBe(true);
    } finally {
      client.release();
    }
  });

  it("refuses a migration edited after it was applied", async () => {
    const [first, ...rest] = readMigrations();
    const edited: Migration = { ...first, sql: `${first.sql}\n-- edited`, checksum: "0".repeat(64) };
    const client = await runtime.pool.connect();
    try {
      await expect(migrate(client, [edited, ...rest])).rejects.toThrow(/changed after it was applied/);
    } finally {
      client.release();
    }
  });

  it("rolls back a failing migration entirely and reports it", async () => {
    const broken: Migration = {
      name: "29991231000000_broken",
      sql: `CREATE TABLE "ShouldNotExist" (id int); SELECT * FROM "NoSuchTable";`,
      checksum: "f".repeat(64),
    };
    const client = await runtime.pool.connect();
    try {
      await expect(migrate(client, [...readMigrations(), broken])).rejects.toThrow(/29991231000000_broken failed/);
      const { rows } = await client.query(`SELECT to_regclass('"ShouldNotExist"') AS table`);
      expect(rows[0].table).toBeNull();
      const recorded = await client.query(`SELECT 1 FROM "_prisma_migrations" WHERE migration_name = $1`, [
        broken.name,
      ]);
      expect(recorded.rowCount).toBe(0);
    } finally {
      client.release();
    }
  });

  it.runIf(Boolean(process.env.TEST_DATABASE_URL))(
    "lets several processes start at once: one migrates, the others wait",
    async () => {
      // Four pools stand in for four app processes starting together on an empty schema.
      const schema = `${runtime.schema}_concurrent`;
      const url = new URL(process.env.TEST_DATABASE_URL as string);
      url.searchParams.set("schema", schema);
      const pools = Array.from({ length: 4 }, () => createPool(parseDatabaseUrl(url.toString()), 1));
      try {
        await pools[0].query(`CREATE SCHEMA "${schema}"`);
        const results = await Promise.all(
          pools.map(async (pool) => {
            const client = await pool.connect();
            try {
              return await migrate(client);
            } finally {
              client.release();
            }
          }),
        );
        expect(results.map((result) => result.applied.length).sort()).toEqual([0, 0, 0, readMigrations().length]);
      } finally {
        await pools[0].query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        await Promise.all(pools.map((pool) => pool.end()));
      }
    },
  );
});
