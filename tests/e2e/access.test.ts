import { io, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAttempt, submitAttempt } from "~/contests/attempts.server";
import type { Db } from "~/db/client.server";
import { createApiToken } from "~/open-data/tokens.server";
import { SOCKET_EVENTS } from "~/realtime/socket.server";
import { DEMO_CONTEST, DEMO_LOGINS } from "../../seeds/demo";
import { createUserWithRole, currentUserFor, TEST_PASSWORD } from "../support/fixtures";
import { fillPattern, routeFiles } from "../support/route-files";
import { connectToServerDb } from "../support/server-db";
import { type ServerProcess, startServerProcess } from "../support/server-process";

/**
 * Access beyond the guard table (issue 9, point 3), against the built server over HTTP and the
 * socket:
 * - an organizer of xã Kim Thành reaches nothing of phường Hải An's (bank, question, contest,
 *   round, results, exports, node) through any route with such an id — the routes are read from
 *   app/routes/, so a new one is covered — nor through any socket event that takes a round;
 * - a contestant reaches nothing of another contestant's attempt: page, answers, result,
 *   certificate, signals, socket answers; attempt ids cannot be enumerated;
 * - a planted session cookie is not carried into a log-in (session fixation); another site's
 *   forms and sockets are refused (CSRF); log-in guessing is cut off per account.
 */
let server: ServerProcess;
let database: ReturnType<typeof connectToServerDb>;
let db: Db;
const haiAn: Record<string, string> = {};
const kimThanh: Record<string, string> = {};
let kimThanhOrganizer = "";
let victim = { cookie: "", attemptId: "", userId: "" };
let intruder = { cookie: "", userId: "" };
let kimThanhApiToken = "";

async function login(identifier: string, password: string, cookie = ""): Promise<Response> {
  return fetch(`${server.url}/login`, {
    method: "POST",
    headers: { Origin: server.url, "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie },
    body: new URLSearchParams({ identifier, password }).toString(),
    redirect: "manual",
  });
}
const sessionOf = (response: Response) =>
  (response.headers.getSetCookie().find((value) => value.startsWith("la_session=")) ?? "").split(";")[0];

async function request(cookie: string, url: string, method = "GET", fields: Record<string, string> = {}) {
  const response = await fetch(`${server.url}${url}`, {
    method,
    headers: { Origin: server.url, Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
    body: method === "GET" ? undefined : new URLSearchParams(fields).toString(),
    redirect: "manual",
  });
  return { status: response.status, body: await response.text() };
}

function openSocket(cookie: string, origin?: string): Promise<Socket> {
  const socket = io(server.url, {
    transports: ["websocket"],
    extraHeaders: { ...(cookie ? { cookie } : {}), ...(origin ? { origin } : {}) },
    reconnection: false,
  });
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", (error) => {
      socket.close();
      reject(error);
    });
  });
}

