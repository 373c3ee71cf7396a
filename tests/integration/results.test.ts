import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveAnswer, startAttempt, submitAttempt } from "~/contests/attempts.server";
import { rankingWorkbook } from "~/contests/ranking-export.server";
import { roundRanking } from "~/contests/results.server";
import { countingAttempt, type RankEntry, rankEntries, TIE_BREAKERS, tieBreakOrder } from "~/contests/scoring";
import type { QuestionOption } from "~/questions/draft";
import { DEMO_BANK, seedDemoData } from "../../seeds/demo";
import { createUserWithRole, drawnWithVersions, nodeId, sessionCookie } from "../support/fixtures";
import { startTestRuntime, type TestRuntime } from "../support/runtime";

let runtime: TestRuntime;
let roundId: string;
let contestId: string;
const T0 = new Date("2026-11-23T08:00:00Z");
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

/** Starts an attempt, answers the first `correct` questions right and the rest wrong, submits. */
async function play(userId: string, correct: number, submitAfterSeconds: number, prediction: number | null) {
  const started = await startAttempt(runtime.db, { userId, roundId, now: T0 });
  if (!started.ok) throw new Error(started.code);
  const questions = await drawnWithVersions(runtime.db, [started.attemptId]);
  for (const question of questions) {
    const options = question.questionVersion.options as unknown as QuestionOption[];
    const right = question.optionOrder.flatMap((original, shown) => (options[original].correct ? [shown] : []));
    const wrong = question.optionOrder
      .flatMap((original, shown) => (options[original].correct ? [] : [shown]))
      .slice(0, 1);
    await saveAnswer(runtime.db, {
      attemptId: started.attemptId,
      userId,
      position: question.position,
      selected: question.position < correct ? right : wrong,
      now: at(1),
    });
  }
  return submitAttempt(runtime.db, { attemptId: started.attemptId, userId, prediction, now: at(submitAfterSeconds) });
}

/** Every row of the workbook's first sheet, as exceljs gives them (index 1 is column A). */
async function sheetRows(buffer: Buffer | ArrayBuffer): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as ArrayBuffer);
  return workbook.worksheets[0].getSheetValues().filter(Boolean) as unknown[][];
}

async function contestant(name: string) {
  const user = await createUserWithRole(runtime.db, {
    role: "CONTESTANT",
    nodeCode: "HP-KIMTHANH-THCS",
    fullName: name,
  });
  await runtime.db.registration.create({
    data: { contestId, userId: user.id, fields: {}, consentAt: T0, consentVersion: 1 },
  });
  return user.id;
}

beforeAll(async () => {
  runtime = await startTestRuntime();
  await seedDemoData(runtime.db);
  const bankId = (await runtime.db.questionBank.findFirstOrThrow({ where: { name: DEMO_BANK.name } })).id;
  const contest = await runtime.db.contest.create({
    data: {
      orgNodeId: await nodeId(runtime.db, "HP-KIMTHANH"),
      title: "Xếp hạng thử",
      slug: "xep-hang-thu",
      registrationFields: {
        fullName: "required",
        dateOfBirth: "optional",
        phone: "optional",
        citizenId: "optional",
        unit: "required",
      },
      status: "PUBLISHED",
    },
  });
  contestId = contest.id;
  const round = await runtime.db.round.create({
    data: {
      contestId,
      name: "Đợt 1",
      position: 1,
      opensAt: at(-3600),
      closesAt: at(3600),
      timeLimitSeconds: 1800,
      attemptsAllowed: 2,
      countingAttempt: "BEST",
      predictionEnabled: true,
      blueprint: { rules: [{ bankId, count: 10 }] },
    },
  });
  roundId = round.id;
});
afterAll(() => runtime?.stop());

