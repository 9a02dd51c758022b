-- CreateTable
CREATE TABLE "ClientTeamEvent" (
    "seq" BIGSERIAL NOT NULL,
    "kimClientId" TEXT NOT NULL,
    "team" TEXT,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "recordedBy" TEXT NOT NULL,

    CONSTRAINT "ClientTeamEvent_pkey" PRIMARY KEY ("seq")
);

-- CreateIndex
CREATE INDEX "ClientTeamEvent_kimClientId_seq_idx" ON "ClientTeamEvent"("kimClientId", "seq");