beforeAll(async () => {
  server = await startServerProcess({ LOGIN_MAX_PER_IP: "100000", LOGIN_MAX_PER_ACCOUNT: "5" });
  database = connectToServerDb(server);
  db = database.db;

  // Phường Hải An's own bank, question, contest (board hidden) and round.
  const node = await db.orgNode.findUniqueOrThrow({ where: { code: "HP-HAIAN" } });
  const demo = await db.contest.findUniqueOrThrow({ where: { slug: DEMO_CONTEST.slug }, include: { rounds: true } });
  const question = await db.question.findFirstOrThrow({ include: { bank: true } });
  const bank = await db.questionBank.create({
    data: { name: "Ngân hàng của phường Hải An (thử)", orgNodeId: node.id },
  });
  const copied = await db.question.create({
    data: {
      bankId: bank.id,
      type: question.type,
      difficulty: question.difficulty,
      status: "DRAFT",
      searchText: "cau hoi rieng cua hai an",
      stemKey: `hai-an-${Date.now()}`,
    },
  });
  const contest = await db.contest.create({
    data: {
      orgNodeId: node.id,
      slug: "cuoc-thi-rieng-hai-an",
      title: "Cuộc thi riêng của phường Hải An (thử)",
      registrationFields: {},
      status: "PUBLISHED",
    },
  });
  const round = await db.round.create({
    data: {
      contestId: contest.id,
      name: "Đợt 1",
      position: 1,
      opensAt: new Date(Date.now() - 3_600_000),
      closesAt: new Date(Date.now() + 3_600_000),
      timeLimitSeconds: 600,
      blueprint: { questionIds: [question.id] },
      leaderboardVisibility: "HIDDEN",
    },
  });
  // A draft course with one lesson, and a live quiz session, both Hải An's.
  const course = await db.course.create({
    data: {
      orgNodeId: node.id,
      title: "Khóa học riêng của phường Hải An (thử)",
      slug: "khoa-hoc-rieng-hai-an",
      category: "Hòa giải ở cơ sở",
      audience: [],
      searchText: "khoa hoc rieng cua phuong hai an",
    },
  });
  const courseModule = await db.courseModule.create({ data: { courseId: course.id, title: "Chương 1", position: 1 } });
  const lesson = await db.lesson.create({
    data: {
      courseId: course.id,
      moduleId: courseModule.id,
      title: "Bài học riêng của phường Hải An (thử)",
      type: "TEXT",
      position: 1,
      body: "<p>Nội dung thử</p>",
    },
  });
  const session = await db.liveSession.create({
    data: { orgNodeId: node.id, title: "Phiên thi trực tiếp của phường Hải An (thử)", secondsPerQuestion: 20 },
  });
  Object.assign(haiAn, {
    bankId: bank.id,
    courseId: course.id,
    lessonId: lesson.id,
    sessionId: session.id,
    questionId: copied.id,
    contestId: contest.id,
    roundId: round.id,
    nodeId: node.id,
    slug: contest.slug,
  });
  Object.assign(kimThanh, { contestId: demo.id, roundId: demo.rounds[0].id, slug: demo.slug });

  const organizer = DEMO_LOGINS.find((entry) => entry.role === "ORGANIZER") as (typeof DEMO_LOGINS)[number];
  kimThanhOrganizer = sessionOf(await login(organizer.identifier, organizer.password));

  // The victim takes the demo round and submits; the intruder is another contestant.
  const contestant = DEMO_LOGINS.find((entry) => entry.role === "CONTESTANT") as (typeof DEMO_LOGINS)[number];
  const victimUser = await db.user.findUniqueOrThrow({ where: { email: contestant.identifier } });
  const other = await createUserWithRole(db, { role: "CONTESTANT", nodeCode: "HP-KIMTHANH" });
  for (const userId of [victimUser.id, other.id])
    await db.registration.create({
      data: { contestId: demo.id, userId, fields: { phone: "0912345678" }, consentAt: new Date(), consentVersion: 1 },
    });
  const attempt = await startAttempt(db, { userId: victimUser.id, roundId: demo.rounds[0].id });
  if (!attempt.ok) throw new Error(attempt.code);
  victim = {
    cookie: sessionOf(await login(contestant.identifier, contestant.password)),
    attemptId: attempt.attemptId,
    userId: victimUser.id,
  };
  intruder = { cookie: sessionOf(await login(other.email, TEST_PASSWORD)), userId: other.id };

  // An open-data API token of xã Kim Thành, issued by its organizer (issue 7 §6).
  const organizerUser = await db.user.findUniqueOrThrow({ where: { email: organizer.identifier } });
  const token = await createApiToken(db, null, await currentUserFor(db, organizerUser.id), {
    name: "Cổng PBGDPL (thử)",
    orgNodeId: (await db.orgNode.findUniqueOrThrow({ where: { code: "HP-KIMTHANH" } })).id,
    expiresOn: null,
  });
  if (!token.ok) throw new Error(token.code);
  kimThanhApiToken = token.secret;
}, 180_000);

afterAll(async () => {
  await database?.close();
  await server?.cleanup();
});

