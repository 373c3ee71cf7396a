import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "~/auth/guards.server";
import {
  addPhase,
  createPlan,
  deletePhase,
  deletePlan,
  listManagedPlans,
  loadManagedPlan,
  phaseAt,
  phaseTargets,
  plansForNode,
  updatePhase,
  updatePlan,
} from "~/targets/plans.server";
import { phaseSchema, planSchema } from "~/targets/schemas";
import { seedDemoData } from "../../seeds/demo";
import { DEMO_PLANS, seedDemoPlans } from "../../seeds/demo-plans";
import { createUserWithRole, currentUserFor, nodeId } from "../support/fixtures";
import { startTestRuntime, type TestRuntime } from "../support/runtime";

/** Plans and targets (issue 7 §1) on real PostgreSQL: CRUD, the org-scope guard, audit, the seed. */
let runtime: TestRuntime;
let kimThanhOrganizer: CurrentUser;
let haiAnOrganizer: CurrentUser;
let cityOrganizer: CurrentUser;
let admin: CurrentUser;

const plan = (fields: Record<string, string | string[]>) =>
  planSchema.parse({
    name: "Kế hoạch thử nghiệm chuyển đổi số PBGDPL",
    officialRoles: ["OFFICIAL", "REPORTER", "PROPAGANDIST"],
    ...fields,
  });
const phase = (fields: Record<string, string>) => phaseSchema.parse(fields);

async function demoPlanOf(code: string) {
  const plans = await plansForNode(runtime.db, await nodeId(runtime.db, code));
  const found = plans.find((candidate) => candidate.isDemo);
  if (!found) throw new Error(`no demo plan for ${code}`);
  return found;
}

beforeAll(async () => {
  runtime = await startTestRuntime();
  await seedDemoData(runtime.db);
  const db = runtime.db;
  const userAt = async (role: "ORGANIZER" | "ADMIN", nodeCode: string) =>
    currentUserFor(db, (await createUserWithRole(db, { role, nodeCode })).id);
  kimThanhOrganizer = await userAt("ORGANIZER", "HP-KIMTHANH");
  haiAnOrganizer = await userAt("ORGANIZER", "HP-HAIAN");
  cityOrganizer = await userAt("ORGANIZER", "HP");
  admin = await userAt("ADMIN", "HUE");
});
afterAll(() => runtime?.stop());

describe("the demo seed", () => {
  it("gives Kim Thành its plan 1092/KH-UBND of 01/10/2025 with the real targets of both phases", async () => {
    const kimThanh = await demoPlanOf("HP-KIMTHANH");
    expect(kimThanh).toMatchObject({
      number: "1092/KH-UBND",
      issuedOn: "2025-10-01",
      implementsPlan: "Kế hoạch số 160/KH-UBND ngày 01/7/2025 của Ủy ban nhân dân thành phố Hải Phòng",
      officialCategories: ["Kỹ năng chuyển đổi số trong PBGDPL"],
      isDemo: true,
    });
    expect(kimThanh.phases.map((p) => [p.startsOn, p.endsOn, p.targets])).toEqual([
      [
        "2025-01-01",
        "2027-12-31",
        {
          officialsTrainedPct: 80,
          onlineTrainingSharePct: 75,
          residentsReachedPct: 80,
          residentsReachedUrbanPct: null,
          residentsReachedRuralPct: null,
          satisfactionPct: null,
        },
      ],
      [
        "2028-01-01",
        "2030-12-31",
        {
          officialsTrainedPct: 100,
          onlineTrainingSharePct: 90,
          residentsReachedPct: 90,
          residentsReachedUrbanPct: null,
          residentsReachedRuralPct: null,
          satisfactionPct: 90,
        },
      ],
    ]);
  });

  it("gives Hải An, Huế (urban/rural) and Kon Chiêng theirs, without a number the plans do not state", async () => {
    const targetsOf = async (code: string) => (await demoPlanOf(code)).phases.map((p) => p.targets);
    const [haiAn, hue, konChieng] = await Promise.all([
      targetsOf("HP-HAIAN"),
      targetsOf("HUE"),
      targetsOf("GL-KONCHIENG"),
    ]);
    expect(
      haiAn.map((t) => [t.residentsReachedPct, t.officialsTrainedPct, t.onlineTrainingSharePct, t.satisfactionPct]),
    ).toEqual([
      [80, 90, 80, null],
      [90, 100, 90, 90],
    ]);
    expect(
      hue.map((t) => [
        t.residentsReachedPct,
        t.residentsReachedUrbanPct,
        t.residentsReachedRuralPct,
        t.officialsTrainedPct,
        t.onlineTrainingSharePct,
        t.satisfactionPct,
      ]),
    ).toEqual([
      [null, 80, 60, 80, 50, null],
      [null, 90, 70, 100, 70, 90],
    ]);
    expect(
      konChieng.map((t) => [t.residentsReachedPct, t.officialsTrainedPct, t.onlineTrainingSharePct, t.satisfactionPct]),
    ).toEqual([
      [60, 80, 75, null],
      [70, 100, 90, 90],
    ]);
    expect((await demoPlanOf("HP-HAIAN")).number).toBeNull();
    expect((await demoPlanOf("HUE")).issuedOn).toBeNull();
    expect((await demoPlanOf("AT-ANTRUONG")).officialRoles).toContain("MEDIATOR");
  });

  it("is idempotent: seeding again adds nothing", async () => {
    const before = await runtime.db.plan.count({ where: { isDemo: true } });
    await seedDemoPlans(runtime.db);
    expect(await runtime.db.plan.count({ where: { isDemo: true } })).toBe(before);
    expect(before).toBe(DEMO_PLANS.length);
    expect(await runtime.db.planPhase.count({ where: { plan: { isDemo: true } } })).toBe(8);
  });

  it("lets a commune without a plan of its own read its city's through includeAncestors", async () => {
    const phu = await nodeId(runtime.db, "HUE-PHUXUAN");
    expect(await plansForNode(runtime.db, phu)).toEqual([]);
    const inherited = await plansForNode(runtime.db, phu, { includeAncestors: true });
    expect(inherited.map((p) => p.name)).toEqual([(await demoPlanOf("HUE")).name]);
  });
});

