import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "~/auth/guards.server";
import { startAttempt } from "~/contests/attempts.server";
import {
  archiveContest,
  createContest,
  deleteRound,
  publishContest,
  registerForContest,
  saveRound,
  updateContest,
} from "~/contests/contests.server";
import { publicContest } from "~/contests/public.server";
import { roundDrawOptions } from "~/contests/round-setup.server";
import type { ContestInput } from "~/contests/schemas";
import { DEMO_BANK, seedDemoData } from "../../seeds/demo";
import { createUserWithRole, currentUserFor, nodeId } from "../support/fixtures";
import { startTestRuntime, type TestRuntime } from "../support/runtime";

let runtime: TestRuntime;
let organizer: CurrentUser;
let siblingOrganizer: CurrentUser;
let cityBankId: string;
let kimThanh: string;

const round = (overrides: Record<string, unknown> = {}) => ({
  name: "Đợt thử",
  opensAt: new Date(Date.now() - 60_000),
  closesAt: new Date(Date.now() + 86_400_000),
  timeLimitSeconds: 600,
  blueprint: { rules: [{ bankId: cityBankId, count: 5 }] },
  ...overrides,
});

async function draftContest(title: string, extra: Partial<ContestInput> = {}) {
  const created = await createContest(runtime.db, null, organizer, { orgNodeId: kimThanh, title, ...extra });
  if (!created.ok) throw new Error(created.code);
  return created;
}

/** Everything the edit form posts, from the stored contest, with `changes` applied. */
async function asInput(contestId: string, changes: Partial<ContestInput> = {}): Promise<ContestInput> {
  const contest = await runtime.db.contest.findUniqueOrThrow({ where: { id: contestId } });
  return {
    orgNodeId: contest.orgNodeId,
    title: contest.title,
    slug: contest.slug,
    description: contest.description,
    rules: contest.rules,
    audienceNodeIds: contest.audienceNodeIds,
    registrationFields: contest.registrationFields as ContestInput["registrationFields"],
    privacyNotice: contest.privacyNotice,
    bannerUrl: contest.bannerUrl,
    certificateEnabled: contest.certificateEnabled,
    ...changes,
  };
}

async function newContestant(): Promise<string> {
  return (await createUserWithRole(runtime.db, { role: "CONTESTANT", nodeCode: "HP-KIMTHANH-THCS" })).id;
}

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
  cityBankId = (await db.questionBank.findFirstOrThrow({ where: { name: DEMO_BANK.name } })).id;
  kimThanh = await nodeId(db, "HP-KIMTHANH");
});
afterAll(() => runtime?.stop());