describe("an organizer of one commune and another commune's data", () => {
  it("gets 403 or 404 from every route naming phường Hải An's bank, question, contest, round, node, course, lesson or live session", async () => {
    const params = ["bankId", "questionId", "contestId", "roundId", "nodeId", "courseId", "lessonId", "sessionId"];
    const routes = routeFiles().filter((route) => route.params.some((param) => params.includes(param)));
    expect(routes.length).toBeGreaterThan(18);
    // Each kind of id is tried by at least one route.
    expect(params.filter((param) => !routes.some((route) => route.params.includes(param)))).toEqual([]);
    const reached: string[] = [];
    for (const route of routes) {
      const url = fillPattern(route.pattern, haiAn) + (route.index ? "?index" : "");
      const methods = [...(route.loader ? ["GET"] : []), ...(route.action ? ["POST"] : [])];
      for (const method of methods) {
        const fields = { intent: route.intents[0] ?? "save", confirm: "yes", purpose: "kiểm tra", name: "Đổi tên" };
        const { status, body } = await request(kimThanhOrganizer, url, method, fields);
        if (status !== 403 && status !== 404) reached.push(`${method} ${route.id}: ${status}`);
        // Nothing of Hải An's shows up in what was answered.
        if (body.includes("Hải An (thử)")) reached.push(`${method} ${route.id}: leaked a name`);
      }
    }
    expect(reached).toEqual([]);
    // And nothing changed.
    expect(await db.contest.findUniqueOrThrow({ where: { id: haiAn.contestId } })).toMatchObject({
      status: "PUBLISHED",
    });
    expect(await db.round.count({ where: { id: haiAn.roundId } })).toBe(1);
    expect(await db.questionBank.findUniqueOrThrow({ where: { id: haiAn.bankId } })).toMatchObject({
      name: "Ngân hàng của phường Hải An (thử)",
    });
    expect(await db.course.findUniqueOrThrow({ where: { id: haiAn.courseId } })).toMatchObject({
      status: "DRAFT",
      title: "Khóa học riêng của phường Hải An (thử)",
    });
    expect(await db.lesson.findUniqueOrThrow({ where: { id: haiAn.lessonId } })).toMatchObject({ archivedAt: null });
    expect(await db.liveSession.findUniqueOrThrow({ where: { id: haiAn.sessionId } })).toMatchObject({
      status: "LOBBY",
    });
    expect(await db.enrolment.count({ where: { courseId: haiAn.courseId } })).toBe(0);
  });

  it("gets 404 from the indicators and their Excel and PDF reports of phường Hải An or the city, by id or code", async () => {
    const city = await db.orgNode.findUniqueOrThrow({ where: { code: "HP" } });
    const reached: string[] = [];
    for (const node of [haiAn.nodeId, "HP-HAIAN", city.id, "HP"])
      for (const path of ["/manage/indicators", "/manage/indicators/report.xlsx", "/manage/indicators/report.pdf"]) {
        const { status, body } = await request(kimThanhOrganizer, `${path}?node=${node}&from=2025-01-01&to=2026-12-31`);
        if (status !== 404) reached.push(`${path} ${node}: ${status}`);
        if (body.includes("Hải An")) reached.push(`${path} ${node}: named Hải An`);
      }
    expect(reached).toEqual([]);
    // Their own commune is there, by code too.
    expect((await request(kimThanhOrganizer, "/manage/indicators/report.xlsx?node=HP-KIMTHANH")).status).toBe(200);
  });

  it("is refused every socket event that names phường Hải An's round or live session", async () => {
    const socket = await openSocket(kimThanhOrganizer);
    try {
      for (const event of SOCKET_EVENTS.filter(
        (entry) => entry.name.startsWith("board:watch") || entry.name.startsWith("round:"),
      )) {
        const ack = await socket.timeout(5_000).emitWithAck(event.name, { roundId: haiAn.roundId });
        expect(ack, event.name).toMatchObject({ ok: false, code: "FORBIDDEN" });
      }
      // Nor may they host, steer or kick in Hải An's live quiz.
      for (const [name, payload] of [
        ["quiz:host", { sessionId: haiAn.sessionId }],
        ["quiz:control", { sessionId: haiAn.sessionId, action: "start" }],
        ["quiz:kick", { sessionId: haiAn.sessionId, playerId: "x" }],
      ] as const) {
        const ack = await socket.timeout(5_000).emitWithAck(name, payload);
        expect(ack, name).toMatchObject({ ok: false, code: "NOT_HOST" });
      }
      // Their own round's live view is theirs.
      expect(await socket.timeout(5_000).emitWithAck("round:activity", { roundId: kimThanh.roundId })).toMatchObject({
        ok: true,
      });
    } finally {
      socket.disconnect();
    }
  });
});

