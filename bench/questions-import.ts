import { mkdtempSync, rmSync } from "node:fs";
import os, { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { startRuntime } from "~/boot.server";
import { parseEnv } from "~/env.server";
import { createBank } from "~/questions/banks.server";
import type { QuestionDraft } from "~/questions/draft";
import { exportQuestions } from "~/questions/export.server";
import { importQuestions } from "~/questions/import.server";
import { seedDemoData } from "../seeds/demo";
import { createUserWithRole, currentUserFor, nodeId } from "../tests/support/fixtures";

/**
 * Imports N questions (default 5,000) from an Excel file into an empty bank, timing the check
 * (parse + validation) and the import itself. Target (question-bank issue): under 10 s.
 * Uses DATABASE_URL when set, else a fresh embedded database in a temporary folder.
 */
function syntheticDrafts(count: number): QuestionDraft[] {
  const topics = ["Giao thông", "Hôn nhân và gia đình", "Lao động", "Đất đai", "Căn cước"];
  return Array.from({ length: count }, (_, i) => ({
    type: i % 7 === 0 ? "TRUE_FALSE" : i % 5 === 0 ? "MULTIPLE_CHOICE" : "SINGLE_CHOICE",
    stem: `Câu hỏi thử nghiệm số ${i + 1} về quy định của pháp luật hiện hành, phương án nào đúng?`,
    options:
      i % 7 === 0
        ? [
            { text: "Đúng", correct: true },
            { text: "Sai", correct: false },
          ]
        : [
            { text: `Phương án thứ nhất ${i}`, correct: true },
            { text: `Phương án thứ hai ${i}`, correct: i % 5 === 0 },
            { text: `Phương án thứ ba ${i}`, correct: false },
            { text: `Phương án thứ tư ${i}`, correct: false },
          ],
    explanation: "Giải thích ngắn cho câu hỏi thử nghiệm.",
    citation: { document: "Luật thử nghiệm", number: null, article: `Điều ${(i % 90) + 1}`, clause: null },
    topics: [topics[i % topics.length]],
    difficulty: (["EASY", "MEDIUM", "HARD"] as const)[i % 3],
    externalId: `BENCH-${i + 1}`,
  }));
}

export async function run(args: string[]) {
  const { values } = parseArgs({
    args,
    options: { questions: { type: "string", default: "5000" }, runs: { type: "string", default: "3" } },
  });
  const count = Number(values.questions);
  const runs = Number(values.runs);
  const dataDir = mkdtempSync(path.join(tmpdir(), "la-bench-"));
  const runtime = await startRuntime(parseEnv({ ...process.env, DATA_DIR: dataDir, LOG_LEVEL: "silent" }), {
    redisPrefix: `bench:${Date.now()}:`,
  });
  try {
    await seedDemoData(runtime.db).catch(() => {}); // an existing database keeps its data
    const user = await currentUserFor(
      runtime.db,
      (await createUserWithRole(runtime.db, { role: "ADMIN", nodeCode: "HP" })).id,
    );
    const file = await exportQuestions(syntheticDrafts(count), "xlsx", "bench");
    const samples: Array<{ checkMs: number; importMs: number; totalMs: number; imported: number }> = [];
    for (let i = 0; i < runs; i++) {
      const bank = await createBank(runtime.db, null, user, {
        orgNodeId: await nodeId(runtime.db, "HP"),
        name: `Bench ${Date.now()} ${i}`,
        description: null,
      });
      if (!bank.ok) throw new Error(bank.message);
      const upload = { name: file.fileName, bytes: file.bytes };
      const t0 = performance.now();
      const check = await importQuestions(runtime.db, null, user, bank.bankId, upload, {
        dryRun: true,
        status: "DRAFT",
        createTopics: true,
      });
      const t1 = performance.now();
      const done = await importQuestions(runtime.db, null, user, bank.bankId, upload, {
        dryRun: false,
        status: "DRAFT",
        createTopics: true,
      });
      const t2 = performance.now();
      if (check.good !== count || done.imported !== count)
        throw new Error(`expected ${count}, got ${check.good}/${done.imported}`);
      samples.push({
        checkMs: Math.round(t1 - t0),
        importMs: Math.round(t2 - t1),
        totalMs: Math.round(t2 - t0),
        imported: done.imported,
      });
      console.log(`run ${i + 1}: check ${samples[i].checkMs} ms, import ${samples[i].importMs} ms (check + write)`);
    }
    const median = (key: "checkMs" | "importMs") =>
      [...samples.map((s) => s[key])].sort((a, b) => a - b)[Math.floor(samples.length / 2)];
    return {
      scenario: "questions-import",
      questions: count,
      file_bytes: file.bytes.byteLength,
      database: runtime.databaseDescription,
      runs: samples,
      check_median_ms: median("checkMs"),
      import_median_ms: median("importMs"),
      target_ms: 10_000,
      machine: `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}`,
    };
  } finally {
    await runtime.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
