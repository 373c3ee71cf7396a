import { readFileSync } from "node:fs";
import type { LoaderFunction } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "~/auth/guards.server";
import type { Db } from "~/db/client.server";
import { createApiToken, hashSecret, listApiTokens, revokeApiToken } from "~/open-data/tokens.server";
import { childPath } from "~/org/tree.server";
import { loader as nodesLoader } from "~/routes/api.v1.nodes._index";
import { loader as indicatorsLoader } from "~/routes/api.v1.nodes.$code.indicators";
import { loader as statisticsLoader } from "~/routes/api.v1.nodes.$code.statistics";
import { loader as openApiLoader } from "~/routes/api.v1.openapi[.yaml]";
import { coveringPhaseStart, nodeReport } from "~/targets/report.server";
import { reportJson, trendJson } from "~/targets/report-json";
import { defaultReportPeriod, periodOfDays } from "~/targets/report-period";
import { seedDemoData } from "../../seeds/demo";
import { createUserWithRole, currentUserFor, nodeId, sessionCookie } from "../support/fixtures";
import { startTestRuntime, type TestRuntime } from "../support/runtime";

/**
 * The open-data feed (issue 7 §6) on real PostgreSQL, through the route loaders with real
 * Requests: tokens and their subtree, the 401/404/400/429 answers, the indicators equal to
 * nodeReport's, the statistics against a hand-made fixture, and no personal data in any answer.
 */
const RATE_LIMIT = 30;
let runtime: TestRuntime;
let db: Db;
let kimThanhOrganizer: CurrentUser;
let haiAnOrganizer: CurrentUser;
let kimThanhSecret = "";
let adminCookie = "";
const fixtureIds: Record<string, string> = {};

async function mint(user: CurrentUser, code: string, name = "Cổng PBGDPL (thử)"): Promise<string> {
  const created = await createApiToken(db, null, user, { name, orgNodeId: await nodeId(db, code), expiresOn: null });
  if (!created.ok) throw new Error(created.code);
  return created.secret;
}

type Loader = LoaderFunction;
async function get(
  loader: Loader,
  path: string,
  options: { secret?: string; headers?: Record<string, string>; params?: Record<string, string> } = {},
  // biome-ignore lint/suspicious/noExplicitAny: the JSON under test, checked field by field
): Promise<{ status: number; headers: Headers; text: string; body: any }> {
  const headers = new Headers(options.headers ?? {});
  if (options.secret) headers.set("Authorization", `Bearer ${options.secret}`);
  const response = (await loader({
    request: new Request(`http://localhost${path}`, { headers }),
    params: options.params ?? {},
    context: {},
  })) as Response;
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, body: JSON.parse(text) };
}
const indicators = (code: string, query = "", options: Parameters<typeof get>[2] = {}) =>
  get(indicatorsLoader, `/api/v1/nodes/${encodeURIComponent(code)}/indicators${query}`, {
    ...options,
    params: { code },
  });
const statistics = (code: string, query = "", options: Parameters<typeof get>[2] = {}) =>
  get(statisticsLoader, `/api/v1/nodes/${encodeURIComponent(code)}/statistics${query}`, {
    ...options,
    params: { code },
  });

async function fixtureNode(key: string, type: "PROVINCE" | "COMMUNE", parent: string | null) {
  const parentRow = parent ? await db.orgNode.findUniqueOrThrow({ where: { id: fixtureIds[parent] } }) : null;
  const id = `od-${key}-${Math.random().toString(36).slice(2, 8)}`;
  await db.orgNode.create({
    data: {
      id,
      type,
      name: `Đơn vị dữ liệu mở ${key}`,
      code: `OD-${key}`,
      parentId: parentRow?.id ?? null,
      path: childPath(parentRow?.path ?? null, id),
      depth: parentRow ? parentRow.depth + 1 : 0,
    },
  });
  fixtureIds[key] = id;
}

const vn = (local: string) => new Date(`${local}+07:00`);

/**
 * OD-P (province) → OD-A (commune). In 2026: A's contest (published) has round 1 (March) and
 * round 2 (2027, outside); attempts in March: p1 submitted 8/10, p2 expired 5/10, p2 again
 * annulled, p3 in progress; a draft contest's round is ignored. A's course is published with
 * three enrolments: p1 enrolled and completed in 2026 (certificate), p2 enrolled in 2025 but
 * studied in 2026, p3 enrolled in 2025 only. Training: two offline sessions in 2026 (one in A,
 * one in P), one online run in 2026, one offline session in 2025.
 */
