import { randomUUID } from "node:crypto";
import type { Db } from "~/db/client.server";
import { ensureTopics, topicKey } from "./banks.server";
import type { QuestionDraft } from "./draft";
import { versionColumns } from "./questions.server";
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
        // Raw multi-row inserts (unnest of arrays): Prisma's createMany costs about a second
        // per thousand rows here, these a few milliseconds.
        const questions = batch.map(({ draft, questionId, createdAt }) => ({
          id: questionId,
          createdAt,
          type: draft.type,
          difficulty: draft.difficulty,
          searchText: searchTextOf(draft),
          stemKey: stemKeyOf(draft.stem),
          externalId: draft.externalId,
        }));
        await tx.$executeRaw`
          INSERT INTO "Question" (id, "bankId", status, type, difficulty, "searchText", "stemKey", "externalId", "authorId", "createdAt", "updatedAt")
          SELECT q.id, ${bankId}, ${options.status}::"QuestionStatus", q.type::"QuestionType", q.difficulty::"Difficulty",
                 q."searchText", q."stemKey", q."externalId", ${options.authorId}, q."createdAt", q."createdAt"
            FROM unnest(${questions.map((q) => q.id)}::text[], ${questions.map((q) => q.type)}::text[],
                        ${questions.map((q) => q.difficulty)}::text[], ${questions.map((q) => q.searchText)}::text[],
                        ${questions.map((q) => q.stemKey)}::text[], ${questions.map((q) => q.externalId)}::text[],
                        ${questions.map((q) => q.createdAt)}::timestamp(3)[])
              AS q(id, type, difficulty, "searchText", "stemKey", "externalId", "createdAt")`;
        // Drafts reach here sanitised (importQuestions, the demo seed's escaped text).
        const versions = batch.map(({ draft, questionId, versionId, createdAt }) => {
          const columns = versionColumns(draft);
          return {
            ...columns,
            id: versionId,
            questionId,
            createdAt,
            options: JSON.stringify(columns.options),
            topicNames: JSON.stringify(columns.topicNames),
          };
        });
        const column = <K extends keyof (typeof versions)[number]>(key: K) => versions.map((version) => version[key]);
        await tx.$executeRaw`
          INSERT INTO "QuestionVersion" (id, "questionId", version, type, stem, options, explanation, "citationDocument",
                 "citationNumber", "citationArticle", "citationClause", difficulty, "topicNames", "authorId", "createdAt")
          SELECT v.id, v."questionId", 1, v.type::"QuestionType", v.stem, v.options::jsonb, v.explanation, v."citationDocument",
                 v."citationNumber", v."citationArticle", v."citationClause", v.difficulty::"Difficulty",
                 ARRAY(SELECT jsonb_array_elements_text(v."topicNames"::jsonb)), ${options.authorId}, v."createdAt"
            FROM unnest(${column("id")}::text[], ${column("questionId")}::text[], ${column("type")}::text[], ${column("stem")}::text[],
                        ${column("options")}::text[], ${column("explanation")}::text[], ${column("citationDocument")}::text[],
                        ${column("citationNumber")}::text[], ${column("citationArticle")}::text[], ${column("citationClause")}::text[],
                        ${column("difficulty")}::text[], ${column("topicNames")}::text[], ${column("createdAt")}::timestamp(3)[])
              AS v(id, "questionId", type, stem, options, explanation, "citationDocument", "citationNumber", "citationArticle",
                   "citationClause", difficulty, "topicNames", "createdAt")`;
        // Point each question at its first version in one statement (the two rows reference each other).
        await tx.$executeRaw`
          UPDATE "Question" q
             SET "latestVersionId" = v.id,
                 "approvedVersionId" = CASE WHEN q.status = 'APPROVED' THEN v.id ELSE NULL END
            FROM "QuestionVersion" v
           WHERE v."questionId" = q.id AND q.id = ANY(${batch.map((item) => item.questionId)}::text[])`;
        const links = batch.flatMap(({ draft, questionId }) =>
          [...new Set(draft.topics.map(topicKey))].flatMap((key) => {
            const topicId = topicIds.get(key);
            return topicId ? [{ questionId, topicId }] : [];
          }),
        );
        if (links.length > 0) {
          await tx.$executeRaw`
            INSERT INTO "QuestionTopic" ("questionId", "topicId")
            SELECT * FROM unnest(${links.map((link) => link.questionId)}::text[], ${links.map((link) => link.topicId)}::text[])
            ON CONFLICT DO NOTHING`;
        }
      }
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}
