-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Grant" (
    "id" TEXT NOT NULL,
    "kimClientId" TEXT NOT NULL,
    "grantee" TEXT NOT NULL,
    "categories" TEXT[],
    "purposes" TEXT[],
    "legalBasis" TEXT NOT NULL,
    "evidenceRef" TEXT,
    "validFrom" TIMESTAMPTZ(3) NOT NULL,
    "validUntil" TIMESTAMPTZ(3),
    "revokedAt" TIMESTAMPTZ(3),
    "revokedBy" TEXT,
    "revocationReason" TEXT,
    "recordedBy" TEXT NOT NULL,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Grant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "seq" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "requestId" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "agency" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "service" TEXT NOT NULL,
    "kimClientId" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "allowed" BOOLEAN NOT NULL,
    "reason" TEXT NOT NULL,
    "basis" TEXT,
    "grantId" TEXT,
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("seq")
);

-- CreateIndex
CREATE INDEX "Grant_kimClientId_grantee_idx" ON "Grant"("kimClientId", "grantee");

-- CreateIndex
CREATE INDEX "Grant_grantee_idx" ON "Grant"("grantee");

-- CreateIndex
CREATE UNIQUE INDEX "AuditEntry_hash_key" ON "AuditEntry"("hash");

-- CreateIndex
CREATE INDEX "AuditEntry_kimClientId_seq_idx" ON "AuditEntry"("kimClientId", "seq");

-- CreateIndex
CREATE INDEX "AuditEntry_agency_at_idx" ON "AuditEntry"("agency", "at");

-- CreateIndex
CREATE INDEX "AuditEntry_at_idx" ON "AuditEntry"("at");