describe("editing a contest", () => {
  it("saves changes with an audit entry naming what changed, keeping the address when none is given", async () => {
    const created = await draftContest("Cuộc thi để sửa thông tin");
    const result = await updateContest(
      runtime.db,
      null,
      organizer,
      created.contestId,
      await asInput(created.contestId, {
        slug: undefined,
        title: "Cuộc thi đã đổi tên",
        description: "Giới thiệu mới",
        certificateEnabled: true,
        bannerUrl: "https://example.vn/anh-bia.jpg",
      }),
    );
    expect(result).toEqual({ ok: true, slug: created.slug });
    const stored = await runtime.db.contest.findUniqueOrThrow({ where: { id: created.contestId } });
    expect(stored).toMatchObject({
      title: "Cuộc thi đã đổi tên",
      slug: created.slug,
      description: "Giới thiệu mới",
      certificateEnabled: true,
      bannerUrl: "https://example.vn/anh-bia.jpg",
    });
    const entry = await runtime.db.auditLog.findFirstOrThrow({
      where: { action: "contest.updated", targetId: created.contestId },
    });
    expect(entry.actorId).toBe(organizer.id);
    expect((entry.details as { changed: string[] }).changed.sort()).toEqual(
      ["bannerUrl", "certificateEnabled", "description", "title"].sort(),
    );
  });

  it("refuses a banner that is not an https address", async () => {
    const created = await draftContest("Cuộc thi có ảnh bìa");
    for (const bannerUrl of ["http://example.vn/a.jpg", "javascript:alert(1)", "https://example.vn/a b.jpg"])
      expect(
        await updateContest(
          runtime.db,
          null,
          organizer,
          created.contestId,
          await asInput(created.contestId, { bannerUrl }),
        ),
      ).toMatchObject({ ok: false, message: "errors.contest.bannerUrlInvalid", field: "bannerUrl" });
  });

  it("keeps the owning node and the audience inside the organizer's subtree", async () => {
    const created = await draftContest("Cuộc thi chuyển đơn vị");
    const school = await nodeId(runtime.db, "HP-KIMTHANH-THCS");
    expect(
      await updateContest(
        runtime.db,
        null,
        organizer,
        created.contestId,
        await asInput(created.contestId, { orgNodeId: school }),
      ),
    ).toMatchObject({ ok: true });
    expect((await runtime.db.contest.findUniqueOrThrow({ where: { id: created.contestId } })).orgNodeId).toBe(school);

    const haiAn = await nodeId(runtime.db, "HP-HAIAN");
    expect(
      await updateContest(
        runtime.db,
        null,
        organizer,
        created.contestId,
        await asInput(created.contestId, { orgNodeId: haiAn }),
      ),
    ).toMatchObject({ ok: false, code: "FORBIDDEN", field: "orgNodeId" });
    expect(
      await updateContest(
        runtime.db,
        null,
        organizer,
        created.contestId,
        await asInput(created.contestId, { audienceNodeIds: [school, await nodeId(runtime.db, "HP-HAIAN-THPT")] }),
      ),
    ).toMatchObject({ ok: false, message: "errors.contest.audienceOutsideScope", field: "audienceNodeIds" });
    expect(
      await createContest(runtime.db, null, organizer, {
        orgNodeId: kimThanh,
        title: "Cuộc thi cho trường phường khác",
        audienceNodeIds: [await nodeId(runtime.db, "HP-HAIAN-THPT")],
      }),
    ).toMatchObject({ ok: false, message: "errors.contest.audienceOutsideScope" });
    // Nothing changed by the refused edits.
    expect((await runtime.db.contest.findUniqueOrThrow({ where: { id: created.contestId } })).audienceNodeIds).toEqual(
      [],
    );

    // An organizer of a sibling commune cannot edit it at all.
    expect(
      await updateContest(runtime.db, null, siblingOrganizer, created.contestId, await asInput(created.contestId)),
    ).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });

  it("gives a changed privacy notice a new version, so later consents refer to the new text", async () => {
    const created = await draftContest("Cuộc thi đổi thông báo dữ liệu", { privacyNotice: "Thông báo phiên bản đầu." });
    await saveRound(runtime.db, null, organizer, { contestId: created.contestId, round: round() });
    expect(await publishContest(runtime.db, null, organizer, created.contestId)).toEqual({ ok: true });
    const early = await newContestant();
    await registerForContest(runtime.db, {
      contestId: created.contestId,
      userId: early,
      answers: { fullName: "Người Đăng Ký Sớm", consent: true },
    });

    // Saving with the same text (whitespace aside) is not a new version.
    await updateContest(
      runtime.db,
      null,
      organizer,
      created.contestId,
      await asInput(created.contestId, { privacyNotice: "  Thông báo phiên bản đầu.  " }),
    );
    expect((await runtime.db.contest.findUniqueOrThrow({ where: { id: created.contestId } })).privacyVersion).toBe(1);

    await updateContest(
      runtime.db,
      null,
      organizer,
      created.contestId,
      await asInput(created.contestId, { privacyNotice: "Thông báo phiên bản hai: thêm mục lưu trữ." }),
    );
    expect((await runtime.db.contest.findUniqueOrThrow({ where: { id: created.contestId } })).privacyVersion).toBe(2);
    const late = await newContestant();
    await registerForContest(runtime.db, {
      contestId: created.contestId,
      userId: late,
      answers: { fullName: "Người Đăng Ký Sau", consent: true },
    });
    const versions = await runtime.db.registration.findMany({
      where: { contestId: created.contestId },
      select: { userId: true, consentVersion: true },
    });
    expect(Object.fromEntries(versions.map((row) => [row.userId, row.consentVersion]))).toEqual({
      [early]: 1,
      [late]: 2,
    });
  });

  it("once someone has registered, refuses dropping a field or making one required, but allows an optional one", async () => {
    const created = await draftContest("Cuộc thi khóa trường đăng ký", {
      registrationFields: { fullName: "required", unit: "required", dateOfBirth: "optional" },
    });
    const id = created.contestId;
    // Before anyone registers, anything goes.
    expect(
      await updateContest(
        runtime.db,
        null,
        organizer,
        id,
        await asInput(id, { registrationFields: { fullName: "required", unit: "required", phone: "required" } }),
      ),
    ).toMatchObject({ ok: true });
    await updateContest(
      runtime.db,
      null,
      organizer,
      id,
      await asInput(id, { registrationFields: { fullName: "required", unit: "required", dateOfBirth: "optional" } }),
    );
    await saveRound(runtime.db, null, organizer, { contestId: id, round: round() });
    await publishContest(runtime.db, null, organizer, id);
    await registerForContest(runtime.db, {
      contestId: id,
      userId: await newContestant(),
      answers: { fullName: "Người Đã Đăng Ký", unit: "Lớp 8B", consent: true },
    });

    const attempt = async (registrationFields: ContestInput["registrationFields"]) =>
      updateContest(runtime.db, null, organizer, id, await asInput(id, { registrationFields }));
    expect(await attempt({ fullName: "required", dateOfBirth: "optional" })).toMatchObject({
      ok: false,
      code: "FIELD_LOCKED",
      message: "errors.contest.registrationFieldLocked",
      field: "registrationFields.unit",
    });
    expect(await attempt({ fullName: "required", unit: "required", dateOfBirth: "required" })).toMatchObject({
      ok: false,
      field: "registrationFields.dateOfBirth",
    });
    expect(
      await attempt({ fullName: "required", unit: "required", dateOfBirth: "optional", phone: "required" }),
    ).toMatchObject({ ok: false, field: "registrationFields.phone" });
    expect(await runtime.db.contest.findUniqueOrThrow({ where: { id } })).toMatchObject({
      registrationFields: { fullName: "required", unit: "required", dateOfBirth: "optional" },
    });

    // An optional new field, and relaxing a required one, are fine.
    expect(
      await attempt({ fullName: "required", unit: "optional", dateOfBirth: "optional", address: "optional" }),
    ).toMatchObject({ ok: true });
  });

  it("keeps a published contest's address, which links and QR codes already point to", async () => {
    const created = await draftContest("Cuộc thi giữ địa chỉ");
    expect(
      await updateContest(
        runtime.db,
        null,
        organizer,
        created.contestId,
        await asInput(created.contestId, { slug: "cuoc-thi-dia-chi-moi" }),
      ),
    ).toEqual({ ok: true, slug: "cuoc-thi-dia-chi-moi" });
    await saveRound(runtime.db, null, organizer, { contestId: created.contestId, round: round() });
    await publishContest(runtime.db, null, organizer, created.contestId);
    expect(
      await updateContest(
        runtime.db,
        null,
        organizer,
        created.contestId,
        await asInput(created.contestId, { slug: "mot-dia-chi-khac" }),
      ),
    ).toMatchObject({ ok: false, code: "SLUG_LOCKED", field: "slug" });
    const other = await draftContest("Cuộc thi muốn trùng địa chỉ");
    expect(
      await updateContest(
        runtime.db,
        null,
        organizer,
        other.contestId,
        await asInput(other.contestId, { slug: "cuoc-thi-dia-chi-moi" }),
      ),
    ).toMatchObject({ ok: false, code: "SLUG_TAKEN", field: "slug" });
  });
});

