import { audit } from "~/audit/audit.server";
import { hasRole } from "~/auth/access";
import { identifierWhere } from "~/auth/accounts.server";
import type { CurrentUser } from "~/auth/guards.server";
import { generateTemporaryPassword, hashPassword } from "~/auth/password.server";
import type { Db } from "~/db/client.server";
import { canManage, type OrgResult } from "./tree.server";

/**
 * Organizer accounts and members of a subtree. An organizer manages people only when every
 * node they belong to is inside the organizer's subtree: otherwise an organizer of one commune
 * could take over the account of someone with rights elsewhere.
 */
export async function canManageMember(db: Db, actor: CurrentUser, userId: string): Promise<boolean> {
  if (hasRole(actor.grants, "ADMIN")) return true;
  const memberships = await db.membership.findMany({
    where: { userId },
    select: { role: true, orgNode: { select: { path: true } } },
  });
  return (
    memberships.length > 0 &&
    memberships.every((membership) => membership.role !== "ADMIN" && canManage(actor, membership.orgNode.path))
  );
}

export async function grantOrganizer(
  db: Db,
  request: Request | null,
  actor: CurrentUser,
  input: { fullName: string; identifier: string; orgNodeId: string },
): Promise<OrgResult<{ userId: string; created: boolean; temporaryPassword: string | null }>> {
  const node = await db.orgNode.findUnique({ where: { id: input.orgNodeId }, select: { id: true, path: true } });
  if (!node || !canManage(actor, node.path))
    return { ok: false, code: "FORBIDDEN", message: "errors.forbidden", field: "orgNodeId" };
  const where = identifierWhere(input.identifier);
  if (!where)
    return { ok: false, code: "IDENTIFIER_INVALID", message: "errors.identifier.invalid", field: "identifier" };

  const existing = await db.user.findUnique({ where: where as { email: string }, select: { id: true } });
  let temporaryPassword: string | null = null;
  const userId = await db.$transaction(async (tx) => {
    let id = existing?.id;
    if (!id) {
      temporaryPassword = generateTemporaryPassword();
      const user = await tx.user.create({
        data: {
          fullName: input.fullName,
          ...where,
          passwordHash: await hashPassword(temporaryPassword),
          mustChangePassword: true,
        },
      });
      id = user.id;
    }
    await tx.membership.upsert({
      where: { userId_orgNodeId_role: { userId: id, orgNodeId: node.id, role: "ORGANIZER" } },
      create: { userId: id, orgNodeId: node.id, role: "ORGANIZER" },
      update: {},
    });
    return id;
  });
  await audit(db, request, {
    actorId: actor.id,
    action: existing ? "organizer.granted" : "organizer.created",
    targetType: "User",
    targetId: userId,
    orgNodeId: node.id,
  });
  return { ok: true, userId, created: !existing, temporaryPassword };
}

export async function revokeOrganizer(
  db: Db,
  request: Request | null,
  actor: CurrentUser,
  membershipId: string,
): Promise<OrgResult> {
  const membership = await db.membership.findUnique({
    where: { id: membershipId },
    select: { id: true, userId: true, role: true, orgNodeId: true, orgNode: { select: { path: true } } },
  });
  if (!membership || membership.role !== "ORGANIZER" || !canManage(actor, membership.orgNode.path)) {
    return { ok: false, code: "FORBIDDEN", message: "errors.forbidden" };
  }
  if (membership.userId === actor.id) return { ok: false, code: "SELF", message: "errors.organizer.cannotRevokeSelf" };
  await db.$transaction([
    db.membership.delete({ where: { id: membership.id } }),
    // Their open sessions carried the old rights; end them.
    db.session.deleteMany({ where: { userId: membership.userId } }),
  ]);
  await audit(db, request, {
    actorId: actor.id,
    action: "organizer.revoked",
    targetType: "User",
    targetId: membership.userId,
    orgNodeId: membership.orgNodeId,
  });
  return { ok: true };
}
