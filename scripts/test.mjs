// `npm test`: type check, lint, build when the sources are newer than the build, page weight, then the
// vitest projects unit, integration and e2e together and faults alone, each run with a JSON report
// in test-results/ that .ci/run reads.
// Integration and browser tests use TEST_DATABASE_URL / TEST_REDIS_URL when set, else the
// embedded defaults. Browser tests need Debian's chromium (or CHROMIUM_PATH); without it they
// are skipped and this says so — and under CI=true that skip is a failure.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from "node:fs";
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

mkdirSync("test-results", { recursive: true });
run("type check", "npx", ["tsc", "--noEmit"]);
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

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(chromium)) {
  results.browserTestsSkipped = true;
  console.log(
    `\n⚠ Browser tests SKIPPED: no chromium at ${chromium}. Install it (apt-get install chromium) or set CHROMIUM_PATH.`,
  );
}

const vitestOk = run("tests (unit, integration, e2e)", "npx", [
  "vitest",
  "run",
  "--project=unit",
  "--project=integration",
  "--project=e2e",
  "--reporter=default",
  "--reporter=json",
  "--outputFile.json=test-results/vitest.json",
]);
// The fault tests (tests/faults/: SIGKILL, Redis and PostgreSQL failures, SIGTERM) at small scale,
// after the rest and alone: they time deadlines and restarts, which the other suites' load on a
// 2-core machine would skew (run beside them in one CI run, three of four timed out).
// `npm run test:faults` runs them with 200 contestants.
const faultsOk = run(
  "fault tests (small scale)",
  "npx",
  [
    "vitest",
    "run",
    "--project=faults",
    "--reporter=default",
    "--reporter=json",
    "--outputFile.json=test-results/faults.json",
  ],
  { FAULT_CONTESTANTS: process.env.FAULT_CONTESTANTS ?? "24" },
);
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