describe("round ranking", () => {
  it("ranks by score, then prediction closeness, then time, counting each contestant's best attempt", async () => {
    const an = await contestant("An");
    const binh = await contestant("Bình");
    const chi = await contestant("Chi");
    const dung = await contestant("Dũng");
    await play(an, 8, 300, 10); // 8 points
    await play(binh, 9, 600, 50); // 9 points: first
    await play(chi, 8, 200, 4); // 8 points, prediction 4 is exact (4 participants): ahead of An
    await play(dung, 5, 100, 4); // first attempt 5 points…
    await play(dung, 8, 200, 100); // …second attempt 8 points, far prediction, fast
    const { participants, ranking } = await roundRanking(runtime.db, roundId);
    expect(participants).toBe(4);
    expect(ranking.map((entry) => [entry.fullName, entry.score, entry.rank])).toEqual([
      ["Bình", 9, 1],
      ["Chi", 8, 2],
      ["An", 8, 3],
      ["Dũng", 8, 4],
    ]);
    expect(ranking.find((entry) => entry.fullName === "Dũng")?.number).toBe(2);
  });

  it("exports the ranking to Excel with every registration field, personal numbers masked", async () => {
    const phoneUser = await contestant("Giang");
    await runtime.db.registration.update({
      where: { contestId_userId: { contestId, userId: phoneUser } },
      data: {
        fields: {
          fullName: "Giang",
          dateOfBirth: "2010-05-17",
          unit: "Lớp 9B",
          phone: "0900000123",
          citizenId: "000000000123",
        },
      },
    });
    await play(phoneUser, 1, 100, null);
    const rows = await sheetRows((await rankingWorkbook(runtime.db, roundId)).buffer);
    const header = rows.find((row) => row.includes("Hạng")) as unknown[];
    expect(header).toEqual(
      expect.arrayContaining(["Họ và tên", "Ngày sinh", "Số điện thoại", "Số căn cước", "Đơn vị, trường, lớp"]),
    );
    const giang = rows.find((row) => row.includes("Giang")) as unknown[];
    expect(giang).toContain("Lớp 9B");
    expect(giang).toContain("090****123");
    expect(giang).toContain("000******123");
    expect(giang).toContain("**/**/2010");
    expect(JSON.stringify(rows)).not.toContain("0900000123");
    expect(JSON.stringify(rows)).not.toContain("000000000123");
    expect(JSON.stringify(rows)).not.toContain("17/05/2010");
    expect(rows.find((row) => row.includes("Bình"))?.[1]).toBe(1);

    // Streamed, the sheet still freezes its header row and shows submission times as dates.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await rankingWorkbook(runtime.db, roundId)).buffer as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    let headerRow = 1;
    while (sheet.getRow(headerRow).getCell(1).value !== "Hạng") headerRow++;
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: headerRow });
    const submittedColumn = header.indexOf("Nộp bài lúc (giờ Việt Nam)"); // 1-based, as the row arrays
    expect(sheet.getRow(headerRow + 1).getCell(submittedColumn).value).toBeInstanceOf(Date);
    expect(sheet.getColumn(submittedColumn).numFmt).toBe("dd/mm/yyyy hh:mm:ss");
    expect(sheet.getRow(headerRow).font?.bold).toBe(true);
  });

  it("leaves annulled attempts out", async () => {
    const cheat = await contestant("Em");
    await play(cheat, 10, 50, 4);
    await runtime.db.attempt.updateMany({
      where: { userId: cheat },
      data: { status: "ANNULLED", annulledReason: "Nhiều tài khoản trên một thiết bị" },
    });
    const { ranking } = await roundRanking(runtime.db, roundId);
    expect(ranking.some((entry) => entry.fullName === "Em")).toBe(false);
  });
});

/** A small deterministic generator, so a failure can be replayed. */
function seededRandom(seed: number) {
  let state = seed;
  return (below: number) => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state % below;
  };
}

