import { parseArgs } from "node:util";
import { startRuntime } from "~/boot.server";
import { parseEnv } from "~/env.server";
import { DEMO_LOGINS, seedIfEmpty } from "../seeds/demo";
import { seedDataLoad } from "./support/data-load";

/**
 * `npm run seed:load [-- --participants 200000 --answers-per 4 --questions 50000]`: writes the
 * `data` benchmark's load (bench/support/data-load.ts) into the configured database
 * (DATABASE_URL, else the embedded one in DATA_DIR; the demo tree first when it is empty).
 * It adds a contest of benchmark data to whatever is there: use a database or schema of its
 * own (`DATABASE_URL=…?schema=load`), never production. `npm run bench -- data` seeds its own.
 */
async function main() {
  const { values } = parseArgs({
    options: {
      participants: { type: "string", default: "200000" },
      "answers-per": { type: "string", default: "4" },
      questions: { type: "string", default: "50000" },
    },
  });
  const runtime = await startRuntime(parseEnv({ ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? "warn" }));
  try {
    await seedIfEmpty(runtime.db);
    const started = performance.now();
    const load = await seedDataLoad(runtime.db, {
      participants: Number(values.participants),
      answersPer: Number(values["answers-per"]),
      questions: Number(values.questions),
    });
    const organizer = DEMO_LOGINS.find((login) => login.role === "ORGANIZER");
    console.log(
      [
        `Seeded into ${runtime.databaseDescription} in ${((performance.now() - started) / 1000).toFixed(1)} s:`,
        `  ${load.participants} participants, ${load.attempts} attempts, ${load.answers} answers, ${load.questions} questions`,
        `  contest /contests/${load.slug} (results: /manage/contests/${load.contestId}/results)`,
        `  bank /manage/banks/${load.bankId}`,
        `  read them as the demo organizer ${organizer?.identifier ?? ""}`,
      ].join("\n"),
    );
    console.log(JSON.stringify(load));
  } finally {
    await runtime.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
