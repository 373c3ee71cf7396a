import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { LoaderFunction } from "@remix-run/node";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportReport } from "~/cli/report";
import type { Db } from "~/db/client.server";
import type { OrgNodeType } from "~/generated/prisma/enums";
import { nodeReport } from "~/targets/report.server";
import { REPORT_SHEETS, reportWorkbook } from "~/targets/report-excel.server";
import { reportPdf } from "~/targets/report-pdf.server";
import { periodOfDays } from "~/targets/report-period";
import { seedDemoData } from "../../seeds/demo";
import { createOrgNode, createUserWithRole, sessionCookie } from "../support/fixtures";
import { extractPdfText } from "../support/pdf-text";
import { startTestRuntime, type TestRuntime } from "../support/runtime";

/**
 * The report of issue 7 §4–§5 on real PostgreSQL, figures by hand:
 *
 *   RP (province, plan: officials 80 %, online 50 %, residents 10 %, satisfaction 90 %;
 *       counts OFFICIAL and MEDIATOR)
 *   ├── RA (commune, population 100, its own plan: officials 100 %, residents 5 %)
 *   └── RB (commune, population 50, no plan: follows RP's)
 *
 * Roster: o1 OFFICIAL of RA (trained), o2 MEDIATOR of RA (not trained), o3 OFFICIAL of RB
 * (trained), o4 REPORTER of RB (not counted by RP's plan). Contestants of RB's contest: o1, c1,
 * c2, so RA reaches o1 (its course) and RB reaches o1, c1, c2 (and o3 through its course).
 * Period: the whole of 2026.
 */
let runtime: TestRuntime;
const ids: Record<string, string> = {};
const vn = (local: string) => new Date(`${local}+07:00`);
const period = periodOfDays(new Date(Date.UTC(2026, 0, 1)), new Date(Date.UTC(2026, 11, 31)));

async function node(db: Db, key: string, type: OrgNodeType, parent: string | null) {
  ids[key] = await createOrgNode(db, {
    code: `REP-${key}`,
    name: `Đơn vị báo cáo ${key}`,
    type,
    parentId: parent ? ids[parent] : null,
  });
}

