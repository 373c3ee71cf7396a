import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anonymiseUser } from "~/account/deletion.server";
import { personalDataOf } from "~/account/personal-data.server";
import type { CurrentUser } from "~/auth/guards.server";
import * as listRoute from "~/routes/manage.surveys._index";
import * as editorRoute from "~/routes/manage.surveys.$surveyId._index";
import * as resultsRoute from "~/routes/manage.surveys.$surveyId.results";
import * as exportRoute from "~/routes/manage.surveys.$surveyId.results[.xlsx]";
import * as answerRoute from "~/routes/s.$code._index";
import { surveyWorkbook } from "~/surveys/export.server";
import { publicSurvey, submitResponse, surveyResults, textAnswers } from "~/surveys/responses.server";
import { addQuestion, createSurvey, loadManagedSurvey, setSurveyStatus } from "~/surveys/surveys.server";
import { seedDemoData } from "../../seeds/demo";
import { DEMO_SURVEY, DEMO_SURVEY_QUESTIONS } from "../../seeds/demo-surveys";
import { createUserWithRole, currentUserFor, nodeId, sessionCookie } from "../support/fixtures";
import { startTestRuntime, type TestRuntime } from "../support/runtime";

/**
 * Surveys on real PostgreSQL (issue 7 §3): one answer per person even when two arrive at once,
 * closed surveys refused, organizers of another commune kept out, results and the Excel file
 * with the same numbers, questions locked once answered, answers as personal data.
 */
let runtime: TestRuntime;
let organizer: CurrentUser;
let organizerCookie = "";
let siblingCookie = "";
let surveyId = "";
let code = "";
const people: Array<{ id: string; cookie: string }> = [];

async function loadSurvey() {
  const survey = await loadManagedSurvey(runtime.db, organizer, surveyId);
  if (!survey) throw new Error("survey not found");
  return survey;
}

function post(url: string, cookie: string, fields: Array<[string, string]>) {
  const body = new FormData();
  for (const [key, value] of fields) body.append(key, value);
  return new Request(`http://localhost${url}`, { method: "POST", headers: { Cookie: cookie }, body });
}

async function outcome(call: () => Promise<unknown>): Promise<{ status: number; body: unknown }> {
  try {
    const result = await call();
    if (result instanceof Response)
      return {
        status: result.status,
        body: result.headers.get("Content-Type")?.includes("json") ? await result.json() : null,
      };
    return { status: 200, body: result };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, body: null };
    throw thrown;
  }
}

beforeAll(async () => {
  runtime = await startTestRuntime();
  const db = runtime.db;
  await seedDemoData(db);
  const made = await createUserWithRole(db, { role: "ORGANIZER", nodeCode: "HP-KIMTHANH" });
  organizer = await currentUserFor(db, made.id);
  organizerCookie = await sessionCookie(db, made.id);
  siblingCookie = await sessionCookie(
    db,
    (await createUserWithRole(db, { role: "ORGANIZER", nodeCode: "HP-HAIAN" })).id,
  );
  for (let index = 0; index < 4; index += 1) {
    const person = await createUserWithRole(db, { role: "CONTESTANT", nodeCode: "HP-KIMTHANH-THCS" });
    people.push({ id: person.id, cookie: await sessionCookie(db, person.id) });
  }
  const created = await createSurvey(db, null, organizer, {
    orgNodeId: await nodeId(db, "HP-KIMTHANH"),
    title: "Khảo sát thử nhu cầu pháp luật",
    intro: null,
    opensAt: null,
    closesAt: null,
  });
  if (!created.ok) throw new Error(created.code);
  surveyId = created.surveyId;
  const add = async (input: Parameters<typeof addQuestion>[4]) => {
    const result = await addQuestion(db, null, organizer, await loadSurvey(), input);
    if (!result.ok) throw new Error(result.code);
  };
  const base = { required: true, options: [], scaleMinLabel: null, scaleMaxLabel: null };
  await add({
    ...base,
    kind: "MULTIPLE",
    prompt: "Lĩnh vực quan tâm?",
    options: ["Đất đai", "Lao động", "Giao thông"],
  });
  await add({ ...base, kind: "SINGLE", prompt: "Kênh nhận thông tin?", options: ["Zalo", "Loa truyền thanh"] });
  await add({ ...base, kind: "SCALE", prompt: "Mức dễ hiểu?", scaleMinLabel: "Khó", scaleMaxLabel: "Dễ" });
  await add({ ...base, kind: "TEXT", prompt: "Góp ý khác?", required: false });
  code = (await db.survey.findUniqueOrThrow({ where: { id: surveyId } })).code;
});
afterAll(() => runtime?.stop());

