import { audit } from "~/audit/audit.server";
import { hasRole } from "~/auth/access";
import type { CurrentUser } from "~/auth/guards.server";
import type { Db, DbOrTx } from "~/db/client.server";
import type { Prisma } from "~/generated/prisma/client";
import { isUniqueViolation, type OrgResult } from "~/org/tree.server";
import { foldText } from "./text";

/**
 * Banks belong to an org node. Organizers of that node (or an ancestor) edit it; organizers
 * further down the tree may read it and draw from it (a city bank serves its communes), but
 * not change it. Everyone else sees nothing of it.
 */
export type BankAccess = "write" | "read" | "none";

export function bankAccess(user: CurrentUser, bankNodePath: string): BankAccess {
  if (hasRole(user.grants, "ORGANIZER", bankNodePath)) return "write";
  const organizerPaths = user.grants.filter((grant) => grant.role === "ORGANIZER").map((grant) => grant.orgNodePath);
  return organizerPaths.some((path) => path.startsWith(bankNodePath)) ? "read" : "none";
}

/** Ids of a materialised path "/a/b/c/" → ["a", "b", "c"]. */
function pathIds(path: string): string[] {
  return path.split("/").filter(Boolean);
}

/** Banks the user can read: in their subtrees, or on the way up from them. */
export function readableBanksFilter(user: CurrentUser): Prisma.QuestionBankWhereInput {
  if (hasRole(user.grants, "ADMIN")) return {};
  const roots = user.grants.filter((grant) => grant.role === "ORGANIZER").map((grant) => grant.orgNodePath);
  const ancestorIds = [...new Set(roots.flatMap(pathIds))];
  return {
    OR: [...roots.map((root) => ({ orgNode: { path: { startsWith: root } } })), { orgNodeId: { in: ancestorIds } }],
  };
}

export async function loadBankFor(db: DbOrTx, user: CurrentUser, bankId: string) {
  const bank = await db.questionBank.findUnique({
    where: { id: bankId },
    include: { orgNode: { select: { id: true, name: true, path: true } } },
  });
  if (!bank) return null;
  const access = bankAccess(user, bank.orgNode.path);
  return access === "none" ? null : { bank, access };
}

export async function createBank(
  db: Db,
  request: Request | null,
  user: CurrentUser,
  input: { orgNodeId: string; name: string; description: string | null },
): Promise<OrgResult<{ bankId: string }>> {
  const node = await db.orgNode.findUnique({ where: { id: input.orgNodeId }, select: { path: true } });
  if (!node || !hasRole(user.grants, "ORGANIZER", node.path)) {
    return { ok: false, code: "FORBIDDEN", message: "errors.forbidden", field: "orgNodeId" };
  }
  try {
    const bank = await db.questionBank.create({ data: input });
    await audit(db, request, {
      actorId: user.id,
      action: "bank.created",
      targetType: "QuestionBank",
      targetId: bank.id,
      orgNodeId: input.orgNodeId,
      details: { name: input.name },
    });
    return { ok: true, bankId: bank.id };
  } catch (error) {
    if (isUniqueViolation(error))
      return { ok: false, code: "NAME_TAKEN", message: "errors.bank.nameTaken", field: "name" };
    throw error;
  }
}

export function topicKey(name: string): string {
  return foldText(name);
}

/** Adds topics by name (case and accents ignored); returns every named topic's id. */
export async function ensureTopics(tx: DbOrTx, bankId: string, names: string[]): Promise<Map<string, string>> {
  const wanted = new Map(names.map((name) => [topicKey(name), name.trim()] as const).filter(([key]) => key.length > 0));
  if (wanted.size === 0) return new Map();
  await tx.topic.createMany({
    data: [...wanted].map(([nameKey, name]) => ({ bankId, name: name.slice(0, 120), nameKey })),
    skipDuplicates: true,
  });
  const topics = await tx.topic.findMany({ where: { bankId, nameKey: { in: [...wanted.keys()] } } });
  return new Map(topics.map((topic) => [topic.nameKey, topic.id]));
}
