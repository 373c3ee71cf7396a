import type { ActionFunction, LoaderFunction } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anonymiseUser } from "~/account/deletion.server";
import { personalDataOf } from "~/account/personal-data.server";
import type { Db } from "~/db/client.server";
import type { OrgNodeType, RosterRole } from "~/generated/prisma/enums";
import { rateAction } from "~/ratings/action.server";
import { canRate, myRating, saveRating } from "~/ratings/ratings.server";
import { ratingSchema } from "~/ratings/schemas";
import { submitResponse } from "~/surveys/responses.server";
import { computeIndicators } from "~/targets/indicators.server";
import { listPopulations, savePopulation } from "~/targets/population.server";
import { populationSchema } from "~/targets/population-schema";
import { seedDemoData } from "../../seeds/demo";
import { DEMO_POPULATION } from "../../seeds/demo-population";
import { createOrgNode, createUserWithRole, currentUserFor, nodeId, sessionCookie } from "../support/fixtures";
import { startTestRuntime, type TestRuntime } from "../support/runtime";

/**
 * Issue 7's indicators on real PostgreSQL over a small hand-built subtree, numbers computed by hand:
 *
 *   P (province, no population)
 *   ├── A (commune, population 1 000 in 2024, 1 200 in 2025 → 1 200)
 *   │     └── AU (unit)
 *   └── B (commune, no population)
 *
 * Roster: u1 OFFICIAL of A and REPORTER of AU (one person, two units); u2 OFFICIAL of B; u3
 * MEDIATOR of B (not counted by default); u4 PROPAGANDIST of AU. Period: Jan–Mar 2026, Vietnam time.
 */
let runtime: TestRuntime;
const vn = (local: string) => new Date(`${local}+07:00`);
const period = { from: vn("2026-01-01T00:00:00"), to: vn("2026-04-01T00:00:00") };
const ids: Record<string, string> = {};

async function node(db: Db, key: string, type: OrgNodeType, parent: string | null) {
  ids[key] = await createOrgNode(db, {
    code: `IND-${key}`,
    name: `Đơn vị thử ${key}`,
    type,
    parentId: parent ? ids[parent] : null,
  });
}

async function person(db: Db, key: string) {
  const user = await db.user.create({
    data: { fullName: `Người thử ${key}`, email: `${key}-${ids.P}@test.example`, passwordHash: "x" },
  });
  ids[key] = user.id;
}

async function roster(db: Db, userKey: string, nodeKey: string, role: RosterRole) {
  await db.rosterMember.create({
    data: {
      orgNodeId: ids[nodeKey],
      userId: ids[userKey],
      fullName: `Người thử ${userKey}`,
      role,
      groupName: "Cán bộ thử",
      groupKey: "can bo thu",
    },
  });
}

async function course(db: Db, key: string, nodeKey: string, category: string) {
  const row = await db.course.create({
    data: {
      orgNodeId: ids[nodeKey],
      title: `Khóa thử ${key}`,
      slug: `khoa-thu-${key}-${ids.P}`,
      category,
      searchText: key,
      status: "PUBLISHED",
      estimatedMinutes: 60,
    },
  });
  ids[key] = row.id;
}

async function enrol(
  db: Db,
  userKey: string,
  courseKey: string,
  at: { enrolled: string; last?: string; done?: string },
) {
  await db.enrolment.create({
    data: {
      userId: ids[userKey],
      courseId: ids[courseKey],
      enrolledAt: vn(at.enrolled),
      lastActivityAt: at.last ? vn(at.last) : null,
      completedAt: at.done ? vn(at.done) : null,
    },
  });
}

async function attempt(db: Db, userKey: string, startedAt: string, status: "SUBMITTED" | "IN_PROGRESS" = "SUBMITTED") {
  const number = (await db.attempt.count({ where: { userId: ids[userKey], roundId: ids.round } })) + 1;
  await db.attempt.create({
    data: {
      roundId: ids.round,
      userId: ids[userKey],
      number,
      status,
      startedAt: vn(startedAt),
      deadlineAt: new Date(vn(startedAt).getTime() + 30 * 60_000),
      maxScore: 10,
    },
  });
}

