-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Response" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "attemptId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "questionVersion" INTEGER NOT NULL,
    "clientId" TEXT NOT NULL,
    "answer" TEXT NOT NULL,
    "isCorrect" BOOLEAN NOT NULL,
    "score" REAL NOT NULL,
    "late" BOOLEAN NOT NULL DEFAULT false,
    "responseMs" INTEGER,
    "answeredAt" DATETIME NOT NULL,
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "memoryPending" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "Response_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "Attempt" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Response_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "Question" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Response" ("answer", "answeredAt", "attemptId", "clientId", "id", "isCorrect", "late", "questionId", "questionVersion", "receivedAt", "responseMs", "score") SELECT "answer", "answeredAt", "attemptId", "clientId", "id", "isCorrect", "late", "questionId", "questionVersion", "receivedAt", "responseMs", "score" FROM "Response";
DROP TABLE "Response";
ALTER TABLE "new_Response" RENAME TO "Response";
CREATE UNIQUE INDEX "Response_clientId_key" ON "Response"("clientId");
CREATE INDEX "Response_questionId_idx" ON "Response"("questionId");
CREATE UNIQUE INDEX "Response_attemptId_questionId_key" ON "Response"("attemptId", "questionId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
