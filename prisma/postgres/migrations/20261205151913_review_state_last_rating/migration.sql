-- AlterTable
ALTER TABLE "ReviewState" ADD COLUMN     "lastRating" INTEGER NOT NULL DEFAULT 0;

-- Backfill: the rating of each memory's latest answer that reached it (right counts as Good,
-- as its speed is not needed here; part marks from half as Hard; else Again).
UPDATE "ReviewState" SET "lastRating" = COALESCE((
    SELECT CASE WHEN r."score" >= 1 THEN 3 WHEN r."score" >= 0.5 THEN 2 ELSE 1 END
    FROM "Response" r
    JOIN "Attempt" a ON a."id" = r."attemptId"
    JOIN "QuestionFact" qf ON qf."questionId" = r."questionId"
    WHERE a."userId" = "ReviewState"."userId" AND qf."factId" = "ReviewState"."factId" AND r."memoryPending" = FALSE
    ORDER BY r."answeredAt" DESC
    LIMIT 1
), 0);
