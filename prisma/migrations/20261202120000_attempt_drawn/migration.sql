-- An attempt's drawn questions are kept on the attempt itself, as one JSON array in position
-- order ([{ "versionId", "optionOrder", "points" }]), instead of one AttemptQuestion row each.
-- They are fixed when the attempt starts and always read together; when a round opens,
-- thousands of attempts start within a second, and sixteen rows with two foreign-key checks
-- each made the start's insert ten times dearer than the attempt itself (issue 8,
-- docs/performance.md). Question versions are never deleted (questions are retired), so the
-- Restrict foreign key to them protected nothing the application does.
-- The default only serves rows written by hand (imports of closed attempts, tests): the engine
-- always writes the draw.
ALTER TABLE "Attempt" ADD COLUMN "drawn" JSONB NOT NULL DEFAULT '[]';

UPDATE "Attempt" AS a
   SET "drawn" = q.drawn
  FROM (SELECT "attemptId",
               jsonb_agg(jsonb_build_object('versionId', "questionVersionId",
                                            'optionOrder', to_jsonb("optionOrder"),
                                            'points', points) ORDER BY position) AS drawn
          FROM "AttemptQuestion"
         GROUP BY "attemptId") AS q
 WHERE q."attemptId" = a.id;

DROP TABLE "AttemptQuestion";
