-- AlterTable
ALTER TABLE "Question" ADD COLUMN     "contentHash" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "QuestionVersion" ADD COLUMN     "snapshot" TEXT NOT NULL DEFAULT '{}';
