-- AlterTable
ALTER TABLE "Client" ADD COLUMN     "priorCaseManagement" BOOLEAN;
