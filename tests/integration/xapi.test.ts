import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { LoaderFunction } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "~/auth/guards.server";
import { addLesson, addModule, createCourse, publishCourse } from "~/courses/authoring.server";
import { enrol } from "~/courses/learning.server";
import { openLesson } from "~/courses/progress.server";
import { startQuizAttempt, submitQuizAttempt } from "~/courses/quiz.server";
import { courseSchema, lessonSchema } from "~/courses/schemas";
import type { QuestionOption } from "~/questions/draft";
import { sendXapiBatch, startXapiSender } from "~/xapi/sender.server";
import { DEMO_BANK, seedDemoData } from "../../seeds/demo";
import { createUserWithRole, currentUserFor, nodeId, sessionCookie } from "../support/fixtures";
import { startTestRuntime, type TestRuntime } from "../support/runtime";

/**
 * xAPI (issue 6, point 7) on a real database: a learner's progress puts statements in the outbox
 * with the progress; the sender posts them to a real HTTP server standing in for an LRS, retries
 * after a 503 and never posts a statement twice once accepted; organizers of the course's node
 * download them as JSON, others are refused.
 */
let runtime: TestRuntime;
let organizer: CurrentUser;
let siblingOrganizer: CurrentUser;
let bankId = "";
let xapiLoader: LoaderFunction;

/** A tiny LRS: answers POST /xapi/statements with `status()` and remembers what it was sent. */
interface FakeLrs {
  url: string;
  posts: Array<{ status: number; ids: string[]; headers: IncomingMessage["headers"] }>;
  status: () => number;
  server: Server;
}
let lrs: FakeLrs;