async function rating(
  db: Db,
  userKey: string,
  target: { course?: string; contest?: string },
  stars: number,
  at: string,
) {
  const subjectNode = target.course ? "A-or-B" : "B";
  await db.rating.create({
    data: {
      userId: ids[userKey],
      subject: target.course ? "COURSE" : "CONTEST",
      courseId: target.course ? ids[target.course] : null,
      contestId: target.contest ? ids[target.contest] : null,
      orgNodeId: target.course
        ? (await db.course.findUniqueOrThrow({ where: { id: ids[target.course] } })).orgNodeId
        : ids[subjectNode],
      stars,
      createdAt: vn(at),
    },
  });
}

async function activity(db: Db, nodeKey: string, kind: "ONLINE" | "OFFLINE", startsAt: string, extra: object = {}) {
  const row = await db.trainingActivity.create({
    data: {
      orgNodeId: ids[nodeKey],
      kind,
      title: `Hoạt động thử ${startsAt}`,
      startsAt: vn(startsAt),
      durationMinutes: 60,
      ...extra,
    },
  });
  return row.id;
}

beforeAll(async () => {
  runtime = await startTestRuntime();
  const db = runtime.db;
  await seedDemoData(db);
  await node(db, "P", "PROVINCE", null);
  await node(db, "A", "COMMUNE", "P");
  await node(db, "AU", "UNIT", "A");
  await node(db, "B", "COMMUNE", "P");
  await db.orgNodePopulation.createMany({
    data: [
      { orgNodeId: ids.A, population: 1000, sourceYear: 2024, source: "thử" },
      { orgNodeId: ids.A, population: 1200, sourceYear: 2025, source: "thử" },
    ],
  });
  for (const key of ["u1", "u2", "u3", "u4", "u5", "u6"]) await person(db, key);
  await roster(db, "u1", "A", "OFFICIAL");
  await roster(db, "u1", "AU", "REPORTER");
  await roster(db, "u2", "B", "OFFICIAL");
  await roster(db, "u3", "B", "MEDIATOR");
  await roster(db, "u4", "AU", "PROPAGANDIST");

  await course(db, "cA", "A", "Kỹ năng số");
  await course(db, "cB", "B", "Khác");
  await enrol(db, "u1", "cA", {
    enrolled: "2025-12-20T09:00:00",
    last: "2026-02-10T09:00:00",
    done: "2026-02-10T09:00:00",
  });
  await enrol(db, "u2", "cB", {
    enrolled: "2026-03-01T09:00:00",
    last: "2026-03-05T09:00:00",
    done: "2026-03-05T09:00:00",
  });
  // Completed before the period: neither trained nor reached in it.
  await enrol(db, "u4", "cA", {
    enrolled: "2025-11-01T09:00:00",
    last: "2025-12-01T09:00:00",
    done: "2025-12-01T09:00:00",
  });

  const contest = await db.contest.create({
    data: {
      orgNodeId: ids.B,
      title: "Cuộc thi thử",
      slug: `cuoc-thi-thu-${ids.P}`,
      registrationFields: {},
      status: "PUBLISHED",
    },
  });
  ids.contest = contest.id;
  const round = await db.round.create({
    data: {
      contestId: contest.id,
      name: "Đợt 1",
      position: 1,
      opensAt: period.from,
      closesAt: period.to,
      timeLimitSeconds: 1800,
      blueprint: { questionIds: [] },
    },
  });
  ids.round = round.id;
  await attempt(db, "u5", "2026-01-20T10:00:00");
  await attempt(db, "u1", "2026-02-01T10:00:00");
  await attempt(db, "u6", "2026-04-02T10:00:00", "IN_PROGRESS");

  await rating(db, "u1", { course: "cA" }, 5, "2026-02-11T09:00:00");
  await rating(db, "u2", { course: "cB" }, 3, "2026-03-06T09:00:00");
  await rating(db, "u5", { contest: "contest" }, 4, "2026-01-21T09:00:00");

  // Training: an offline session at A in January (u1, 120 min), cA's online run from 1 February
  // (its completed enrolments u1 and u4 credited 60 min each), an offline session at B starting
  // 31 March 23:00 Vietnam time and ending in April (counts in March, wholly), and one in April.
  const janSession = await activity(db, "A", "OFFLINE", "2026-01-15T08:00:00");
  await db.trainingAttendance.create({ data: { activityId: janSession, userId: ids.u1, minutesCredited: 120 } });
  await activity(db, "A", "ONLINE", "2026-02-01T00:00:00", { courseId: ids.cA });
  const lateSession = await activity(db, "B", "OFFLINE", "2026-03-31T23:00:00", { endsAt: vn("2026-04-01T01:00:00") });
  await db.trainingAttendance.create({ data: { activityId: lateSession, userId: ids.u2, minutesCredited: 60 } });
  await activity(db, "B", "OFFLINE", "2026-04-01T00:00:00");
});
afterAll(() => runtime?.stop());

