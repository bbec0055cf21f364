-- AlterTable
ALTER TABLE "Response" ADD COLUMN     "memoryPending" BOOLEAN NOT NULL DEFAULT false;
