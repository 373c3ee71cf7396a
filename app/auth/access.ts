import type { Role } from "~/generated/prisma/enums";

/**
 * Who may act where. Pure functions over a user's grants so the rules are unit-tested apart
 * from HTTP. The one rule of the org tree: a role held at node N covers N and its descendants,
 * never a sibling or an ancestor; ADMIN covers everything.
 */
export interface Grant {
  role: Role;
  orgNodeId: string;
  /** Materialised path of the granted node ("/a/b/"), see OrgNode.path. */
  orgNodePath: string;
}

/** Roles that satisfy a required role: an organizer may do what a learner of its subtree may. */
const SATISFIES: Record<Role, readonly Role[]> = {
  ADMIN: ["ADMIN"],
  ORGANIZER: ["ADMIN", "ORGANIZER"],
  LEARNER: ["ADMIN", "ORGANIZER", "LEARNER"],
  CONTESTANT: ["ADMIN", "ORGANIZER", "CONTESTANT"],
};

export function isAdmin(grants: readonly Grant[]): boolean {
  return grants.some((grant) => grant.role === "ADMIN");
}

export function isWithin(ancestorPath: string, targetPath: string): boolean {
  return targetPath.startsWith(ancestorPath);
}

/** Does the user hold `role` (or a stronger one) somewhere, or at/above the target node? */
export function hasRole(grants: readonly Grant[], role: Role, targetPath?: string): boolean {
  if (isAdmin(grants)) return true;
  return grants.some(
    (grant) =>
      SATISFIES[role].includes(grant.role) && (targetPath === undefined || isWithin(grant.orgNodePath, targetPath)),
  );
}

/**
 * The roots of the subtrees a user manages as organizer, without any root nested in another.
 * null means everything (admin).
 */
export function managedRoots(grants: readonly Grant[]): Grant[] | null {
  if (isAdmin(grants)) return null;
  const organizerGrants = grants.filter((grant) => grant.role === "ORGANIZER");
  return organizerGrants
    .filter(
      (grant) =>
        !organizerGrants.some(
          (other) =>
            other !== grant &&
            other.orgNodePath !== grant.orgNodePath &&
            isWithin(other.orgNodePath, grant.orgNodePath),
        ),
    )
    .filter((grant, index, all) => all.findIndex((g) => g.orgNodePath === grant.orgNodePath) === index);
}
