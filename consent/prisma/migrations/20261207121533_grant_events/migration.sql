-- AlterTable
ALTER TABLE "AuditEntry" ADD COLUMN     "grantEventHash" TEXT;

-- CreateTable
CREATE TABLE "GrantEvent" (
    "seq" BIGSERIAL NOT NULL,
    "grantId" TEXT NOT NULL,
    "kimClientId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "subject" TEXT NOT NULL,
    "agency" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "reason" TEXT,
    "validUntil" TIMESTAMPTZ(3),
    "evidenceRef" TEXT,

    CONSTRAINT "GrantEvent_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "GrantEventLink" (
    "eventSeq" BIGINT NOT NULL,
    "auditSeq" BIGINT NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "GrantEventLink_pkey" PRIMARY KEY ("eventSeq")
);

-- CreateIndex
CREATE INDEX "GrantEvent_grantId_seq_idx" ON "GrantEvent"("grantId", "seq");

-- CreateIndex
CREATE INDEX "GrantEvent_kimClientId_seq_idx" ON "GrantEvent"("kimClientId", "seq");
