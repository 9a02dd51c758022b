-- AlterTable
ALTER TABLE "Grant" DROP COLUMN "revocationReason",
DROP COLUMN "revokedAt",
DROP COLUMN "revokedBy";