beforeAll(async () => {
  runtime = await startTestRuntime();
  const db = runtime.db;
  await seedDemoData(db);
  await node(db, "RP", "PROVINCE", null);
  await node(db, "RA", "COMMUNE", "RP");
  await node(db, "RB", "COMMUNE", "RP");
  await db.orgNodePopulation.createMany({
    data: [
      { orgNodeId: ids.RA, population: 100, sourceYear: 2025, source: "thử" },
      { orgNodeId: ids.RB, population: 50, sourceYear: 2025, source: "thử" },
    ],
  });
  const phase = (targets: object) => ({
    label: "Giai đoạn 1 (2025–2027)",
    startsOn: new Date(Date.UTC(2025, 0, 1)),
    endsOn: new Date(Date.UTC(2027, 11, 31)),
    ...targets,
  });
  await db.plan.create({
    data: {
      orgNodeId: ids.RP,
      name: "Kế hoạch thử của tỉnh",
      number: "1/KH-THU",
      officialRoles: ["OFFICIAL", "MEDIATOR"],
      phases: {
        create: phase({
          officialsTrainedPct: 80,
          onlineTrainingSharePct: 50,
          residentsReachedPct: 10,
          satisfactionPct: 90,
        }),
      },
    },
  });
  await db.plan.create({
    data: {
      orgNodeId: ids.RA,
      name: "Kế hoạch thử của xã",
      phases: { create: phase({ officialsTrainedPct: 100, residentsReachedPct: 5 }) },
    },
  });
  for (const key of ["o1", "o2", "o3", "o4", "c1", "c2"]) {
    const user = await db.user.create({
      data: { fullName: `Người báo cáo ${key}`, email: `${key}-${ids.RP}@test.example`, passwordHash: "x" },
    });
    ids[key] = user.id;
  }
  const roster = (user: string, unit: string, role: "OFFICIAL" | "MEDIATOR" | "REPORTER") =>
    db.rosterMember.create({
      data: {
        orgNodeId: ids[unit],
        userId: ids[user],
        fullName: `Người báo cáo ${user}`,
        role,
        groupName: "Cán bộ thử",
        groupKey: "can bo thu",
      },
    });
  await roster("o1", "RA", "OFFICIAL");
  await roster("o2", "RA", "MEDIATOR");
  await roster("o3", "RB", "OFFICIAL");
  await roster("o4", "RB", "REPORTER");
  const course = (key: string, unit: string) =>
    db.course.create({
      data: {
        orgNodeId: ids[unit],
        title: `Khóa báo cáo ${key}`,
        slug: `khoa-bao-cao-${key}-${ids.RP}`,
        category: "Kỹ năng số",
        searchText: key,
        status: "PUBLISHED",
        estimatedMinutes: 60,
      },
    });
  const courseA = await course("a", "RA");
  const courseB = await course("b", "RB");
  const done = (user: string, courseId: string, at: string) =>
    db.enrolment.create({ data: { userId: ids[user], courseId, enrolledAt: vn(at), completedAt: vn(at) } });
  await done("o1", courseA.id, "2026-02-10T09:00:00");
  await done("o3", courseB.id, "2026-03-10T09:00:00");
  await done("o4", courseB.id, "2026-03-11T09:00:00");

  const contest = await db.contest.create({
    data: { orgNodeId: ids.RB, title: "Cuộc thi báo cáo", slug: `cuoc-thi-bao-cao-${ids.RP}`, registrationFields: {} },
  });
  const round = await db.round.create({
    data: {
      contestId: contest.id,
      name: "Đợt 1",
      position: 1,
      opensAt: period.from,
      closesAt: period.to,
      timeLimitSeconds: 600,
      blueprint: { questionIds: [] },
    },
  });
  for (const [user, at] of [
    ["o1", "2026-04-01T10:00:00"],
    ["c1", "2026-04-02T10:00:00"],
    ["c2", "2026-05-02T10:00:00"],
  ] as const)
    await db.attempt.create({
      data: {
        roundId: round.id,
        userId: ids[user],
        number: 1,
        status: "SUBMITTED",
        startedAt: vn(at),
        deadlineAt: new Date(vn(at).getTime() + 600_000),
        maxScore: 10,
      },
    });
  // Satisfaction: 5 and 2 stars on RB's contest → 50 % against RP's 90 %.
  for (const [user, stars] of [
    ["c1", 5],
    ["c2", 2],
  ] as const)
    await db.rating.create({
      data: {
        userId: ids[user],
        subject: "CONTEST",
        contestId: contest.id,
        orgNodeId: ids.RB,
        stars,
        createdAt: vn("2026-05-03T09:00:00"),
      },
    });
  // Training: one offline session at RA, one online course run at RB → 50 % online against 50 %.
  await db.trainingActivity.create({
    data: {
      orgNodeId: ids.RA,
      kind: "OFFLINE",
      title: "Hội nghị tập huấn thử",
      startsAt: vn("2026-03-01T08:00:00"),
      durationMinutes: 120,
    },
  });
  await db.trainingActivity.create({
    data: {
      orgNodeId: ids.RB,
      kind: "ONLINE",
      title: "Khóa báo cáo b",
      startsAt: vn("2026-03-01T00:00:00"),
      durationMinutes: 60,
      courseId: courseB.id,
    },
  });
});
afterAll(() => runtime?.stop());

const lineOf = (lines: { key: string }[], key: string) => lines.find((line) => line.key === key);