async function seedStatisticsFixture() {
  await fixtureNode("P", "PROVINCE", null);
  await fixtureNode("A", "COMMUNE", "P");
  const people = [];
  for (const name of ["Nguyễn Thị Dữ Liệu", "Trần Văn Riêng Tư", "Lê Thị Kín Đáo"])
    people.push(
      await db.user.create({
        data: {
          fullName: name,
          email: `${name.length}-${Math.random().toString(36).slice(2, 8)}@example.invalid`,
          phone: `09${Math.floor(10_000_000 + Math.random() * 89_999_999)}`,
          passwordHash: "x",
        },
      }),
    );
  const [p1, p2, p3] = people;
  const contest = await db.contest.create({
    data: {
      orgNodeId: fixtureIds.A,
      slug: "od-contest",
      title: "Cuộc thi dữ liệu mở",
      registrationFields: {},
      status: "PUBLISHED",
    },
  });
  const draft = await db.contest.create({
    data: { orgNodeId: fixtureIds.A, slug: "od-draft", title: "Nháp", registrationFields: {}, status: "DRAFT" },
  });
  const round = (contestId: string, position: number, opensAt: Date, closesAt: Date) =>
    db.round.create({
      data: { contestId, name: `Đợt ${position}`, position, opensAt, closesAt, timeLimitSeconds: 600, blueprint: {} },
    });
  const r1 = await round(contest.id, 1, vn("2026-03-01T00:00:00"), vn("2026-03-31T00:00:00"));
  await round(contest.id, 2, vn("2027-03-01T00:00:00"), vn("2027-03-31T00:00:00"));
  await round(draft.id, 1, vn("2026-03-01T00:00:00"), vn("2026-03-31T00:00:00"));
  for (const registrant of people)
    await db.registration.create({
      data: {
        contestId: contest.id,
        userId: registrant.id,
        fields: { phone: registrant.phone, dateOfBirth: "2001-02-03" },
        consentAt: new Date(),
        consentVersion: 1,
      },
    });
  const attempt = (
    userId: string,
    number: number,
    status: "SUBMITTED" | "EXPIRED" | "ANNULLED" | "IN_PROGRESS",
    score: number | null,
  ) =>
    db.attempt.create({
      data: {
        roundId: r1.id,
        userId,
        number,
        status,
        score,
        maxScore: 10,
        startedAt: vn("2026-03-10T09:00:00"),
        deadlineAt: vn("2026-03-10T09:10:00"),
      },
    });
  await attempt(p1.id, 1, "SUBMITTED", 8);
  await attempt(p2.id, 1, "EXPIRED", 5);
  await attempt(p2.id, 2, "ANNULLED", 10);
  await attempt(p3.id, 1, "IN_PROGRESS", null);

  const course = await db.course.create({
    data: {
      orgNodeId: fixtureIds.A,
      title: "Khóa học dữ liệu mở",
      slug: "od-course",
      category: "Pháp luật",
      audience: [],
      searchText: "khoa hoc du lieu mo",
      status: "PUBLISHED",
      publishedAt: vn("2025-12-01T00:00:00"),
    },
  });
  await db.course.create({
    data: {
      orgNodeId: fixtureIds.A,
      title: "Khóa nháp",
      slug: "od-course-draft",
      category: "Pháp luật",
      audience: [],
      searchText: "khoa nhap",
    },
  });
  const e1 = await db.enrolment.create({
    data: {
      courseId: course.id,
      userId: p1.id,
      enrolledAt: vn("2026-02-01T08:00:00"),
      completedAt: vn("2026-02-10T08:00:00"),
    },
  });
  await db.enrolment.create({
    data: {
      courseId: course.id,
      userId: p2.id,
      enrolledAt: vn("2025-11-01T08:00:00"),
      lastActivityAt: vn("2026-01-05T08:00:00"),
    },
  });
  await db.enrolment.create({ data: { courseId: course.id, userId: p3.id, enrolledAt: vn("2025-11-01T08:00:00") } });
  await db.courseCertificate.create({
    data: {
      courseId: course.id,
      userId: p1.id,
      enrolmentId: e1.id,
      code: "KH-ODTH-0001-0001-0001",
      recipientName: p1.fullName,
      courseTitle: course.title,
      minutes: 60,
      issuerName: "Đơn vị dữ liệu mở A",
      issuedAt: vn("2026-02-10T08:00:00"),
    },
  });
  const activity = (orgNodeId: string, kind: "ONLINE" | "OFFLINE", startsAt: Date) =>
    db.trainingActivity.create({
      data: { orgNodeId, kind, title: "Tập huấn", startsAt, durationMinutes: 120, trainer: "Giảng viên Kín Tên" },
    });
  await activity(fixtureIds.A, "OFFLINE", vn("2026-04-01T08:00:00"));
  await activity(fixtureIds.P, "OFFLINE", vn("2026-05-01T08:00:00"));
  await activity(fixtureIds.A, "ONLINE", vn("2026-02-01T08:00:00"));
  await activity(fixtureIds.A, "OFFLINE", vn("2025-05-01T08:00:00"));
}

