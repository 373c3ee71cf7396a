import { randomUUID } from "node:crypto";
import { audit } from "~/audit/audit.server";
import { hasRole, managedRoots } from "~/auth/access";
import type { CurrentUser } from "~/auth/guards.server";
import type { Db, DbOrTx } from "~/db/client.server";
import { Prisma } from "~/generated/prisma/client";
import type { OrgNodeType } from "~/generated/prisma/enums";
import { parentTypeAllowed } from "./schemas";

export type OrgResult<T = object> = ({ ok: true } & T) | { ok: false; code: string; message: string; field?: string };

const fail = (code: string, message: string, field?: string) => ({ ok: false as const, code, message, field });

export interface OrgNodeRow {
  id: string;
  type: OrgNodeType;
  name: string;
  code: string;
  parentId: string | null;
  path: string;
  depth: number;
}

export function childPath(parentPath: string | null, id: string): string {
  return `${parentPath ?? "/"}${id}/`;
}

export function canManage(user: CurrentUser, nodePath: string): boolean {
  return hasRole(user.grants, "ORGANIZER", nodePath);
}

export async function createOrgNode(
  db: Db,
  request: Request | null,
  user: CurrentUser,
  input: { name: string; code: string; type: OrgNodeType; parentId: string | null },
): Promise<OrgResult<{ node: OrgNodeRow }>> {
  const parent = input.parentId ? await db.orgNode.findUnique({ where: { id: input.parentId } }) : null;
  if (input.parentId && !parent) return fail("PARENT_NOT_FOUND", "errors.org.parentNotFound", "parentId");
  // Roots (provinces) are the admin's; everything else needs rights over the parent.
  if (parent ? !canManage(user, parent.path) : !hasRole(user.grants, "ADMIN")) {
    return fail("FORBIDDEN", "errors.forbidden", "parentId");
  }
  if (!parentTypeAllowed(input.type, parent?.type ?? null)) {
    return fail(
      "TYPE_NOT_ALLOWED",
      parent ? "errors.org.typeNotAllowedUnderParent" : "errors.org.rootMustBeProvince",
      "type",
    );
  }
  const id = randomUUID();
  try {
    const node = await db.orgNode.create({
      data: {
        id,
        name: input.name,
        code: input.code,
        type: input.type,
        parentId: parent?.id ?? null,
        path: childPath(parent?.path ?? null, id),
        depth: parent ? parent.depth + 1 : 0,
      },
    });
    await audit(db, request, {
      actorId: user.id,
      action: "org.created",
      targetType: "OrgNode",
      targetId: node.id,
      orgNodeId: node.id,
      details: { name: node.name, code: node.code, type: node.type },
    });
    return { ok: true, node };
  } catch (error) {
    if (isUniqueViolation(error)) return fail("CODE_TAKEN", "errors.org.codeTaken", "code");
    throw error;
  }
}

export async function renameOrgNode(
  db: Db,
  request: Request | null,
  user: CurrentUser,
  input: { id: string; name: string; code: string },
): Promise<OrgResult> {
  const node = await db.orgNode.findUnique({ where: { id: input.id } });
  if (!node || !canManage(user, node.path)) return fail("FORBIDDEN", "errors.forbidden");
  try {
    await db.orgNode.update({ where: { id: node.id }, data: { name: input.name, code: input.code } });
  } catch (error) {
    if (isUniqueViolation(error)) return fail("CODE_TAKEN", "errors.org.codeTaken", "code");
    throw error;
  }
  await audit(db, request, {
    actorId: user.id,
    action: "org.renamed",
    targetType: "OrgNode",
    targetId: node.id,
    orgNodeId: node.id,
    details: { from: { name: node.name, code: node.code }, to: { name: input.name, code: input.code } },
  });
  return { ok: true };
}

/** Moves a node (and its subtree) under another parent the user also manages. */
export async function moveOrgNode(
  db: Db,
  request: Request | null,
  user: CurrentUser,
  input: { id: string; parentId: string },
): Promise<OrgResult> {
  const [node, parent] = await Promise.all([
    db.orgNode.findUnique({ where: { id: input.id } }),
    db.orgNode.findUnique({ where: { id: input.parentId } }),
  ]);
  if (!node || !canManage(user, node.path)) return fail("FORBIDDEN", "errors.forbidden");
  if (!parent || !canManage(user, parent.path)) return fail("FORBIDDEN", "errors.forbidden", "parentId");
  if (parent.path.startsWith(node.path)) return fail("CYCLE", "errors.org.moveIntoOwnSubtree", "parentId");
  if (!parentTypeAllowed(node.type, parent.type)) {
    return fail("TYPE_NOT_ALLOWED", "errors.org.typeNotAllowedUnderParent", "parentId");
  }
  if (node.parentId === parent.id) return { ok: true };
  await db.$transaction((tx) => moveSubtree(tx, node, parent));
  await audit(db, request, {
    actorId: user.id,
    action: "org.moved",
    targetType: "OrgNode",
    targetId: node.id,
    orgNodeId: node.id,
    details: { fromParentId: node.parentId, toParentId: parent.id },
  });
  return { ok: true };
}