describe("round rules", () => {
  it("stores the tie-break order, score first and the other three each once, the customary order by default", async () => {
    const created = await draftContest("Cuộc thi thứ tự xếp hạng", { certificateEnabled: true });
    expect((await runtime.db.contest.findUniqueOrThrow({ where: { id: created.contestId } })).certificateEnabled).toBe(
      true,
    );
    const byDefault = await saveRound(runtime.db, null, organizer, { contestId: created.contestId, round: round() });
    if (!byDefault.ok) throw new Error(byDefault.code);
    expect((await runtime.db.round.findUniqueOrThrow({ where: { id: byDefault.roundId } })).tieBreakOrder).toEqual([
      "score",
      "prediction",
      "time",
      "submittedAt",
    ]);
    const custom = await saveRound(runtime.db, null, organizer, {
      contestId: created.contestId,
      round: round({ tieBreakOrder: ["score", "time", "submittedAt", "prediction"] }),
    });
    if (!custom.ok) throw new Error(custom.code);
    expect((await runtime.db.round.findUniqueOrThrow({ where: { id: custom.roundId } })).tieBreakOrder).toEqual([
      "score",
      "time",
      "submittedAt",
      "prediction",
    ]);
    for (const tieBreakOrder of [
      ["time", "score", "prediction", "submittedAt"],
      ["score", "time", "time", "prediction"],
      ["score", "time", "prediction"],
      ["score", "time", "prediction", "submittedAt", "score"],
      ["score", "luck", "time", "prediction"],
    ])
      expect(
        await saveRound(runtime.db, null, organizer, { contestId: created.contestId, round: round({ tieBreakOrder }) }),
        JSON.stringify(tieBreakOrder),
      ).toMatchObject({ ok: false, field: expect.stringMatching(/^tieBreakOrder/) });
  });

  it("refuses a topic of another bank, and on a published contest a round that cannot be drawn", async () => {
    const db = runtime.db;
    const created = await draftContest("Cuộc thi kiểm tra chủ đề");
    const ownBank = await db.questionBank.create({ data: { orgNodeId: kimThanh, name: "Ngân hàng chủ đề riêng" } });
    const foreignTopic = await db.topic.create({
      data: { bankId: ownBank.id, name: "Chủ đề khác", nameKey: "chu de khac" },
    });
    expect(
      await saveRound(db, null, organizer, {
        contestId: created.contestId,
        round: round({ blueprint: { rules: [{ bankId: cityBankId, topicId: foreignTopic.id, count: 1 }] } }),
      }),
    ).toMatchObject({ ok: false, message: "errors.contest.topicNotInBank", field: "blueprint" });

    const first = await saveRound(db, null, organizer, { contestId: created.contestId, round: round() });
    expect(await publishContest(db, null, organizer, created.contestId)).toEqual({ ok: true });
    // Published: a new round must be takeable now, not when questions are approved some day.
    expect(
      await saveRound(db, null, organizer, {
        contestId: created.contestId,
        round: round({ name: "Đợt quá nhiều câu", blueprint: { rules: [{ bankId: cityBankId, count: 200 }] } }),
      }),
    ).toMatchObject({
      ok: false,
      code: "NOT_ENOUGH_QUESTIONS",
      params: { round: "Đợt quá nhiều câu" },
    });
    expect(first.ok && (await db.round.count({ where: { contestId: created.contestId } }))).toBe(1);
  });

  it("counts, per bank, topic and difficulty, the approved questions a rule can draw", async () => {
    const { banks, fixedChoices } = await roundDrawOptions(runtime.db, organizer);
    const city = banks.find((bank) => bank.id === cityBankId);
    if (!city) throw new Error("the demo bank is readable by a commune organizer");
    expect(city.readOnly).toBe(true);
    const approved = await runtime.db.question.findMany({
      where: { bankId: cityBankId, status: "APPROVED", approvedVersionId: { not: null } },
      select: { id: true, topics: { select: { topicId: true } }, approvedVersion: { select: { difficulty: true } } },
    });
    expect(city.total).toBe(approved.length);
    expect(city.byDifficulty.HARD).toBe(approved.filter((q) => q.approvedVersion?.difficulty === "HARD").length);
    const topic = city.topics[0];
    expect(topic.byDifficulty.EASY).toBe(
      approved.filter(
        (q) => q.approvedVersion?.difficulty === "EASY" && q.topics.some((link) => link.topicId === topic.id),
      ).length,
    );
    expect(fixedChoices.filter((choice) => choice.bankId === cityBankId)).toHaveLength(approved.length);
    // Another commune's organizer sees neither Kim Thành's own banks nor anything outside its reach.
    const theirs = await roundDrawOptions(runtime.db, siblingOrganizer);
    expect(theirs.banks.some((bank) => bank.name === "Ngân hàng chủ đề riêng")).toBe(false);
  });
});