beforeAll(async () => {
  runtime = await startTestRuntime({ API_MAX_PER_MINUTE: String(RATE_LIMIT) });
  db = runtime.db;
  await seedDemoData(db);
  const organizer = await createUserWithRole(db, { role: "ORGANIZER", nodeCode: "HP-KIMTHANH" });
  kimThanhOrganizer = await currentUserFor(db, organizer.id);
  haiAnOrganizer = await currentUserFor(
    db,
    (await createUserWithRole(db, { role: "ORGANIZER", nodeCode: "HP-HAIAN" })).id,
  );
  adminCookie = await sessionCookie(db, (await createUserWithRole(db, { role: "ADMIN", nodeCode: "HP" })).id);
  kimThanhSecret = await mint(kimThanhOrganizer, "HP-KIMTHANH");
  await seedStatisticsFixture();
}, 120_000);
afterAll(() => runtime?.stop());

describe("tokens", () => {
  it("are shown once, stored as a hash, audited, and only for nodes the organizer manages", async () => {
    const created = await createApiToken(db, null, kimThanhOrganizer, {
      name: "Cổng PBGDPL thành phố (thử)",
      orgNodeId: await nodeId(db, "HP-KIMTHANH"),
      expiresOn: new Date(Date.UTC(2099, 11, 31)),
    });
    if (!created.ok) throw new Error(created.code);
    expect(created.secret).toMatch(/^la_[A-Za-z0-9_-]{43}$/);
    const row = await db.apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.tokenHash).toBe(hashSecret(created.secret));
    expect(JSON.stringify(row)).not.toContain(created.secret.slice(12));
    expect(created.secret.startsWith(row.prefix)).toBe(true);
    // The day named is the last one it works: until 00:00 Vietnam time after it.
    expect(row.expiresAt?.toISOString()).toBe("2099-12-31T17:00:00.000Z");
    expect(
      await db.auditLog.count({
        where: { action: "apiToken.created", targetId: created.id, actorId: kimThanhOrganizer.id },
      }),
    ).toBe(1);

    const elsewhere = await createApiToken(db, null, kimThanhOrganizer, {
      name: "Không được",
      orgNodeId: await nodeId(db, "HP-HAIAN"),
      expiresOn: null,
    });
    expect(elsewhere).toMatchObject({ ok: false, code: "FORBIDDEN" });
    const parent = await createApiToken(db, null, kimThanhOrganizer, {
      name: "Không được",
      orgNodeId: await nodeId(db, "HP"),
      expiresOn: null,
    });
    expect(parent).toMatchObject({ ok: false, code: "FORBIDDEN" });
    const past = await createApiToken(db, null, kimThanhOrganizer, {
      name: "Hết hạn rồi",
      orgNodeId: await nodeId(db, "HP-KIMTHANH"),
      expiresOn: new Date(Date.UTC(2020, 0, 1)),
    });
    expect(past).toMatchObject({ ok: false, code: "EXPIRY_PAST" });

    // Hải An's organizer neither sees nor revokes Kim Thành's tokens.
    expect((await listApiTokens(db, haiAnOrganizer)).map((token) => token.id)).not.toContain(created.id);
    expect((await listApiTokens(db, kimThanhOrganizer)).map((token) => token.id)).toContain(created.id);
    expect(await revokeApiToken(db, null, haiAnOrganizer, created.id)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: created.id } })).revokedAt).toBeNull();
    expect(await revokeApiToken(db, null, kimThanhOrganizer, created.id)).toEqual({ ok: true });
    expect(await db.auditLog.count({ where: { action: "apiToken.revoked", targetId: created.id } })).toBe(1);
  });
});