beforeAll(async () => {
  runtime = await startTestRuntime();
  await seedDemoData(runtime.db);
  const db = runtime.db;
  organizer = await currentUserFor(
    db,
    (await createUserWithRole(db, { role: "ORGANIZER", nodeCode: "HP-KIMTHANH" })).id,
  );
  siblingOrganizer = await currentUserFor(
    db,
    (await createUserWithRole(db, { role: "ORGANIZER", nodeCode: "HP-HAIAN" })).id,
  );
  const hp = await nodeId(db, DEMO_BANK.nodeCode);
  bankId = (await db.questionBank.findFirstOrThrow({ where: { orgNodeId: hp, name: DEMO_BANK.name } })).id;
  xapiLoader = (await import("../../app/routes/manage.courses.$courseId.xapi[.json]")).loader;

  const posts: FakeLrs["posts"] = [];
  const fake: Partial<FakeLrs> = { posts, status: () => 200 };
  const server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => {
      body += chunk;
    });
    request.on("end", () => {
      const status = request.method === "POST" && request.url === "/xapi/statements" ? (fake.status?.() ?? 200) : 404;
      const statements = JSON.parse(body || "[]") as Array<{ id: string }>;
      posts.push({ status, ids: statements.map((statement) => statement.id), headers: request.headers });
      response.writeHead(status, { "Content-Type": "application/json" });
      response.end(status === 200 ? JSON.stringify(statements.map((statement) => statement.id)) : "{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  fake.server = server;
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/xapi/`;
  lrs = fake as FakeLrs;
});
afterAll(async () => {
  await new Promise<void>((resolve) => (lrs ? lrs.server.close(() => resolve()) : resolve()));
  await runtime?.stop();
});

async function buildCourse() {
  const db = runtime.db;
  const created = await createCourse(
    db,
    null,
    organizer,
    courseSchema.parse({
      orgNodeId: await nodeId(db, "HP-KIMTHANH"),
      title: "Khóa học xAPI (thử)",
      category: "Hòa giải ở cơ sở",
      audience: "hòa giải viên",
      estimatedHours: "1",
    }),
  );
  if (!created.ok) throw new Error(created.code);
  const module = await addModule(db, null, organizer, created.courseId, "Chương 1");
  if (!module.ok) throw new Error(module.code);
  const add = async (fields: Record<string, string>) => {
    const result = await addLesson(db, null, organizer, {
      courseId: created.courseId,
      moduleId: module.moduleId,
      lesson: lessonSchema.parse({ required: "on", ...fields }),
    });
    if (!result.ok) throw new Error(result.code);
    return result.lessonId;
  };
  const text = await add({ title: "Giới thiệu", type: "TEXT", body: "Nội dung bài học." });
  const quiz = await add({
    title: "Bài kiểm tra cuối khóa",
    type: "QUIZ",
    completionRule: "QUIZ_PASSED",
    quizBankId: bankId,
    quizQuestionCount: "5",
    quizPassPercent: "60",
    quizAttemptsAllowed: "3",
    isFinalTest: "on",
  });
  const published = await publishCourse(db, null, organizer, created.courseId);
  if (!published.ok) throw new Error(published.code);
  return { courseId: created.courseId, text, quiz };
}

async function answers(attemptId: string, correct: boolean): Promise<Map<number, number[]>> {
  const attempt = await runtime.db.lessonQuizAttempt.findUniqueOrThrow({ where: { id: attemptId } });
  const frozen = attempt.questions as unknown as Array<{ versionId: string; optionOrder: number[] }>;
  const result = new Map<number, number[]>();
  for (const [position, question] of frozen.entries()) {
    const version = await runtime.db.questionVersion.findUniqueOrThrow({ where: { id: question.versionId } });
    const options = version.options as unknown as QuestionOption[];
    const shown = question.optionOrder.flatMap((original, index) =>
      options[original].correct === correct ? [index] : [],
    );
    result.set(position, correct ? shown : [shown[0]]);
  }
  return result;
}

/** A learner who opens the text lesson twice, fails the final test once, then passes it. */
async function learnerCompletes(course: Awaited<ReturnType<typeof buildCourse>>) {
  const db = runtime.db;
  const userId = (
    await createUserWithRole(db, { role: "LEARNER", nodeCode: "HP-KIMTHANH-UBND", fullName: "Học Viên Thử (demo)" })
  ).id;
  const enrolled = await enrol(db, { userId, courseId: course.courseId });
  if (!enrolled.ok) throw new Error(enrolled.code);
  expect(await openLesson(db, { userId, lessonId: course.text })).toMatchObject({ ok: true });
  expect(await openLesson(db, { userId, lessonId: course.text })).toMatchObject({ ok: true });
  expect(await openLesson(db, { userId, lessonId: course.quiz })).toMatchObject({ ok: true });
  for (const correct of [false, true]) {
    const started = await startQuizAttempt(db, { userId, lessonId: course.quiz });
    if (!started.ok) throw new Error(started.code);
    const submitted = await submitQuizAttempt(db, {
      userId,
      attemptId: started.attemptId,
      answers: await answers(started.attemptId, correct),
    });
    expect(submitted).toMatchObject({ ok: true, passed: correct, courseCompleted: correct });
  }
  return userId;
}

type Statement = {
  id: string;
  actor: { objectType: string; account: { homePage: string; name: string } };
  verb: { id: string };
  object: { id: string; definition: { type: string } };
  result?: { success?: boolean; completion?: boolean; score?: { scaled: number; raw: number; max: number } };
  context: { contextActivities?: { parent: Array<{ id: string }> } };
  timestamp: string;
};

const verbOf = (statement: Statement) => statement.verb.id.slice(statement.verb.id.lastIndexOf("/") + 1);

describe("statements", () => {
  it("records experienced, completed, failed and passed with the progress, once each, without personal data", async () => {
    const course = await buildCourse();
    const userId = await learnerCompletes(course);
    const rows = await runtime.db.xapiStatement.findMany({ where: { userId }, orderBy: { timestamp: "asc" } });
    const statements = rows.map((row) => row.statement as unknown as Statement);
    const summary = statements.map(
      (statement) => `${verbOf(statement)} ${statement.object.id.split("/").slice(-2).join(":")}`,
    );
    expect(summary.sort()).toEqual(
      [
        `experienced lesson:${course.text}`,
        `completed lesson:${course.text}`,
        `experienced lesson:${course.quiz}`,
        `failed lesson:${course.quiz}`,
        `passed lesson:${course.quiz}`,
        `completed lesson:${course.quiz}`,
        `completed course:${course.courseId}`,
      ].sort(),
    );
    for (const statement of statements) {
      expect(statement.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(statement.actor).toEqual({
        objectType: "Agent",
        account: { homePage: "http://localhost:3000", name: userId },
      });
      expect(statement.verb.id).toMatch(/^http:\/\/adlnet\.gov\/expapi\/verbs\/(experienced|completed|passed|failed)$/);
      expect(statement.object.id.startsWith("http://localhost:3000/xapi/activities/")).toBe(true);
      expect(new Date(statement.timestamp).toISOString()).toBe(statement.timestamp);
    }
    expect(new Set(statements.map((statement) => statement.id)).size).toBe(statements.length);
    expect(JSON.stringify(statements)).not.toContain("Học Viên Thử");
    const passed = statements.find((statement) => verbOf(statement) === "passed");
    expect(passed?.result).toMatchObject({ success: true, completion: true, score: { raw: 5, max: 5, scaled: 1 } });
    expect(passed?.object.definition.type).toBe("http://adlnet.gov/expapi/activities/assessment");
    expect(passed?.context.contextActivities?.parent[0].id).toBe(
      `http://localhost:3000/xapi/activities/course/${course.courseId}`,
    );
    const failed = statements.find((statement) => verbOf(statement) === "failed");
    expect(failed?.result).toMatchObject({ success: false, completion: false, score: { raw: 0 } });
  });
});