describe("an open-data API token of one commune and another commune's data", () => {
  const api = (path: string, headers: Record<string, string>) =>
    fetch(`${server.url}/api/v1${path}`, { headers, redirect: "manual" });
  const bearer = () => ({ Authorization: `Bearer ${kimThanhApiToken}`, Origin: "https://portal.example" });

  it("reads xã Kim Thành and nothing of phường Hải An's or the city's, over HTTP", async () => {
    const nodes = await api("/nodes", bearer());
    expect(nodes.status).toBe(200);
    const listed = await nodes.text();
    expect(listed).toContain("HP-KIMTHANH");
    expect(listed).not.toContain("HP-HAIAN");
    // Server to server: no CORS door for another site's page.
    expect(nodes.headers.get("access-control-allow-origin")).toBeNull();
    expect(nodes.headers.get("cache-control")).toBe("no-store");
    for (const endpoint of ["indicators", "statistics"]) {
      expect((await api(`/nodes/HP-KIMTHANH/${endpoint}`, bearer())).status).toBe(200);
      for (const code of ["HP-HAIAN", "HP-HAIAN-THPT", "HP", "KHONG-CO-MA-NAY"]) {
        const response = await api(`/nodes/${code}/${endpoint}?from=2026-01-01&to=2026-12-31`, bearer());
        const body = await response.text();
        expect(response.status, `${code} ${endpoint}`).toBe(404);
        expect(JSON.parse(body).error.code).toBe("NODE_NOT_FOUND");
        expect(body).not.toContain("Hải An");
      }
    }
  });

  it("answers 401 to the organizer's session cookie and to a token in the address", async () => {
    const withCookie = await api("/nodes/HP-KIMTHANH/indicators", { Cookie: kimThanhOrganizer });
    expect(withCookie.status).toBe(401);
    expect(withCookie.headers.get("www-authenticate")).toMatch(/^Bearer /);
    expect((await api(`/nodes?token=${kimThanhApiToken}`, {})).status).toBe(401);
    // The description is public.
    const spec = await fetch(`${server.url}/api/v1/openapi.yaml`);
    expect(spec.status).toBe(200);
    expect(await spec.text()).toContain("openapi: 3.1.0");
  });
});

