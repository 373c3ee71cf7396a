// Runs `prisma generate` without Prisma's native schema engine.
// Prisma's CLI downloads that engine at the start of every command, and its server is not
// reachable from our machines; `generate` never runs the engine, so pointing
// PRISMA_SCHEMA_ENGINE_BINARY at any executable is enough. Migrations are applied by the
// app's own migrator (app/db/migrate.server.ts), never by `prisma migrate`.
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const placeholderDir = join(tmpdir(), "legal-arena-prisma");
const placeholder = join(placeholderDir, "schema-engine-placeholder");
if (!existsSync(placeholder)) {
  mkdirSync(placeholderDir, { recursive: true });
  writeFileSync(placeholder, "#!/bin/sh\necho 'schema engine unavailable: use npm run cli -- migrate' >&2\nexit 1\n");
  chmodSync(placeholder, 0o755);
}

const result = spawnSync("npx", ["prisma", "generate", "--schema", "prisma/schema.prisma"], {
  stdio: "inherit",
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? placeholder,
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
  },
});
process.exit(result.status ?? 1);
