import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "~/auth/guards.server";
import { startAttempt } from "~/contests/attempts.server";
import { createContest, publishContest, registerForContest, saveRound } from "~/contests/contests.server";
import { slugify } from "~/contests/schemas";
import { createBank } from "~/questions/banks.server";
import { DEMO_BANK, DEMO_CONTEST, seedDemoData } from "../../seeds/demo";
import { createUserWithRole, currentUserFor, drawnWithVersions, nodeId } from "../support/fixtures";
import { startTestRuntime, type TestRuntime } from "../support/runtime";

let runtime: TestRuntime;
let organizer: CurrentUser;
let cityBankId: string;

const round = (overrides: Record<string, unknown> = {}) => ({
  name: "Đợt thử",
  opensAt: new Date(Date.now() - 60_000),
  closesAt: new Date(Date.now() + 86_400_000),
  timeLimitSeconds: 600,
  blueprint: { rules: [{ bankId: cityBankId, count: 10 }] },
  ...overrides,
});

beforeAll(async () => {
  runtime = await startTestRuntime();
  await seedDemoData(runtime.db);
  organizer = await currentUserFor(
    runtime.db,
    (await createUserWithRole(runtime.db, { role: "ORGANIZER", nodeCode: "HP-KIMTHANH" })).id,
  );
  cityBankId = (await runtime.db.questionBank.findFirstOrThrow({ where: { name: DEMO_BANK.name } })).id;
});
afterAll(() => runtime?.stop());

describe("the demo contest", () => {
  it("is published with round 1 open now, and a contestant can register and start it", async () => {
    const contest = await runtime.db.contest.findUniqueOrThrow({
      where: { slug: DEMO_CONTEST.slug },
      include: { rounds: { orderBy: { position: "asc" } } },
    });
    expect(contest.status).toBe("PUBLISHED");
    const now = new Date();
    expect(contest.rounds[0].opensAt <= now && now < contest.rounds[0].closesAt).toBe(true);
    expect(contest.rounds[1].opensAt > now).toBe(true);
    const userId = (await createUserWithRole(runtime.db, { role: "CONTESTANT", nodeCode: "HP-KIMTHANH-THCS" })).id;
    expect(
      await registerForContest(runtime.db, {
        contestId: contest.id,
        userId,
        answers: { fullName: "Học Sinh Thử", unit: "Lớp 9A", consent: true },
      }),
    ).toMatchObject({ ok: true });
    const started = await startAttempt(runtime.db, { userId, roundId: contest.rounds[0].id });
    expect(started).toMatchObject({ ok: true, resumed: false });
    if (started.ok) expect(await drawnWithVersions(runtime.db, [started.attemptId])).toHaveLength(20);
  });
});

describe("setting up a contest", () => {
  it("creates a contest at the organizer's node with a readable address, and refuses others' nodes", async () => {
    const created = await createContest(runtime.db, null, organizer, {
      orgNodeId: await nodeId(runtime.db, "HP-KIMTHANH"),
      title: "Tìm hiểu Luật Trật tự, an toàn giao thông đường bộ",
    });
    expect(created).toMatchObject({ ok: true, slug: "tim-hieu-luat-trat-tu-an-toan-giao-thong-duong-bo" });
    const again = await createContest(runtime.db, null, organizer, {
      orgNodeId: await nodeId(runtime.db, "HP-KIMTHANH"),
      title: "Tìm hiểu Luật Trật tự, an toàn giao thông đường bộ",
    });
    expect(again).toMatchObject({ ok: false, code: "SLUG_TAKEN", field: "slug" });
    const elsewhere = await createContest(runtime.db, null, organizer, {
      orgNodeId: await nodeId(runtime.db, "HP-HAIAN"),
      title: "Cuộc thi của phường khác",
    });
    expect(elsewhere).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(slugify("Đợt 1: Luật Đất đai 2024!")).toBe("dot-1-luat-dat-dai-2024");
  });

  it("validates rounds, only lets them draw from banks the organizer may use, and publishes when drawable", async () => {
    const db = runtime.db;
    const created = await createContest(db, null, organizer, {
      orgNodeId: await nodeId(db, "HP-KIMTHANH"),
      title: "Cuộc thi có đợt thử nghiệm",
    });
    if (!created.ok) throw new Error(created.code);
    expect(await publishContest(db, null, organizer, created.contestId)).toMatchObject({
      ok: false,
      code: "NO_ROUNDS",
    });

    const backwards = await saveRound(db, null, organizer, {
      contestId: created.contestId,
      round: round({ closesAt: new Date(Date.now() - 86_400_000) }),
    });
    expect(backwards).toMatchObject({ ok: false, message: "errors.contest.closesBeforeOpens", field: "closesAt" });

    const admin = await currentUserFor(db, (await createUserWithRole(db, { role: "ADMIN", nodeCode: "GL" })).id);
    const foreignBank = await createBank(db, null, admin, {
      orgNodeId: await nodeId(db, "GL"),
      name: "Ngân hàng Gia Lai",
      description: null,
    });
    if (!foreignBank.ok) throw new Error("setup");
    const foreign = await saveRound(db, null, organizer, {
      contestId: created.contestId,
      round: round({ blueprint: { rules: [{ bankId: foreignBank.bankId, count: 1 }] } }),
    });
    expect(foreign).toMatchObject({ ok: false, code: "FORBIDDEN", message: "errors.contest.bankNotAllowed" });

    const tooMany = await saveRound(db, null, organizer, {
      contestId: created.contestId,
      round: round({ blueprint: { rules: [{ bankId: cityBankId, difficulty: "HARD", count: 200 }] } }),
    });
    expect(tooMany.ok).toBe(true);
    expect(await publishContest(db, null, organizer, created.contestId)).toMatchObject({
      ok: false,
      code: "NOT_ENOUGH_QUESTIONS",
      params: { round: "Đợt thử" },
    });
    if (!tooMany.ok) return;
    expect(
      await saveRound(db, null, organizer, { contestId: created.contestId, roundId: tooMany.roundId, round: round() }),
    ).toEqual({ ok: true, roundId: tooMany.roundId });
    expect(await publishContest(db, null, organizer, created.contestId)).toEqual({ ok: true });

    // Once someone has started the round, its rules are frozen.
    const userId = (await createUserWithRole(db, { role: "CONTESTANT", nodeCode: "HP-KIMTHANH-THCS" })).id;
    await registerForContest(db, {
      contestId: created.contestId,
      userId,
      answers: { fullName: "Người Thi Thử", consent: true },
    });
    expect((await startAttempt(db, { userId, roundId: tooMany.roundId })).ok).toBe(true);
    expect(
      await saveRound(db, null, organizer, {
        contestId: created.contestId,
        roundId: tooMany.roundId,
        round: round({ timeLimitSeconds: 1200 }),
      }),
    ).toMatchObject({ ok: false, code: "ROUND_LOCKED" });
  });
});

