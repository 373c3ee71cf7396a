import { randomUUID } from "node:crypto";
import type { AuditAction } from "~/audit/actions";
import { audit } from "~/audit/audit.server";
import type { CurrentUser } from "~/auth/guards.server";
import type { Db, DbOrTx } from "~/db/client.server";
import { Prisma } from "~/generated/prisma/client";
import type { Difficulty, QuestionStatus, QuestionType } from "~/generated/prisma/enums";
import type { OrgResult } from "~/org/tree.server";
import { ensureTopics, loadBankFor, topicKey } from "./banks.server";
import type { QuestionDraft, QuestionOption } from "./draft";
import { validateDraft } from "./draft";
import { stemToText } from "./html";
import { sanitizeStem } from "./sanitize.server";
import { searchTextOf, stemKeyOf, stemSimilarity, toPrefixTsQuery } from "./text";

/**
 * Questions and their versions. Every save writes a new immutable version; the review state
 * belongs to the latest one, and draws use `approvedVersionId`, which only an approval moves.
 */
const fail = (code: string, message: string, field?: string) => ({ ok: false as const, code, message, field });

type VersionRow = Prisma.QuestionVersionGetPayload<object>;

export function draftOfVersion(version: VersionRow, externalId: string | null = null): QuestionDraft {
  return {
    type: version.type,
    stem: version.stem,
    options: version.options as unknown as QuestionOption[],
    explanation: version.explanation,
    citation: version.citationDocument
      ? {
          document: version.citationDocument,
          number: version.citationNumber,
          article: version.citationArticle,
          clause: version.citationClause,
        }
      : null,
    topics: version.topicNames,
    difficulty: version.difficulty,
    externalId,
  };
}

/** The columns of a QuestionVersion for a draft whose stem is already sanitised. */
export function versionColumns(draft: QuestionDraft) {
  return {
    type: draft.type,
    stem: draft.stem,
    options: draft.options.map((option) => ({ text: option.text.trim(), correct: option.correct })),
    explanation: draft.explanation?.trim() || null,
    citationDocument: draft.citation?.document.trim() || null,
    citationNumber: draft.citation?.number?.trim() || null,
    citationArticle: draft.citation?.article?.trim() || null,
    citationClause: draft.citation?.clause?.trim() || null,
    difficulty: draft.difficulty,
    topicNames: [...new Set(draft.topics.map((topic) => topic.trim()).filter(Boolean))],
  };
}

/** Columns of Question derived from its latest version. */
function derivedColumns(draft: QuestionDraft) {
  return {
    type: draft.type,
    difficulty: draft.difficulty,
    searchText: searchTextOf(draft),
    stemKey: stemKeyOf(draft.stem),
  };
}

async function linkTopics(tx: DbOrTx, bankId: string, questionId: string, names: string[]) {
  const topics = await ensureTopics(tx, bankId, names);
  await tx.questionTopic.deleteMany({ where: { questionId } });
  if (topics.size > 0) {
    await tx.questionTopic.createMany({ data: [...topics.values()].map((topicId) => ({ questionId, topicId })) });
  }
}

export async function createQuestion(
  db: Db,
  request: Request | null,
  user: CurrentUser,
  bankId: string,
  draft: QuestionDraft,
): Promise<OrgResult<{ questionId: string }>> {
  const loaded = await loadBankFor(db, user, bankId);
  if (!loaded || loaded.access !== "write") return fail("FORBIDDEN", "errors.forbidden");
  const errors = validateDraft(draft);
  if (errors.length > 0) return fail(errors[0].code, errors[0].message);
  const questionId = randomUUID();
  const versionId = randomUUID();
  await db.$transaction(async (tx) => {
    await tx.question.create({
      data: { id: questionId, bankId, authorId: user.id, externalId: draft.externalId, ...derivedColumns(draft) },
    });
    await tx.questionVersion.create({
      data: {
        id: versionId,
        questionId,
        version: 1,
        authorId: user.id,
        ...versionColumns({ ...draft, stem: sanitizeStem(draft.stem) }),
      },
    });
    await tx.question.update({ where: { id: questionId }, data: { latestVersionId: versionId } });
    await linkTopics(tx, bankId, questionId, draft.topics);
  });
  await audit(db, request, {
    actorId: user.id,
    action: "question.created",
    targetType: "Question",
    targetId: questionId,
    orgNodeId: loaded.bank.orgNodeId,
  });
  return { ok: true, questionId };
}

