import { randomUUID } from "node:crypto";
import type { Db } from "~/db/client.server";
import { Prisma } from "~/generated/prisma/client";
import { ensureTopics, topicKey } from "./banks.server";
import type { QuestionDraft } from "./draft";
import { searchTextOf, stemKeyOf } from "./text";

const BATCH = 1000;

/**
 * Writes many validated drafts as new questions (version 1) in one transaction, a thousand rows
 * per statement: all of them or none. Used by file imports and the demo seed.
 */
export async function insertQuestionDrafts(
  db: Db,
  bankId: string,
  drafts: QuestionDraft[],
  options: { status: "DRAFT" | "APPROVED"; authorId: string | null },
): Promise<void> {
  await db.$transaction(
    async (tx) => {
      const topicIds = await ensureTopics(tx, bankId, [...new Set(drafts.flatMap((draft) => draft.topics))]);
      // One millisecond apart, so the bank lists and exports them in the file's order.
      const base = Date.now() - drafts.length;
      for (let start = 0; start < drafts.length; start += BATCH) {
        const batch = drafts.slice(start, start + BATCH).map((draft, index) => ({
          draft,
          questionId: randomUUID(),
          versionId: randomUUID(),
          createdAt: new Date(base + start + index),
        }));
        await tx.question.createMany({
          data: batch.map(({ draft, questionId, createdAt }) => ({
            id: questionId,
            createdAt,
            bankId,
            status: options.status,
            type: draft.type,
            difficulty: draft.difficulty,
            searchText: searchTextOf(draft),
            stemKey: stemKeyOf(draft.stem),
            externalId: draft.externalId,
            authorId: options.authorId,
          })),
        });
        await tx.questionVersion.createMany({
          data: batch.map(({ draft, questionId, versionId }) => ({
            id: versionId,
            questionId,
            version: 1,
            type: draft.type,
            stem: draft.stem,
            options: draft.options.map((option) => ({ text: option.text.trim(), correct: option.correct })),
            explanation: draft.explanation?.trim() || null,
            citationDocument: draft.citation?.document.trim() || null,
            citationNumber: draft.citation?.number?.trim() || null,
            citationArticle: draft.citation?.article?.trim() || null,
            citationClause: draft.citation?.clause?.trim() || null,
            difficulty: draft.difficulty,
            topicNames: draft.topics,
            authorId: options.authorId,
          })),
        });
        // Point each question at its first version in one statement (the two rows reference each other).
        await tx.$executeRaw`
          UPDATE "Question" q
             SET "latestVersionId" = v.id,
                 "approvedVersionId" = CASE WHEN q.status = 'APPROVED' THEN v.id ELSE NULL END
            FROM "QuestionVersion" v
           WHERE v."questionId" = q.id AND q.id IN (${Prisma.join(batch.map((item) => item.questionId))})`;
        const links = batch.flatMap(({ draft, questionId }) =>
          [...new Set(draft.topics.map(topicKey))].flatMap((key) => {
            const topicId = topicIds.get(key);
            return topicId ? [{ questionId, topicId }] : [];
          }),
        );
        if (links.length > 0) await tx.questionTopic.createMany({ data: links, skipDuplicates: true });
      }
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}