describe("deleting rounds and archiving", () => {
  it("deletes a round nobody has started, renumbers the rest, and refuses one with attempts", async () => {
    const db = runtime.db;
    const created = await draftContest("Cuộc thi xóa đợt");
    const ids: string[] = [];
    for (const name of ["Đợt một", "Đợt hai", "Đợt ba"]) {
      const saved = await saveRound(db, null, organizer, { contestId: created.contestId, round: round({ name }) });
      if (!saved.ok) throw new Error(saved.code);
      ids.push(saved.roundId);
    }
    expect(
      await deleteRound(db, null, siblingOrganizer, { contestId: created.contestId, roundId: ids[1] }),
    ).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await deleteRound(db, null, organizer, { contestId: created.contestId, roundId: ids[1] })).toEqual({
      ok: true,
    });
    const left = await db.round.findMany({ where: { contestId: created.contestId }, orderBy: { position: "asc" } });
    expect(left.map((r) => [r.name, r.position])).toEqual([
      ["Đợt một", 1],
      ["Đợt ba", 2],
    ]);
    expect(await db.auditLog.count({ where: { action: "round.deleted", targetId: ids[1] } })).toBe(1);
    // A new round goes after the last one.
    const added = await saveRound(db, null, organizer, {
      contestId: created.contestId,
      round: round({ name: "Đợt bốn" }),
    });
    if (!added.ok) throw new Error(added.code);
    expect((await db.round.findUniqueOrThrow({ where: { id: added.roundId } })).position).toBe(3);

    await publishContest(db, null, organizer, created.contestId);
    const userId = await newContestant();
    await registerForContest(db, {
      contestId: created.contestId,
      userId,
      answers: { fullName: "Người Làm Bài", consent: true },
    });
    expect((await startAttempt(db, { userId, roundId: ids[0] })).ok).toBe(true);
    expect(await deleteRound(db, null, organizer, { contestId: created.contestId, roundId: ids[0] })).toMatchObject({
      ok: false,
      code: "ROUND_LOCKED",
      message: "errors.contest.roundHasAttempts",
    });
    expect(await deleteRound(db, null, organizer, { contestId: created.contestId, roundId: ids[2] })).toEqual({
      ok: true,
    });
    expect(await deleteRound(db, null, organizer, { contestId: created.contestId, roundId: added.roundId })).toEqual({
      ok: true,
    });
  });

  it("keeps at least one round in a published contest", async () => {
    const created = await draftContest("Cuộc thi một đợt");
    const only = await saveRound(runtime.db, null, organizer, { contestId: created.contestId, round: round() });
    if (!only.ok) throw new Error(only.code);
    await publishContest(runtime.db, null, organizer, created.contestId);
    expect(
      await deleteRound(runtime.db, null, organizer, { contestId: created.contestId, roundId: only.roundId }),
    ).toMatchObject({ ok: false, code: "LAST_ROUND" });
  });

  it("archives a contest off the public pages, freezes it, and can publish it again", async () => {
    const db = runtime.db;
    const created = await draftContest("Cuộc thi lưu trữ");
    await saveRound(db, null, organizer, { contestId: created.contestId, round: round() });
    await publishContest(db, null, organizer, created.contestId);
    expect(await publicContest(db, created.slug, null)).not.toBeNull();

    expect(await archiveContest(db, null, siblingOrganizer, created.contestId)).toMatchObject({ code: "FORBIDDEN" });
    expect(await archiveContest(db, null, organizer, created.contestId)).toEqual({ ok: true });
    expect(await publicContest(db, created.slug, null)).toBeNull();
    expect(await db.auditLog.count({ where: { action: "contest.archived", targetId: created.contestId } })).toBe(1);
    expect(
      await updateContest(
        db,
        null,
        organizer,
        created.contestId,
        await asInput(created.contestId, { title: "Tên mới" }),
      ),
    ).toMatchObject({ ok: false, code: "CONTEST_ARCHIVED" });
    expect(await saveRound(db, null, organizer, { contestId: created.contestId, round: round() })).toMatchObject({
      ok: false,
      code: "CONTEST_ARCHIVED",
    });

    expect(await publishContest(db, null, organizer, created.contestId)).toEqual({ ok: true });
    expect(await publicContest(db, created.slug, null)).not.toBeNull();
  });
});
