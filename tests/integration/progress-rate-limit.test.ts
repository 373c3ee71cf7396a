import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { action as progressAction } from "~/routes/learn.$lessonId.progress";
import { seedDemoData } from "../../seeds/demo";
import { DEMO_COURSE } from "../../seeds/demo-course";
import { createUserWithRole, sessionCookie } from "../support/fixtures";
import { startTestRuntime, type TestRuntime } from "../support/runtime";

/** The lesson player's progress endpoint refuses a flood per learner (issue 6, bad input). */
let runtime: TestRuntime;
beforeAll(async () => {
  runtime = await startTestRuntime({ PROGRESS_MAX_PER_MINUTE: "3" });
  await seedDemoData(runtime.db);
});
afterAll(() => runtime?.stop());

async function report(cookie: string, lessonId: string) {
  const request = new Request(`http://localhost/learn/${lessonId}/progress`, {
    method: "POST",
    headers: { Cookie: cookie, "Content-Type": "application/json" },
    body: JSON.stringify({ viewId: "x", seq: 1, intervals: [[0, 5]], positionSeconds: 5 }),
  });
  return (await progressAction({ request, params: { lessonId }, context: {} })) as Response;
}

describe("progress reports", () => {
  it("answer 429 with Retry-After past the per-learner limit, and leave other learners alone", async () => {
    const { db } = runtime;
    const course = await db.course.findUniqueOrThrow({ where: { slug: DEMO_COURSE.slug }, include: { lessons: true } });
    const lessonId = course.lessons[0].id;
    const [flooder, neighbour] = await Promise.all(
      ["Người gửi dồn (thử)", "Người bên cạnh (thử)"].map(async (fullName) => {
        const user = await createUserWithRole(db, { role: "LEARNER", nodeCode: "HP-KIMTHANH", fullName });
        await db.enrolment.create({ data: { courseId: course.id, userId: user.id } });
        return sessionCookie(db, user.id);
      }),
    );
    for (let index = 0; index < 3; index++) expect((await report(flooder, lessonId)).status).not.toBe(429);
    const refused = await report(flooder, lessonId);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(await refused.json()).toMatchObject({ ok: false, code: "RATE_LIMITED" });
    expect((await report(neighbour, lessonId)).status).not.toBe(429);
  });
});
