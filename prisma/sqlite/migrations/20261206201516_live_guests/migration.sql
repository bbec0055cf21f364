-- AlterTable
ALTER TABLE "GamePlayer" ADD COLUMN "guestTokenHash" TEXT;
ALTER TABLE "GamePlayer" ADD COLUMN "nicknameKey" TEXT;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Game" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "hostId" TEXT NOT NULL,
    "classId" TEXT NOT NULL,
    "setId" TEXT NOT NULL,
    "assignmentId" TEXT NOT NULL,
    "pin" TEXT,
    "title" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'LOBBY',
    "revision" INTEGER NOT NULL DEFAULT 0,
    "position" INTEGER NOT NULL DEFAULT -1,
    "questionSeconds" INTEGER NOT NULL DEFAULT 20,
    "openedAt" DATETIME,
    "closesAt" DATETIME,
    "pausedAt" DATETIME,
    "pausedMs" INTEGER NOT NULL DEFAULT 0,
    "hideNames" BOOLEAN NOT NULL DEFAULT false,
    "allowLateJoin" BOOLEAN NOT NULL DEFAULT true,
    "openToGuests" BOOLEAN NOT NULL DEFAULT false,
    "startedAt" DATETIME,
    "endedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Game_hostId_fkey" FOREIGN KEY ("hostId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Game_classId_fkey" FOREIGN KEY ("classId") REFERENCES "Class" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Game_setId_fkey" FOREIGN KEY ("setId") REFERENCES "QuestionSet" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Game_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Game" ("allowLateJoin", "assignmentId", "classId", "closesAt", "createdAt", "endedAt", "hideNames", "hostId", "id", "openedAt", "pausedAt", "pausedMs", "pin", "position", "questionSeconds", "revision", "setId", "startedAt", "state", "title", "updatedAt") SELECT "allowLateJoin", "assignmentId", "classId", "closesAt", "createdAt", "endedAt", "hideNames", "hostId", "id", "openedAt", "pausedAt", "pausedMs", "pin", "position", "questionSeconds", "revision", "setId", "startedAt", "state", "title", "updatedAt" FROM "Game";
DROP TABLE "Game";
ALTER TABLE "new_Game" RENAME TO "Game";
CREATE UNIQUE INDEX "Game_assignmentId_key" ON "Game"("assignmentId");
CREATE UNIQUE INDEX "Game_pin_key" ON "Game"("pin");
CREATE INDEX "Game_hostId_idx" ON "Game"("hostId");
CREATE INDEX "Game_classId_idx" ON "Game"("classId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "GamePlayer_guestTokenHash_key" ON "GamePlayer"("guestTokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "GamePlayer_gameId_nicknameKey_key" ON "GamePlayer"("gameId", "nicknameKey");
