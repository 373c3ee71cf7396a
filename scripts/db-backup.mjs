#!/usr/bin/env node
// Backs up the PostgreSQL database of DATABASE_URL (only its schema when the URL names one with
// ?schema=) to one file in pg_dump's custom format, written under a temporary name and renamed
// when complete, so a failed run never leaves a file that looks like a backup.
// Usage: DATABASE_URL=… node scripts/db-backup.mjs <file.dump>
// Restore with scripts/db-restore.mjs; docs/operations.md says when and how.
import { spawnSync } from "node:child_process";
import { renameSync, rmSync, statSync } from "node:fs";

const [file] = process.argv.slice(2);
if (!file) {
  console.error("Usage: DATABASE_URL=postgresql://… node scripts/db-backup.mjs <file.dump>");
  process.exit(2);
}
if (!process.env.DATABASE_URL) {
  console.error(
    "DATABASE_URL is not set. The embedded default keeps its data under DATA_DIR: stop the app and copy that folder.",
  );
  process.exit(2);
}
const url = new URL(process.env.DATABASE_URL);
const schema = url.searchParams.get("schema");
url.searchParams.delete("schema");
const partial = `${file}.partial`;
const args = ["--format=custom", "--no-owner", "--no-privileges", `--file=${partial}`];
if (schema) args.push(`--schema=${schema}`);
const result = spawnSync("pg_dump", [...args, url.toString()], { stdio: ["ignore", "inherit", "inherit"] });
if (result.error || result.status !== 0) {
  rmSync(partial, { force: true });
  console.error(`pg_dump failed${result.error ? `: ${result.error.message}` : ` (exit ${result.status})`}`);
  process.exit(1);
}
renameSync(partial, file);
console.log(`backup written: ${file} (${statSync(file).size} bytes${schema ? `, schema ${schema}` : ""})`);
