import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "~/auth/guards.server";
import { importOrgTree } from "~/org/import.server";
import { canManageMember, grantOrganizer, revokeOrganizer } from "~/org/members.server";
import { createOrgNode, deleteOrgNode, listManagedTree, moveOrgNode, renameOrgNode } from "~/org/tree.server";
import { seedDemoData } from "../../seeds/demo";
import { createUserWithRole, currentUserFor, nodeId } from "../support/fixtures";
import { startTestRuntime, type TestRuntime } from "../support/runtime";

let runtime: TestRuntime;
let admin: CurrentUser;
let kimThanhOrganizer: CurrentUser;
let haiAnOrganizer: CurrentUser;

beforeAll(async () => {
  runtime = await startTestRuntime();
  await seedDemoData(runtime.db);
  const db = runtime.db;
  admin = await currentUserFor(db, (await createUserWithRole(db, { role: "ADMIN", nodeCode: "HP" })).id);
  kimThanhOrganizer = await currentUserFor(
    db,
    (await createUserWithRole(db, { role: "ORGANIZER", nodeCode: "HP-KIMTHANH" })).id,
  );
  haiAnOrganizer = await currentUserFor(
    db,
    (await createUserWithRole(db, { role: "ORGANIZER", nodeCode: "HP-HAIAN" })).id,
  );
});
afterAll(() => runtime?.stop());

const csv = (rows: string[]) => ({ name: "cay.csv", bytes: new TextEncoder().encode(`${rows.join("\n")}\n`) });

