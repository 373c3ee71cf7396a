import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "~/db/embedded.server";
import { dropSchema, usingRealPostgres } from "../support/runtime";

/**
 * `npm run cli` as operators and cron run it: a child process on a throwaway database
 * (a fresh schema of TEST_DATABASE_URL, else the embedded database in a temporary DATA_DIR).
 * Asynchronous child processes, so the test process can serve an embedded database meanwhile.
 */
const repoRoot = path.resolve(__dirname, "../..");
const tsx = path.join(repoRoot, "node_modules/.bin/tsx");

let tempDir: string;
let schema: string | null = null;
let databaseEnv: NodeJS.ProcessEnv;

interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

function cli(args: string[], env: NodeJS.ProcessEnv = databaseEnv): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(tsx, ["app/cli/main.ts", ...args], { cwd: repoRoot, env, timeout: 150_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** Runs with --json and parses stdout, which must hold exactly one JSON value. */
async function cliJson<T = unknown>(args: string[], env?: NodeJS.ProcessEnv): Promise<CliRun & { json: T }> {
  const run = await cli([...args, "--json"], env);
  let json: T;
  try {
    json = JSON.parse(run.stdout) as T;
  } catch {
    throw new Error(`stdout is not one JSON value (exit ${run.code}):\n${run.stdout}\nstderr:\n${run.stderr}`);
  }
  return { ...run, json };
}

interface ListedNode {
  code: string;
  name: string;
  type: string;
  parentCode: string | null;
}

function baseEnv(dataDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, NODE_ENV: "test" };
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  delete env.LOG_LEVEL;
  return env;
}

beforeAll(() => {
  tempDir = mkdtempSync(path.join(tmpdir(), "la-cli-"));
  databaseEnv = baseEnv(path.join(tempDir, "data"));
  if (process.env.TEST_DATABASE_URL) {
    schema = `cli_${randomBytes(6).toString("hex")}`;
    const url = new URL(process.env.TEST_DATABASE_URL);
    url.searchParams.set("schema", schema);
    databaseEnv.DATABASE_URL = url.toString();
  }
});

afterAll(async () => {
  if (schema && process.env.TEST_DATABASE_URL) await dropSchema(process.env.TEST_DATABASE_URL, schema);
  rmSync(tempDir, { recursive: true, force: true });
});

// Each step starts the CLI as its own process (tsx compiles it first): seconds on a quiet
// machine, but a minute and more on a loaded 2-core one, so these tests get four minutes.
describe("npm run cli", { timeout: 600_000 }, () => {
  it("prints help for the program and every command, exit 0", async () => {
    const runs = await Promise.all(
      [[], ["migrate"], ["seed"], ["org:import"], ["org:list"], ["users:create"]].map((command) =>
        cli([...command, "--help"]),
      ),
    );
    for (const run of runs) {
      expect(run.code).toBe(0);
      expect(run.stdout).toContain("Usage:");
    }
    expect(runs[0].stdout).toContain("Exit codes:");
    expect(runs[5].stdout).toContain("--role <role>");
  });

  it("reports a usage error with exit 2", async () => {
    const run = await cli([
      "users:create",
      "--name",
      "Nguyễn Văn An",
      "--role",
      "BOSS",
      "--node",
      "HP",
      "--email",
      "a@b.vn",
    ]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
  });

  it("migrates, then seeds an empty database once", async () => {
    const migrated = await cliJson<{ applied: string[]; alreadyApplied: number }>(["migrate"]);
    expect(migrated.code).toBe(0);
    expect(migrated.json.applied.length).toBeGreaterThan(0);
    expect(migrated.json.alreadyApplied).toBe(0);

    const seeded = await cliJson<{ seeded: boolean }>(["seed"]);
    expect(seeded).toMatchObject({ code: 0, json: { seeded: true } });
    const again = await cliJson<{ seeded: boolean }>(["seed"]);
    expect(again).toMatchObject({ code: 0, json: { seeded: false } });

    const listed = await cliJson<ListedNode[]>(["org:list"]);
    expect(listed.code).toBe(0);
    expect(listed.json).toContainEqual(
      expect.objectContaining({ code: "HP-KIMTHANH", parentCode: "HP", type: "COMMUNE" }),
    );
    expect(listed.json.find((node) => node.code === "HP")?.parentCode).toBeNull();
  });

  it("rejects an org file with bad rows without writing, then imports it fixed", async () => {
    const header = "Mã đơn vị,Tên đơn vị,Loại,Mã đơn vị cấp trên";
    const good = "HP-KIMTHANH-MN,Trường Mầm non xã Kim Thành,Đơn vị,HP-KIMTHANH";
    const badFile = path.join(tempDir, "org-bad.csv");
    writeFileSync(
      badFile,
      [header, good, "HP-CLI-1,Tổ hòa giải thôn 1,Đơn vị,KHONG-CO", "HP-CLI-2,Chi đoàn thôn 2,Huyện,HP", ""].join("\n"),
    );

    const rejected = await cliJson<{
      ok: boolean;
      applied: boolean;
      errors: Array<{ line: number; field: string; code: string; message: string }>;
    }>(["org:import", badFile]);
    expect(rejected.code).toBe(1);
    expect(rejected.json).toMatchObject({ ok: false, applied: false });
    expect(rejected.json.errors).toEqual([
      { line: 3, field: "parentCode", code: "PARENT_NOT_FOUND", message: expect.stringContaining("KHONG-CO") },
      { line: 4, field: "type", code: "TYPE_INVALID", message: expect.stringContaining("Loại đơn vị không hợp lệ") },
    ]);
    const human = await cli(["org:import", badFile]);
    expect(human.code).toBe(1);
    expect(human.stderr).toContain("Dòng 3 (Mã đơn vị cấp trên): Không tìm thấy đơn vị cấp trên có mã KHONG-CO");

    const untouched = await cliJson<ListedNode[]>(["org:list"]);
    const codes = untouched.json.map((node) => node.code);
    expect(codes).not.toContain("HP-KIMTHANH-MN");
    expect(codes).not.toContain("HP-CLI-1");

    const fixedFile = path.join(tempDir, "org-fixed.csv");
    writeFileSync(
      fixedFile,
      [header, good, "HP-CLI-1,Tổ hòa giải thôn 1,Đơn vị,HP-KIMTHANH", "HP-CLI-2,Chi đoàn thôn 2,Đơn vị,HP"].join("\n"),
    );
    const imported = await cliJson<{ ok: boolean; applied: boolean; created: number; errors: unknown[] }>([
      "org:import",
      fixedFile,
    ]);
    expect(imported.code).toBe(0);
    expect(imported.json).toMatchObject({ ok: true, applied: true, created: 3, errors: [] });

    const listed = await cliJson<ListedNode[]>(["org:list"]);
    expect(listed.json).toContainEqual({
      code: "HP-KIMTHANH-MN",
      name: "Trường Mầm non xã Kim Thành",
      type: "UNIT",
      parentCode: "HP-KIMTHANH",
    });
    expect(listed.json).toContainEqual(expect.objectContaining({ code: "HP-CLI-2", parentCode: "HP" }));
  });

  it("creates an organizer with a temporary password and refuses the same e-mail again", async () => {
    const args = [
      "users:create",
      "--name",
      "Nguyễn Thị Cúc",
      "--email",
      "cuc.cli@example.vn",
      "--role",
      "ORGANIZER",
      "--node",
      "HP-KIMTHANH",
    ];
    const created = await cliJson<{
      ok: boolean;
      temporaryPassword: string;
      mustChangePassword: boolean;
      nodeCode: string;
    }>(args);
    expect(created.code).toBe(0);
    expect(created.json).toMatchObject({
      ok: true,
      mustChangePassword: true,
      nodeCode: "HP-KIMTHANH",
      role: "ORGANIZER",
    });
    expect(created.json.temporaryPassword).toMatch(/^[a-z]{6}\d{4}$/);

    args[4] = "Cuc.CLI@example.vn";
    const duplicate = await cliJson<{ ok: boolean; errors: Array<{ field: string; code: string; message: string }> }>(
      args,
    );
    expect(duplicate.code).toBe(1);
    expect(duplicate.json).toEqual({
      ok: false,
      errors: [
        { field: "--email", code: "IDENTIFIER_TAKEN", message: "Số điện thoại hoặc email này đã được đăng ký." },
      ],
    });
  });

  it.skipIf(usingRealPostgres)("attaches to an embedded database held by another process", async () => {
    const dataDir = path.join(tempDir, "held");
    const held = await startEmbeddedPostgres(dataDir);
    try {
      expect(held.owner).toBe(true);
      const listed = await cliJson<ListedNode[]>(["org:list"], baseEnv(dataDir));
      expect(listed.code, listed.stderr).toBe(0);
      expect(listed.json).toEqual([]);
    } finally {
      await held.close();
    }
  });
});
