-- AlterTable
ALTER TABLE "CaseNote" ADD COLUMN     "category" TEXT NOT NULL DEFAULT 'CASE_NOTES';

-- AlterTable
ALTER TABLE "Goal" ADD COLUMN     "agency" TEXT;

-- AlterTable
ALTER TABLE "Referral" ADD COLUMN     "note" TEXT,
ADD COLUMN     "sentBy" TEXT;
