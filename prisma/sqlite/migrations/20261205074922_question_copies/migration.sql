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
    "editedById" TEXT,
    "retiredById" TEXT,
    "copyOfId" TEXT,
    "ownerId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Question_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Question_editedById_fkey" FOREIGN KEY ("editedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Question_retiredById_fkey" FOREIGN KEY ("retiredById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Question_copyOfId_fkey" FOREIGN KEY ("copyOfId") REFERENCES "Question" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Question_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Question" ("answerNumber", "answerText", "articleId", "asOf", "contentHash", "createdAt", "editedById", "explanation", "generatorVersion", "heldBackReason", "id", "key", "quote", "retiredById", "status", "stem", "tolerance", "type", "updatedAt", "version") SELECT "answerNumber", "answerText", "articleId", "asOf", "contentHash", "createdAt", "editedById", "explanation", "generatorVersion", "heldBackReason", "id", "key", "quote", "retiredById", "status", "stem", "tolerance", "type", "updatedAt", "version" FROM "Question";
DROP TABLE "Question";
ALTER TABLE "new_Question" RENAME TO "Question";
CREATE UNIQUE INDEX "Question_key_key" ON "Question"("key");
CREATE INDEX "Question_articleId_status_idx" ON "Question"("articleId", "status");
CREATE INDEX "Question_ownerId_idx" ON "Question"("ownerId");
CREATE UNIQUE INDEX "Question_copyOfId_ownerId_key" ON "Question"("copyOfId", "ownerId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