describe("GET /api/v1/nodes", () => {
  it("lists the token's node and its descendants, nothing above or beside", async () => {
    const { status, body, headers } = await get(nodesLoader, "/api/v1/nodes", { secret: kimThanhSecret });
    expect(status).toBe(200);
    expect(headers.get("Cache-Control")).toBe("no-store");
    expect(headers.get("Content-Type")).toContain("application/json");
    expect(headers.get("Access-Control-Allow-Origin")).toBeNull();
    expect(body.root).toBe("HP-KIMTHANH");
    const codes = body.nodes.map((node: { code: string }) => node.code).sort();
    expect(codes).toEqual(["HP-KIMTHANH", "HP-KIMTHANH-DOAN", "HP-KIMTHANH-THCS", "HP-KIMTHANH-UBND"]);
    expect(body.nodes[0]).toMatchObject({ code: "HP-KIMTHANH", type: "COMMUNE", parentCode: null });
    expect(body.nodes.find((node: { code: string }) => node.code === "HP-KIMTHANH-THCS")).toMatchObject({
      type: "UNIT",
      parentCode: "HP-KIMTHANH",
    });
  });
});

describe("GET /api/v1/nodes/:code/indicators", () => {
  it("answers nodeReport's figures in the CLI's shape, with the monthly trend", async () => {
    const { status, body } = await indicators("HP-KIMTHANH", "?from=2026-01-01&to=2026-12-31", {
      secret: kimThanhSecret,
    });
    expect(status).toBe(200);
    const period = periodOfDays(new Date(Date.UTC(2026, 0, 1)), new Date(Date.UTC(2026, 11, 31)));
    const report = await nodeReport(db, { nodeId: await nodeId(db, "HP-KIMTHANH"), from: period.from, to: period.to });
    const expected = reportJson(report);
    expect(body.node).toEqual(expected.node);
    expect(body.plan).toEqual(expected.plan);
    expect(body.indicators).toEqual(expected.indicators);
    expect(body.children).toEqual(expected.children);
    expect(body.trend).toEqual(trendJson(report));
    expect(body.trend).toHaveLength(12);
    expect(body.period).toEqual({
      firstDay: "2026-01-01",
      lastDay: "2026-12-31",
      from: "2025-12-31T17:00:00.000Z",
      to: "2026-12-31T17:00:00.000Z",
    });
    // The demo plan of Kim Thành applies, with its targets.
    expect(body.plan).not.toBeNull();
    expect(body.indicators.map((line: { key: string }) => line.key)).toContain("officialsTrained");
  });

  it("reads a unit below the token's node, and defaults to the dashboard's period", async () => {
    const unit = await indicators("HP-KIMTHANH-THCS", "", { secret: kimThanhSecret });
    expect(unit.status).toBe(200);
    expect(unit.body.node.code).toBe("HP-KIMTHANH-THCS");
    const now = new Date();
    const kimThanh = await nodeId(db, "HP-KIMTHANH");
    const expected = defaultReportPeriod(now, await coveringPhaseStart(db, kimThanh, now));
    const whole = await indicators("HP-KIMTHANH", "", { secret: kimThanhSecret });
    expect(whole.body.period).toMatchObject({ firstDay: expected.firstDay, lastDay: expected.lastDay });
  });

  it("answers 404 alike for another commune, the parent province and an unknown code", async () => {
    const secret = await mint(kimThanhOrganizer, "HP-KIMTHANH");
    const bodies: string[] = [];
    for (const code of ["HP-HAIAN", "HP-HAIAN-THPT", "HP", "KHONG-CO", "%"]) {
      for (const call of [indicators, statistics]) {
        const response = await call(code, "", { secret });
        expect(response.status, code).toBe(404);
        expect(response.body.error.code).toBe("NODE_NOT_FOUND");
        expect(response.text).not.toContain("Hải An");
        bodies.push(response.text);
      }
    }
    expect(new Set(bodies).size).toBe(1);
  });

  it("answers 400 to a bad period, in Vietnamese", async () => {
    const secret = await mint(kimThanhOrganizer, "HP-KIMTHANH");
    for (const query of [
      "?from=2026-13-01&to=2026-12-31",
      "?from=2026-01-01",
      "?from=2026-12-31&to=2026-01-01",
      "?from=2020-01-01&to=2029-01-01",
    ]) {
      const response = await indicators("HP-KIMTHANH", query, { secret });
      expect(response.status, query).toBe(400);
      expect(response.body.error.code).toBe("PERIOD_INVALID");
      expect(response.body.error.message).toMatch(/ngày|kỳ báo cáo/i);
    }
    expect((await statistics("HP-KIMTHANH", "?from=x&to=y", { secret })).status).toBe(400);
  });
});