describe("nodeReport", () => {
  it("compares the province with its plan's targets, counting the roles the plan names", async () => {
    const report = await nodeReport(runtime.db, { nodeId: ids.RP, ...period });
    expect(report.plan).toMatchObject({
      name: "Kế hoạch thử của tỉnh",
      own: true,
      phase: { label: "Giai đoạn 1 (2025–2027)" },
    });
    expect(report.counting.roles).toEqual(["OFFICIAL", "MEDIATOR"]);
    // o1, o3 trained of o1, o2, o3 (o4 is a reporter, not counted by this plan): 66,7 % against 80.
    expect(lineOf(report.lines, "officialsTrained")).toEqual({
      key: "officialsTrained",
      numerator: 2,
      denominator: 3,
      value: 2 / 3,
      targetPct: 80,
      gapPoints: 13.3,
      status: "far",
    });
    expect(lineOf(report.lines, "onlineTraining")).toMatchObject({
      value: 0.5,
      targetPct: 50,
      gapPoints: 0,
      status: "met",
    });
    // o1, o3, o4 (courses), c1, c2 (contest) ÷ 150.
    expect(lineOf(report.lines, "residentsReached")).toMatchObject({
      numerator: 5,
      denominator: 150,
      targetPct: 10,
      gapPoints: 6.7,
      status: "near",
    });
    expect(lineOf(report.lines, "satisfaction")).toMatchObject({
      value: 0.5,
      targetPct: 90,
      gapPoints: 40,
      status: "far",
    });
    expect(report.status).toBe("far");
    expect(report.untrained.rows.map((row) => row.fullName)).toEqual(["Người báo cáo o2"]);
  });

  it("gives each commune its own plan's targets, or the province's when it has none", async () => {
    const report = await nodeReport(runtime.db, { nodeId: ids.RP, ...period });
    const byCode = Object.fromEntries(report.children.map((child) => [child.node.code, child]));
    expect(byCode["REP-RA"].plan).toMatchObject({ name: "Kế hoạch thử của xã", own: true });
    // RA: o1 of o1, o2 → 50 % against its own 100 %; o1 reached of 100 → 1 % against 5 %.
    expect(lineOf(byCode["REP-RA"].lines, "officialsTrained")).toMatchObject({
      value: 0.5,
      targetPct: 100,
      gapPoints: 50,
    });
    expect(lineOf(byCode["REP-RA"].lines, "residentsReached")).toMatchObject({
      value: 0.01,
      targetPct: 5,
      gapPoints: 4,
      status: "near",
    });
    // RA's plan sets no satisfaction target.
    expect(lineOf(byCode["REP-RA"].lines, "satisfaction")).toMatchObject({ targetPct: null, status: "noTarget" });
    expect(byCode["REP-RB"].plan).toMatchObject({ name: "Kế hoạch thử của tỉnh", own: false });
    // RB: o3 of o3 → 100 % ≥ 80 %; o3, o4, o1, c1, c2 of 50 → 10 % = 10 %.
    expect(lineOf(byCode["REP-RB"].lines, "officialsTrained")).toMatchObject({ value: 1, status: "met" });
    expect(lineOf(byCode["REP-RB"].lines, "residentsReached")).toMatchObject({
      numerator: 5,
      value: 0.1,
      status: "met",
    });

    // The commune's own report states the same figures as its row.
    const own = await nodeReport(runtime.db, { nodeId: ids.RA, ...period });
    expect(own.plan?.name).toBe("Kế hoạch thử của xã");
    expect(lineOf(own.lines, "residentsReached")).toEqual(lineOf(byCode["REP-RA"].lines, "residentsReached"));
  });

  it("has no targets when no plan's phase covers the period", async () => {
    const report = await nodeReport(runtime.db, {
      nodeId: ids.RP,
      ...periodOfDays(new Date(Date.UTC(2031, 0, 1)), new Date(Date.UTC(2031, 0, 31))),
    });
    expect(report.plan).toBeNull();
    expect(report.lines.every((line) => line.targetPct === null && line.status === "noTarget")).toBe(true);
  });
});

describe("the Excel and PDF reports", () => {
  it("put the dashboard's numbers in a sheet per indicator, with the lists behind them", async () => {
    const report = await nodeReport(runtime.db, { nodeId: ids.RP, ...period, untrainedAll: true });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await reportWorkbook(report)) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(Object.values(REPORT_SHEETS));
    const summary = workbook.getWorksheet(REPORT_SHEETS.summary);
    const rows = summary?.getSheetValues().filter(Boolean) as unknown[][];
    const trained = rows.find((row) => row[1] === "Cán bộ được bồi dưỡng kỹ năng chuyển đổi số");
    expect(trained?.slice(2, 8)).toEqual([66.7, 2, 3, 80, 13.3, "Còn xa"]);
    const commune = rows.find((row) => row[1] === "Đơn vị báo cáo RA");
    // RA: 50 % trained, 0 % online (its one activity was offline), 1 % reached, no rating.
    expect(commune?.slice(2, 6)).toEqual([50, 0, 1, undefined]);
    const untrained = workbook.getWorksheet(REPORT_SHEETS.untrained)?.getSheetValues() as unknown[][];
    expect(untrained.some((row) => row?.[2] === "Người báo cáo o2" && row?.[3] === "Hòa giải viên")).toBe(true);
    const activities = workbook.getWorksheet(REPORT_SHEETS.activities)?.getSheetValues() as unknown[][];
    expect(activities.filter((row) => row?.[3] === "Trực tuyến" || row?.[3] === "Trực tiếp")).toHaveLength(2);
  });

  it("print the summary with Vietnamese text in the PDF", async () => {
    const report = await nodeReport(runtime.db, { nodeId: ids.RP, ...period });
    const { pages, text } = await extractPdfText(await reportPdf(report));
    expect(pages).toBeGreaterThanOrEqual(1);
    for (const expected of [
      "Đơn vị báo cáo RP",
      "Cán bộ được bồi dưỡng kỹ năng chuyển đổi số",
      "66,7%",
      "Còn xa",
      "Đơn vị báo cáo RB",
    ])
      expect(text).toContain(expected);
  });
});