describe("tie-break order in SQL", () => {
  it("agrees with the rules in scoring.ts for every order and counting rule", async () => {
    const round = await runtime.db.round.create({
      data: {
        contestId,
        name: "Đợt so khớp",
        position: 9,
        opensAt: at(-3600),
        closesAt: at(3600),
        timeLimitSeconds: 1800,
        attemptsAllowed: 3,
        blueprint: { questionIds: [] },
      },
    });
    const random = seededRandom(2026);
    // Few distinct values of each key, so ties on several keys at once are common.
    for (let index = 0; index < 30; index++) {
      const userId = await contestant(`So khớp ${index}`);
      const attempts = 1 + random(3);
      for (let number = 1; number <= attempts; number++) {
        await runtime.db.attempt.create({
          data: {
            roundId: round.id,
            userId,
            number,
            status: random(8) === 0 ? "EXPIRED" : "SUBMITTED",
            startedAt: at(0),
            deadlineAt: at(1800),
            closedAt: at(60 * (1 + random(3))),
            score: random(4),
            maxScore: 3,
            correctCount: 0,
            timeUsedMs: 1000 * (1 + random(3)),
            prediction: random(3) === 0 ? null : 25 + random(10),
          },
        });
      }
    }
    const closed = await runtime.db.attempt.findMany({ where: { roundId: round.id } });
    const participants = new Set(closed.map((attempt) => attempt.userId)).size;
    const orders = [[...TIE_BREAKERS], ["time", "prediction"], ["submittedAt"], ["prediction", "unknown"], []];
    for (const stored of orders) {
      for (const rule of ["BEST", "FIRST", "LAST"] as const) {
        await runtime.db.round.update({
          where: { id: round.id },
          data: { tieBreakOrder: stored, countingAttempt: rule },
        });
        const order = tieBreakOrder(stored);
        const byUser = new Map<string, Array<RankEntry & { attemptId: string; number: number }>>();
        for (const attempt of closed) {
          byUser.set(attempt.userId, [
            ...(byUser.get(attempt.userId) ?? []),
            {
              userId: attempt.userId,
              attemptId: attempt.id,
              number: attempt.number,
              score: attempt.score ?? 0,
              predictionError: attempt.prediction === null ? null : Math.abs(attempt.prediction - participants),
              timeUsedMs: attempt.timeUsedMs ?? 0,
              submittedAt: attempt.closedAt ?? new Date(0),
            },
          ]);
        }
        const expected = rankEntries(
          [...byUser.values()].map((attempts) => countingAttempt(attempts, rule, order) as (typeof attempts)[number]),
          order,
        );
        const { ranking } = await roundRanking(runtime.db, round.id);
        const summary = (rows: Array<{ userId: string; attemptId: string; rank: number }>) =>
          rows.map((row) => `${row.userId}:${row.attemptId}:${row.rank}`).sort();
        expect(summary(ranking), `${stored.join(",")} ${rule}`).toEqual(summary(expected));
      }
    }
    // A page of the ranking is the same slice of it.
    const all = await roundRanking(runtime.db, round.id);
    const page = await roundRanking(runtime.db, round.id, { offset: 10, limit: 5 });
    expect(page.participants).toBe(30);
    expect(page.ranking.map((row) => row.attemptId)).toEqual(all.ranking.slice(10, 15).map((row) => row.attemptId));
    await runtime.db.round.delete({ where: { id: round.id } });
  });
});

type RouteModule = {
  loader?: (args: LoaderFunctionArgs) => Promise<Response>;
  action?: (args: ActionFunctionArgs) => Promise<Response>;
};