describe("sender", () => {
  it("posts batches to the LRS, retries after a 503 with backoff, and never posts an accepted statement again", async () => {
    const db = runtime.db;
    const pending = await db.xapiStatement.count({ where: { sentAt: null } });
    expect(pending).toBeGreaterThan(0);
    const config = { endpoint: lrs.url, auth: "Basic dGVzdDp0ZXN0", batchSize: 4, backoffMs: 60_000 };

    lrs.status = () => 503;
    const refused = await sendXapiBatch(db, config);
    expect(refused).toEqual({ sent: 0, failed: 4 });
    expect(lrs.posts.at(-1)).toMatchObject({ status: 503 });
    expect(lrs.posts.at(-1)?.headers).toMatchObject({
      authorization: "Basic dGVzdDp0ZXN0",
      "x-experience-api-version": "1.0.3",
      "content-type": "application/json",
    });
    const failedRows = await db.xapiStatement.findMany({ where: { lastError: { not: null } } });
    expect(failedRows).toHaveLength(4);
    expect(failedRows[0]).toMatchObject({ sentAt: null, sendAttempts: 1 });
    expect(failedRows[0].lastError).toContain("503");
    expect(failedRows[0].nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 50_000);

    // The LRS is back: the others go first; the refused ones wait for their backoff.
    lrs.status = () => 200;
    let sent = 0;
    for (let round = 0; round < 10; round++) sent += (await sendXapiBatch(db, config)).sent;
    expect(sent).toBe(pending - 4);
    expect(await db.xapiStatement.count({ where: { sentAt: null } })).toBe(4);
    // Once the backoff is over they are sent too.
    const later = () => new Date(Date.now() + 3 * 60_000);
    expect(await sendXapiBatch(db, config, undefined, later)).toEqual({ sent: 4, failed: 0 });
    expect(await sendXapiBatch(db, config, undefined, later)).toEqual({ sent: 0, failed: 0 });
    expect(await db.xapiStatement.count({ where: { sentAt: null } })).toBe(0);

    const accepted = lrs.posts.filter((post) => post.status === 200).flatMap((post) => post.ids);
    expect(accepted).toHaveLength(pending);
    expect(new Set(accepted).size).toBe(pending);
  });

  it("does not post a statement twice when two senders run at once", async () => {
    const course = await buildCourse();
    await learnerCompletes(course);
    const pending = await runtime.db.xapiStatement.count({ where: { sentAt: null } });
    const before = lrs.posts.length;
    const config = { endpoint: lrs.url, batchSize: 2 };
    const drain = async () => {
      for (let round = 0; round < 10; round++) await sendXapiBatch(runtime.db, config);
    };
    await Promise.all([drain(), drain()]);
    const ids = lrs.posts.slice(before).flatMap((post) => post.ids);
    expect(ids).toHaveLength(pending);
    expect(new Set(ids).size).toBe(pending);
  });

  it("runs in the background as the server starts it, sending what arrives", async () => {
    const course = await buildCourse();
    await runtime.db.xapiStatement.updateMany({ where: { sentAt: null }, data: { sentAt: new Date() } });
    const silent = { info() {}, warn() {}, error() {} };
    const stop = startXapiSender(runtime.db, { endpoint: lrs.url, intervalMs: 200 }, silent);
    try {
      await learnerCompletes(course);
      await expect.poll(() => runtime.db.xapiStatement.count({ where: { sentAt: null } }), { timeout: 15_000 }).toBe(0);
    } finally {
      stop();
    }
  });

  it("logs an unreachable LRS and keeps the statements", async () => {
    const course = await buildCourse();
    await learnerCompletes(course);
    const warnings: string[] = [];
    const logger = { info() {}, error() {}, warn: (_details: object, message: string) => void warnings.push(message) };
    const result = await sendXapiBatch(runtime.db, { endpoint: "http://127.0.0.1:1/xapi", timeoutMs: 2000 }, logger);
    expect(result.sent).toBe(0);
    expect(result.failed).toBeGreaterThan(0);
    expect(warnings).toContain("xAPI post failed; will retry");
    expect(await runtime.db.xapiStatement.count({ where: { sentAt: null } })).toBeGreaterThan(0);
  });
});

