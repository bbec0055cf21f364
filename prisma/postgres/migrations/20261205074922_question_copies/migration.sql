-- AlterTable
ALTER TABLE "Question" ADD COLUMN     "copyOfId" TEXT,
ADD COLUMN     "ownerId" TEXT;

-- CreateIndex
CREATE INDEX "Question_ownerId_idx" ON "Question"("ownerId");

-- CreateIndex
CREATE UNIQUE INDEX "Question_copyOfId_ownerId_key" ON "Question"("copyOfId", "ownerId");

-- AddForeignKey
ALTER TABLE "Question" ADD CONSTRAINT "Question_copyOfId_fkey" FOREIGN KEY ("copyOfId") REFERENCES "Question"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Question" ADD CONSTRAINT "Question_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
