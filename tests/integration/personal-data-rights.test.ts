import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ANONYMISED_NAME,
  cancelDeletion,
  decideDeletion,
  deletionRequestsFor,
  requestDeletion,
} from "~/account/deletion.server";
import { purgeExpiredPersonalData } from "~/account/retention.server";
import { authenticate } from "~/auth/accounts.server";
import { createSession } from "~/auth/session.server";
import { saveAnswer, startAttempt, submitAttempt } from "~/contests/attempts.server";
import { roundRanking } from "~/contests/results.server";
import { DEMO_CONTEST, seedDemoData } from "../../seeds/demo";
import { createUserWithRole, currentUserFor, TEST_PASSWORD } from "../support/fixtures";
import { startTestRuntime, type TestRuntime } from "../support/runtime";

/** Deletion on request and retention per contest (issue 9, point 4), on real PostgreSQL. */
let runtime: TestRuntime;
beforeAll(async () => {
  runtime = await startTestRuntime();
  await seedDemoData(runtime.db);
});
afterAll(() => runtime?.stop());

const request = () =>
  new Request("http://localhost/account/privacy", { headers: { "X-Forwarded-For": "203.0.113.9" } });

/** A contestant of Kim Thành who registered with a phone and CCCD, took round 1 and submitted. */
async function contestantWithResult(fullName: string, phone: string) {
  const { db } = runtime;
  const contest = await db.contest.findUniqueOrThrow({ where: { slug: DEMO_CONTEST.slug }, include: { rounds: true } });
  const person = await createUserWithRole(db, { role: "CONTESTANT", nodeCode: "HP-KIMTHANH-THCS", fullName });
  await db.user.update({ where: { id: person.id }, data: { phone } });
  await db.registration.create({
    data: {
      contestId: contest.id,
      userId: person.id,
      fields: { fullName, phone, citizenId: "001099000000", dateOfBirth: "2009-01-01", unit: "Trường THCS (demo)" },
      consentAt: new Date(),
      consentVersion: contest.privacyVersion,
    },
  });
  const roundId = contest.rounds.sort((a, b) => a.position - b.position)[0].id;
  const attempt = await startAttempt(db, {
    userId: person.id,
    roundId,
    origin: { ip: "198.51.100.7", deviceId: "demo-device" },
  });
  if (!attempt.ok) throw new Error(attempt.code);
  await saveAnswer(db, { attemptId: attempt.attemptId, userId: person.id, position: 0, selected: [0] });
  const submitted = await submitAttempt(db, { attemptId: attempt.attemptId, userId: person.id });
  if (!submitted.ok) throw new Error(submitted.code);
  await createSession(db, new Request("http://localhost/login"), person.id);
  return { ...person, contestId: contest.id, roundId, attemptId: attempt.attemptId };
}

