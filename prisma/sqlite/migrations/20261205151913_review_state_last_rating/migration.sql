-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ReviewState" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "factId" TEXT NOT NULL,
    "due" DATETIME NOT NULL,
    "stability" REAL NOT NULL,
    "difficulty" REAL NOT NULL,
    "elapsedDays" INTEGER NOT NULL DEFAULT 0,
    "scheduledDays" INTEGER NOT NULL DEFAULT 0,
    "learningSteps" INTEGER NOT NULL DEFAULT 0,
    "reps" INTEGER NOT NULL DEFAULT 0,
    "lapses" INTEGER NOT NULL DEFAULT 0,
    "state" INTEGER NOT NULL DEFAULT 0,
    "lastReview" DATETIME,
    "lastRating" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ReviewState_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ReviewState_factId_fkey" FOREIGN KEY ("factId") REFERENCES "Fact" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ReviewState" ("difficulty", "due", "elapsedDays", "factId", "id", "lapses", "lastReview", "learningSteps", "reps", "scheduledDays", "stability", "state", "updatedAt", "userId") SELECT "difficulty", "due", "elapsedDays", "factId", "id", "lapses", "lastReview", "learningSteps", "reps", "scheduledDays", "stability", "state", "updatedAt", "userId" FROM "ReviewState";
DROP TABLE "ReviewState";
ALTER TABLE "new_ReviewState" RENAME TO "ReviewState";
CREATE INDEX "ReviewState_userId_due_idx" ON "ReviewState"("userId", "due");
CREATE UNIQUE INDEX "ReviewState_userId_factId_key" ON "ReviewState"("userId", "factId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

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
