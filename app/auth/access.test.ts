import { describe, expect, it } from "vitest";
import { type Grant, hasRole, managedRoots } from "./access";

const province = "/hp/";
const kimThanh = "/hp/kt/";
const kimThanhSchool = "/hp/kt/school/";
const haiAn = "/hp/ha/";

const organizerOf = (path: string): Grant => ({ role: "ORGANIZER", orgNodeId: path, orgNodePath: path });

describe("hasRole over the org tree", () => {
  it("covers the granted node and its descendants", () => {
    const grants = [organizerOf(kimThanh)];
    expect(hasRole(grants, "ORGANIZER", kimThanh)).toBe(true);
    expect(hasRole(grants, "ORGANIZER", kimThanhSchool)).toBe(true);
  });

  it("never covers a sibling or an ancestor", () => {
    const grants = [organizerOf(kimThanh)];
    expect(hasRole(grants, "ORGANIZER", haiAn)).toBe(false);
    expect(hasRole(grants, "ORGANIZER", province)).toBe(false);
  });

  it("does not confuse a node with a sibling whose id starts the same", () => {
    expect(hasRole([organizerOf("/hp/kt/")], "ORGANIZER", "/hp/kt2/")).toBe(false);
  });

  it("lets an admin act anywhere", () => {
    const admin: Grant[] = [{ role: "ADMIN", orgNodeId: "x", orgNodePath: "/other/" }];
    expect(hasRole(admin, "ORGANIZER", haiAn)).toBe(true);
    expect(hasRole(admin, "ADMIN")).toBe(true);
  });

  it("lets an organizer do what a learner or contestant of the subtree may, not the reverse", () => {
    expect(hasRole([organizerOf(kimThanh)], "LEARNER", kimThanhSchool)).toBe(true);
    const contestant: Grant[] = [{ role: "CONTESTANT", orgNodeId: "s", orgNodePath: kimThanhSchool }];
    expect(hasRole(contestant, "ORGANIZER", kimThanhSchool)).toBe(false);
    expect(hasRole(contestant, "LEARNER", kimThanhSchool)).toBe(false);
    expect(hasRole(contestant, "CONTESTANT", kimThanhSchool)).toBe(true);
  });

  it("gives a user with no grants nothing", () => {
    expect(hasRole([], "CONTESTANT")).toBe(false);
  });
});

describe("managedRoots", () => {
  it("drops roots nested in another root and duplicates", () => {
    const roots = managedRoots([
      organizerOf(kimThanhSchool),
      organizerOf(kimThanh),
      organizerOf(haiAn),
      organizerOf(kimThanh),
    ]);
    expect(roots?.map((grant) => grant.orgNodePath).sort()).toEqual([haiAn, kimThanh]);
  });

  it("is null (everything) for an admin", () => {
    expect(managedRoots([{ role: "ADMIN", orgNodeId: "a", orgNodePath: "/a/" }])).toBeNull();
  });
});