describe("a contestant and another contestant's attempt", () => {
  it("gets 404 for the page, answer, signals, result and certificate, and changes nothing", async () => {
    const id = victim.attemptId;
    const checks: Array<[string, string, Record<string, string>?]> = [
      ["GET", `/attempts/${id}`],
      ["POST", `/attempts/${id}?index`, { intent: "answer", position: "0", selected: "0" }],
      ["POST", `/attempts/${id}?index`, { intent: "submit" }],
      ["POST", `/attempts/${id}/answer`, { position: "0", selected: "1" }],
      ["POST", `/attempts/${id}/signals`, { hiddenCount: "5" }],
      ["GET", `/attempts/${id}/result`],
      ["GET", `/attempts/${id}/certificate.pdf`],
    ];
    for (const [method, url, fields] of checks) {
      const { status, body } = await request(intruder.cookie, url, method, fields);
      expect(status, `${method} ${url}`).toBe(404);
      expect(body).not.toContain("0912345678");
    }
    const socket = await openSocket(intruder.cookie);
    try {
      const ack = await socket
        .timeout(5_000)
        .emitWithAck("attempt:answer", { attemptId: id, position: 0, selected: [0] });
      expect(ack).toMatchObject({ ok: false, code: "ATTEMPT_NOT_FOUND" });
    } finally {
      socket.disconnect();
    }
    const attempt = await db.attempt.findUniqueOrThrow({ where: { id }, include: { answers: true } });
    expect(attempt.status).toBe("IN_PROGRESS");
    expect(attempt.answers).toEqual([]);
    expect(attempt.sessionIds.length).toBeLessThanOrEqual(1);
  });

  it("cannot find certificates by trying ids: unknown, guessed and someone else's all answer 404 alike", async () => {
    await submitAttempt(db, { attemptId: victim.attemptId, userId: victim.userId });
    // The owner gets the certificate.
    const own = await fetch(`${server.url}/attempts/${victim.attemptId}/certificate.pdf`, {
      headers: { Cookie: victim.cookie },
    });
    expect(own.status).toBe(200);
    expect(own.headers.get("content-type")).toContain("application/pdf");
    const guesses = [
      victim.attemptId,
      victim.attemptId.slice(0, -1) + (victim.attemptId.endsWith("a") ? "b" : "a"),
      "1",
      "cm0000000000000000000000",
      "../../manage",
    ];
    for (const guess of guesses) {
      const response = await fetch(`${server.url}/attempts/${encodeURIComponent(guess)}/certificate.pdf`, {
        headers: { Cookie: intruder.cookie },
      });
      expect(response.status, guess).toBe(404);
      expect(response.headers.get("content-type") ?? "").not.toContain("application/pdf");
    }
  });
});

describe("sessions, CSRF and log-in guessing", () => {
  it("does not carry a planted session cookie into a log-in (no session fixation)", async () => {
    const organizer = DEMO_LOGINS.find((entry) => entry.role === "ORGANIZER") as (typeof DEMO_LOGINS)[number];
    // An id the attacker chose, planted in the victim's browser: the log-in issues a new one.
    const chosen = "la_session=attacker-chosen-id";
    const response = await login(organizer.identifier, organizer.password, chosen);
    expect(response.status).toBe(302);
    const issued = sessionOf(response);
    expect(issued).toMatch(/^la_session=.+/);
    expect(issued).not.toBe(chosen);
    expect(await db.session.count({ where: { id: "attacker-chosen-id" } })).toBe(0);
    expect((await request(chosen, "/manage")).status).toBe(302); // still nobody: sent to log in

    // The attacker's own valid session, planted: the log-in form does not turn it into the
    // organizer's (a logged-in browser is sent home), so it stays the attacker's.
    const planted = intruder.cookie;
    const again = await login(organizer.identifier, organizer.password, planted);
    expect(again.status).toBe(302);
    expect(sessionOf(again)).toBe("");
    expect((await request(planted, "/manage")).status).toBe(403);
  });

  it("refuses another site's form posts and sockets (CSRF)", async () => {
    const foreign: Array<Record<string, string>> = [
      { Origin: "https://evil.example" },
      { Referer: "https://evil.example/page" },
      { Origin: "null" },
    ];
    for (const headers of foreign) {
      const response = await fetch(`${server.url}/manage/contests/new`, {
        method: "POST",
        headers: { ...headers, Cookie: kimThanhOrganizer, "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ intent: "save", title: "Giả mạo" }).toString(),
        redirect: "manual",
      });
      expect(response.status, JSON.stringify(headers)).toBe(403);
    }
    expect(await db.contest.count({ where: { title: "Giả mạo" } })).toBe(0);
    await expect(openSocket(kimThanhOrganizer, "https://evil.example")).rejects.toThrow();
  });

  it("cuts off password guessing for an account after a few failures, even with the right password", async () => {
    const target = await createUserWithRole(db, { role: "CONTESTANT", nodeCode: "HP-KIMTHANH" });
    const statuses: number[] = [];
    for (let guess = 0; guess < 7; guess++) statuses.push((await login(target.email, `sai-mat-khau-${guess}`)).status);
    expect(statuses.slice(0, 5).every((status) => status === 400 || status === 401)).toBe(true);
    const right = await login(target.email, TEST_PASSWORD);
    expect(right.status).toBe(429);
    expect(sessionOf(right)).toBe("");
  });
});
