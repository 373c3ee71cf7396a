import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BoardSnapshot } from "~/live/board-snapshot.server";
import { DEMO_CONTEST, DEMO_LOGINS } from "../../seeds/demo";
import { type ServerProcess, startServerProcess } from "../support/server-process";

/**
 * Scale-out (issue 5, point 4): two app processes on one PostgreSQL schema and one Redis prefix,
 * as behind nginx in production. An attempt closed on process A reaches a board watcher
 * connected to process B (A updates the board in Redis, tells the other processes through the
 * Socket.IO Redis adapter, and B pushes to its own sockets), and stopping B leaves A serving.
 * It needs real PostgreSQL and Redis: the embedded defaults belong to a single process.
 */
const enabled = Boolean(process.env.TEST_DATABASE_URL && process.env.TEST_REDIS_URL);
const title = enabled
  ? "two app processes sharing PostgreSQL and Redis"
  : "two app processes sharing PostgreSQL and Redis (skipped: set TEST_DATABASE_URL and TEST_REDIS_URL, as .ci/run does)";

const contestant = DEMO_LOGINS.find((login) => login.role === "CONTESTANT") as (typeof DEMO_LOGINS)[number];
const learner = DEMO_LOGINS.find((login) => login.role === "LEARNER") as (typeof DEMO_LOGINS)[number];
const CONTEST_DATA = `/contests/${DEMO_CONTEST.slug}?_data=${encodeURIComponent("routes/contests.$slug._index")}`;
const DELIVERY_MS = 5_000; // pushes are coalesced every 500 ms; this leaves room for a slow CI

/** A person's HTTP session with one process: form posts with its Origin, cookies kept. */
class Visitor {
  private cookies = new Map<string, string>();
  constructor(readonly server: ServerProcess) {}

  get cookie(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  async request(route: string, fields?: Record<string, string>): Promise<Response> {
    const headers: Record<string, string> = { Origin: this.server.url, Cookie: this.cookie };
    if (fields) headers["Content-Type"] = "application/x-www-form-urlencoded";
    const response = await fetch(`${this.server.url}${route}`, {
      method: fields ? "POST" : "GET",
      headers,
      body: fields ? new URLSearchParams(fields).toString() : undefined,
      redirect: "manual",
    });
    for (const setCookie of response.headers.getSetCookie()) {
      const pair = setCookie.split(";")[0];
      const at = pair.indexOf("=");
      this.cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
    return response;
  }
}

const sockets: Socket[] = [];
function socketTo(server: ServerProcess, cookie?: string): Promise<Socket> {
  const socket = connect(server.url, {
    transports: ["websocket"],
    extraHeaders: cookie ? { cookie } : {},
    reconnection: false,
  });
  sockets.push(socket);
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", reject);
  });
}

type Ack = { ok: boolean; code?: string; [key: string]: unknown };
const request = (socket: Socket, event: string, payload: unknown) =>
  socket.timeout(5_000).emitWithAck(event, payload) as Promise<Ack>;

/** Watches the round's board; every pushed board is kept, in order of arrival. */
async function watchBoard(socket: Socket, roundId: string) {
  const updates: BoardSnapshot[] = [];
  socket.on("board:update", (update: { roundId: string; board: BoardSnapshot }) => {
    if (update.roundId === roundId) updates.push(update.board);
  });
  const ack = await request(socket, "board:watch", { roundId });
  expect(ack).toMatchObject({ ok: true, roundId });
  return { initial: ack.board as BoardSnapshot, updates };
}

const shows = (name: string) => (board: BoardSnapshot) => board.top.some((row) => row.name === name);

/** Logs in on the visitor's process, registers, starts round 1, answers over the socket, submits. */
async function takeRound(visitor: Visitor, person: (typeof DEMO_LOGINS)[number], roundId: string) {
  const slug = DEMO_CONTEST.slug;
  const login = await visitor.request("/login", { identifier: person.identifier, password: person.password });
  expect(login.status).toBe(302);
  const registered = await visitor.request(`/contests/${slug}/register`, {
    fullName: person.fullName,
    unit: "Lớp thử nhiều tiến trình",
    consent: "yes",
  });
  expect(registered.status).toBe(302);
  expect(registered.headers.get("location")).toBe(`/contests/${slug}`);

  const started = await visitor.request(`/contests/${slug}`, { intent: "start", roundId });
  expect(started.status).toBe(302);
  const attemptPath = started.headers.get("location") as string;
  expect(attemptPath).toMatch(/^\/attempts\/[^/?]+$/);
  expect((await visitor.request(attemptPath)).status).toBe(200);
  const attemptId = attemptPath.split("/")[2];

  const socket = await socketTo(visitor.server, visitor.cookie);
  expect(await request(socket, "attempt:answer", { attemptId, position: 0, selected: [0] })).toMatchObject({
    ok: true,
    position: 0,
  });
  const submitted = await visitor.request(attemptPath, { intent: "submit", prediction: "2" });
  expect(submitted.status).toBe(302);
  expect(submitted.headers.get("location")).toBe(`${attemptPath}/result`);
  socket.disconnect();
}

describe.skipIf(!enabled)(title, () => {
  let first: ServerProcess;
  let second: ServerProcess;

  beforeAll(async () => {
    first = await startServerProcess();
    // Started once the first has migrated and seeded: it must find both done and add nothing.
    second = await startServerProcess({}, undefined, { alongside: first });
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await second?.cleanup();
    await first?.cleanup();
  });

  it("pushes a board changed on one process to watchers on both, and one process stopping leaves the other serving", async () => {
    expect(second.output()).not.toMatch(/demo data seeded|live boards rebuilt/);
    expect(second.output()).toContain("Shared state: Redis");

    // The round is read through B: it serves the data A seeded.
    const contest = (await (await fetch(`${second.url}${CONTEST_DATA}`)).json()) as {
      contest: { rounds: Array<{ id: string }> };
    };
    const roundId = contest.contest.rounds[0].id;

    const onB = await watchBoard(await socketTo(second), roundId);
    const onA = await watchBoard(await socketTo(first), roundId);
    expect(onB.initial.total).toBe(0);

    // The contestant, logged in on B too (the replicas share the session secret), watches there.
    const person = new Visitor(first);
    await takeRound(person, contestant, roundId);
    const mineOnB = await watchBoard(await socketTo(second, person.cookie), roundId);

    await expect.poll(() => onB.updates.find(shows(contestant.fullName)), { timeout: DELIVERY_MS }).toBeTruthy();
    const pushed = onB.updates.find(shows(contestant.fullName)) as BoardSnapshot;
    expect(pushed.total).toBeGreaterThanOrEqual(1);
    expect(pushed.top[0]).toMatchObject({ rank: 1, name: contestant.fullName });
    await expect.poll(() => onA.updates.find(shows(contestant.fullName)), { timeout: DELIVERY_MS }).toBeTruthy();
    // The watcher's own place is looked up by the process that holds the socket.
    expect(mineOnB.initial.me).toMatchObject({ rank: 1, name: contestant.fullName });

    // B goes away (a deploy, a crash): A keeps its sockets and its pushes.
    expect(await second.stop("SIGTERM")).toBe(0);
    await takeRound(new Visitor(first), learner, roundId);
    await expect.poll(() => onA.updates.find(shows(learner.fullName)), { timeout: DELIVERY_MS }).toBeTruthy();
    expect((onA.updates.find(shows(learner.fullName)) as BoardSnapshot).total).toBeGreaterThanOrEqual(2);
    expect(first.child.exitCode).toBeNull();
    expect((await fetch(`${first.url}${CONTEST_DATA}`)).status).toBe(200);
  });
});