describe("plans and phases", () => {
  it("creates, edits and deletes a plan and its phases, each change audited", async () => {
    const db = runtime.db;
    const haiAnUnit = await nodeId(db, "HP-HAIAN-UBND");
    const created = await createPlan(
      db,
      null,
      haiAnOrganizer,
      plan({ orgNodeId: haiAnUnit, number: "12/KH-TP", issuedOn: "15/01/2026", implementsPlan: "Kế hoạch của phường" }),
    );
    if (!created.ok) throw new Error(created.code);
    const planId = created.planId;

    const first = await addPhase(
      db,
      null,
      haiAnOrganizer,
      planId,
      phase({ preset: "2025-2027", officialsTrainedPct: "80,5" }),
    );
    expect(first.ok).toBe(true);
    const custom = await addPhase(
      db,
      null,
      haiAnOrganizer,
      planId,
      phase({ startsOn: "2028-01-01", endsOn: "2028-12-31", satisfactionPct: "90" }),
    );
    expect(custom.ok).toBe(true);

    // Overlap: refused whole, nothing added.
    const clash = await addPhase(db, null, haiAnOrganizer, planId, phase({ preset: "2028-2030" }));
    expect(clash).toMatchObject({ ok: false, code: "PHASE_OVERLAP", params: { label: "01/01/2028 – 31/12/2028" } });
    expect(await db.planPhase.count({ where: { planId } })).toBe(2);

    // An edit may keep its own days; it may not grow into the other phase.
    const firstId = first.ok ? (first.phaseId as string) : "";
    expect(
      await updatePhase(
        db,
        null,
        haiAnOrganizer,
        planId,
        firstId,
        phase({ preset: "2025-2027", officialsTrainedPct: "85" }),
      ),
    ).toEqual({ ok: true });
    expect(
      (
        await updatePhase(
          db,
          null,
          haiAnOrganizer,
          planId,
          firstId,
          phase({ startsOn: "2025-01-01", endsOn: "2028-01-01" }),
        )
      ).ok,
    ).toBe(false);

    const targets = await phaseTargets(db, planId);
    expect(targets.map((p) => [p.label, p.targets.officialsTrainedPct, p.targets.satisfactionPct])).toEqual([
      ["Giai đoạn 1 (2025–2027)", 85, null],
      ["01/01/2028 – 31/12/2028", null, 90],
    ]);
    // The phase as a period in real instants: 00:00 Vietnam time (17:00 UTC the day before).
    expect(targets[0].period.from.toISOString()).toBe("2024-12-31T17:00:00.000Z");
    expect(targets[0].period.to.toISOString()).toBe("2027-12-31T17:00:00.000Z");
    expect(phaseAt(targets, new Date("2027-12-31T16:59:59Z"))?.label).toBe("Giai đoạn 1 (2025–2027)");
    expect(phaseAt(targets, new Date("2027-12-31T17:00:00Z"))?.label).toBe("01/01/2028 – 31/12/2028");

    expect(
      await updatePlan(
        db,
        null,
        haiAnOrganizer,
        planId,
        plan({ orgNodeId: haiAnUnit, name: "Kế hoạch đã sửa tên", officialRoles: ["OFFICIAL", "MEDIATOR"] }),
      ),
    ).toEqual({ ok: true });
    const [stored] = await plansForNode(db, haiAnUnit);
    expect(stored).toMatchObject({
      name: "Kế hoạch đã sửa tên",
      number: null,
      officialRoles: ["OFFICIAL", "MEDIATOR"],
    });

    expect(await deletePhase(db, null, haiAnOrganizer, planId, firstId)).toEqual({ ok: true });
    expect(await deletePlan(db, null, haiAnOrganizer, planId)).toEqual({ ok: true });
    expect(await db.plan.findUnique({ where: { id: planId } })).toBeNull();
    expect(await db.planPhase.count({ where: { planId } })).toBe(0);

    const actions = await db.auditLog.findMany({
      where: { targetType: "Plan", targetId: planId },
      orderBy: { createdAt: "asc" },
      select: { action: true, actorId: true },
    });
    // Sorted: entries written in the same millisecond have no order of their own.
    expect(actions.map((entry) => entry.action).sort()).toEqual(
      [
        "plan.created",
        "plan.phase_added",
        "plan.phase_added",
        "plan.phase_updated",
        "plan.updated",
        "plan.phase_deleted",
        "plan.deleted",
      ].sort(),
    );
    expect(new Set(actions.map((entry) => entry.actorId))).toEqual(new Set([haiAnOrganizer.id]));
  });

  it("names as upper-level plan only a plan of a node above", async () => {
    const db = runtime.db;
    const city = await createPlan(
      db,
      null,
      cityOrganizer,
      plan({ orgNodeId: await nodeId(db, "HP"), number: "160/KH-UBND" }),
    );
    if (!city.ok) throw new Error(city.code);
    const kimThanhPlan = await demoPlanOf("HP-KIMTHANH");
    const child = await createPlan(
      db,
      null,
      kimThanhOrganizer,
      plan({ orgNodeId: await nodeId(db, "HP-KIMTHANH-UBND"), parentPlanId: city.planId }),
    );
    expect(child.ok).toBe(true);
    // Hải An's unit cannot name Kim Thành's plan: Kim Thành is not above it.
    expect(
      await createPlan(
        db,
        null,
        haiAnOrganizer,
        plan({ orgNodeId: await nodeId(db, "HP-HAIAN-UBND"), parentPlanId: kimThanhPlan.id }),
      ),
    ).toMatchObject({ ok: false, code: "PARENT_PLAN_INVALID" });
  });
});

