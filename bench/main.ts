/**
 * `npm run bench -- <scenario> [options]`. Benchmarks are not tests: they measure, print a
 * table, write bench/results/<scenario>-<time>.json and end with one JSON line.
 * Scenarios: round-start (the synchronized start of a round, issue 8), saturation (the app's
 * maximum answers per second against a bare Socket.IO server's), live-quiz (one host, N players),
 * pages (HTTP throughput of the contest and attempt pages against a bare Express), data (the
 * organizer's screens on 200,000 participants), questions-import, report (a province's periodic
 * indicator report, issue 7).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

const scenarios: Record<string, (args: string[]) => Promise<Record<string, unknown>>> = {
  "round-start": async (args) => (await import("./round-start")).run(args),
  saturation: async (args) => (await import("./saturation")).run(args),
  "questions-import": async (args) => (await import("./questions-import")).run(args),
  report: async (args) => (await import("./report")).run(args),
  pages: async (args) => (await import("./pages")).run(args),
  data: async (args) => (await import("./data")).run(args),
  "live-quiz": async (args) => (await import("./live-quiz")).run(args),
};

async function main() {
  const [scenario, ...rest] = process.argv.slice(2);
  const { values } = parseArgs({ args: rest, options: { help: { type: "boolean" } }, strict: false });
  if (!scenario || values.help || !scenarios[scenario]) {
    console.log(`usage: npm run bench -- <scenario> [options]\nscenarios: ${Object.keys(scenarios).join(", ")}`);
    process.exit(scenario && !values.help ? 2 : 0);
  }
  const result = await scenarios[scenario](rest);
  mkdirSync("bench/results", { recursive: true });
  const file = path.join("bench/results", `${scenario}-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  writeFileSync(file, JSON.stringify(result, null, 2));
  console.log(`\nresults: ${file}`);
  console.log(JSON.stringify(result));
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