describe("computeIndicators", () => {
  it("covers the node and its descendants, each person once, with the not-yet-trained list", async () => {
    const result = await computeIndicators(runtime.db, { nodeId: ids.P, ...period });
    expect(result.node).toMatchObject({ id: ids.P, code: "IND-P" });
    expect(result.roles).toEqual(["OFFICIAL", "REPORTER", "PROPAGANDIST"]);
    // u1 (two units, once), u2, u4; u3 is a mediator. Trained: u1 (Feb), u2 (Mar).
    expect(result.officialsTrained).toEqual({ numerator: 2, denominator: 3, value: 2 / 3 });
    expect(result.untrained.total).toBe(1);
    expect(result.untrained.rows).toEqual([
      {
        userId: ids.u4,
        fullName: "Người thử u4",
        roles: ["PROPAGANDIST"],
        units: [{ orgNodeId: ids.AU, name: "Đơn vị thử AU" }],
      },
    ]);
    // 3 activities start in the period, 1 online; minutes 120 online of 120 + 120 + 60.
    expect(result.onlineTraining).toMatchObject({
      activities: { online: 1, total: 3 },
      participantMinutes: { online: 120, total: 300 },
      shareByActivities: 1 / 3,
      shareByParticipantHours: 0.4,
    });
    // u1 (course, contest, rating), u2 (course, rating), u5 (contest, rating) ÷ A's latest 1 200; B has none.
    expect(result.residentsReached).toEqual({
      numerator: 3,
      denominator: 1200,
      value: 3 / 1200,
      population: 1200,
      urbanPopulation: null,
      ruralPopulation: null,
      missingPopulation: [{ id: ids.B, name: "Đơn vị thử B" }],
    });
    // 5, 3, 4 stars.
    expect(result.satisfaction).toEqual({ numerator: 2, denominator: 3, value: 2 / 3 });
  });

  it("filters by course category and roster roles, and pages the list", async () => {
    const db = runtime.db;
    const skills = await computeIndicators(db, { nodeId: ids.P, ...period, categories: ["Kỹ năng số"] });
    expect(skills.officialsTrained).toEqual({ numerator: 1, denominator: 3, value: 1 / 3 });
    expect(skills.untrained.rows.map((row) => row.userId).sort()).toEqual([ids.u2, ids.u4].sort());
    const paged = await computeIndicators(db, {
      nodeId: ids.P,
      ...period,
      categories: ["Kỹ năng số"],
      untrainedPage: 2,
      untrainedPageSize: 1,
    });
    expect(paged.untrained).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(paged.untrained.rows).toHaveLength(1);
    const mediators = await computeIndicators(db, { nodeId: ids.P, ...period, roles: ["MEDIATOR"] });
    expect(mediators.officialsTrained).toEqual({ numerator: 0, denominator: 1, value: 0 });
  });

  it("breaks down by direct child, each over its own subtree", async () => {
    const result = await computeIndicators(runtime.db, { nodeId: ids.P, ...period });
    const byCode = Object.fromEntries(result.children.map((child) => [child.node.code, child]));
    expect(Object.keys(byCode).sort()).toEqual(["IND-A", "IND-B"]);
    // A covers its unit AU: u1 (once) and u4.
    expect(byCode["IND-A"].officialsTrained).toEqual({ numerator: 1, denominator: 2, value: 0.5 });
    expect(byCode["IND-B"].officialsTrained).toEqual({ numerator: 1, denominator: 1, value: 1 });
    expect(byCode["IND-A"].onlineTraining).toMatchObject({ activities: { online: 1, total: 2 } });
    expect(byCode["IND-B"].onlineTraining).toMatchObject({ activities: { online: 0, total: 1 } });
    // A: u1 (its course, its rating); B: u5, u1 (contest), u2 (course) with no population.
    expect(byCode["IND-A"].residentsReached).toMatchObject({ numerator: 1, denominator: 1200, population: 1200 });
    expect(byCode["IND-B"].residentsReached).toMatchObject({
      numerator: 3,
      value: null,
      population: null,
      missingPopulation: [{ id: ids.B }],
    });
    expect(byCode["IND-A"].satisfaction).toEqual({ numerator: 1, denominator: 1, value: 1 });
    expect(byCode["IND-B"].satisfaction).toEqual({ numerator: 1, denominator: 2, value: 0.5 });

    // A child's own call gives the same numbers as its row in the parent's breakdown.
    const a = await computeIndicators(runtime.db, { nodeId: ids.A, ...period });
    expect(a.officialsTrained).toEqual(byCode["IND-A"].officialsTrained);
    expect(a.children.map((child) => child.node.code)).toEqual(["IND-AU"]);
  });

  it("gives a monthly trend in Vietnam time: cumulative for trained and reached, per month for the rest", async () => {
    const { trend } = await computeIndicators(runtime.db, { nodeId: ids.P, ...period });
    expect(trend.map((month) => month.month)).toEqual(["2026-01", "2026-02", "2026-03"]);
    expect(trend.map((month) => month.officialsTrained.numerator)).toEqual([0, 1, 2]);
    expect(trend.map((month) => month.residentsReached.numerator)).toEqual([1, 2, 3]);
    expect(trend.map((month) => month.onlineTraining.activities)).toEqual([
      { online: 0, total: 1 },
      { online: 1, total: 1 },
      // The session of 31 March 23:00 (16:00 UTC) is March's.
      { online: 0, total: 1 },
    ]);
    expect(trend.map((month) => month.satisfaction.value)).toEqual([1, 1, 0]);
  });

  it("answers null, not 0, where there is nothing to divide", async () => {
    const result = await computeIndicators(runtime.db, {
      nodeId: ids.B,
      from: vn("2030-01-01T00:00:00"),
      to: vn("2030-02-01T00:00:00"),
      roles: ["OTHER"],
    });
    expect(result.officialsTrained.value).toBeNull();
    expect(result.onlineTraining.shareByActivities).toBeNull();
    expect(result.residentsReached.value).toBeNull();
    expect(result.satisfaction.value).toBeNull();
  });
});

