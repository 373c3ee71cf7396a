import { request as httpRequest } from "node:http";
import { io, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { z } from "zod";
import { startAttempt } from "~/contests/attempts.server";
import type { Db } from "~/db/client.server";
import { SOCKET_EVENTS } from "~/realtime/socket.server";
import { DEMO_CONTEST, DEMO_LOGINS } from "../../seeds/demo";
import { createUserWithRole, TEST_PASSWORD } from "../support/fixtures";
import { fillPattern, type RouteFile, routeFiles } from "../support/route-files";
import { connectToServerDb } from "../support/server-db";
import { type ServerProcess, startServerProcess } from "../support/server-process";

/**
 * Hostile input (issue 9, point 2). Every route's action and loader, and every socket event, is
 * sent malformed, oversized, wrongly typed and out-of-order payloads: huge strings, deep JSON,
 * invalid UTF-8, HTML and script in names, SQL-looking text, negative and enormous numbers,
 * other people's ids. The routes are read from app/routes/ and the events from the socket
 * registry (SOCKET_EVENTS), so new ones are covered without being listed here; payloads for
 * events are generated from their zod schemas.
 *
 * Expected every time: an answer under 500 (a clear 4xx, a redirect to log-in, or a page that
 * shows the validation error) or an error ack with a code and a message — never a 500, a crash,
 * a hang, or a record changed by someone who may not change it.
 */
const HUGE = "Đ".repeat(20_000);
const NASTY: Array<[label: string, value: string]> = [
  ["empty", ""],
  ["spaces", "   \t\n  "],
  ["huge", HUGE],
  ["script", `<script>alert("xss")</script>`],
  ["html attribute", `"><img src=x onerror=alert(1)>`],
  ["sql", `'; DROP TABLE "User"; --`],
  ["sql or", `' OR '1'='1`],
  ["template", "${7*7}{{7*7}}<%= 7*7 %>"],
  ["negative", "-1"],
  ["enormous", "99999999999999999999999999999999"],
  ["float", "1e308"],
  ["nan", "NaN"],
  ["infinity", "-Infinity"],
  ["null byte", "a\u0000b"],
  ["bidi", "\u202egnp.exe"],
  ["emoji", "😀".repeat(1_000)],
  ["path", "../../../../etc/passwd"],
  ["json", `{"__proto__":{"admin":true}}`],
  ["date", "2026-02-31T25:61:00"],
  ["unicode", "Nguyễn Văn A\u0301\u0301\u0301"],
];
const NASTY_IDS = ["0", "-1", "9".repeat(40), "<script>", "%00", "..%2F..%2Fetc", "' OR 1=1 --", "x".repeat(3_000)];
const REQUEST_TIMEOUT_MS = 30_000;
/**
 * `npm test` sends each identity a rotating sample of every route's cases (a different slice
 * per identity); `npm run test:fuzz` (FUZZ_FULL=1) sends every case to every route as everyone.
 */
const FULL = process.env.FUZZ_FULL === "1";
const SAMPLE = 8;
function sample<T>(items: readonly T[], offset: number, size = SAMPLE): T[] {
  if (FULL || items.length <= size) return [...items];
  const step = items.length / size;
  return Array.from({ length: size }, (_, index) => items[Math.floor(index * step + offset) % items.length]);
}

interface Identity {
  name: string;
  cookie: string;
  /** Whether this identity may change the target data (Kim Thành's) at all. */
  outsider: boolean;
}

interface Finding {
  who: string;
  what: string;
  status: number | string;
}

const sent = { http: 0, socket: 0, raw: 0 };
let findings: Finding[] = [];
let server: ServerProcess;
let database: ReturnType<typeof connectToServerDb>;
let db: Db;
const identities: Identity[] = [];
const fuzzUserIds: string[] = [];
/** Real ids of Kim Thành's data (the organizer's own, everyone else's "other people's ids"). */
const realParams: Record<string, string> = {};

async function login(identifier: string, password: string): Promise<string> {
  const response = await fetch(`${server.url}/login`, {
    method: "POST",
    headers: { Origin: server.url, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ identifier, password }).toString(),
    redirect: "manual",
  });
  expect(response.status).toBe(302);
  const cookie = response.headers.getSetCookie().find((value) => value.startsWith("la_session="));
  return (cookie as string).split(";")[0];
}