const questionIds = async () =>
  (await runtime.db.surveyQuestion.findMany({ where: { surveyId }, orderBy: { position: "asc" } })).map((q) => q.id);

async function answer(cookie: string, fields: Array<[number, string]>) {
  const ids = await questionIds();
  return outcome(() =>
    answerRoute.action({
      request: post(
        `/s/${code}`,
        cookie,
        fields.map(([question, value]) => [`q-${ids[question]}`, value]),
      ),
      params: { code },
      context: {},
    }),
  );
}

describe("answering", () => {
  it("refuses answers while the survey is a draft (not public) and opens only with questions", async () => {
    expect((await answer(people[0].cookie, [[1, "0"]])).status).toBe(404);
    const db = runtime.db;
    const empty = await createSurvey(db, null, organizer, {
      orgNodeId: await nodeId(db, "HP-KIMTHANH"),
      title: "Khảo sát chưa có câu hỏi",
      intro: null,
      opensAt: null,
      closesAt: null,
    });
    if (!empty.ok) throw new Error(empty.code);
    const emptySurvey = await loadManagedSurvey(db, organizer, empty.surveyId);
    if (!emptySurvey) throw new Error("missing");
    expect(await setSurveyStatus(db, null, organizer, emptySurvey, "OPEN")).toMatchObject({
      ok: false,
      code: "NO_QUESTIONS",
    });
    expect(await setSurveyStatus(db, null, organizer, await loadSurvey(), "OPEN")).toEqual({ ok: true });
    expect(await db.auditLog.count({ where: { action: "survey.opened", targetId: surveyId } })).toBe(1);
  });

  it("refuses an invalid answer with Vietnamese keys per question, keeping what was typed, storing nothing", async () => {
    const result = await answer(people[0].cookie, [
      [0, "5"],
      [2, "4"],
      [3, "giữ lại"],
    ]);
    const ids = await questionIds();
    expect(result.status).toBe(400);
    expect(result.body).toMatchObject({
      fieldErrors: { [ids[0]]: "survey.errors.invalidChoice", [ids[1]]: "survey.errors.required" },
      values: { [ids[3]]: ["giữ lại"] },
    });
    expect(await runtime.db.surveyResponse.count({ where: { surveyId } })).toBe(0);
  });

  it("stores one answer per person and refuses the second with a clear message", async () => {
    const first = await answer(people[0].cookie, [
      [0, "0"],
      [0, "1"],
      [1, "0"],
      [2, "5"],
      [3, "Tôi muốn hỏi về thủ tục cấp sổ đỏ"],
    ]);
    expect(first.status).toBe(302);
    const second = await answer(people[0].cookie, [
      [0, "2"],
      [1, "1"],
      [2, "1"],
    ]);
    expect(second).toMatchObject({ status: 409, body: { formError: "survey.errors.ALREADY_ANSWERED" } });
    expect(await runtime.db.surveyResponse.count({ where: { surveyId, userId: people[0].id } })).toBe(1);
  });

  it("keeps exactly one of two submissions of the same person arriving at once", async () => {
    const survey = await publicSurvey(runtime.db, code);
    if (!survey) throw new Error("missing");
    const [a, b] = survey.questions;
    const answers = new Map([
      [a.id, { choices: [1], scale: null, text: null }],
      [b.id, { choices: [1], scale: null, text: null }],
      [survey.questions[2].id, { choices: [], scale: 4, text: null }],
    ]);
    const results = await Promise.all([
      submitResponse(runtime.db, survey, people[1].id, answers),
      submitResponse(runtime.db, survey, people[1].id, answers),
      submitResponse(runtime.db, survey, people[1].id, answers),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok)).toEqual([
      { ok: false, code: "ALREADY_ANSWERED" },
      { ok: false, code: "ALREADY_ANSWERED" },
    ]);
    expect(await runtime.db.surveyResponse.count({ where: { surveyId, userId: people[1].id } })).toBe(1);
    expect(await runtime.db.surveyAnswer.count({ where: { response: { surveyId, userId: people[1].id } } })).toBe(3);
  });

  it("refuses answers once closed, or outside the survey's dates", async () => {
    expect(
      (
        await answer(people[2].cookie, [
          [0, "1"],
          [0, "2"],
          [1, "0"],
          [2, "4"],
          [3, "Lừa đảo qua mạng"],
        ])
      ).status,
    ).toBe(302);
    await setSurveyStatus(runtime.db, null, organizer, await loadSurvey(), "CLOSED");
    expect(
      await answer(people[3].cookie, [
        [0, "0"],
        [1, "0"],
        [2, "3"],
      ]),
    ).toMatchObject({ status: 409, body: { formError: "survey.errors.CLOSED" } });
    const survey = await publicSurvey(runtime.db, code);
    if (!survey) throw new Error("missing");
    const now = new Date("2026-06-01T00:00:00Z");
    const open = { ...survey, status: "OPEN" as const };
    expect(
      await submitResponse(
        runtime.db,
        { ...open, opensAt: new Date("2026-07-01T00:00:00Z") },
        people[3].id,
        new Map(),
        now,
      ),
    ).toEqual({ ok: false, code: "NOT_YET" });
    expect(
      await submitResponse(
        runtime.db,
        { ...open, closesAt: new Date("2026-05-01T00:00:00Z") },
        people[3].id,
        new Map(),
        now,
      ),
    ).toEqual({ ok: false, code: "CLOSED" });
    expect(await runtime.db.surveyResponse.count({ where: { surveyId } })).toBe(3);
    expect(await runtime.db.auditLog.count({ where: { action: "survey.closed", targetId: surveyId } })).toBe(1);
  });
});

