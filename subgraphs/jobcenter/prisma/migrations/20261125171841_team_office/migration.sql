-- AlterTable
ALTER TABLE "BenefitCase" ADD COLUMN     "office" TEXT;
