-- CreateTable
CREATE TABLE "AuditPseudonym" (
    "kimClientId" TEXT NOT NULL,
    "pseudonym" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditPseudonym_pkey" PRIMARY KEY ("kimClientId")
);

-- CreateTable
CREATE TABLE "ErasedGrant" (
    "grantId" TEXT NOT NULL,
    "erasedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ErasedGrant_pkey" PRIMARY KEY ("grantId")
);

-- CreateIndex
CREATE UNIQUE INDEX "AuditPseudonym_pseudonym_key" ON "AuditPseudonym"("pseudonym");