describe("deletion on request", () => {
  it("waits for an organizer of the person's units; another commune's organizer neither sees nor decides it", async () => {
    const { db } = runtime;
    const person = await contestantWithResult("Thí sinh xin xóa (demo)", "0900000101");
    expect(await requestDeletion(db, request(), person.id, "Tôi không dùng nữa")).toEqual({ ok: true });
    expect(await requestDeletion(db, request(), person.id, null)).toMatchObject({ ok: false, code: "PENDING" });

    const haiAn = await currentUserFor(
      db,
      (await createUserWithRole(db, { role: "ORGANIZER", nodeCode: "HP-HAIAN" })).id,
    );
    expect(await deletionRequestsFor(db, haiAn, "PENDING")).toEqual([]);
    const pending = await db.deletionRequest.findFirstOrThrow({ where: { userId: person.id, status: "PENDING" } });
    expect(
      await decideDeletion(db, request(), haiAn, { requestId: pending.id, approve: true, note: null }),
    ).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await db.user.findUniqueOrThrow({ where: { id: person.id } })).toMatchObject({ anonymisedAt: null });

    const kimThanh = await currentUserFor(
      db,
      (await createUserWithRole(db, { role: "ORGANIZER", nodeCode: "HP-KIMTHANH" })).id,
    );
    expect((await deletionRequestsFor(db, kimThanh, "PENDING")).map((row) => row.user.id)).toContain(person.id);
  });

  it("on approval anonymises the account, keeps an anonymised result row, and ends every way back in", async () => {
    const { db } = runtime;
    const person = await contestantWithResult("Người được xóa (demo)", "0900000102");
    const kimThanh = await currentUserFor(
      db,
      (await createUserWithRole(db, { role: "ORGANIZER", nodeCode: "HP-KIMTHANH" })).id,
    );
    const before = (await roundRanking(db, person.roundId)).ranking.find((row) => row.userId === person.id);
    expect(before?.fullName).toBe("Người được xóa (demo)");

    await requestDeletion(db, request(), person.id, null);
    const pending = await db.deletionRequest.findFirstOrThrow({ where: { userId: person.id, status: "PENDING" } });
    // Refusing needs a reason the person will read.
    expect(
      await decideDeletion(db, request(), kimThanh, { requestId: pending.id, approve: false, note: null }),
    ).toMatchObject({ ok: false, code: "NOTE_REQUIRED" });
    expect(
      await decideDeletion(db, request(), kimThanh, { requestId: pending.id, approve: true, note: "Đã xác minh" }),
    ).toEqual({ ok: true });
    // Decided once: a second click finds nothing pending.
    expect(
      await decideDeletion(db, request(), kimThanh, { requestId: pending.id, approve: true, note: null }),
    ).toMatchObject({ ok: false, code: "NOT_FOUND" });

    const user = await db.user.findUniqueOrThrow({
      where: { id: person.id },
      include: { sessions: true, memberships: true, registrations: true, attempts: true },
    });
    expect(user).toMatchObject({ fullName: ANONYMISED_NAME, email: null, phone: null });
    expect(user.anonymisedAt).toBeInstanceOf(Date);
    expect(user.sessions).toEqual([]);
    expect(user.memberships).toEqual([]);
    expect(user.registrations.map((registration) => registration.fields)).toEqual([{}]);
    expect(user.attempts).toHaveLength(1);
    expect(user.attempts[0]).toMatchObject({ status: "SUBMITTED", startIp: null, deviceId: null, sessionIds: [] });
    expect(user.attempts[0].score).not.toBeNull();

    const after = (await roundRanking(db, person.roundId)).ranking.find((row) => row.userId === person.id);
    expect(after).toMatchObject({ fullName: ANONYMISED_NAME, score: before?.score });
    const text = JSON.stringify(await db.user.findUniqueOrThrow({ where: { id: person.id } }));
    expect(text).not.toMatch(/Người được xóa|0900000102|@test\.example/);

    for (const identifier of [person.email, "0900000102"])
      expect(await authenticate(db, null, { identifier, password: TEST_PASSWORD, ip: "203.0.113.10" })).toMatchObject({
        ok: false,
      });
    const audits = await db.auditLog.findMany({
      where: { targetId: person.id },
      select: { action: true, actorId: true },
    });
    expect(audits).toEqual([{ action: "privacy.deletion_approved", actorId: kimThanh.id }]);
    expect(await db.auditLog.count({ where: { actorId: person.id, NOT: { ipAddress: null } } })).toBe(0);
  });

  it("lets the person withdraw a pending request, and refuses withdrawing twice", async () => {
    const { db } = runtime;
    const person = await createUserWithRole(db, { role: "CONTESTANT", nodeCode: "HP-KIMTHANH" });
    await requestDeletion(db, request(), person.id, null);
    expect(await cancelDeletion(db, request(), person.id)).toEqual({ ok: true });
    expect(await cancelDeletion(db, request(), person.id)).toMatchObject({ ok: false, code: "NONE" });
    expect(await db.deletionRequest.findFirstOrThrow({ where: { userId: person.id } })).toMatchObject({
      status: "CANCELLED",
    });
    expect(await db.user.findUniqueOrThrow({ where: { id: person.id } })).toMatchObject({ anonymisedAt: null });
  });
});

describe("retention per contest", () => {
  it("erases registration answers beyond name and unit once the months after the last round have passed", async () => {
    const { db } = runtime;
    const person = await contestantWithResult("Thí sinh hết hạn lưu (demo)", "0900000103");
    const lastClose = await db.round.aggregate({ where: { contestId: person.contestId }, _max: { closesAt: true } });
    const closedAt = lastClose._max.closesAt as Date;
    const monthsLater = (months: number, days = 0) => {
      const date = new Date(closedAt);
      date.setUTCMonth(date.getUTCMonth() + months);
      return new Date(date.getTime() + days * 86_400_000);
    };

    // No retention set: kept, whatever the date.
    expect(await purgeExpiredPersonalData(db, monthsLater(600))).toEqual([]);
    await db.contest.update({ where: { id: person.contestId }, data: { retentionMonths: 6 } });
    expect(await purgeExpiredPersonalData(db, monthsLater(6, -1))).toEqual([]);
    const registration = () =>
      db.registration.findFirstOrThrow({ where: { contestId: person.contestId, userId: person.id } });
    expect((await registration()).fields).toMatchObject({ phone: "0900000103", citizenId: "001099000000" });

    const purged = await purgeExpiredPersonalData(db, monthsLater(6, 1));
    expect(purged).toEqual([expect.objectContaining({ contestId: person.contestId })]);
    expect(purged[0].registrations).toBeGreaterThanOrEqual(1);
    expect((await registration()).fields).toEqual({
      fullName: "Thí sinh hết hạn lưu (demo)",
      unit: "Trường THCS (demo)",
    });
    expect(await db.attempt.findUniqueOrThrow({ where: { id: person.attemptId } })).toMatchObject({
      startIp: null,
      status: "SUBMITTED",
    });
    expect(await db.contest.findUniqueOrThrow({ where: { id: person.contestId } })).toMatchObject({
      personalDataPurgedAt: monthsLater(6, 1),
    });
    expect(
      await db.auditLog.count({ where: { action: "privacy.personal_data_purged", targetId: person.contestId } }),
    ).toBe(1);
    // Once only.
    expect(await purgeExpiredPersonalData(db, monthsLater(12))).toEqual([]);
  });
});
