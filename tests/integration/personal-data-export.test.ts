import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { personalDataOf } from "~/account/personal-data.server";
import { saveAnswer, startAttempt } from "~/contests/attempts.server";
import { DEMO_CONTEST, seedDemoData } from "../../seeds/demo";
import { createUserWithRole } from "../support/fixtures";
import { startTestRuntime, type TestRuntime } from "../support/runtime";

/** A person's download of their own data (issue 9, point 4): all of theirs, nobody else's, no secrets. */
let runtime: TestRuntime;
beforeAll(async () => {
  runtime = await startTestRuntime();
  await seedDemoData(runtime.db);
});
afterAll(() => runtime?.stop());

describe("a person's own data", () => {
  it("holds their account, unmasked registration answers, attempts and activity, and nothing of anyone else", async () => {
    const { db } = runtime;
    const contest = await db.contest.findUniqueOrThrow({
      where: { slug: DEMO_CONTEST.slug },
      include: { rounds: true },
    });
    const person = await createUserWithRole(db, {
      role: "CONTESTANT",
      nodeCode: "HP-KIMTHANH",
      fullName: "Người Tải Dữ Liệu",
    });
    const other = await createUserWithRole(db, {
      role: "CONTESTANT",
      nodeCode: "HP-KIMTHANH",
      fullName: "Người Khác Hẳn",
    });
    for (const [userId, phone] of [
      [person.id, "0912345678"],
      [other.id, "0987654321"],
    ])
      await db.registration.create({
        data: {
          contestId: contest.id,
          userId,
          fields: { fullName: "x", phone },
          consentAt: new Date(),
          consentVersion: 3,
        },
      });
    const attempt = await startAttempt(db, { userId: person.id, roundId: contest.rounds[0].id });
    if (!attempt.ok) throw new Error(attempt.code);
    expect(
      await saveAnswer(db, { attemptId: attempt.attemptId, userId: person.id, position: 2, selected: [0] }),
    ).toMatchObject({ ok: true });
    await db.auditLog.create({ data: { actorId: person.id, action: "auth.login" } });

    const data = await personalDataOf(db, person.id);
    expect(data.account).toMatchObject({ fullName: "Người Tải Dữ Liệu", email: person.email });
    expect(data.roles).toEqual([expect.objectContaining({ role: "CONTESTANT", orgNodeCode: "HP-KIMTHANH" })]);
    expect(data.registrations).toEqual([
      expect.objectContaining({
        contest: contest.title,
        answers: { fullName: "x", phone: "0912345678" },
        privacyNoticeVersion: 3,
      }),
    ]);
    expect(data.attempts).toHaveLength(1);
    expect(data.attempts[0]).toMatchObject({ status: "IN_PROGRESS", score: null, round: contest.rounds[0].name });
    expect(data.attempts[0].questionsAnswered).toEqual([expect.objectContaining({ position: 3 })]);
    expect(data.activity).toEqual([expect.objectContaining({ action: "auth.login" })]);

    const text = JSON.stringify(data);
    expect(text).not.toContain("0987654321");
    expect(text).not.toContain("Người Khác Hẳn");
    expect(text).not.toMatch(/argon2|passwordHash|"correct"|explanation/);
  });
});