describe("download", () => {
  async function call(courseId: string, user: CurrentUser, query = ""): Promise<Response> {
    const request = new Request(`http://localhost/manage/courses/${courseId}/xapi.json${query}`, {
      headers: { Cookie: await sessionCookie(runtime.db, user.id) },
    });
    try {
      return (await xapiLoader({ request, params: { courseId }, context: {} })) as Response;
    } catch (thrown) {
      if (thrown instanceof Response) return thrown;
      throw thrown;
    }
  }

  it("gives the course's organizers its statements as JSON, audited, within a date range", async () => {
    const course = await buildCourse();
    const userId = await learnerCompletes(course);
    const response = await call(course.courseId, organizer);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toContain("application/json");
    expect(response.headers.get("Content-Disposition")).toContain("attachment");
    const body = (await response.json()) as { statements: Statement[]; more: string };
    expect(body.statements).toHaveLength(7);
    expect(body.statements.every((statement) => statement.actor.account.name === userId)).toBe(true);
    const audited = await runtime.db.auditLog.findFirst({
      where: { action: "course.xapi_exported", targetId: course.courseId, actorId: organizer.id },
    });
    expect(audited?.details).toMatchObject({ count: 7 });

    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    const tomorrow = new Date(Date.now() + 31 * 3600_000).toISOString().slice(0, 10);
    const inRange = (await (await call(course.courseId, organizer, `?from=${today}&to=${today}`)).json()) as {
      statements: unknown[];
    };
    expect(inRange.statements).toHaveLength(7);
    const after = (await (await call(course.courseId, organizer, `?from=${tomorrow}`)).json()) as {
      statements: unknown[];
    };
    expect(after.statements).toHaveLength(0);

    const backwards = await call(course.courseId, organizer, `?from=${tomorrow}&to=${today}`);
    expect(backwards.status).toBe(302);
    const garbage = await call(course.courseId, organizer, "?from=hôm-qua");
    expect(garbage.status).toBe(302);
  });

  it("refuses another commune's organizer", async () => {
    const course = await buildCourse();
    const response = await call(course.courseId, siblingOrganizer);
    expect(response.status).toBe(403);
  });
});