async function callRoute(
  module: RouteModule,
  kind: "loader" | "action",
  url: string,
  cookie: string,
  params: Record<string, string>,
  fields?: Record<string, string>,
): Promise<Response> {
  const body = new FormData();
  for (const [key, value] of Object.entries(fields ?? {})) body.set(key, value);
  const request = new Request(`http://localhost${url}`, {
    method: kind === "loader" ? "GET" : "POST",
    headers: { Cookie: cookie },
    body: kind === "loader" ? undefined : body,
  });
  const handler = module[kind] as (args: LoaderFunctionArgs) => Promise<Response>;
  try {
    return await handler({ request, params, context: {} });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

describe("full export", () => {
  it("masks by default; unmasks only with a purpose and a confirmation, and audits who, what and why", async () => {
    const organizer = await createUserWithRole(runtime.db, { role: "ORGANIZER", nodeCode: "HP-KIMTHANH" });
    const cookie = await sessionCookie(runtime.db, organizer.id);
    const route = (await import("~/routes/manage.contests.$contestId.rounds.$roundId[.xlsx]")) as RouteModule;
    const url = `/manage/contests/${contestId}/rounds/${roundId}.xlsx`;
    const params = { contestId, roundId };

    const masked = await callRoute(route, "loader", url, cookie, params);
    expect(masked.headers.get("Content-Type")).toContain("spreadsheetml");
    const maskedText = JSON.stringify(await sheetRows(await masked.arrayBuffer()));
    expect(maskedText).toContain("090****123");
    expect(maskedText).not.toContain("0900000123");

    // Without the confirmation: back to the results page with the reason and the typed purpose.
    const refused = await callRoute(route, "action", url, cookie, params, { purpose: "Liên hệ trao giải đợt 1" });
    expect(refused.status).toBe(302);
    const back = new URL(refused.headers.get("Location") ?? "", "http://localhost");
    expect(back.pathname).toBe(`/manage/contests/${contestId}/results`);
    expect(back.searchParams.get("exportError")).toBe("errors.results.confirmRequired");
    expect(back.searchParams.get("purpose")).toBe("Liên hệ trao giải đợt 1");
    const tooShort = await callRoute(route, "action", url, cookie, params, { purpose: "trao", confirm: "on" });
    expect(new URL(tooShort.headers.get("Location") ?? "", "http://localhost").searchParams.get("exportError")).toBe(
      "errors.results.purposeTooShort",
    );
    expect(await runtime.db.auditLog.count({ where: { action: "contest.results_exported_full" } })).toBe(0);

    const full = await callRoute(route, "action", url, cookie, params, {
      purpose: "Liên hệ trao giải đợt 1",
      confirm: "on",
    });
    expect(full.status).toBe(200);
    expect(full.headers.get("Content-Disposition")).toContain("ket-qua-day-du-");
    const rows = await sheetRows(await full.arrayBuffer());
    const giang = rows.find((row) => row.includes("Giang")) as unknown[];
    expect(giang).toEqual(expect.arrayContaining(["0900000123", "000000000123", "17/05/2010"]));
    const entry = await runtime.db.auditLog.findFirstOrThrow({ where: { action: "contest.results_exported_full" } });
    expect(entry).toMatchObject({ actorId: organizer.id, targetType: "Round", targetId: roundId });
    expect(entry.details).toMatchObject({ contestId, scope: "round", purpose: "Liên hệ trao giải đợt 1" });
    expect((entry.details as { rows: number }).rows).toBeGreaterThan(0);

    // The whole contest: its own sheet first, then each round's; audited as the contest's.
    const contestRoute = (await import("~/routes/manage.contests.$contestId.results[.xlsx]")) as RouteModule;
    const contestFile = await callRoute(
      contestRoute,
      "action",
      `/manage/contests/${contestId}/results.xlsx`,
      cookie,
      { contestId },
      { purpose: "Liên hệ trao giải chung cuộc", confirm: "on" },
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await contestFile.arrayBuffer());
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["Toàn cuộc thi", "Đợt 1"]);
    expect(
      await runtime.db.auditLog.count({
        where: { action: "contest.results_exported_full", targetType: "Contest", targetId: contestId },
      }),
    ).toBe(1);
  });
});

describe("annulling from the results page", () => {
  it("keeps what was typed when the reason is too short, annuls with a reason, and reinstates", async () => {
    const organizer = await createUserWithRole(runtime.db, { role: "ORGANIZER", nodeCode: "HP-KIMTHANH" });
    const cookie = await sessionCookie(runtime.db, organizer.id);
    const route = (await import("~/routes/manage.contests.$contestId.results")) as RouteModule;
    const url = `/manage/contests/${contestId}/results?view=${roundId}`;
    const { ranking } = await roundRanking(runtime.db, roundId);
    const target = ranking[0];

    const refused = await callRoute(
      route,
      "action",
      url,
      cookie,
      { contestId },
      {
        intent: "annul",
        attemptId: target.attemptId,
        reason: "abc",
      },
    );
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({
      annulFailure: { attemptId: target.attemptId, error: "errors.integrity.reasonTooShort", reason: "abc" },
    });

    const reason = "Cùng thiết bị với một tài khoản khác";
    const annulled = await callRoute(
      route,
      "action",
      url,
      cookie,
      { contestId },
      {
        intent: "annul",
        attemptId: target.attemptId,
        reason,
      },
    );
    expect(annulled.status).toBe(302);
    expect(await runtime.db.attempt.findUniqueOrThrow({ where: { id: target.attemptId } })).toMatchObject({
      status: "ANNULLED",
      annulledReason: reason,
      annulledById: organizer.id,
    });
    expect((await roundRanking(runtime.db, roundId)).ranking.some((row) => row.attemptId === target.attemptId)).toBe(
      false,
    );

    await callRoute(route, "action", url, cookie, { contestId }, { intent: "reinstate", attemptId: target.attemptId });
    expect((await roundRanking(runtime.db, roundId)).ranking[0].attemptId).toBe(target.attemptId);
  });
});