/**
 * Sends one hostile request on its own connection (no keep-alive: a connection the server
 * closed after refusing an unread body must not be blamed on the next case); a 500, a hang or
 * a dropped connection is recorded as a finding.
 */
/**
 * A few requests in flight at once, as several browsers would send them: the route walk takes a
 * third of the time it took one request after another (it grows with every new route).
 */
const PARALLEL_REQUESTS = 4;
function requestPool(size: number) {
  let active = 0;
  const waiting: Array<() => void> = [];
  const tasks: Promise<unknown>[] = [];
  return {
    add(task: () => Promise<unknown>) {
      tasks.push(
        (async () => {
          while (active >= size) await new Promise<void>((resolve) => waiting.push(resolve));
          active++;
          try {
            await task();
          } finally {
            active--;
            waiting.shift()?.();
          }
        })(),
      );
    },
    done: () => Promise.all(tasks),
  };
}

function send(
  identity: Identity,
  what: string,
  url: string,
  init: { method?: string; body?: string | Buffer; contentType?: string } = {},
): Promise<number> {
  sent.http++;
  const headers: Record<string, string | number> = { Origin: server.url, Connection: "close" };
  if (identity.cookie) headers.Cookie = identity.cookie;
  if (init.contentType) headers["Content-Type"] = init.contentType;
  if (init.body !== undefined) headers["Content-Length"] = Buffer.byteLength(init.body);
  return new Promise((resolve) => {
    const request = httpRequest(`${server.url}${url}`, { method: init.method ?? "GET", headers, agent: false });
    const fail = (status: string) => {
      findings.push({ who: identity.name, what, status });
      resolve(0);
    };
    request.setTimeout(REQUEST_TIMEOUT_MS, () => {
      request.destroy();
      fail("timeout");
    });
    request.on("error", (error) => {
      // A server may answer (a redirect to log in, a refusal) before reading a 5 MB body and
      // close the connection: the client's write then fails. It is alive (checked at the end).
      if (Buffer.byteLength(init.body ?? "") > 1_000_000 && /EPIPE|ECONNRESET/.test(error.message)) resolve(0);
      else fail(error.message);
    });
    request.on("response", (response) => {
      response.resume();
      response.on("end", () => {
        const status = response.statusCode ?? 0;
        if (status >= 500) findings.push({ who: identity.name, what, status });
        resolve(status);
      });
    });
    request.end(init.body);
  });
}

function formBody(fields: Record<string, string | string[]>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(fields))
    for (const item of Array.isArray(value) ? value : [value]) params.append(key, item);
  return params.toString();
}

