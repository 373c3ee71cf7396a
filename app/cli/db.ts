import type { StartedRuntime } from "~/boot.server";
import { parseDatabaseUrl } from "~/db/connection.server";
import { migrate } from "~/db/migrate.server";
import { DEMO_LOGINS, seedIfEmpty } from "../../seeds/demo";
import { type CommandResult, EXIT } from "./output";

/**
 * `migrate`: applies pending migrations (the runtime is started without migrating, so this
 * command is the one that reports what it applied).
 */
export async function applyMigrations(runtime: StartedRuntime): Promise<CommandResult> {
  const schema = runtime.env.DATABASE_URL ? parseDatabaseUrl(runtime.env.DATABASE_URL).schema : "public";
  const client = await runtime.pool.connect();
  try {
    if (schema !== "public") await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    const result = await migrate(client);
    const lines =
      result.applied.length === 0
        ? [`Không có migration nào cần áp dụng (${result.alreadyApplied} đã áp dụng trước đó).`]
        : [
            `Đã áp dụng ${result.applied.length} migration:`,
            ...result.applied.map((name) => `  ${name}`),
            `${result.alreadyApplied} migration đã áp dụng trước đó.`,
          ];
    return { exitCode: EXIT.OK, json: { applied: result.applied, alreadyApplied: result.alreadyApplied }, lines };
  } finally {
    client.release();
  }
}

/** `seed`: demo data, only into an empty database (no org node, no user). */
export async function seedDemo(runtime: StartedRuntime): Promise<CommandResult> {
  const seeded = await seedIfEmpty(runtime.db);
  const lines = seeded
    ? [
        "Đã nạp dữ liệu mẫu. Tài khoản mẫu:",
        ...DEMO_LOGINS.map((login) => `  ${login.role.padEnd(10)} ${login.identifier}  ${login.password}`),
      ]
    : ["Cơ sở dữ liệu đã có dữ liệu; không nạp dữ liệu mẫu."];
  return { exitCode: EXIT.OK, json: { seeded }, lines };
}
