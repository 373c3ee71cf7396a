// `npm test`: type check (beside the lint, the build when the sources are newer than it, and the page
// weight), then the vitest project e2e and the projects unit + integration at the same time (two
// vitest processes), then faults alone, each run with a JSON report in test-results/ that .ci/run reads.
// Integration and browser tests use TEST_DATABASE_URL / TEST_REDIS_URL when set, else the
// embedded defaults. Browser tests need Debian's chromium (or CHROMIUM_PATH); without it they
// are skipped and this says so — and under CI=true that skip is a failure.
import { spawn, spawnSync } from "node:child_process";
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";

const results = { checks: [], browserTestsSkipped: false };
const run = (name, command, args, env = {}) => {
  console.log(`\n▶ ${name}`);
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  const ok = result.status === 0;
  results.checks.push({ name, ok });
  return ok;
};

function newestMtime(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(target).map((entry) => newestMtime(path.join(target, entry))));
}

/**
 * `name` as a child process beside what follows, its output kept in test-results/<log> and printed
 * as a whole when awaited; the check is recorded then.
 */
function runBeside(name, command, args, log) {
  const logFile = `test-results/${log}`;
  const out = openSync(logFile, "w");
  const child = spawn(command, args, { stdio: ["ignore", out, out], env: process.env });
  const done = new Promise((resolve) => {
    child.on("close", (code) => {
      closeSync(out);
      resolve(code === 0);
    });
  });
  return async () => {
    const ok = await done;
    console.log(`\n▶ ${name}\n${readFileSync(logFile, "utf8")}`);
    results.checks.push({ name, ok });
    return ok;
  };
}

mkdirSync("test-results", { recursive: true });
// The type check (about 30 s here) runs beside the lint, the build and the page weight, which do
// not depend on it; the tests start once it is done, so it does not skew their timing.
const typeCheckDone = runBeside("type check", "npx", ["tsc", "--noEmit"], "typecheck.log");
run("lint and format", "npx", ["biome", "check", "--diagnostic-level=error", "."]);

const sourcesChanged = Math.max(
  ...["app", "server", "seeds", "public", "vite.config.ts", "package-lock.json"].map(newestMtime),
);
const buildTime = Math.min(
  ...["build/node-server.js", "build/embedded-worker.js", "build/server/index.js"].map(newestMtime),
);
if (buildTime === 0 || sourcesChanged > buildTime) run("build", "npm", ["run", "build"]);
// The contest-taking pages' JavaScript against their budgets (docs/performance.md).
run("page weight", "node", ["scripts/check-weight.mjs"]);
await typeCheckDone();

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(chromium)) {
  results.browserTestsSkipped = true;
  console.log(
    `\n⚠ Browser tests SKIPPED: no chromium at ${chromium}. Install it (apt-get install chromium) or set CHROMIUM_PATH.`,
  );
}

/** vitest on `projects`, with its JSON report in test-results/<report>. */
const vitestArgs = (projects, report) => [
  "vitest",
  "run",
  ...projects.map((project) => `--project=${project}`),
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=test-results/${report}`,
];

/**
 * The browser tests and the unit + integration tests run at once, as two vitest processes.
 * vitest alone ran every file one after another here (2 cores give it one worker), and the e2e
 * files, which mostly wait on the browser and the server, left the other core idle. The unit and
 * integration run is niced, so the browser tests' timing keeps the CPU first, and its output
 * is printed as a whole when it ends instead of interleaved.
 */
async function runConcurrently() {
  console.log("\n▶ tests (e2e, with unit and integration beside it)");
  const unitIntegrationDone = runBeside(
    "tests (unit, integration)",
    "nice",
    ["-n", "10", "npx", ...vitestArgs(["unit", "integration"], "vitest-unit-integration.json")],
    "unit-integration.log",
  );
  const e2eOk = await new Promise((resolve) => {
    const child = spawn("npx", vitestArgs(["e2e"], "vitest-e2e.json"), { stdio: "inherit", env: process.env });
    child.on("close", (code) => resolve(code === 0));
  });
  results.checks.push({ name: "tests (e2e)", ok: e2eOk });
  const unitIntegrationOk = await unitIntegrationDone();
  return e2eOk && unitIntegrationOk;
}
const vitestOk = await runConcurrently();
// The fault tests (tests/faults/: SIGKILL, Redis and PostgreSQL failures, SIGTERM) at small scale,
// after the rest and alone: they time deadlines and restarts, which the other suites' load on a
// 2-core machine would skew (run beside them in one CI run, three of four timed out).
// `npm run test:faults` runs them with 200 contestants.
const faultsOk = run("fault tests (small scale)", "npx", vitestArgs(["faults"], "faults.json"), {
  FAULT_CONTESTANTS: process.env.FAULT_CONTESTANTS ?? "24",
});
writeFileSync("test-results/checks.json", JSON.stringify(results, null, 2));

const failedChecks = results.checks.filter((check) => !check.ok).map((check) => check.name);
if (failedChecks.length > 0) console.log(`\n✗ failed: ${failedChecks.join(", ")}`);
if (results.browserTestsSkipped) {
  console.log(`⚠ Browser tests were skipped (no chromium at ${chromium}).`);
  if (process.env.CI === "true") {
    console.log("✗ CI=true: skipping browser tests is a failure.");
    process.exit(1);
  }
}
process.exit(failedChecks.length === 0 && vitestOk && faultsOk ? 0 : 1);
