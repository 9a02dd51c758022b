-- AlterTable
ALTER TABLE "Client" ADD COLUMN     "closedOn" DATE,
ADD COLUMN     "closingReason" TEXT,
ADD COLUMN     "eligibilityReason" TEXT,
ADD COLUMN     "eligibilityStage" INTEGER,
ADD COLUMN     "eligibleAtIntake" BOOLEAN;

-- CreateTable
CREATE TABLE "CaseEvent" (
    "seq" BIGSERIAL NOT NULL,
    "kimClientId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "agency" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CaseEvent_pkey" PRIMARY KEY ("seq")
);

-- CreateIndex
CREATE INDEX "CaseEvent_kimClientId_seq_idx" ON "CaseEvent"("kimClientId", "seq");

-- CreateIndex
CREATE INDEX "Client_birthDate_familyName_idx" ON "Client"("birthDate", "familyName");
