-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Question" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "articleId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "generatorVersion" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'SERVED',
    "heldBackReason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "stem" TEXT NOT NULL,
    "explanation" TEXT NOT NULL,
    "quote" TEXT NOT NULL,
    "asOf" DATETIME,
    "answerText" TEXT,
    "answerNumber" REAL,
    "tolerance" REAL,
    "contentHash" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Question_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Question" ("answerNumber", "answerText", "articleId", "asOf", "createdAt", "explanation", "generatorVersion", "heldBackReason", "id", "key", "quote", "status", "stem", "tolerance", "type", "updatedAt", "version") SELECT "answerNumber", "answerText", "articleId", "asOf", "createdAt", "explanation", "generatorVersion", "heldBackReason", "id", "key", "quote", "status", "stem", "tolerance", "type", "updatedAt", "version" FROM "Question";
DROP TABLE "Question";
ALTER TABLE "new_Question" RENAME TO "Question";
CREATE UNIQUE INDEX "Question_key_key" ON "Question"("key");
CREATE INDEX "Question_articleId_status_idx" ON "Question"("articleId", "status");
CREATE TABLE "new_QuestionVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "questionId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "stem" TEXT NOT NULL,
    "explanation" TEXT NOT NULL,
    "snapshot" TEXT NOT NULL DEFAULT '{}',
    "editedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "QuestionVersion_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "Question" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "QuestionVersion_editedById_fkey" FOREIGN KEY ("editedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_QuestionVersion" ("createdAt", "editedById", "explanation", "id", "questionId", "stem", "version") SELECT "createdAt", "editedById", "explanation", "id", "questionId", "stem", "version" FROM "QuestionVersion";
DROP TABLE "QuestionVersion";
ALTER TABLE "new_QuestionVersion" RENAME TO "QuestionVersion";
CREATE UNIQUE INDEX "QuestionVersion_questionId_version_key" ON "QuestionVersion"("questionId", "version");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