describe("results", () => {
  // Three responses: fields [0,1], [1], [1,2]; channel 0, 1, 0; scale 5, 4, 4; texts: two.
  it("counts each option, the scale and the texts by hand", async () => {
    const results = await surveyResults(runtime.db, surveyId);
    expect(results.responses).toBe(3);
    const [fields, channel, clarity, other] = results.questions;
    expect(fields.options.map((option) => option.count)).toEqual([1, 3, 1]);
    expect(fields.answered).toBe(3);
    expect(channel.options.map((option) => option.count)).toEqual([2, 1]);
    expect(clarity.scale.map((row) => row.count)).toEqual([0, 0, 0, 2, 1]);
    expect(clarity.mean).toBeCloseTo(13 / 3, 10);
    expect(other.texts).toBe(2);
    const texts = await textAnswers(runtime.db, surveyId, other.question.id, 1, 1);
    expect(texts.total).toBe(2);
    expect(texts.rows.map((row) => row.text)).toEqual(["Tôi muốn hỏi về thủ tục cấp sổ đỏ"]);
  });

  it("exports the same numbers to Excel, and no name or e-mail", async () => {
    const results = await surveyResults(runtime.db, surveyId);
    const { buffer, rows } = await surveyWorkbook(runtime.db, surveyId);
    expect(rows).toBe(3);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    const summary = workbook.getWorksheet("Tổng hợp");
    const values: unknown[][] = [];
    summary?.eachRow((row) => {
      values.push((row.values as unknown[]).slice(1));
    });
    const countOf = (label: string) => values.find((row) => row[0] === label)?.[1];
    for (const option of results.questions[0].options) expect(countOf(option.label)).toBe(option.count);
    for (const option of results.questions[1].options) expect(countOf(option.label)).toBe(option.count);
    expect(countOf("1 (Khó)")).toBe(0);
    expect(countOf("4")).toBe(2);
    expect(countOf("5 (Dễ)")).toBe(1);
    expect(countOf("Điểm trung bình")).toBe(4.33);
    expect(countOf("Số câu trả lời")).toBe(2);

    const all = workbook.getWorksheet("Phiếu trả lời");
    expect(all?.rowCount).toBe(4);
    expect(all?.getRow(2).getCell(4).value).toBe("Đất đai; Lao động");
    expect(all?.getRow(2).getCell(3).value).toBe("Trường THCS xã Kim Thành (demo)");
    const text = JSON.stringify(values) + JSON.stringify(all?.getSheetValues());
    const users = await runtime.db.user.findMany({ where: { id: { in: people.map((person) => person.id) } } });
    for (const user of users) {
      expect(text).not.toContain(user.fullName);
      expect(text).not.toContain(user.email ?? "@");
    }
  });

  it("is the organizer's of the node alone: another commune's organizer cannot see, edit or export it", async () => {
    const params = { surveyId };
    const get = (cookie: string, url: string) => new Request(`http://localhost${url}`, { headers: { Cookie: cookie } });
    const base = `/manage/surveys/${surveyId}`;
    expect(
      (await outcome(() => editorRoute.loader({ request: get(siblingCookie, base), params, context: {} }))).status,
    ).toBe(403);
    expect(
      (
        await outcome(() =>
          editorRoute.action({
            request: post(base, siblingCookie, [["intent", "close"]]),
            params,
            context: {},
          }),
        )
      ).status,
    ).toBe(403);
    expect(
      (
        await outcome(() =>
          resultsRoute.loader({ request: get(siblingCookie, `${base}/results`), params, context: {} }),
        )
      ).status,
    ).toBe(403);
    expect(
      (
        await outcome(() =>
          exportRoute.loader({ request: get(siblingCookie, `${base}/results.xlsx`), params, context: {} }),
        )
      ).status,
    ).toBe(403);
    const list = await outcome(() =>
      listRoute.loader({ request: get(siblingCookie, "/manage/surveys"), params: {}, context: {} }),
    );
    expect(JSON.stringify(list.body)).not.toContain(surveyId);
    const mine = await outcome(() =>
      listRoute.loader({ request: get(organizerCookie, "/manage/surveys"), params: {}, context: {} }),
    );
    expect(JSON.stringify(mine.body)).toContain(surveyId);
    const exported = await outcome(() =>
      exportRoute.loader({ request: get(organizerCookie, `${base}/results.xlsx`), params, context: {} }),
    );
    expect(exported.status).toBe(200);
    expect(await runtime.db.auditLog.count({ where: { action: "survey.exported", targetId: surveyId } })).toBe(1);
  });
});