describe("GET /api/v1/nodes/:code/statistics", () => {
  it("counts contests, attempts, courses, certificates and training of the subtree in the period", async () => {
    const provinceSecret = await mint(
      await currentUserFor(db, (await createUserWithRole(db, { role: "ADMIN", nodeCode: "HP" })).id),
      "OD-P",
    );
    const { status, body } = await statistics("OD-P", "?from=2026-01-01&to=2026-12-31", { secret: provinceSecret });
    expect(status).toBe(200);
    expect(body.node).toEqual({ code: "OD-P", name: "Đơn vị dữ liệu mở P", type: "PROVINCE" });
    expect(body.contests).toEqual({
      count: 1,
      published: 1,
      rounds: 1,
      attemptsStarted: 3,
      attemptsSubmitted: 1,
      attemptsExpired: 1,
      distinctContestants: 3,
      averageScorePct: 65,
    });
    expect(body.courses).toEqual({
      published: 1,
      enrolments: 1,
      completions: 1,
      distinctLearners: 2,
      certificatesIssued: 1,
    });
    expect(body.training).toEqual({ online: 1, offline: 2, total: 3 });

    // 2025 alone: the course was published in December but only enrolments happened; one session.
    const before = await statistics("OD-A", "?from=2025-01-01&to=2025-12-31", { secret: provinceSecret });
    expect(before.body.contests).toMatchObject({ count: 0, attemptsStarted: 0, averageScorePct: null });
    expect(before.body.courses).toEqual({
      published: 1,
      enrolments: 2,
      completions: 0,
      distinctLearners: 2,
      certificatesIssued: 0,
    });
    expect(before.body.training).toEqual({ online: 0, offline: 1, total: 1 });
  });
});

