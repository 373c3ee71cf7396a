import { randomBytes } from "node:crypto";
import type { Grant } from "~/auth/access";
import type { CurrentUser } from "~/auth/guards.server";
import { hashPassword } from "~/auth/password.server";
import { createSession } from "~/auth/session.server";
import { drawnQuestions } from "~/contests/drawn";
import type { Db } from "~/db/client.server";
import type { OrgNodeType, Role } from "~/generated/prisma/enums";
import { childPath } from "~/org/tree.server";

export const TEST_PASSWORD = "Thu-nghiem-2025";
let passwordHash: Promise<string> | null = null;

/** A user holding `role` at the node with `nodeCode` (seeded demo tree codes work). */
export async function createUserWithRole(
  db: Db,
  options: { role: Role; nodeCode: string; fullName?: string; email?: string },
): Promise<{ id: string; email: string }> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const email = options.email ?? `${options.role.toLowerCase()}-${randomBytes(4).toString("hex")}@test.example`;
  const node = await db.orgNode.findUniqueOrThrow({ where: { code: options.nodeCode } });
  const user = await db.user.create({
    data: {
      fullName: options.fullName ?? `Người thử ${options.role}`,
      email,
      passwordHash: await passwordHash,
      memberships: { create: { role: options.role, orgNodeId: node.id } },
    },
  });
  return { id: user.id, email };
}

/** The Cookie header of a fresh session for the user, as the browser would send it. */
export async function sessionCookie(db: Db, userId: string): Promise<string> {
  const { setCookie } = await createSession(db, new Request("http://localhost/login"), userId);
  return setCookie.split(";")[0];
}

export async function currentUserFor(db: Db, userId: string): Promise<CurrentUser> {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    include: { memberships: { include: { orgNode: { select: { path: true } } } } },
  });
  const grants: Grant[] = user.memberships.map((m) => ({
    role: m.role,
    orgNodeId: m.orgNodeId,
    orgNodePath: m.orgNode.path,
  }));
  return {
    id: user.id,
    fullName: user.fullName,
    email: user.email,
    phone: user.phone,
    locale: user.locale,
    mustChangePassword: user.mustChangePassword,
    sessionId: "test-session",
    grants,
  };
}

export async function nodeId(db: Db, code: string): Promise<string> {
  return (await db.orgNode.findUniqueOrThrow({ where: { code }, select: { id: true } })).id;
}

/** An org node under `parentId` (or a root), with a random id; returns the id. */
export async function createOrgNode(
  db: Db,
  input: { code: string; name: string; type: OrgNodeType; parentId: string | null },
): Promise<string> {
  const parent = input.parentId ? await db.orgNode.findUniqueOrThrow({ where: { id: input.parentId } }) : null;
  const id = `${input.code.toLowerCase()}-${randomBytes(3).toString("hex")}`;
  await db.orgNode.create({
    data: {
      id,
      type: input.type,
      name: input.name,
      code: input.code,
      parentId: parent?.id ?? null,
      path: childPath(parent?.path ?? null, id),
      depth: parent ? parent.depth + 1 : 0,
    },
  });
  return id;
}

/**
 * The drawn questions of attempts with their versions, in position order per attempt: what the
 * tests check answers and scores against (the attempt keeps them in `Attempt.drawn`).
 */
export async function drawnWithVersions(db: Db, attemptIds: string[]) {
  const attempts = await db.attempt.findMany({ where: { id: { in: attemptIds } }, select: { id: true, drawn: true } });
  const drawn = attempts.flatMap((attempt) =>
    drawnQuestions(attempt.drawn).map((question, position) => ({ attemptId: attempt.id, position, ...question })),
  );
  const versions = new Map(
    (await db.questionVersion.findMany({ where: { id: { in: drawn.map((question) => question.versionId) } } })).map(
      (version) => [version.id, version],
    ),
  );
  return drawn.map((question) => ({
    ...question,
    questionVersionId: question.versionId,
    questionVersion: versions.get(question.versionId) as NonNullable<ReturnType<typeof versions.get>>,
  }));
}