describe("editing the tree", () => {
  it("an organizer adds a unit under their commune, with a materialised path", async () => {
    const result = await createOrgNode(runtime.db, null, kimThanhOrganizer, {
      name: "Chi đoàn thôn Thử",
      code: "HP-KIMTHANH-THU",
      type: "UNIT",
      parentId: await nodeId(runtime.db, "HP-KIMTHANH"),
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const parent = await runtime.db.orgNode.findUniqueOrThrow({ where: { code: "HP-KIMTHANH" } });
    expect(result.node.path).toBe(`${parent.path}${result.node.id}/`);
    expect(result.node.depth).toBe(parent.depth + 1);
    expect(await runtime.db.auditLog.count({ where: { action: "org.created", targetId: result.node.id } })).toBe(1);
  });

  it("refuses a node under a sibling commune, a root for an organizer, and a duplicate code", async () => {
    const underSibling = await createOrgNode(runtime.db, null, kimThanhOrganizer, {
      name: "Không được",
      code: "HP-HAIAN-X",
      type: "UNIT",
      parentId: await nodeId(runtime.db, "HP-HAIAN"),
    });
    expect(underSibling).toMatchObject({ ok: false, code: "FORBIDDEN" });
    const root = await createOrgNode(runtime.db, null, kimThanhOrganizer, {
      name: "Tỉnh mới",
      code: "NEW",
      type: "PROVINCE",
      parentId: null,
    });
    expect(root).toMatchObject({ ok: false, code: "FORBIDDEN" });
    const duplicate = await createOrgNode(runtime.db, null, admin, {
      name: "Trùng",
      code: "HP",
      type: "PROVINCE",
      parentId: null,
    });
    expect(duplicate).toMatchObject({ ok: false, code: "CODE_TAKEN", field: "code" });
    const wrongLevel = await createOrgNode(runtime.db, null, admin, {
      name: "Xã trong xã",
      code: "HP-KIMTHANH-XA",
      type: "COMMUNE",
      parentId: await nodeId(runtime.db, "HP-KIMTHANH"),
    });
    expect(wrongLevel).toMatchObject({ ok: false, code: "TYPE_NOT_ALLOWED" });
  });

  it("moves a subtree and rewrites every descendant's path", async () => {
    const db = runtime.db;
    const created = await createOrgNode(db, null, admin, {
      name: "Đơn vị cha",
      code: "MOVE-PARENT",
      type: "UNIT",
      parentId: await nodeId(db, "HP-KIMTHANH"),
    });
    if (!created.ok) throw new Error("setup");
    const child = await createOrgNode(db, null, admin, {
      name: "Đơn vị con",
      code: "MOVE-CHILD",
      type: "UNIT",
      parentId: created.node.id,
    });
    if (!child.ok) throw new Error("setup");
    expect(await moveOrgNode(db, null, admin, { id: created.node.id, parentId: await nodeId(db, "HP-HAIAN") })).toEqual(
      { ok: true },
    );
    const haiAn = await db.orgNode.findUniqueOrThrow({ where: { code: "HP-HAIAN" } });
    const movedChild = await db.orgNode.findUniqueOrThrow({ where: { code: "MOVE-CHILD" } });
    expect(movedChild.path).toBe(`${haiAn.path}${created.node.id}/${child.node.id}/`);
    expect(movedChild.depth).toBe(haiAn.depth + 2);
    // Into its own subtree: refused.
    expect(await moveOrgNode(db, null, admin, { id: created.node.id, parentId: child.node.id })).toMatchObject({
      ok: false,
      code: "CYCLE",
    });
    // The Kim Thành organizer lost it with the move.
    expect(
      await renameOrgNode(db, null, kimThanhOrganizer, { id: created.node.id, name: "X", code: "MOVE-PARENT" }),
    ).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });

  it("deletes only empty nodes, and never an organizer's own node", async () => {
    const db = runtime.db;
    expect(await deleteOrgNode(db, null, admin, { id: await nodeId(db, "HP-KIMTHANH") })).toMatchObject({
      ok: false,
      code: "NOT_EMPTY",
    });
    expect(await deleteOrgNode(db, null, kimThanhOrganizer, { id: await nodeId(db, "HP-KIMTHANH") })).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    expect(await deleteOrgNode(db, null, kimThanhOrganizer, { id: await nodeId(db, "HP-HAIAN-DOAN") })).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    expect(await deleteOrgNode(db, null, kimThanhOrganizer, { id: await nodeId(db, "HP-KIMTHANH-DOAN") })).toEqual({
      ok: true,
    });
    expect(await db.orgNode.findUnique({ where: { code: "HP-KIMTHANH-DOAN" } })).toBeNull();
  });

  it("lists only the organizer's subtree", async () => {
    const codes = (await listManagedTree(runtime.db, haiAnOrganizer)).map((node) => node.code);
    expect(codes[0]).toBe("HP-HAIAN");
    expect(codes.every((code) => code.startsWith("HP-HAIAN") || code.startsWith("MOVE-"))).toBe(true);
    expect(codes).not.toContain("HP-KIMTHANH");
  });
});

describe("importing a tree", () => {
  it("reports every bad row with its line and writes nothing", async () => {
    const before = await runtime.db.orgNode.count();
    const report = await importOrgTree(
      runtime.db,
      null,
      admin,
      csv([
        "Mã đơn vị,Tên đơn vị,Loại,Mã đơn vị cấp trên",
        "IMP-TINH,Tỉnh Nhập Thử,Tỉnh/Thành phố,",
        "IMP-XA,Xã Nhập Thử,Xã/Phường,IMP-TINH",
        "IMP-BAD1,Đơn vị lạc,Đơn vị,KHONG-CO",
        "IMP-BAD2,Loại sai,Huyện,IMP-TINH",
        "IMP-XA,Trùng mã,Xã/Phường,IMP-TINH",
      ]),
      { dryRun: false },
    );
    expect(report.ok).toBe(false);
    expect(report.applied).toBe(false);
    expect(report.errors.map((error) => [error.line, error.code])).toEqual([
      [4, "PARENT_NOT_FOUND"],
      [5, "TYPE_INVALID"],
      [6, "DUPLICATE_IN_FILE"],
    ]);
    expect(await runtime.db.orgNode.count()).toBe(before);
  });

  it("imports parents defined later in the file, then updates on re-import", async () => {
    const file = csv([
      "Ma don vi;Ten don vi;Loai;Ma don vi cap tren",
      "IMP2-XA;Xã Nhập Hai;Xã;IMP2-TINH",
      "IMP2-TINH;Tỉnh Nhập Hai;Tỉnh;",
      "IMP2-TRUONG;Trường Nhập Hai;Đơn vị;IMP2-XA",
    ]);
    const first = await importOrgTree(runtime.db, null, admin, file, { dryRun: false });
    expect(first).toMatchObject({ ok: true, applied: true, created: 3, updated: 0 });
    const school = await runtime.db.orgNode.findUniqueOrThrow({
      where: { code: "IMP2-TRUONG" },
      include: { parent: true },
    });
    expect(school.parent?.code).toBe("IMP2-XA");
    expect(school.depth).toBe(2);

    const renamed = csv([
      "Mã đơn vị,Tên đơn vị,Loại,Mã đơn vị cấp trên",
      "IMP2-XA,Xã Nhập Hai (đổi tên),Xã,IMP2-TINH",
      "IMP2-TINH,Tỉnh Nhập Hai,Tỉnh,",
    ]);
    const second = await importOrgTree(runtime.db, null, admin, renamed, { dryRun: false });
    expect(second).toMatchObject({ ok: true, created: 0, updated: 1, unchanged: 1 });
    expect((await runtime.db.orgNode.findUniqueOrThrow({ where: { code: "IMP2-XA" } })).name).toBe(
      "Xã Nhập Hai (đổi tên)",
    );
  });

  it("keeps an organizer's import inside their subtree", async () => {
    const report = await importOrgTree(
      runtime.db,
      null,
      kimThanhOrganizer,
      csv([
        "Mã đơn vị,Tên đơn vị,Loại,Mã đơn vị cấp trên",
        "KT-MOI,Tổ mới,Đơn vị,HP-KIMTHANH",
        "HA-MOI,Tổ lạ,Đơn vị,HP-HAIAN",
      ]),
      { dryRun: true },
    );
    expect(report.errors).toEqual([expect.objectContaining({ line: 3, code: "FORBIDDEN" })]);
  });

  it("rejects files it cannot read with a clear reason", async () => {
    const wrongType = await importOrgTree(
      runtime.db,
      null,
      admin,
      { name: "tree.pdf", bytes: new Uint8Array([1, 2]) },
      { dryRun: true },
    );
    expect(wrongType.fileError?.code).toBe("UNSUPPORTED_TYPE");
    const brokenXlsx = await importOrgTree(
      runtime.db,
      null,
      admin,
      { name: "tree.xlsx", bytes: new TextEncoder().encode("not a zip") },
      { dryRun: true },
    );
    expect(brokenXlsx.fileError?.code).toBe("UNREADABLE");
    const missing = await importOrgTree(runtime.db, null, admin, csv(["Tên đơn vị", "Xã A"]), { dryRun: true });
    expect(missing.fileError).toMatchObject({ code: "MISSING_COLUMNS" });
  });
});

describe("organizer accounts", () => {
  it("creates an account with a temporary password, then revokes the role", async () => {
    const db = runtime.db;
    const result = await grantOrganizer(db, null, kimThanhOrganizer, {
      fullName: "Cán bộ Đoàn (thử)",
      identifier: "0987000111",
      orgNodeId: await nodeId(db, "HP-KIMTHANH-THCS"),
    });
    expect(result).toMatchObject({ ok: true, created: true });
    if (!result.ok) return;
    expect(result.temporaryPassword).toMatch(/^[a-z]{6}\d{4}$/);
    const membership = await db.membership.findFirstOrThrow({ where: { userId: result.userId, role: "ORGANIZER" } });
    expect(await revokeOrganizer(db, null, haiAnOrganizer, membership.id)).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    expect(await revokeOrganizer(db, null, kimThanhOrganizer, membership.id)).toEqual({ ok: true });
  });

  it("does not let a commune organizer manage someone who also belongs elsewhere", async () => {
    const db = runtime.db;
    const shared = await createUserWithRole(db, { role: "LEARNER", nodeCode: "HP-KIMTHANH-UBND" });
    expect(await canManageMember(db, kimThanhOrganizer, shared.id)).toBe(true);
    await db.membership.create({
      data: { userId: shared.id, orgNodeId: await nodeId(db, "HP-HAIAN-UBND"), role: "LEARNER" },
    });
    expect(await canManageMember(db, kimThanhOrganizer, shared.id)).toBe(false);
    expect(await canManageMember(db, admin, shared.id)).toBe(true);
  });
});
