-- AlterTable
ALTER TABLE "Question" ADD COLUMN     "editedById" TEXT,
ADD COLUMN     "retiredById" TEXT;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "timeZone" TEXT;

-- AddForeignKey
ALTER TABLE "Question" ADD CONSTRAINT "Question_editedById_fkey" FOREIGN KEY ("editedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Question" ADD CONSTRAINT "Question_retiredById_fkey" FOREIGN KEY ("retiredById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