describe("npm run cli -- report", () => {
  it("writes the workbook and prints the values, targets and gaps as JSON", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "la-report-"));
    try {
      const out = path.join(dir, "bao-cao.xlsx");
      const result = await exportReport(runtime.db, { node: "REP-RP", from: "01/01/2026", to: "2026-12-31", out });
      expect(result.exitCode).toBe(0);
      expect(result.json).toMatchObject({
        ok: true,
        file: out,
        node: { code: "REP-RP" },
        indicators: expect.arrayContaining([
          {
            key: "officialsTrained",
            valuePct: 66.7,
            numerator: 2,
            denominator: 3,
            targetPct: 80,
            gapPoints: 13.3,
            status: "far",
          },
        ]),
      });
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await readFile(out)) as unknown as ArrayBuffer);
      expect(workbook.getWorksheet(REPORT_SHEETS.summary)).toBeDefined();
      const pdf = await exportReport(runtime.db, {
        node: "REP-RA",
        from: "2026-01-01",
        to: "2026-12-31",
        out: path.join(dir, "xa.pdf"),
      });
      expect(pdf.exitCode).toBe(0);
      expect((await readFile(path.join(dir, "xa.pdf"))).subarray(0, 5).toString()).toBe("%PDF-");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("refuses an unknown node, a backwards period and an unknown file type, writing nothing", async () => {
    const bad = [
      { node: "NO-SUCH", from: "2026-01-01", to: "2026-12-31" },
      { node: "REP-RP", from: "2026-12-31", to: "2026-01-01" },
      { node: "REP-RP", from: "31/02/2026", to: "2026-12-31" },
      { node: "REP-RP", from: "2026-01-01", to: "2026-12-31", out: "bao-cao.docx" },
    ];
    const codes = [];
    for (const options of bad) {
      const result = await exportReport(runtime.db, options);
      expect(result.exitCode).toBe(1);
      codes.push((result.json as { error: { code: string } }).error.code);
    }
    expect(codes).toEqual(["NODE_NOT_FOUND", "PERIOD_INVALID", "PERIOD_INVALID", "OUT_FORMAT"]);
  });
});

describe("/manage/indicators", () => {
  const load = async (query: string, cookie: string) => {
    const { loader } = (await import("~/routes/manage.indicators._index")) as { loader: LoaderFunction };
    const request = new Request(`http://localhost/manage/indicators?${query}`, { headers: { Cookie: cookie } });
    try {
      return (await loader({ request, params: {}, context: {} })) as Response;
    } catch (thrown) {
      if (thrown instanceof Response) return thrown;
      throw thrown;
    }
  };

  it("shows an organizer their commune and its units, never a node outside their tree", async () => {
    const organizer = await createUserWithRole(runtime.db, { role: "ORGANIZER", nodeCode: "REP-RA" });
    const cookie = await sessionCookie(runtime.db, organizer.id);
    const mine = await load("from=2026-01-01&to=2026-12-31", cookie);
    expect(mine.status).toBe(200);
    const body = (await mine.json()) as { report: { node: { code: string }; lines: { key: string; value: number }[] } };
    expect(body.report.node.code).toBe("REP-RA");
    // Its own plan counts officials, reporters and propagandists (the default), so the mediator o2
    // is not counted here, while the province's report counts RA by the province's plan (50 %).
    expect(lineOf(body.report.lines, "officialsTrained")).toMatchObject({
      numerator: 1,
      denominator: 1,
      targetPct: 100,
    });
    expect((await load(`node=${ids.RP}&from=2026-01-01&to=2026-12-31`, cookie)).status).toBe(404);
    expect((await load("node=REP-RB", cookie)).status).toBe(404);
    const backwards = await load("from=2026-12-31&to=2026-01-01", cookie);
    expect(backwards.status).toBe(400);
    expect(await backwards.json()).toMatchObject({ errors: { to: "errors.indicators.toBeforeFrom" } });
  });
});
