-- AlterTable
ALTER TABLE "Assignment" ADD COLUMN     "timeLimitMinutes" INTEGER;
