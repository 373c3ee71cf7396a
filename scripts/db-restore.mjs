#!/usr/bin/env node
// Restores a backup made by scripts/db-backup.mjs into the database of DATABASE_URL, replacing
// the objects the backup holds (--clean), in one transaction: it either restores everything or
// changes nothing. Stop the app processes first; Redis needs no restore (the app rebuilds the
// live boards from PostgreSQL when it starts). Usage:
//   DATABASE_URL=… node scripts/db-restore.mjs <file.dump> --yes
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const args = process.argv.slice(2);
const file = args.find((arg) => !arg.startsWith("--"));
if (!file || !args.includes("--yes")) {
  console.error("Usage: DATABASE_URL=postgresql://… node scripts/db-restore.mjs <file.dump> --yes");
  console.error("It replaces what the backup holds in that database: --yes says you mean it.");
  process.exit(2);
}
if (!existsSync(file)) {
  console.error(`no such backup: ${file}`);
  process.exit(1);
}
if (!process.env.DATABASE_URL) {
  console.error("DATABASE_URL is not set.");
  process.exit(2);
}
const url = new URL(process.env.DATABASE_URL);
url.searchParams.delete("schema"); // the backup names its own schema
// A damaged or foreign file is refused before anything is touched.
const listing = spawnSync("pg_restore", ["--list", file], { encoding: "utf8" });
if (listing.status !== 0 || !listing.stdout.includes("_prisma_migrations")) {
  console.error(`not a Legal Arena backup (pg_restore --list failed or found no _prisma_migrations): ${file}`);
  process.exit(1);
}
const result = spawnSync(
  "pg_restore",
  [
    "--clean",
    "--if-exists",
    "--no-owner",
    "--no-privileges",
    "--single-transaction",
    "--exit-on-error",
    `--dbname=${url}`,
    file,
  ],
  { stdio: ["ignore", "inherit", "inherit"] },
);
if (result.error || result.status !== 0) {
  console.error(
    `pg_restore failed${result.error ? `: ${result.error.message}` : ` (exit ${result.status})`}; nothing was changed`,
  );
  process.exit(1);
}
console.log(`restored ${file}. Start the app: it rebuilds the live boards in Redis from PostgreSQL.`);
