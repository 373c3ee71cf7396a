import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EmbeddedPostgres, startEmbeddedPostgres } from "~/db/embedded.server";
import { EXPORT_FORMATS } from "~/questions/export.server";
import { DEMO_BANK } from "../../seeds/demo";
import { dropSchema, usingRealPostgres } from "../support/runtime";

/**
 * `questions:import` and `questions:export` as child processes, on one database for the whole
 * file (migrated and seeded first): a fresh schema of TEST_DATABASE_URL, else the embedded
 * database in a temporary DATA_DIR, held by this process as a running server would hold it
 * (each command attaches to it instead of starting PGlite).
 */
const repoRoot = path.resolve(__dirname, "../..");
const tsx = path.join(repoRoot, "node_modules/.bin/tsx");

let tempDir: string;
let schema: string | null = null;
let held: EmbeddedPostgres | null = null;
let databaseEnv: NodeJS.ProcessEnv;

interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

function cli(args: string[]): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      tsx,
      ["app/cli/main.ts", ...args],
      // Generous: tsx compiles the CLI at each start, which on a loaded 2-core machine took over 60 s.
      { cwd: repoRoot, env: databaseEnv, timeout: 150_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/**
 * Several commands at once on PostgreSQL; one after another on the embedded database, whose
 * socket server can interleave the statements of concurrent connections outside transactions
 * (electric-sql/pglite#1046).
 */
async function inTurn<T>(tasks: Array<() => Promise<T>>): Promise<T[]> {
  if (usingRealPostgres) return Promise.all(tasks.map((task) => task()));
  const results: T[] = [];
  for (const task of tasks) results.push(await task());
  return results;
}

/** Runs with --json and parses stdout, which must hold exactly one JSON value. */
async function cliJson<T>(args: string[]): Promise<CliRun & { json: T }> {
  const run = await cli([...args, "--json"]);
  let json: T;
  try {
    json = JSON.parse(run.stdout) as T;
  } catch {
    throw new Error(`stdout is not one JSON value (exit ${run.code}):\n${run.stdout}\nstderr:\n${run.stderr}`);
  }
  return { ...run, json };
}

interface ImportJson {
  ok: boolean;
  dryRun: boolean;
  bank: { name: string; created: boolean; existed: boolean };
  format: string | null;
  total: number;
  good: number;
  bad: number;
  imported: number;
  errors: Array<{ line: number; code: string; message: string }>;
  fileError?: { code: string; message: string };
  error?: { option: string; code: string; message: string };
}

interface ExportJson {
  ok: boolean;
  file: string;
  format: string;
  count: number;
  skipped: number;
  error?: { code: string; message: string };
}

const exportBank = (bank: string, node: string, format: string, out: string) =>
  cliJson<ExportJson>(["questions:export", "--node", node, "--bank", bank, "--format", format, "--out", out]);

const importFile = (file: string, bank: string, ...more: string[]) =>
  cliJson<ImportJson>(["questions:import", file, "--node", "HP-KIMTHANH", "--bank", bank, ...more]);

/** The exported file's name, with the extension the import recognises the format by. */
const FILE_NAMES: Record<(typeof EXPORT_FORMATS)[number], string> = {
  xlsx: "demo.xlsx",
  csv: "demo.csv",
  "moodle-xml": "demo.xml",
  gift: "demo.gift.txt",
  aiken: "demo.aiken.txt",
};

beforeAll(async () => {
  tempDir = mkdtempSync(path.join(tmpdir(), "la-cli-questions-"));
  const dataDir = path.join(tempDir, "data");
  databaseEnv = { ...process.env, DATA_DIR: dataDir, NODE_ENV: "test" };
  delete databaseEnv.DATABASE_URL;
  delete databaseEnv.REDIS_URL;
  delete databaseEnv.LOG_LEVEL;
  if (process.env.TEST_DATABASE_URL) {
    schema = `cli_questions_${randomBytes(6).toString("hex")}`;
    const url = new URL(process.env.TEST_DATABASE_URL);
    url.searchParams.set("schema", schema);
    databaseEnv.DATABASE_URL = url.toString();
  } else {
    held = await startEmbeddedPostgres(dataDir);
  }
  const migrated = await cli(["migrate"]);
  expect(migrated.code, migrated.stderr).toBe(0);
  const seeded = await cliJson<{ seeded: boolean }>(["seed"]);
  expect(seeded.json).toEqual({ seeded: true });
});

afterAll(async () => {
  await held?.close();
  if (schema && process.env.TEST_DATABASE_URL) await dropSchema(process.env.TEST_DATABASE_URL, schema);
  rmSync(tempDir, { recursive: true, force: true });
});

// Each step starts the CLI as its own process (tsx compiles it first): seconds on a quiet
// machine, but a minute and more on a loaded 2-core one, so these tests get four minutes.
describe("npm run cli -- questions:*", { timeout: 600_000 }, () => {
  it("prints help for both commands, exit 0", async () => {
    const runs = await Promise.all(["questions:import", "questions:export"].map((command) => cli([command, "--help"])));
    for (const run of runs) {
      expect(run.code).toBe(0);
      expect(run.stdout).toContain("Usage:");
    }
    expect(runs[0].stdout).toContain("--skip-bad");
    expect(runs[1].stdout).toContain("moodle-xml");
  });

  // Each command is a fresh tsx process that transpiles the generated Prisma client, which grows
  // with every model; ten of them at once on a busy 2-core machine need more than a minute.
  it("exports the demo bank to every format and imports each file back into a new bank", async () => {
    const exports = await inTurn(
      EXPORT_FORMATS.map(
        (format) => () =>
          exportBank(DEMO_BANK.name, DEMO_BANK.nodeCode, format, path.join(tempDir, FILE_NAMES[format])),
      ),
    );
    for (const [index, format] of EXPORT_FORMATS.entries()) {
      const run = exports[index];
      expect(run.code, `${format}: ${run.stdout}${run.stderr}`).toBe(0);
      expect(run.json).toMatchObject({ ok: true, format, file: path.join(tempDir, FILE_NAMES[format]) });
      // Aiken carries single-choice questions only; every other format carries all 150.
      expect(run.json.count + run.json.skipped).toBe(150);
      if (format === "aiken") {
        expect(run.json.skipped).toBeGreaterThan(0);
        expect(run.json.count).toBeGreaterThan(0);
      } else {
        expect(run.json.skipped).toBe(0);
      }
    }

    const imports = await inTurn(
      EXPORT_FORMATS.map((format) => () => importFile(path.join(tempDir, FILE_NAMES[format]), `Khôi phục ${format}`)),
    );
    for (const [index, format] of EXPORT_FORMATS.entries()) {
      const run = imports[index];
      expect(run.code, `${format}: ${run.stdout}${run.stderr}`).toBe(0);
      expect(run.json).toEqual({
        ok: true,
        dryRun: false,
        bank: { name: `Khôi phục ${format}`, created: true, existed: false },
        format,
        total: exports[index].json.count,
        good: exports[index].json.count,
        bad: 0,
        imported: exports[index].json.count,
        errors: [],
      });
    }
  }, 600_000);

  it("refuses a file with a bad question; --dry-run writes nothing; --skip-bad imports the good one", async () => {
    const gift = path.join(tempDir, "mixed.gift");
    writeFileSync(
      gift,
      [
        "// Một câu đúng, một câu thiếu đáp án đúng",
        "::Q1:: Cơ quan nào ban hành Hiến pháp? {=Quốc hội ~Chính phủ ~Tòa án nhân dân tối cao}",
        "",
        "::Q2:: Người đủ bao nhiêu tuổi thì có quyền bầu cử? {~16 tuổi ~17 tuổi}",
        "",
      ].join("\n"),
    );
    const bank = "Nhập thử GIFT";
    const rejected = await cli(["questions:import", gift, "--node", "HP-KIMTHANH", "--bank", bank]);
    expect(rejected.code).toBe(1);
    expect(rejected.stdout).toBe("");
    expect(rejected.stderr).toContain("2 câu hỏi: 1 câu hợp lệ, 1 câu lỗi.");
    expect(rejected.stderr).toContain("Dòng 4 [KEY_MISSING]: Chưa có đáp án đúng.");
    expect(rejected.stderr).toContain("Chưa nhập câu nào");

    const dryRun = await importFile(gift, bank, "--skip-bad", "--dry-run");
    expect(dryRun.code).toBe(0);
    expect(dryRun.json).toEqual({
      ok: true,
      dryRun: true,
      bank: { name: bank, created: false, existed: false },
      format: "gift",
      total: 2,
      good: 1,
      bad: 1,
      imported: 0,
      errors: [{ line: 4, code: "KEY_MISSING", message: "Chưa có đáp án đúng." }],
    });

    // Neither the refused import nor the dry run wrote anything, not even the bank.
    const absent = await exportBank(bank, "HP-KIMTHANH", "gift", path.join(tempDir, "absent.gift"));
    expect(absent.code).toBe(1);
    expect(absent.json).toMatchObject({ ok: false, count: 0, error: { code: "BANK_NOT_FOUND" } });

    const skipped = await importFile(gift, bank, "--skip-bad");
    expect(skipped.code).toBe(0);
    expect(skipped.json).toMatchObject({
      ok: true,
      dryRun: false,
      bank: { name: bank, created: true, existed: false },
      good: 1,
      bad: 1,
      imported: 1,
      errors: [{ line: 4, code: "KEY_MISSING" }],
    });
  }, 600_000);

  it("reports an unknown node with exit 1", async () => {
    const gift = path.join(tempDir, "one.gift");
    writeFileSync(gift, "::Q1:: Cơ quan nào ban hành Hiến pháp? {=Quốc hội ~Chính phủ}\n");
    const run = await cliJson<ImportJson>(["questions:import", gift, "--node", "KHONG-CO"]);
    expect(run.code).toBe(1);
    expect(run.json).toMatchObject({
      ok: false,
      imported: 0,
      error: { option: "--node", code: "NODE_NOT_FOUND", message: "Không tìm thấy đơn vị có mã KHONG-CO." },
    });
  });
});
