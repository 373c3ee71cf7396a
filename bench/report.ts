import { mkdtempSync, rmSync } from "node:fs";
import os, { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { startRuntime } from "~/boot.server";
import type { Db } from "~/db/client.server";
import { parseEnv } from "~/env.server";
import { nodeReport } from "~/targets/report.server";
import { reportWorkbook } from "~/targets/report-excel.server";
import { reportPdf } from "~/targets/report-pdf.server";
import { periodOfDays } from "~/targets/report-period";
import { dropSchema } from "../tests/support/runtime";
import { percentile } from "./support/stats";

/**
 * `npm run bench -- report [--communes 100] [--participants 200000] [--runs 3]`: issue 7 §5's
 * target — a province's periodic report (2025–2027, 36 months) with 100 communes and 200,000
 * participants in under 30 s: the indicators, the Excel workbook and the PDF.
 *
 * The load is written with set-based SQL (generate_series), so seeding takes seconds:
 * - per commune: 3 units, a population of 20,000, one contest with one round, one course in the
 *   category the plan counts, 19 offline or online sessions with 10 attendees each;
 * - participants: one submitted attempt each in their commune's contest (a quarter a second
 *   one); a quarter enrol in the commune's course, half of those complete it; one in seven rates
 *   the contest;
 * - the first 10,000 participants are the officials' roster (100 per commune, four roles), and
 *   80 % of them complete their commune's course.
 * With DATABASE_URL it runs in a schema of its own, dropped afterwards; otherwise on a fresh
 * embedded database in a temporary folder.
 */
export async function run(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      communes: { type: "string", default: "100" },
      participants: { type: "string", default: "200000" },
      runs: { type: "string", default: "3" },
    },
  });
  const communes = Number(values.communes);
  const participants = Number(values.participants);
  const runs = Number(values.runs);
  const schema = `bench_report_${Date.now()}`;
  const databaseUrl = process.env.DATABASE_URL
    ? `${process.env.DATABASE_URL}${process.env.DATABASE_URL.includes("?") ? "&" : "?"}schema=${schema}`
    : undefined;
  const dataDir = mkdtempSync(path.join(tmpdir(), "la-bench-report-"));
  const runtime = await startRuntime(
    parseEnv({
      ...process.env,
      DATA_DIR: dataDir,
      LOG_LEVEL: "silent",
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    }),
    { redisPrefix: `bench:${Date.now()}:` },
  );
  try {
    const seedStart = performance.now();
    const provinceId = await seedReportLoad(runtime.db, { communes, participants });
    const seedMs = performance.now() - seedStart;
    console.log(`seeded ${communes} communes and ${participants} participants in ${(seedMs / 1000).toFixed(1)} s`);

    const period = periodOfDays(new Date(Date.UTC(2025, 0, 1)), new Date(Date.UTC(2027, 11, 31)));
    const samples: { indicatorsMs: number; xlsxMs: number; pdfMs: number; totalMs: number; rssMb: number }[] = [];
    let check: Record<string, unknown> = {};
    for (let index = 0; index < runs; index++) {
      const t0 = performance.now();
      const report = await nodeReport(runtime.db, { nodeId: provinceId, ...period, untrainedAll: true });
      const t1 = performance.now();
      const xlsx = await reportWorkbook(report);
      const t2 = performance.now();
      const pdf = await reportPdf(report);
      const t3 = performance.now();
      samples.push({
        indicatorsMs: t1 - t0,
        xlsxMs: t2 - t1,
        pdfMs: t3 - t2,
        totalMs: t3 - t0,
        rssMb: process.memoryUsage().rss / 1024 / 1024,
      });
      check = {
        children: report.children.length,
        months: report.trend.length,
        untrained: report.untrained.total,
        lines: Object.fromEntries(report.lines.map((line) => [line.key, `${line.numerator}/${line.denominator}`])),
        xlsxKb: Math.round(xlsx.length / 1024),
        pdfKb: Math.round(pdf.length / 1024),
      };
      console.log(
        `run ${index + 1}: indicators ${(samples[index].indicatorsMs / 1000).toFixed(2)} s, Excel ${(samples[index].xlsxMs / 1000).toFixed(2)} s, PDF ${(samples[index].pdfMs / 1000).toFixed(2)} s, total ${(samples[index].totalMs / 1000).toFixed(2)} s`,
      );
    }
    const pick = (key: keyof (typeof samples)[number]) =>
      Math.round(
        percentile(
          samples.map((sample) => sample[key]),
          50,
        ) ?? 0,
      );
    const result = {
      scenario: "report",
      database: databaseUrl ? "postgresql" : "embedded",
      machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB`,
      communes,
      participants,
      runs,
      seed_s: Math.round(seedMs / 100) / 10,
      indicators_ms: pick("indicatorsMs"),
      xlsx_ms: pick("xlsxMs"),
      pdf_ms: pick("pdfMs"),
      report_total_ms: pick("totalMs"),
      report_total_max_ms: Math.round(Math.max(...samples.map((sample) => sample.totalMs))),
      peak_rss_mb: Math.round(Math.max(...samples.map((sample) => sample.rssMb))),
      target_ms: 30_000,
      check,
    };
    console.table([{ ...result, check: undefined }]);
    return result;
  } finally {
    await runtime.close();
    if (databaseUrl && process.env.DATABASE_URL) await dropSchema(process.env.DATABASE_URL, schema);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Writes the load (see above) under a new province; returns its id. */
export async function seedReportLoad(db: Db, options: { communes: number; participants: number }): Promise<string> {
  const p = `bench${Date.now().toString(36)}`;
  const { communes, participants } = options;
  const officials = Math.min(participants, communes * 100);
  const sql = (text: string) => db.$executeRawUnsafe(text);
  const commune = (expression: string) => `'${p}-c' || ((${expression}) % ${communes} + 1)`;

  await sql(`INSERT INTO "OrgNode" (id, type, name, code, "parentId", path, depth, "updatedAt")
    VALUES ('${p}', 'PROVINCE', 'Tỉnh thử nghiệm hiệu năng', '${p.toUpperCase()}', NULL, '/${p}/', 0, now())`);
  await sql(`INSERT INTO "OrgNode" (id, type, name, code, "parentId", path, depth, "updatedAt")
    SELECT '${p}-c' || i, 'COMMUNE', 'Xã thử nghiệm ' || i, '${p.toUpperCase()}-C' || i, '${p}', '/${p}/${p}-c' || i || '/', 1, now()
    FROM generate_series(1, ${communes}) i`);
  await sql(`INSERT INTO "OrgNode" (id, type, name, code, "parentId", path, depth, "updatedAt")
    SELECT '${p}-c' || i || '-u' || j, 'UNIT', 'Đơn vị ' || j || ' xã ' || i, '${p.toUpperCase()}-C' || i || '-U' || j,
      '${p}-c' || i, '/${p}/${p}-c' || i || '/${p}-c' || i || '-u' || j || '/', 2, now()
    FROM generate_series(1, ${communes}) i, generate_series(1, 3) j`);
  await sql(`INSERT INTO "OrgNodePopulation" (id, "orgNodeId", population, "sourceYear", source, "isDemo", "updatedAt")
    SELECT '${p}-pop' || i, '${p}-c' || i, 20000, 2024, 'số liệu thử nghiệm hiệu năng', true, now() FROM generate_series(1, ${communes}) i`);
  await sql(`INSERT INTO "Plan" (id, "orgNodeId", name, "officialCategories", "isDemo", "updatedAt")
    VALUES ('${p}-plan', '${p}', 'Kế hoạch thử nghiệm hiệu năng', ARRAY['Kỹ năng chuyển đổi số trong PBGDPL'], true, now())`);
  await sql(`INSERT INTO "PlanPhase" (id, "planId", label, "startsOn", "endsOn", "officialsTrainedPct", "onlineTrainingSharePct",
      "residentsReachedPct", "satisfactionPct", "updatedAt")
    VALUES ('${p}-phase', '${p}-plan', 'Giai đoạn 1 (2025–2027)', '2025-01-01', '2027-12-31', 80, 75, 60, 90, now())`);

  await sql(`INSERT INTO "User" (id, "fullName", email, "passwordHash", "updatedAt")
    SELECT '${p}-u' || g, 'Người thử nghiệm ' || g, '${p}-' || g || '@bench.example', 'x', now()
    FROM generate_series(1, ${participants}) g`);
  await sql(`INSERT INTO "Contest" (id, "orgNodeId", title, slug, "registrationFields", status, "updatedAt")
    SELECT '${p}-k' || i, '${p}-c' || i, 'Cuộc thi thử nghiệm ' || i, '${p}-k' || i, '{}'::jsonb, 'PUBLISHED', now()
    FROM generate_series(1, ${communes}) i`);
  await sql(`INSERT INTO "Round" (id, "contestId", name, position, "opensAt", "closesAt", "timeLimitSeconds", blueprint, "updatedAt")
    SELECT '${p}-r' || i, '${p}-k' || i, 'Đợt 1', 1, '2025-01-01', '2027-12-31', 600, '{}'::jsonb, now()
    FROM generate_series(1, ${communes}) i`);
  // Attempts spread over the 1,095 days of the phase; a quarter take a second one.
  await sql(`INSERT INTO "Attempt" (id, "roundId", "userId", number, status, "startedAt", "deadlineAt", "closedAt", score, "maxScore")
    SELECT '${p}-a' || g || '-' || n, '${p}-r' || (g % ${communes} + 1), '${p}-u' || g, n, 'SUBMITTED',
      t, t + interval '10 minutes', t + interval '8 minutes', g % 11, 10
    FROM generate_series(1, ${participants}) g, generate_series(1, 2) n,
      LATERAL (SELECT timestamp '2025-01-01 02:00' + ((g * 7 + n * 13) % 1095) * interval '1 day' AS t) times
    WHERE n = 1 OR g % 4 = 0`);
  await sql(`INSERT INTO "Course" (id, "orgNodeId", title, slug, category, status, "searchText", "updatedAt")
    SELECT '${p}-course' || i, '${p}-c' || i, 'Khóa thử nghiệm ' || i, '${p}-course' || i, 'Kỹ năng chuyển đổi số trong PBGDPL',
      'PUBLISHED', 'khoa thu nghiem', now()
    FROM generate_series(1, ${communes}) i`);
  await sql(`INSERT INTO "Enrolment" (id, "courseId", "userId", "enrolledAt", "lastActivityAt", "completedAt")
    SELECT '${p}-e' || g, '${p}-course' || (g % ${communes} + 1), '${p}-u' || g, t, t + interval '3 days',
      CASE WHEN (g <= ${officials} AND g % 5 <> 0) OR (g > ${officials} AND g % 8 = 1) THEN t + interval '3 days' END
    FROM generate_series(1, ${participants}) g,
      LATERAL (SELECT timestamp '2025-01-01 03:00' + ((g * 11) % 1080) * interval '1 day' AS t) times
    WHERE g <= ${officials} OR g % 4 = 1`);
  await sql(`INSERT INTO "RosterMember" (id, "orgNodeId", "fullName", role, "groupName", "groupKey", "userId", "updatedAt")
    SELECT '${p}-m' || g, ${commune("g")} || '-u1', 'Người thử nghiệm ' || g,
      (ARRAY['OFFICIAL', 'REPORTER', 'PROPAGANDIST', 'MEDIATOR'])[g % 4 + 1]::"RosterRole", 'Cán bộ', 'can bo', '${p}-u' || g, now()
    FROM generate_series(1, ${officials}) g`);
  await sql(`INSERT INTO "Rating" (id, "userId", subject, "contestId", "orgNodeId", stars, "createdAt", "updatedAt")
    SELECT '${p}-s' || g, '${p}-u' || g, 'CONTEST', '${p}-k' || (g % ${communes} + 1), ${commune("g")}, g % 5 + 1,
      timestamp '2025-01-02' + ((g * 3) % 1090) * interval '1 day', now()
    FROM generate_series(1, ${participants}) g WHERE g % 7 = 0`);
  await sql(`INSERT INTO "TrainingActivity" (id, "orgNodeId", kind, title, "startsAt", "durationMinutes", "courseId", "updatedAt")
    SELECT '${p}-t' || i || '-0', '${p}-c' || i, 'ONLINE', 'Khóa thử nghiệm ' || i, '2025-01-05', 60, '${p}-course' || i, now()
    FROM generate_series(1, ${communes}) i`);
  await sql(`INSERT INTO "TrainingActivity" (id, "orgNodeId", kind, title, "startsAt", "durationMinutes", "updatedAt")
    SELECT '${p}-t' || i || '-' || j, '${p}-c' || i, (CASE WHEN j % 3 = 0 THEN 'ONLINE' ELSE 'OFFLINE' END)::"TrainingKind",
      'Buổi tập huấn ' || j, timestamp '2025-01-10' + (j * 55) * interval '1 day', 120, now()
    FROM generate_series(1, ${communes}) i, generate_series(1, 19) j`);
  await sql(`INSERT INTO "TrainingAttendance" (id, "activityId", "userId", "minutesCredited", "updatedAt")
    SELECT '${p}-ta' || i || '-' || j || '-' || k, '${p}-t' || i || '-' || j, '${p}-u' || (i + ${communes} * k), 120, now()
    FROM generate_series(1, ${communes}) i, generate_series(1, 19) j, generate_series(0, 9) k
    WHERE i + ${communes} * k <= ${participants}`);
  await sql(`ANALYZE`);
  return p;
}