export async function loadQuestionFor(db: DbOrTx, user: CurrentUser, questionId: string) {
  const question = await db.question.findUnique({
    where: { id: questionId },
    include: {
      latestVersion: true,
      approvedVersion: { select: { id: true, version: true } },
      author: { select: { fullName: true } },
      reviewer: { select: { fullName: true } },
      bank: { include: { orgNode: { select: { path: true, name: true } } } },
    },
  });
  if (!question?.latestVersion) return null;
  const loaded = await loadBankFor(db, user, question.bankId);
  if (!loaded) return null;
  return { question, version: question.latestVersion, access: loaded.access };
}

/** Saves an edit as a new version; an approved question goes back to draft for review. */
export async function updateQuestion(
  db: Db,
  request: Request | null,
  user: CurrentUser,
  questionId: string,
  draft: QuestionDraft,
): Promise<OrgResult<{ version: number }>> {
  const loaded = await loadQuestionFor(db, user, questionId);
  if (!loaded || loaded.access !== "write") return fail("FORBIDDEN", "errors.forbidden");
  const errors = validateDraft(draft);
  if (errors.length > 0) return fail(errors[0].code, errors[0].message);
  const { question, version } = loaded;
  const next = version.version + 1;
  await db.$transaction(async (tx) => {
    const created = await tx.questionVersion.create({
      data: {
        questionId,
        version: next,
        authorId: user.id,
        ...versionColumns({ ...draft, stem: sanitizeStem(draft.stem) }),
      },
    });
    await tx.question.update({
      where: { id: questionId },
      data: {
        latestVersionId: created.id,
        status: question.status === "RETIRED" ? "RETIRED" : "DRAFT",
        reviewComment: null,
        externalId: draft.externalId ?? question.externalId,
        ...derivedColumns(draft),
      },
    });
    await linkTopics(tx, question.bankId, questionId, draft.topics);
  });
  await audit(db, request, {
    actorId: user.id,
    action: "question.updated",
    targetType: "Question",
    targetId: questionId,
    orgNodeId: question.bank.orgNodeId,
    details: { version: next },
  });
  return { ok: true, version: next };
}

export const REVIEW_ACTIONS = ["submit", "approve", "return", "retire", "restore"] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

const REVIEW_AUDIT_ACTION: Record<ReviewAction, AuditAction> = {
  submit: "question.submitted",
  approve: "question.approved",
  return: "question.returned",
  retire: "question.retired",
  restore: "question.restored",
};

/** Which statuses each review action starts from. */
const ALLOWED_FROM: Record<ReviewAction, QuestionStatus[]> = {
  submit: ["DRAFT"],
  // Small units often have one organizer, so a draft may be approved directly.
  approve: ["DRAFT", "IN_REVIEW"],
  return: ["IN_REVIEW"],
  retire: ["DRAFT", "IN_REVIEW", "APPROVED"],
  restore: ["RETIRED"],
};

export async function reviewQuestion(
  db: Db,
  request: Request | null,
  user: CurrentUser,
  questionId: string,
  action: ReviewAction,
  comment: string | null,
): Promise<OrgResult<{ status: QuestionStatus }>> {
  const loaded = await loadQuestionFor(db, user, questionId);
  if (!loaded || loaded.access !== "write") return fail("FORBIDDEN", "errors.forbidden");
  const { question } = loaded;
  if (!ALLOWED_FROM[action].includes(question.status)) return fail("WRONG_STATUS", "errors.question.wrongStatus");
  if (action === "return" && !comment?.trim())
    return fail("COMMENT_REQUIRED", "errors.question.commentRequired", "comment");
  const data: Prisma.QuestionUpdateInput = (() => {
    switch (action) {
      case "submit":
        return { status: "IN_REVIEW" as const, reviewComment: null };
      case "approve":
        return {
          status: "APPROVED" as const,
          approvedVersion: { connect: { id: question.latestVersionId as string } },
          reviewer: { connect: { id: user.id } },
          reviewComment: comment?.trim() || null,
        };
      case "return":
        return {
          status: "DRAFT" as const,
          reviewer: { connect: { id: user.id } },
          reviewComment: comment?.trim() ?? null,
        };
      case "retire":
        return { status: "RETIRED" as const };
      case "restore":
        return {
          status: question.approvedVersionId === question.latestVersionId ? ("APPROVED" as const) : ("DRAFT" as const),
        };
    }
  })();
  const updated = await db.question.update({ where: { id: questionId }, data, select: { status: true } });
  await audit(db, request, {
    actorId: user.id,
    action: REVIEW_AUDIT_ACTION[action],
    targetType: "Question",
    targetId: questionId,
    orgNodeId: question.bank.orgNodeId,
    details: comment ? { comment: comment.slice(0, 500) } : undefined,
  });
  return { ok: true, status: updated.status };
}