/** Rewrites the materialised paths of a node and every descendant in one statement. */
export async function moveSubtree(
  tx: DbOrTx,
  node: Pick<OrgNodeRow, "id" | "path" | "depth">,
  parent: Pick<OrgNodeRow, "id" | "path" | "depth">,
): Promise<void> {
  const newPath = childPath(parent.path, node.id);
  const depthDelta = parent.depth + 1 - node.depth;
  await tx.orgNode.update({ where: { id: node.id }, data: { parentId: parent.id } });
  await tx.$executeRaw`
    UPDATE "OrgNode"
       SET "path" = ${newPath} || substr("path", ${node.path.length + 1}),
           "depth" = "depth" + ${depthDelta},
           "updatedAt" = now()
     WHERE "path" LIKE ${`${escapeLike(node.path)}%`}`;
}

/** Deletes a node that has no children and no members; anything else is refused, not cascaded. */
export async function deleteOrgNode(
  db: Db,
  request: Request | null,
  user: CurrentUser,
  input: { id: string },
): Promise<OrgResult> {
  const node = await db.orgNode.findUnique({
    where: { id: input.id },
    include: { _count: { select: { children: true, memberships: true } } },
  });
  if (!node || !canManage(user, node.path)) return fail("FORBIDDEN", "errors.forbidden");
  // An organizer may not delete the node their own rights hang on.
  if (!hasRole(user.grants, "ADMIN") && user.grants.some((grant) => grant.orgNodeId === node.id)) {
    return fail("FORBIDDEN", "errors.org.cannotDeleteOwnNode");
  }
  if (node._count.children > 0) return fail("NOT_EMPTY", "errors.org.hasChildren");
  if (node._count.memberships > 0) return fail("NOT_EMPTY", "errors.org.hasMembers");
  await db.orgNode.delete({ where: { id: node.id } });
  await audit(db, request, {
    actorId: user.id,
    action: "org.deleted",
    targetType: "OrgNode",
    targetId: node.id,
    orgNodeId: node.parentId,
    details: { name: node.name, code: node.code },
  });
  return { ok: true };
}

/** The nodes a user manages, in tree order (parents before children, siblings by name). */
export async function listManagedTree(db: DbOrTx, user: CurrentUser): Promise<OrgNodeRow[]> {
  const nodes = await db.orgNode.findMany({
    where: scopeFilter(user),
    select: { id: true, type: true, name: true, code: true, parentId: true, path: true, depth: true },
  });
  return sortAsTree(nodes);
}

export function scopeFilter(user: CurrentUser): Prisma.OrgNodeWhereInput {
  const roots = managedRoots(user.grants);
  if (roots === null) return {};
  return { OR: roots.map((root) => ({ path: { startsWith: root.orgNodePath } })) };
}

export function sortAsTree<T extends { id: string; parentId: string | null; name: string }>(nodes: T[]): T[] {
  const byParent = new Map<string | null, T[]>();
  const ids = new Set(nodes.map((node) => node.id));
  for (const node of nodes) {
    // A node whose parent is outside the list is a root of what the user sees.
    const key = node.parentId && ids.has(node.parentId) ? node.parentId : null;
    byParent.set(key, [...(byParent.get(key) ?? []), node]);
  }
  const collator = new Intl.Collator("vi");
  const ordered: T[] = [];
  const visit = (parentId: string | null) => {
    for (const node of (byParent.get(parentId) ?? []).sort((a, b) => collator.compare(a.name, b.name))) {
      ordered.push(node);
      visit(node.id);
    }
  };
  visit(null);
  return ordered;
}

export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (match) => `\\${match}`);
}

export function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  // P2002 from the query builder; a raw statement's (P2010) carries the driver's own kind.
  const cause = (error.meta as { driverAdapterError?: { cause?: { kind?: string } } } | undefined)?.driverAdapterError
    ?.cause;
  return error.code === "P2002" || (error.code === "P2010" && cause?.kind === "UniqueConstraintViolation");
}