describe("the org-scope guard", () => {
  it("keeps Hải An's organizer away from Kim Thành's plan: no read, no change", async () => {
    const db = runtime.db;
    const kimThanh = await demoPlanOf("HP-KIMTHANH");
    const phaseId = kimThanh.phases[0].id;
    expect(await loadManagedPlan(db, haiAnOrganizer, kimThanh.id)).toBeNull();
    expect((await listManagedPlans(db, haiAnOrganizer)).map((p) => p.id)).not.toContain(kimThanh.id);

    const kimThanhNode = await nodeId(db, "HP-KIMTHANH");
    const attempts = [
      await updatePlan(
        db,
        null,
        haiAnOrganizer,
        kimThanh.id,
        plan({ orgNodeId: kimThanhNode, name: "Đổi tên trái phép" }),
      ),
      await addPhase(db, null, haiAnOrganizer, kimThanh.id, phase({ startsOn: "2031-01-01", endsOn: "2031-12-31" })),
      await updatePhase(
        db,
        null,
        haiAnOrganizer,
        kimThanh.id,
        phaseId,
        phase({ preset: "2025-2027", officialsTrainedPct: "1" }),
      ),
      await deletePhase(db, null, haiAnOrganizer, kimThanh.id, phaseId),
      await deletePlan(db, null, haiAnOrganizer, kimThanh.id),
    ];
    for (const result of attempts) expect(result).toMatchObject({ ok: false, code: "NOT_FOUND" });
    // Nor can it create a plan on Kim Thành, or move its own plan there.
    expect(await createPlan(db, null, haiAnOrganizer, plan({ orgNodeId: kimThanhNode }))).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    expect(await demoPlanOf("HP-KIMTHANH")).toEqual(kimThanh);
  });

  it("lets the organizer of the node, of the city above it, and an admin manage the plan", async () => {
    const db = runtime.db;
    const kimThanh = await demoPlanOf("HP-KIMTHANH");
    for (const user of [kimThanhOrganizer, cityOrganizer, admin])
      expect((await loadManagedPlan(db, user, kimThanh.id))?.id).toBe(kimThanh.id);
    expect((await listManagedPlans(db, cityOrganizer)).map((p) => p.orgNode.code)).toEqual(
      expect.arrayContaining(["HP-KIMTHANH", "HP-HAIAN"]),
    );
    expect((await listManagedPlans(db, cityOrganizer)).map((p) => p.orgNode.code)).not.toContain("HUE");
  });

  it("refuses a percentage outside 0–100 in the database itself", async () => {
    const kimThanh = await demoPlanOf("HP-KIMTHANH");
    await expect(
      runtime.db.planPhase.update({ where: { id: kimThanh.phases[0].id }, data: { satisfactionPct: 120 } }),
    ).rejects.toThrow();
  });
});
