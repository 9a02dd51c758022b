-- AlterTable
ALTER TABLE "AuditEntry" ADD COLUMN     "clientHash" TEXT NOT NULL,
ADD COLUMN     "clientPrevHash" TEXT NOT NULL;

-- CreateTable
CREATE TABLE "AuditAnchor" (
    "seq" BIGINT NOT NULL,
    "entries" BIGINT NOT NULL,
    "headHash" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "keyId" TEXT NOT NULL,
    "signature" TEXT NOT NULL,

    CONSTRAINT "AuditAnchor_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "AuditClientAnchor" (
    "seq" BIGINT NOT NULL,
    "kimClientId" TEXT NOT NULL,
    "entries" INTEGER NOT NULL,
    "headHash" TEXT NOT NULL,

    CONSTRAINT "AuditClientAnchor_pkey" PRIMARY KEY ("kimClientId","seq")
);

-- CreateIndex
CREATE INDEX "AuditClientAnchor_seq_idx" ON "AuditClientAnchor"("seq");
