-- AlterEnum
ALTER TYPE "ArticleSource" ADD VALUE 'BANK';