/** Everything one identity sends to one route's action. */
function actionCases(route: RouteFile): Array<{ what: string; body: string | Buffer; contentType: string }> {
  const form = "application/x-www-form-urlencoded";
  const intents = route.intents.length > 0 ? route.intents : [undefined];
  const cases: Array<{ what: string; body: string | Buffer; contentType: string }> = [
    { what: "empty form", body: "", contentType: form },
    { what: "unknown intent", body: formBody({ intent: "<script>x</script>" }), contentType: form },
  ];
  for (const intent of intents) {
    for (const [label, value] of NASTY) {
      const fields: Record<string, string> = Object.fromEntries(route.fields.map((field) => [field, value]));
      if (intent) fields.intent = intent;
      cases.push({ what: `${intent ?? "form"}: every field ${label}`, body: formBody(fields), contentType: form });
    }
    // Each field repeated a thousand times (arrays where one value is expected).
    const repeated = Object.fromEntries(route.fields.map((field) => [field, Array(1_000).fill("1")]));
    cases.push({
      what: `${intent ?? "form"}: repeated fields`,
      body: formBody({ ...repeated, ...(intent ? { intent } : {}) }),
      contentType: form,
    });
    // Other people's ids in every field (a bank, a contest, a round, an attempt, a node of Kim Thành).
    for (const [param, id] of Object.entries(realParams)) {
      const fields = Object.fromEntries(route.fields.map((field) => [field, id]));
      cases.push({
        what: `${intent ?? "form"}: every field = ${param}`,
        body: formBody({ ...fields, ...(intent ? { intent } : {}) }),
        contentType: form,
      });
    }
  }
  // Invalid UTF-8, raw and percent-encoded.
  const invalid = Buffer.concat([
    Buffer.from(`${route.fields[0] ?? "name"}=`),
    Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xed, 0xa0, 0x80]),
    Buffer.from("&intent=%FF%FE%C3%28"),
  ]);
  cases.push({ what: "invalid UTF-8", body: invalid, contentType: form });
  cases.push({
    what: "deep JSON",
    body: `${"[".repeat(20_000)}${"]".repeat(20_000)}`,
    contentType: "application/json",
  });
  cases.push({
    what: "JSON object",
    body: JSON.stringify({ intent: intents[0], a: { b: [1, null] } }),
    contentType: "application/json",
  });
  cases.push({ what: "multipart without boundary", body: "--x\r\n\r\n", contentType: "multipart/form-data" });
  cases.push({
    what: "multipart with garbage",
    body: `--b\r\nContent-Disposition: form-data; name="file"; filename="../../x.xlsx"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\nPK\u0003\u0004garbage\r\n--b--\r\n`,
    contentType: "multipart/form-data; boundary=b",
  });
  cases.push({
    what: "5 MB form",
    body: formBody({ [route.fields[0] ?? "name"]: "a".repeat(5_000_000) }),
    contentType: form,
  });
  return cases;
}

/** A stable digest of every table but sessions and the audit log, leaving out the fuzzing users' own rows. */
async function digest(): Promise<Record<string, string>> {
  const tables = await db.$queryRaw<Array<{ table_name: string }>>`
    SELECT table_name FROM information_schema.tables
     WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
       AND table_name NOT IN ('Session', 'AuditLog', '_prisma_migrations')`;
  const result: Record<string, string> = {};
  for (const { table_name: table } of tables) {
    const columns = (
      await db.$queryRaw<Array<{ column_name: string }>>`
        SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ${table}`
    ).map((row) => row.column_name);
    const ids = `ARRAY[${fuzzUserIds.map((id) => `'${id}'`).join(",")}]::text[]`;
    const where = columns.includes("userId")
      ? `WHERE NOT ("userId" = ANY(${ids}))`
      : columns.includes("attemptId")
        ? `WHERE "attemptId" NOT IN (SELECT id FROM "Attempt" WHERE "userId" = ANY(${ids}))`
        : table === "User"
          ? `WHERE NOT (id = ANY(${ids}))`
          : "";
    const rows = await db.$queryRawUnsafe<Array<{ digest: string | null }>>(
      `SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest FROM "${table}" t ${where}`,
    );
    result[table] = rows[0]?.digest ?? "empty";
  }
  return result;
}

