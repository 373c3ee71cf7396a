import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { authenticate, changePassword, registerUser, resetMemberPassword } from "~/auth/accounts.server";
import { verifyPassword } from "~/auth/password.server";
import { seedDemoData } from "../../seeds/demo";
import { createUserWithRole, TEST_PASSWORD } from "../support/fixtures";
import { startTestRuntime, type TestRuntime } from "../support/runtime";

let runtime: TestRuntime;
beforeAll(async () => {
  runtime = await startTestRuntime();
  await seedDemoData(runtime.db);
});
afterAll(() => runtime?.stop());

let ipCounter = 0;
let ip = "";
beforeEach(() => {
  ip = `198.51.100.${++ipCounter}`;
});

describe("registration", () => {
  it("creates a user with an argon2id hash and audits it", async () => {
    const result = await registerUser(runtime.db, null, {
      fullName: "Người Đăng Ký",
      identifier: "+84 912 000 001",
      password: "Luat-moi-2025",
    });
    expect(result.ok).toBe(true);
    const user = await runtime.db.user.findUniqueOrThrow({ where: { phone: "0912000001" } });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await runtime.db.auditLog.count({ where: { action: "auth.register", actorId: user.id } })).toBe(1);
  });

  it("refuses a phone or e-mail already registered, in any spelling", async () => {
    await registerUser(runtime.db, null, {
      fullName: "Một",
      identifier: "Trung@Example.VN",
      password: "Luat-moi-2025",
    });
    const again = await registerUser(runtime.db, null, {
      fullName: "Hai",
      identifier: "trung@example.vn",
      password: "Luat-moi-2025",
    });
    expect(again).toMatchObject({ ok: false, code: "IDENTIFIER_TAKEN", field: "identifier" });
  });
});

describe("log-in", () => {
  it("accepts the right password and records the log-in", async () => {
    const user = await createUserWithRole(runtime.db, { role: "CONTESTANT", nodeCode: "HP-KIMTHANH-THCS" });
    const result = await authenticate(runtime.db, null, { identifier: user.email, password: TEST_PASSWORD, ip });
    expect(result).toEqual({ ok: true, userId: user.id, mustChangePassword: false });
    const stored = await runtime.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.lastLoginAt).not.toBeNull();
  });

  it("gives the same answer for a wrong password and an unknown account", async () => {
    const user = await createUserWithRole(runtime.db, { role: "CONTESTANT", nodeCode: "HP-KIMTHANH-THCS" });
    const wrong = await authenticate(runtime.db, null, { identifier: user.email, password: "sai-mat-khau-1", ip });
    const unknown = await authenticate(runtime.db, null, {
      identifier: "nobody@test.example",
      password: "sai-mat-khau-1",
      ip,
    });
    expect(wrong).toEqual({ ok: false, code: "BAD_CREDENTIALS", message: "errors.login.badCredentials" });
    expect(unknown).toEqual(wrong);
  });

  it("blocks an account after 5 failures, even from different addresses, with a retry time", async () => {
    const user = await createUserWithRole(runtime.db, { role: "CONTESTANT", nodeCode: "HP-KIMTHANH-THCS" });
    for (let i = 0; i < 5; i++) {
      await authenticate(runtime.db, null, {
        identifier: user.email,
        password: "sai-mat-khau-1",
        ip: `203.0.113.${i}`,
      });
    }
    const blocked = await authenticate(runtime.db, null, {
      identifier: user.email,
      password: TEST_PASSWORD,
      ip: "203.0.113.99",
    });
    expect(blocked).toMatchObject({ ok: false, code: "RATE_LIMITED" });
    if (!blocked.ok && blocked.code === "RATE_LIMITED") expect(blocked.retryAfterSeconds).toBeGreaterThan(60);
  });

  it("blocks an address that tries too many log-ins", async () => {
    let last: Awaited<ReturnType<typeof authenticate>> | undefined;
    for (let i = 0; i < 21; i++) {
      last = await authenticate(runtime.db, null, { identifier: `guess${i}@test.example`, password: "x1234567", ip });
    }
    expect(last).toMatchObject({ ok: false, code: "RATE_LIMITED" });
  });
});

describe("passwords", () => {
  it("changing the password ends the user's other sessions but keeps this one", async () => {
    const user = await createUserWithRole(runtime.db, { role: "LEARNER", nodeCode: "HP-KIMTHANH-UBND" });
    const [current, other] = await Promise.all([
      runtime.db.session.create({ data: { userId: user.id, expiresAt: new Date(Date.now() + 60_000) } }),
      runtime.db.session.create({ data: { userId: user.id, expiresAt: new Date(Date.now() + 60_000) } }),
    ]);
    const wrong = await changePassword(runtime.db, null, {
      userId: user.id,
      currentSessionId: current.id,
      currentPassword: "nope-1234",
      newPassword: "Moi-hon-2026",
    });
    expect(wrong).toMatchObject({ ok: false, code: "WRONG_PASSWORD" });
    const result = await changePassword(runtime.db, null, {
      userId: user.id,
      currentSessionId: current.id,
      currentPassword: TEST_PASSWORD,
      newPassword: "Moi-hon-2026",
    });
    expect(result.ok).toBe(true);
    const sessions = await runtime.db.session.findMany({ where: { userId: user.id } });
    expect(sessions.map((s) => s.id)).toEqual([current.id]);
    expect(sessions.map((s) => s.id)).not.toContain(other.id);
  });

  it("an organizer's reset sets a temporary password that must be changed, and logs the member out", async () => {
    const member = await createUserWithRole(runtime.db, { role: "LEARNER", nodeCode: "HP-KIMTHANH-UBND" });
    await runtime.db.session.create({ data: { userId: member.id, expiresAt: new Date(Date.now() + 60_000) } });
    const organizer = await createUserWithRole(runtime.db, { role: "ORGANIZER", nodeCode: "HP-KIMTHANH" });
    const { temporaryPassword } = await resetMemberPassword(runtime.db, null, {
      actorId: organizer.id,
      userId: member.id,
      orgNodeId: null,
    });
    const stored = await runtime.db.user.findUniqueOrThrow({ where: { id: member.id } });
    expect(stored.mustChangePassword).toBe(true);
    expect(await verifyPassword(stored.passwordHash, temporaryPassword)).toBe(true);
    expect(await verifyPassword(stored.passwordHash, TEST_PASSWORD)).toBe(false);
    expect(await runtime.db.session.count({ where: { userId: member.id } })).toBe(0);
    expect(
      await runtime.db.auditLog.count({
        where: { action: "member.password_reset", targetId: member.id, actorId: organizer.id },
      }),
    ).toBe(1);
  });
});