describe("ratings", () => {
  it("may be given only by someone who completed the course or closed an attempt, once, and changed later", async () => {
    const db = runtime.db;
    const cA = { courseId: ids.cA };
    // u3 never enrolled; u6's only attempt is still running.
    expect(await canRate(db, ids.u3, cA)).toBe(false);
    expect(await saveRating(db, ids.u3, cA, { stars: 5, comment: null })).toEqual({ ok: false, code: "NOT_ALLOWED" });
    expect(await saveRating(db, ids.u6, { contestId: ids.contest }, { stars: 5, comment: null })).toEqual({
      ok: false,
      code: "NOT_ALLOWED",
    });
    expect(await saveRating(db, ids.u6, { courseId: "no-such-course" }, { stars: 5, comment: null })).toEqual({
      ok: false,
      code: "NOT_FOUND",
    });
    expect(await db.rating.count({ where: { userId: { in: [ids.u3, ids.u6] } } })).toBe(0);

    // u4 completed cA (before the period: still allowed to rate it).
    expect(await saveRating(db, ids.u4, cA, { stars: 2, comment: "Hơi dài" })).toEqual({ ok: true, created: true });
    expect(await saveRating(db, ids.u4, cA, { stars: 4, comment: null })).toEqual({ ok: true, created: false });
    expect(await myRating(db, ids.u4, cA)).toEqual({ stars: 4, comment: null });
    const row = await db.rating.findFirstOrThrow({ where: { userId: ids.u4 } });
    expect(row).toMatchObject({ subject: "COURSE", orgNodeId: ids.A, contestId: null });
    expect(await db.rating.count({ where: { userId: ids.u4 } })).toBe(1);

    // A contestant with a submitted attempt rates the contest; it is recorded against its node.
    expect(await saveRating(db, ids.u1, { contestId: ids.contest }, { stars: 5, comment: null })).toMatchObject({
      ok: true,
    });
    expect((await db.rating.findFirstOrThrow({ where: { userId: ids.u1, contestId: ids.contest } })).orgNodeId).toBe(
      ids.B,
    );
  });

  it("refuses stars outside 1–5 and comments over 1000 characters, saving nothing", async () => {
    const db = runtime.db;
    const post = (fields: Record<string, string>) => {
      const form = new FormData();
      for (const [key, value] of Object.entries(fields)) form.set(key, value);
      return rateAction(db, ids.u2, { courseId: ids.cB }, form);
    };
    const refused: Record<string, string>[] = [
      { stars: "0" },
      { stars: "6" },
      { stars: "ba" },
      {},
      { stars: "4", comment: "x".repeat(1001) },
    ];
    for (const fields of refused) {
      const response = await post(fields);
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        rating: { error: fields.comment ? "errors.rating.commentTooLong" : "errors.rating.invalidStars" },
      });
    }
    const before = await db.rating.findFirstOrThrow({ where: { userId: ids.u2, courseId: ids.cB } });
    expect(before.stars).toBe(3);
    const ok = await post({ stars: "5", comment: "  Rất bổ ích  " });
    expect(await ok.json()).toEqual({ rating: { saved: true } });
    expect(await myRating(db, ids.u2, { courseId: ids.cB })).toEqual({ stars: 5, comment: "Rất bổ ích" });
    // The database refuses out-of-range stars even if the app did not.
    await expect(db.rating.update({ where: { id: before.id }, data: { stars: 9 } })).rejects.toThrow();
    expect(ratingSchema.safeParse({ stars: "3" }).success).toBe(true);
  });
});