describe("registration", () => {
  it("checks the fields the contest asks for, normalises phones and needs consent", async () => {
    const db = runtime.db;
    const created = await createContest(db, null, organizer, {
      orgNodeId: await nodeId(db, "HP-KIMTHANH"),
      title: "Cuộc thi hỏi đủ thông tin",
      registrationFields: { fullName: "required", phone: "required", citizenId: "required", dateOfBirth: "optional" },
    });
    if (!created.ok) throw new Error(created.code);
    await saveRound(db, null, organizer, { contestId: created.contestId, round: round() });
    await publishContest(db, null, organizer, created.contestId);
    const userId = (await createUserWithRole(db, { role: "CONTESTANT", nodeCode: "HP-KIMTHANH-THCS" })).id;

    const bad = await registerForContest(db, {
      contestId: created.contestId,
      userId,
      answers: { fullName: "Người Thi", phone: "12345", citizenId: "03120300123", dateOfBirth: "2099-01-01" },
    });
    expect(bad).toMatchObject({
      ok: false,
      code: "INVALID_FIELDS",
      fieldErrors: {
        phone: "errors.registration.phoneInvalid",
        citizenId: "errors.registration.citizenIdInvalid",
        dateOfBirth: "errors.registration.dateOfBirthInvalid",
        consent: "errors.registration.consentRequired",
      },
    });
    const good = await registerForContest(db, {
      contestId: created.contestId,
      userId,
      answers: {
        fullName: "Người Thi",
        phone: "+84 912 345 678",
        citizenId: "031203001234",
        dateOfBirth: "2008-05-01",
        consent: true,
      },
    });
    expect(good.ok).toBe(true);
    const stored = await db.registration.findFirstOrThrow({ where: { contestId: created.contestId, userId } });
    expect(stored.fields).toMatchObject({ phone: "0912345678", citizenId: "031203001234" });
    expect(stored.consentVersion).toBe(1);
  });

  it("keeps a contest for chosen units to their members", async () => {
    const db = runtime.db;
    const created = await createContest(db, null, organizer, {
      orgNodeId: await nodeId(db, "HP-KIMTHANH"),
      title: "Cuộc thi riêng của trường",
      audienceNodeIds: [await nodeId(db, "HP-KIMTHANH-THCS")],
    });
    if (!created.ok) throw new Error(created.code);
    await saveRound(db, null, organizer, { contestId: created.contestId, round: round() });
    await publishContest(db, null, organizer, created.contestId);
    const pupil = (await createUserWithRole(db, { role: "CONTESTANT", nodeCode: "HP-KIMTHANH-THCS" })).id;
    const outsider = (await createUserWithRole(db, { role: "CONTESTANT", nodeCode: "HP-HAIAN-THPT" })).id;
    expect(
      (
        await registerForContest(db, {
          contestId: created.contestId,
          userId: pupil,
          answers: { fullName: "Học Sinh", consent: true },
        })
      ).ok,
    ).toBe(true);
    expect(
      await registerForContest(db, {
        contestId: created.contestId,
        userId: outsider,
        answers: { fullName: "Người Ngoài", consent: true },
      }),
    ).toMatchObject({
      ok: false,
      code: "NOT_IN_AUDIENCE",
    });
  });
});
