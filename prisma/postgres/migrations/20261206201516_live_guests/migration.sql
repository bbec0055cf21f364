-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'GUEST';

-- AlterTable
ALTER TABLE "Game" ADD COLUMN     "openToGuests" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "GamePlayer" ADD COLUMN     "guestTokenHash" TEXT,
ADD COLUMN     "nicknameKey" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "GamePlayer_guestTokenHash_key" ON "GamePlayer"("guestTokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "GamePlayer_gameId_nicknameKey_key" ON "GamePlayer"("gameId", "nicknameKey");