describe("the rating forms on the course and attempt-result pages", () => {
  type Route = { loader?: LoaderFunction; action?: ActionFunction };
  const call = async (
    route: Route,
    kind: "loader" | "action",
    url: string,
    params: Record<string, string>,
    userKey: string,
    fields: Record<string, string> = {},
  ) => {
    const headers = new Headers({ Cookie: await sessionCookie(runtime.db, ids[userKey]) });
    const body = new FormData();
    for (const [key, value] of Object.entries(fields)) body.set(key, value);
    const request =
      kind === "loader"
        ? new Request(`http://localhost${url}`, { headers })
        : new Request(`http://localhost${url}`, { method: "POST", headers, body });
    try {
      const result = await (route[kind] as LoaderFunction)({ request, params, context: {} });
      return result as Response;
    } catch (thrown) {
      if (thrown instanceof Response) return thrown;
      throw thrown;
    }
  };

  it("offers the form only to those who may rate, and refuses the others' posts", async () => {
    const db = runtime.db;
    const coursePage = (await import("~/routes/courses.$slug._index")) as Route;
    const slug = (await db.course.findUniqueOrThrow({ where: { id: ids.cB } })).slug;
    const url = `/courses/${slug}`;
    // u2 completed cB: the form, with their rating; u3 did not: no form, and a post is refused.
    const completed = await (await call(coursePage, "loader", url, { slug }, "u2")).json();
    expect(completed.rating).toMatchObject({ stars: expect.any(Number) });
    const notCompleted = await (await call(coursePage, "loader", url, { slug }, "u3")).json();
    expect(notCompleted.rating).toBeUndefined();
    const refused = await call(coursePage, "action", url, { slug }, "u3", { intent: "rate", stars: "5" });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({ rating: { error: "errors.rating.notAllowed" } });
    expect(await db.rating.count({ where: { userId: ids.u3 } })).toBe(0);

    // The result page of u1's submitted attempt: rating the contest; u6's running one redirects.
    const resultPage = (await import("~/routes/attempts.$attemptId.result")) as Route;
    const submitted = await db.attempt.findFirstOrThrow({ where: { userId: ids.u1, roundId: ids.round } });
    const resultUrl = `/attempts/${submitted.id}/result`;
    const saved = await call(resultPage, "action", resultUrl, { attemptId: submitted.id }, "u1", {
      intent: "rate",
      stars: "3",
      comment: "Thời gian hơi ngắn",
    });
    expect(await saved.json()).toEqual({ rating: { saved: true } });
    expect(await myRating(db, ids.u1, { contestId: ids.contest })).toEqual({ stars: 3, comment: "Thời gian hơi ngắn" });
    // Someone else's attempt: 404, as if it did not exist.
    expect(
      (await call(resultPage, "action", resultUrl, { attemptId: submitted.id }, "u2", { intent: "rate", stars: "1" }))
        .status,
    ).toBe(404);
    const running = await db.attempt.findFirstOrThrow({ where: { userId: ids.u6 } });
    const runningUrl = `/attempts/${running.id}/result`;
    expect(
      (await call(resultPage, "action", runningUrl, { attemptId: running.id }, "u6", { intent: "rate", stars: "5" }))
        .status,
    ).toBe(403);
  });
});

