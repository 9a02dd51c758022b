-- AlterTable
ALTER TABLE "AuditEntry" ADD COLUMN     "fileReference" TEXT,
ADD COLUMN     "transferReason" TEXT;