const enabled = true;
describe.skipIf(!enabled)("hostile input", () => {
  beforeAll(async () => {
    server = await startServerProcess({ LOGIN_MAX_PER_IP: "100000", LOG_LEVEL: "warn" });
    database = connectToServerDb(server);
    db = database.db;
    const organizer = DEMO_LOGINS.find((entry) => entry.role === "ORGANIZER") as (typeof DEMO_LOGINS)[number];
    const contestant = DEMO_LOGINS.find((entry) => entry.role === "CONTESTANT") as (typeof DEMO_LOGINS)[number];

    // Kim Thành's data: the demo contest, a round, its bank's question, the node, and the demo
    // contestant's running attempt (someone else's attempt for every other identity).
    const contest = await db.contest.findUniqueOrThrow({
      where: { slug: DEMO_CONTEST.slug },
      include: { rounds: true },
    });
    const owner = await db.user.findUniqueOrThrow({ where: { email: contestant.identifier } });
    await db.registration.create({
      data: { contestId: contest.id, userId: owner.id, fields: {}, consentAt: new Date(), consentVersion: 1 },
    });
    const attempt = await startAttempt(db, { userId: owner.id, roundId: contest.rounds[0].id });
    if (!attempt.ok) throw new Error(attempt.code);
    const bank = await db.questionBank
      .findFirstOrThrow({ where: { orgNode: { code: DEMO_CONTEST.nodeCode } } })
      .catch(() => db.questionBank.findFirstOrThrow());
    const question = await db.question.findFirstOrThrow({ where: { bankId: bank.id } });
    Object.assign(realParams, {
      slug: contest.slug,
      contestId: contest.id,
      roundId: contest.rounds[0].id,
      attemptId: attempt.attemptId,
      bankId: bank.id,
      questionId: question.id,
      nodeId: contest.orgNodeId,
      userId: owner.id,
    });

    const stranger = await createUserWithRole(db, { role: "CONTESTANT", nodeCode: "HP-KIMTHANH" });
    const rival = await createUserWithRole(db, { role: "ORGANIZER", nodeCode: "HP-HAIAN" });
    fuzzUserIds.push(stranger.id, rival.id);
    identities.push(
      { name: "anonymous", cookie: "", outsider: true },
      { name: "another contestant", cookie: await login(stranger.email, TEST_PASSWORD), outsider: true },
      { name: "organizer of phường Hải An", cookie: await login(rival.email, TEST_PASSWORD), outsider: true },
      {
        name: "organizer of xã Kim Thành",
        cookie: await login(organizer.identifier, organizer.password),
        outsider: false,
      },
    );
  }, 180_000);

  afterAll(async () => {
    process.stdout.write(
      `\nHostile input: ${sent.http} HTTP requests, ${sent.socket} socket events, ${sent.raw} raw socket frames sent; ${findings.length} findings\n`,
    );
    await database?.close();
    await server?.cleanup();
  });

  it("finds every route and socket event to fuzz", () => {
    const routes = routeFiles();
    expect(routes.length).toBeGreaterThan(30);
    expect(routes.filter((route) => route.action).length).toBeGreaterThan(20);
    expect(SOCKET_EVENTS.map((event) => event.name)).toContain("attempt:answer");
    for (const route of routes.filter((entry) => entry.action))
      expect(route.fields.length + route.intents.length, route.id).toBeGreaterThanOrEqual(0);
  });

  it("answers every route's action and loader under 500, and outsiders change nothing", async () => {
    findings = [];
    const before = await digest();
    const routes = routeFiles();
    for (const [which, identity] of identities.entries()) {
      const requests = requestPool(PARALLEL_REQUESTS);
      for (const route of routes) {
        // Logging out would end the identity's session for the rest of the run: anonymous only.
        if (route.id === "logout" && identity.cookie) continue;
        const url = fillPattern(route.pattern, { ...realParams, "*": "uploads/x" }) + (route.index ? "?index" : "");
        if (route.action) {
          for (const testCase of sample(actionCases(route), which * 3))
            requests.add(() =>
              send(identity, `POST ${route.id} ${testCase.what}`, url, {
                method: "POST",
                body: testCase.body,
                contentType: testCase.contentType,
              }),
            );
          // The same with nasty ids in the URL.
          for (const id of sample(NASTY_IDS, which, 2))
            if (route.params.length > 0)
              requests.add(() =>
                send(
                  identity,
                  `POST ${route.id} id ${id.slice(0, 20)}`,
                  fillPattern(route.pattern, Object.fromEntries(route.params.map((param) => [param, id]))),
                  {
                    method: "POST",
                    body: formBody({ intent: route.intents[0] ?? "x" }),
                    contentType: "application/x-www-form-urlencoded",
                  },
                ),
              );
        }
        if (route.loader) {
          for (const id of sample(NASTY_IDS, which, 3))
            requests.add(() =>
              send(
                identity,
                `GET ${route.id} id ${id.slice(0, 20)}`,
                fillPattern(route.pattern, Object.fromEntries(route.params.map((param) => [param, id]))),
              ),
            );
          // One nasty value per parameter, the whole URL under Node's 16 KB header limit (past
          // it Node itself refuses the request with a 431 before the app sees it).
          const query = new URLSearchParams();
          const names = ["page", "q", "sort", "status", "round", "scope", "top", "from", "to", "purpose", "redirectTo"];
          for (const [index, name] of names.entries()) query.append(name, NASTY[(index + which) % 14][1].slice(0, 300));
          requests.add(() => send(identity, `GET ${route.id} nasty query`, `${url}${route.index ? "&" : "?"}${query}`));
          for (const [label, value] of sample(
            NASTY.filter(([label]) => label !== "huge"),
            which,
            4,
          ))
            requests.add(() =>
              send(
                identity,
                `GET ${route.id} q=${label}`,
                `${url}${route.index ? "&" : "?"}page=${encodeURIComponent(value.slice(0, 300))}&q=${encodeURIComponent(value.slice(0, 300))}&sort=${encodeURIComponent(value.slice(0, 300))}`,
              ),
            );
        }
      }
      await requests.done();
      if (identity.outsider) {
        // Nothing of anyone else changed: every table but sessions and the audit log is as before.
        expect(await digest(), `after ${identity.name}`).toEqual(before);
      }
    }
    expect(findings, JSON.stringify(findings.slice(0, 20), null, 1)).toEqual([]);
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    expect(server.child.exitCode).toBeNull();
  }, 900_000);

  it("shows HTML and script typed into names as text, never as markup", async () => {
    const organizer = identities.find((identity) => !identity.outsider) as Identity;
    const title = `<script>window.pwned=1</script><img src=x onerror=alert(1)> Cuộc thi ' OR 1=1 --`;
    await db.contest.updateMany({ where: { slug: DEMO_CONTEST.slug }, data: { title } });
    for (const url of [`/contests/${DEMO_CONTEST.slug}`, "/manage/contests", "/"]) {
      const response = await fetch(`${server.url}${url}`, { headers: { Cookie: organizer.cookie } });
      const html = await response.text();
      expect(response.status, url).toBe(200);
      expect(html, url).not.toContain("<script>window.pwned");
      expect(html, url).not.toContain("<img src=x onerror");
    }
  });

  it("answers every socket event's malformed payloads with an error ack, never SERVER_ERROR", async () => {
    findings = [];
    const cases = socketCases();
    // Each socket stays under the per-socket rate limit (20 a second: a fuzzer is not a flood), so
    // the cases are shared among a few sockets per identity that send side by side.
    const SOCKETS_PER_IDENTITY = 4;
    const sendShare = async (identity: Identity, share: typeof cases) => {
      let socket = await openSocket(identity.cookie);
      let sentOnThisSocket = 0;
      for (const testCase of share) {
        await new Promise((resolve) => setTimeout(resolve, 60));
        if (++sentOnThisSocket > 300) {
          socket.disconnect();
          socket = await openSocket(identity.cookie);
          sentOnThisSocket = 0;
        }
        sent.socket++;
        const ack = await socket
          .timeout(5_000)
          .emitWithAck(testCase.event, ...testCase.args)
          .catch((error: Error) => ({ ok: false, code: `NO_ACK: ${error.message}`, message: "" }));
        const valid = z
          .union([
            z.object({ ok: z.literal(true) }).loose(),
            z.object({ ok: z.literal(false), code: z.string().min(1), message: z.string().min(1) }),
          ])
          .safeParse(ack);
        if (!valid.success || (ack as { code?: string }).code === "SERVER_ERROR")
          findings.push({
            who: identity.name,
            what: `${testCase.event} ${testCase.what}`,
            status: JSON.stringify(ack).slice(0, 200),
          });
      }
      socket.disconnect();
    };
    await Promise.all(
      identities.slice(0, 2).flatMap((identity) =>
        Array.from({ length: SOCKETS_PER_IDENTITY }, (_, index) =>
          sendShare(
            identity,
            cases.filter((_, caseIndex) => caseIndex % SOCKETS_PER_IDENTITY === index),
          ),
        ),
      ),
    );
    expect(findings, JSON.stringify(findings.slice(0, 20), null, 1)).toEqual([]);
  }, 600_000);

  it("survives garbage below Socket.IO: broken frames, deep JSON, invalid UTF-8, oversized packets", async () => {
    const frames: Array<string | Buffer> = [
      "42[",
      '42["attempt:answer",{"attemptId":',
      `42${"[".repeat(5_000)}${"]".repeat(5_000)}`,
      `42["board:watch",${JSON.stringify({ roundId: realParams.roundId, deep: JSON.parse(`${"[".repeat(2_000)}${"]".repeat(2_000)}`) })}]`,
      Buffer.from([0x34, 0x32, 0xff, 0xfe, 0xc3, 0x28]),
      '451-0["attempt:answer",{"_placeholder":true,"num":99}]',
      `42["attempt:answer",${JSON.stringify({ attemptId: "x".repeat(40_000) })}]`,
      "4" + "\u0000".repeat(100),
      "99999",
      '42["__proto__",{}]',
      '42["constructor",{}]',
    ];
    for (const frame of frames) {
      sent.raw++;
      const ws = new WebSocket(`${server.url.replace("http", "ws")}/socket.io/?EIO=4&transport=websocket`);
      await new Promise<void>((resolve, reject) => {
        ws.once("open", () => resolve());
        ws.once("error", reject);
      });
      ws.send("40");
      await new Promise((resolve) => setTimeout(resolve, 50));
      ws.send(frame);
      await new Promise((resolve) => setTimeout(resolve, 100));
      ws.terminate();
    }
    // Still serving, and a proper client still gets answers.
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const socket = await openSocket("");
    expect(await socket.timeout(5_000).emitWithAck("clock")).toMatchObject({ ok: true });
    socket.disconnect();
    expect(server.child.exitCode).toBeNull();
  }, 120_000);
});

