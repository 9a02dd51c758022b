-- AlterTable
ALTER TABLE "PersonRecord" ADD COLUMN     "office" TEXT;