describe("ratings as personal data", () => {
  it("are in the person's download, and an approved deletion keeps the stars but drops the comment", async () => {
    const db = runtime.db;
    await saveRating(db, ids.u5, { contestId: ids.contest }, { stars: 4, comment: "Câu hỏi hay" });
    expect((await personalDataOf(db, ids.u5)).ratings).toEqual([
      expect.objectContaining({ subject: "CONTEST", title: "Cuộc thi thử", stars: 4, comment: "Câu hỏi hay" }),
    ]);
    await anonymiseUser(db, ids.u5);
    expect(await myRating(db, ids.u5, { contestId: ids.contest })).toEqual({ stars: 4, comment: null });
  });
});

describe("population", () => {
  it("is entered by an organizer of the node for provinces and communes only, audited, latest year used", async () => {
    const db = runtime.db;
    const organizer = await currentUserFor(
      db,
      (await createUserWithRole(db, { role: "ORGANIZER", nodeCode: "IND-A" })).id,
    );
    const input = (fields: Record<string, string>) =>
      populationSchema.parse({ population: "1.500", sourceYear: "2026", source: "Báo cáo UBND xã (thử)", ...fields });
    expect(await savePopulation(db, null, organizer, input({ orgNodeId: ids.B }))).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    expect(await savePopulation(db, null, organizer, input({ orgNodeId: ids.AU }))).toMatchObject({
      ok: false,
      code: "NOT_TERRITORIAL",
    });
    expect(await savePopulation(db, null, organizer, input({ orgNodeId: ids.A }))).toEqual({ ok: true });
    // The same year again corrects it.
    expect(
      await savePopulation(
        db,
        null,
        organizer,
        input({ orgNodeId: ids.A, population: "1600", urbanPopulation: "600" }),
      ),
    ).toEqual({
      ok: true,
    });
    expect(await db.orgNodePopulation.count({ where: { orgNodeId: ids.A } })).toBe(3);
    const rows = await listPopulations(db, organizer);
    expect(rows.map((row) => row.id)).toEqual([ids.A]);
    expect(rows[0].latest).toMatchObject({
      population: 1600,
      urbanPopulation: 600,
      ruralPopulation: null,
      sourceYear: 2026,
    });
    expect(
      await db.auditLog.count({ where: { action: "population.saved", orgNodeId: ids.A, actorId: organizer.id } }),
    ).toBe(2);

    const result = await computeIndicators(db, { nodeId: ids.A, ...period });
    expect(result.residentsReached).toMatchObject({ population: 1600, urbanPopulation: 600, ruralPopulation: null });

    expect(
      populationSchema.safeParse({ orgNodeId: ids.A, population: "0", sourceYear: "2026", source: "x" }).success,
    ).toBe(false);
    expect(
      populationSchema.safeParse({
        orgNodeId: ids.A,
        population: "100",
        urbanPopulation: "80",
        ruralPopulation: "30",
        sourceYear: "2026",
        source: "x",
      }).success,
    ).toBe(false);
    expect(
      populationSchema.safeParse({ orgNodeId: ids.A, population: "100", sourceYear: "1800", source: "x" }).success,
    ).toBe(false);
  });

  it("is seeded for the demo communes as round figures marked demo; a province sums its communes", async () => {
    const db = runtime.db;
    const kimThanh = await db.orgNodePopulation.findFirstOrThrow({
      where: { orgNodeId: await nodeId(db, "HP-KIMTHANH") },
    });
    expect(kimThanh).toMatchObject({ source: "số liệu demo", isDemo: true, population: 10_000 });
    const hp = await computeIndicators(db, { nodeId: await nodeId(db, "HP"), ...period });
    const expected = DEMO_POPULATION.nodes
      .filter((entry) => entry.code.startsWith("HP-"))
      .reduce((sum, entry) => sum + entry.population, 0);
    expect(hp.residentsReached.population).toBe(expected);
    expect(hp.residentsReached.missingPopulation).toEqual([]);
  });
});