describe("authentication", () => {
  it("answers 401 with WWW-Authenticate to no, malformed, unknown, expired and revoked tokens", async () => {
    const revoked = await mint(kimThanhOrganizer, "HP-KIMTHANH");
    const revokedRow = await db.apiToken.findUniqueOrThrow({ where: { tokenHash: hashSecret(revoked) } });
    await revokeApiToken(db, null, kimThanhOrganizer, revokedRow.id);
    const expired = await mint(kimThanhOrganizer, "HP-KIMTHANH");
    await db.apiToken.update({
      where: { tokenHash: hashSecret(expired) },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const unknown = `la_${"A".repeat(43)}`;
    const cases: Array<[string, Record<string, string>, string]> = [
      ["none", {}, "TOKEN_MISSING"],
      ["garbage", { Authorization: "Bearer hello" }, "TOKEN_INVALID"],
      ["basic", { Authorization: `Basic ${Buffer.from(`x:${kimThanhSecret}`).toString("base64")}` }, "TOKEN_INVALID"],
      ["no scheme", { Authorization: kimThanhSecret }, "TOKEN_INVALID"],
      ["unknown", { Authorization: `Bearer ${unknown}` }, "TOKEN_INVALID"],
      ["revoked", { Authorization: `Bearer ${revoked}` }, "TOKEN_REVOKED"],
      ["expired", { Authorization: `Bearer ${expired}` }, "TOKEN_EXPIRED"],
      // A logged-in admin's cookie is no token: the API ignores sessions altogether.
      ["cookie", { Cookie: adminCookie }, "TOKEN_MISSING"],
    ];
    for (const [label, headers, code] of cases) {
      for (const response of [
        await get(nodesLoader, "/api/v1/nodes", { headers }),
        await indicators("HP-KIMTHANH", "", { headers }),
        await statistics("HP-KIMTHANH", "", { headers }),
      ]) {
        expect(response.status, label).toBe(401);
        expect(response.body.error.code, label).toBe(code);
        expect(response.headers.get("WWW-Authenticate"), label).toMatch(/^Bearer /);
        expect(response.body.error.message.length).toBeGreaterThan(10);
      }
    }
  });

  it("refuses a token in the query string", async () => {
    for (const name of ["token", "access_token"]) {
      const response = await get(nodesLoader, `/api/v1/nodes?${name}=${kimThanhSecret}`);
      expect(response.status).toBe(401);
      expect(response.body.error.code).toBe("TOKEN_IN_QUERY");
    }
  });

  it("limits each token's rate with 429 and Retry-After, and notes its use at most once a minute", async () => {
    const secret = await mint(kimThanhOrganizer, "HP-KIMTHANH");
    const other = await mint(kimThanhOrganizer, "HP-KIMTHANH");
    const before = await db.apiToken.findUniqueOrThrow({ where: { tokenHash: hashSecret(secret) } });
    expect(before.lastUsedAt).toBeNull();
    const statuses: number[] = [];
    for (let request = 0; request < RATE_LIMIT; request++)
      statuses.push((await get(nodesLoader, "/api/v1/nodes", { secret })).status);
    expect(statuses.every((status) => status === 200)).toBe(true);
    const used = await db.apiToken.findUniqueOrThrow({ where: { tokenHash: hashSecret(secret) } });
    expect(used.lastUsedAt).not.toBeNull();
    const limited = await get(nodesLoader, "/api/v1/nodes", { secret });
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe("RATE_LIMITED");
    expect(Number(limited.headers.get("Retry-After"))).toBeGreaterThan(0);
    // Another token has its own allowance.
    expect((await get(nodesLoader, "/api/v1/nodes", { secret: other })).status).toBe(200);
    // Many requests, one write: lastUsedAt kept the first request's time.
    const after = await db.apiToken.findUniqueOrThrow({ where: { tokenHash: hashSecret(secret) } });
    expect(after.lastUsedAt?.getTime()).toBe(used.lastUsedAt?.getTime());
  });
});

describe("personal data", () => {
  it("appears in no answer: no person's name, e-mail, phone or id", async () => {
    const provinceSecret = await mint(
      await currentUserFor(db, (await createUserWithRole(db, { role: "ADMIN", nodeCode: "HP" })).id),
      "HP",
    );
    const odSecret = await mint(
      await currentUserFor(db, (await createUserWithRole(db, { role: "ADMIN", nodeCode: "HP" })).id),
      "OD-P",
    );
    // The reports below do have people to leak: the demo roster's untrained officials.
    const period = periodOfDays(new Date(Date.UTC(2025, 0, 1)), new Date(Date.UTC(2027, 11, 31)));
    const report = await nodeReport(db, { nodeId: await nodeId(db, "HP-KIMTHANH"), from: period.from, to: period.to });
    expect(report.untrained.total).toBeGreaterThan(0);

    const answers: string[] = [];
    const query = "?from=2025-01-01&to=2027-12-31";
    for (const [secret, code] of [
      [kimThanhSecret, "HP-KIMTHANH"],
      [provinceSecret, "HP"],
      [odSecret, "OD-P"],
      [odSecret, "OD-A"],
    ]) {
      answers.push((await get(nodesLoader, "/api/v1/nodes", { secret })).text);
      answers.push((await indicators(code, query, { secret })).text);
      answers.push((await indicators(code, "", { secret })).text);
      answers.push((await statistics(code, query, { secret })).text);
    }
    const all = answers.join("\n");
    expect(all).toContain("officialsTrained");

    const users = await db.user.findMany({ select: { id: true, fullName: true, email: true, phone: true } });
    const roster = await db.rosterMember.findMany({ select: { fullName: true, email: true, phone: true } });
    const leaks: string[] = [];
    const values = [
      ...users.flatMap((user) => [user.id, user.fullName, user.email, user.phone]),
      ...roster.flatMap((member) => [member.fullName, member.email, member.phone]),
    ];
    for (const value of values) if (value && all.includes(value)) leaks.push(value);
    expect(users.length).toBeGreaterThan(10);
    expect(leaks).toEqual([]);
    // Nor the registration answers, nor a trainer's name.
    expect(all).not.toContain("2001-02-03");
    expect(all).not.toContain("Giảng viên Kín Tên");
  });
});

describe("GET /api/v1/openapi.yaml", () => {
  it("serves docs/openapi.yaml to anyone", async () => {
    const response = openApiLoader();
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toContain("yaml");
    expect(await response.text()).toBe(readFileSync("docs/openapi.yaml", "utf8"));
  });
});