export interface QuestionFilters {
  q?: string;
  topicId?: string;
  difficulty?: Difficulty;
  status?: QuestionStatus;
  type?: QuestionType;
  authorId?: string;
}

/**
 * One page of a bank's questions, newest first. Filters and the accent-insensitive full-text
 * search run in one SQL statement over indexed columns, so banks of tens of thousands stay fast.
 */
export async function listQuestions(
  db: DbOrTx,
  bankId: string,
  filters: QuestionFilters,
  page: { skip: number; take: number },
) {
  const conditions: Prisma.Sql[] = [Prisma.sql`q."bankId" = ${bankId}`];
  if (filters.status) conditions.push(Prisma.sql`q."status" = ${filters.status}::"QuestionStatus"`);
  if (filters.type) conditions.push(Prisma.sql`q."type" = ${filters.type}::"QuestionType"`);
  if (filters.difficulty) conditions.push(Prisma.sql`q."difficulty" = ${filters.difficulty}::"Difficulty"`);
  if (filters.authorId) conditions.push(Prisma.sql`q."authorId" = ${filters.authorId}`);
  if (filters.topicId) {
    conditions.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "QuestionTopic" qt WHERE qt."questionId" = q.id AND qt."topicId" = ${filters.topicId})`,
    );
  }
  const tsQuery = filters.q ? toPrefixTsQuery(filters.q) : null;
  if (tsQuery) conditions.push(Prisma.sql`to_tsvector('simple', q."searchText") @@ to_tsquery('simple', ${tsQuery})`);
  const where = Prisma.join(conditions, " AND ");

  const [countRows, idRows] = await Promise.all([
    db.$queryRaw<Array<{ count: bigint }>>`SELECT count(*)::bigint AS count FROM "Question" q WHERE ${where}`,
    db.$queryRaw<Array<{ id: string }>>`SELECT q.id FROM "Question" q WHERE ${where}
      ORDER BY q."updatedAt" DESC, q.id LIMIT ${page.take} OFFSET ${page.skip}`,
  ]);
  const ids = idRows.map((row) => row.id);
  const rows = await db.question.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      status: true,
      type: true,
      difficulty: true,
      updatedAt: true,
      externalId: true,
      latestVersion: { select: { stem: true, version: true, citationDocument: true, citationArticle: true } },
      author: { select: { fullName: true } },
      topics: { select: { topic: { select: { name: true } } } },
    },
  });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return {
    total: Number(countRows[0]?.count ?? 0),
    rows: ids.flatMap((id) => {
      const row = byId.get(id);
      if (!row) return [];
      return [
        {
          id: row.id,
          status: row.status,
          type: row.type,
          difficulty: row.difficulty,
          updatedAt: row.updatedAt,
          externalId: row.externalId,
          stemText: stemToText(row.latestVersion?.stem ?? "").slice(0, 300),
          version: row.latestVersion?.version ?? 1,
          citation: [row.latestVersion?.citationArticle, row.latestVersion?.citationDocument].filter(Boolean).join(" "),
          author: row.author?.fullName ?? null,
          topics: row.topics.map((link) => link.topic.name),
        },
      ];
    }),
  };
}

export interface SimilarQuestion {
  id: string;
  stemText: string;
  similarity: number;
}

/** Questions of the bank whose stem reads nearly the same (for the likely-duplicate warning). */
export async function findSimilarQuestions(
  db: DbOrTx,
  bankId: string,
  stem: string,
  options: { excludeId?: string; threshold?: number } = {},
): Promise<SimilarQuestion[]> {
  const words = stemToText(stem);
  const tsQuery = toPrefixTsQuery(words)?.split(" & ").slice(0, 8).join(" | ");
  if (!tsQuery) return [];
  const candidates = await db.$queryRaw<Array<{ id: string; stem: string }>>`
    SELECT q.id, v.stem FROM "Question" q JOIN "QuestionVersion" v ON v.id = q."latestVersionId"
     WHERE q."bankId" = ${bankId} AND q.status <> 'RETIRED'
       AND to_tsvector('simple', q."searchText") @@ to_tsquery('simple', ${tsQuery})
     LIMIT 200`;
  const threshold = options.threshold ?? 0.75;
  return candidates
    .filter((candidate) => candidate.id !== options.excludeId)
    .map((candidate) => ({
      id: candidate.id,
      stemText: stemToText(candidate.stem),
      similarity: stemSimilarity(stem, candidate.stem),
    }))
    .filter((candidate) => candidate.similarity >= threshold)
    .sort((a, b) => b.similarity - a.similarity)
    .slice(0, 5);
}

export const BULK_ACTIONS = ["tag", "retire", "approve", "move"] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];

/** Applies one action to many questions of a bank the user may edit; all or nothing. */
export async function bulkUpdate(
  db: Db,
  request: Request | null,
  user: CurrentUser,
  bankId: string,
  input: { action: BulkAction; questionIds: string[]; topic?: string; targetBankId?: string },
): Promise<OrgResult<{ count: number }>> {
  const loaded = await loadBankFor(db, user, bankId);
  if (!loaded || loaded.access !== "write") return fail("FORBIDDEN", "errors.forbidden");
  const questions = await db.question.findMany({
    where: { id: { in: input.questionIds }, bankId },
    select: { id: true, status: true, latestVersionId: true, latestVersion: { select: { topicNames: true } } },
  });
  if (questions.length === 0) return fail("NOTHING_SELECTED", "errors.question.nothingSelected");
  let target: Awaited<ReturnType<typeof loadBankFor>> = null;
  if (input.action === "move") {
    target = input.targetBankId ? await loadBankFor(db, user, input.targetBankId) : null;
    if (!target || target.access !== "write" || target.bank.id === bankId)
      return fail("FORBIDDEN", "errors.bank.targetInvalid", "targetBankId");
  }
  if (input.action === "tag" && !topicKey(input.topic ?? ""))
    return fail("TOPIC_REQUIRED", "errors.question.topicRequired", "topic");

  await db.$transaction(async (tx) => {
    const ids = questions.map((question) => question.id);
    switch (input.action) {
      case "retire":
        await tx.question.updateMany({ where: { id: { in: ids } }, data: { status: "RETIRED" } });
        break;
      case "approve":
        // One statement for the whole selection: each question's latest version becomes its approved one.
        await tx.$executeRaw`
          UPDATE "Question"
             SET status = 'APPROVED', "approvedVersionId" = "latestVersionId", "reviewerId" = ${user.id}, "updatedAt" = now()
           WHERE id = ANY(${ids}::text[]) AND status IN ('DRAFT', 'IN_REVIEW')`;
        break;
      case "tag": {
        const topics = await ensureTopics(tx, bankId, [input.topic as string]);
        const topicId = [...topics.values()][0];
        await tx.questionTopic.createMany({
          data: ids.map((questionId) => ({ questionId, topicId })),
          skipDuplicates: true,
        });
        break;
      }
      case "move": {
        const targetBankId = target?.bank.id as string;
        await tx.questionTopic.deleteMany({ where: { questionId: { in: ids } } });
        await tx.question.updateMany({ where: { id: { in: ids } }, data: { bankId: targetBankId } });
        for (const question of questions) {
          await linkTopics(tx, targetBankId, question.id, question.latestVersion?.topicNames ?? []);
        }
        break;
      }
    }
  });
  await audit(db, request, {
    actorId: user.id,
    action: "question.bulk_updated",
    targetType: "QuestionBank",
    targetId: bankId,
    orgNodeId: loaded.bank.orgNodeId,
    details: {
      action: input.action,
      count: questions.length,
      topic: input.topic ?? null,
      targetBankId: input.targetBankId ?? null,
    },
  });
  return { ok: true, count: questions.length };
}