describe("survey respondents as residents reached", () => {
  it("count at the survey's node when they answer, each person once even when also a contestant", async () => {
    const db = runtime.db;
    const before = await computeIndicators(db, { nodeId: ids.P, ...period });
    expect(before.residentsReached.numerator).toBe(3);
    const survey = await db.survey.create({
      data: { orgNodeId: ids.A, title: "Khảo sát thử", code: `ind${ids.P.slice(-6)}`, status: "OPEN" },
    });
    for (const key of ["u7", "u8"]) await person(db, key);
    // u5 already took part in B's contest in January; u7 only answers; u8 answers after the period.
    for (const [key, at] of [
      ["u5", "2026-03-10T09:00:00"],
      ["u7", "2026-03-12T09:00:00"],
      ["u8", "2026-04-05T09:00:00"],
    ] as const)
      expect(await submitResponse(db, survey, ids[key], new Map(), vn(at))).toMatchObject({ ok: true });

    const after = await computeIndicators(db, { nodeId: ids.P, ...period });
    // u1, u2, u5 as before (u5 once) + u7.
    expect(after.residentsReached.numerator).toBe(4);
    expect(after.trend.map((month) => month.residentsReached.numerator)).toEqual([1, 2, 4]);
    const a = after.children.find((child) => child.node.id === ids.A);
    // A: u1 (its course) + u5 and u7 (its survey).
    expect(a?.residentsReached.numerator).toBe(3);
  });
});