function openSocket(cookie: string): Promise<Socket> {
  const socket = io(server.url, {
    transports: ["websocket"],
    extraHeaders: cookie ? { cookie } : {},
    reconnection: false,
  });
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", reject);
  });
}

/** Payloads for every registered event, generated from its zod schema and mutated field by field. */
function socketCases(): Array<{ event: string; what: string; args: unknown[] }> {
  const wrongValues: Array<[string, unknown]> = [
    ["null", null],
    ["true", true],
    ["negative", -1],
    ["enormous", 1e308],
    ["float", 1.5],
    ["huge string", "x".repeat(5_000)],
    ["script", "<script>alert(1)</script>"],
    ["sql", `' OR 1=1; DROP TABLE "Attempt"; --`],
    ["array", [1, "a", null]],
    ["object", { $gt: "" }],
    ["someone's attempt", realParams.attemptId],
    ["a round", realParams.roundId],
  ];
  const cases: Array<{ event: string; what: string; args: unknown[] }> = [];
  for (const event of [...SOCKET_EVENTS.map((entry) => entry.name), "no:such:event", "__proto__"]) {
    const definition = SOCKET_EVENTS.find((entry) => entry.name === event);
    const shape = definition
      ? (z.toJSONSchema(definition.schema, { unrepresentable: "any" }) as { properties?: Record<string, unknown> })
      : {};
    const base: Record<string, unknown> = {};
    for (const key of Object.keys(shape.properties ?? {}))
      base[key] = key in realParams ? realParams[key] : key === "selected" ? [0] : key === "position" ? 0 : "x";
    cases.push({ event, what: "base payload", args: [base] });
    cases.push({ event, what: "no payload", args: [] });
    for (const [label, value] of wrongValues) cases.push({ event, what: `payload ${label}`, args: [value] });
    cases.push({ event, what: "extra field", args: [{ ...base, admin: true, __proto__: { admin: true } }] });
    cases.push({ event, what: "two payloads", args: [base, base] });
    for (const key of Object.keys(base)) {
      const { [key]: _, ...without } = base;
      cases.push({ event, what: `without ${key}`, args: [without] });
      for (const [label, value] of wrongValues)
        cases.push({ event, what: `${key} ${label}`, args: [{ ...base, [key]: value }] });
    }
  }
  return cases;
}