describe("questions once answered", () => {
  it("cannot be removed, change kind or lose options; can be reworded, added to and reordered", async () => {
    const ids = await questionIds();
    const base = `/manage/surveys/${surveyId}`;
    const act = (fields: Array<[string, string]>) =>
      outcome(() =>
        editorRoute.action({ request: post(base, organizerCookie, fields), params: { surveyId }, context: {} }),
      );
    expect(
      await act([
        ["intent", "removeQuestion"],
        ["questionId", ids[0]],
      ]),
    ).toMatchObject({
      status: 400,
      body: { formError: "surveys.errors.HAS_RESPONSES_REMOVE" },
    });
    const question = (kind: string, options: string) =>
      [
        ["intent", "saveQuestion"],
        ["questionId", ids[1]],
        ["kind", kind],
        ["prompt", "Kênh nhận thông tin pháp luật?"],
        ["options", options],
        ["required", "on"],
      ] as Array<[string, string]>;
    expect(await act(question("MULTIPLE", "Zalo\nLoa truyền thanh"))).toMatchObject({
      status: 400,
      body: { fieldErrors: { kind: "surveys.errors.HAS_RESPONSES_KIND" } },
    });
    expect(await act(question("SINGLE", "Zalo\nFacebook"))).toMatchObject({ status: 302 });
    expect(await act(question("SINGLE", "Zalo"))).toMatchObject({
      status: 400,
      body: { fieldErrors: { options: "surveys.errors.tooFewOptions" } },
    });
    expect(await act(question("SINGLE", "Zalo, Facebook\nLoa truyền thanh\nHội nghị tại thôn"))).toMatchObject({
      status: 302,
    });
    expect(
      await act([
        ["intent", "moveUp"],
        ["questionId", ids[3]],
      ]),
    ).toMatchObject({ status: 302 });
    expect(await questionIds()).toEqual([ids[0], ids[1], ids[3], ids[2]]);
    expect(await runtime.db.surveyQuestion.count({ where: { surveyId } })).toBe(4);
    expect(
      await runtime.db.auditLog.count({ where: { action: "survey.updated", targetId: surveyId } }),
    ).toBeGreaterThanOrEqual(3);
  });
});

describe("answers as personal data", () => {
  it("are in the person's download, and an approved deletion clears the free text and keeps the choices", async () => {
    const db = runtime.db;
    const data = await personalDataOf(db, people[0].id);
    expect(data.surveyResponses).toHaveLength(1);
    expect(data.surveyResponses[0]).toMatchObject({ survey: "Khảo sát thử nhu cầu pháp luật" });
    expect(data.surveyResponses[0].answers).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ question: "Lĩnh vực quan tâm?", choices: ["Đất đai", "Lao động"] }),
        expect.objectContaining({ question: "Góp ý khác?", text: "Tôi muốn hỏi về thủ tục cấp sổ đỏ" }),
      ]),
    );
    await db.$transaction((tx) => anonymiseUser(tx, people[0].id));
    const answers = await db.surveyAnswer.findMany({ where: { response: { userId: people[0].id } } });
    expect(answers).toHaveLength(4);
    expect(answers.every((row) => row.text === null)).toBe(true);
    expect(answers.find((row) => row.scale !== null)?.scale).toBe(5);
    const results = await surveyResults(db, surveyId);
    expect(results.responses).toBe(3);
  });
});

describe("the demo survey", () => {
  it("is Kim Thành's, open, marked demo, with its questions and no response", async () => {
    const survey = await runtime.db.survey.findUniqueOrThrow({
      where: { code: DEMO_SURVEY.code },
      include: { questions: true, orgNode: true, _count: { select: { responses: true } } },
    });
    expect(survey).toMatchObject({ isDemo: true, status: "OPEN", title: DEMO_SURVEY.title });
    expect(survey.orgNode.code).toBe("HP-KIMTHANH");
    expect(survey.questions).toHaveLength(DEMO_SURVEY_QUESTIONS.length);
    expect(survey._count.responses).toBe(0);
  });
});
