-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "PersonRecord" (
    "id" TEXT NOT NULL,
    "kimClientId" TEXT NOT NULL,

    CONSTRAINT "PersonRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ResidenceTitle" (
    "id" TEXT NOT NULL,
    "kimClientId" TEXT NOT NULL,
    "titleType" TEXT NOT NULL,
    "legalBasis" TEXT NOT NULL,
    "validFrom" DATE NOT NULL,
    "validUntil" DATE,
    "residenceObligation" TEXT,
    "workPermitted" BOOLEAN NOT NULL,

    CONSTRAINT "ResidenceTitle_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AsylumProcedure" (
    "id" TEXT NOT NULL,
    "kimClientId" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "bamfFileNumber" TEXT NOT NULL,
    "filedAt" DATE NOT NULL,
    "decidedAt" DATE,

    CONSTRAINT "AsylumProcedure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NaturalisationApplication" (
    "id" TEXT NOT NULL,
    "kimClientId" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "submittedAt" DATE NOT NULL,
    "decidedAt" DATE,

    CONSTRAINT "NaturalisationApplication_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PersonRecord_kimClientId_key" ON "PersonRecord"("kimClientId");

-- CreateIndex
CREATE INDEX "ResidenceTitle_kimClientId_validFrom_idx" ON "ResidenceTitle"("kimClientId", "validFrom");

-- CreateIndex
CREATE UNIQUE INDEX "AsylumProcedure_kimClientId_key" ON "AsylumProcedure"("kimClientId");

-- CreateIndex
CREATE UNIQUE INDEX "NaturalisationApplication_kimClientId_key" ON "NaturalisationApplication"("kimClientId");

-- AddForeignKey
ALTER TABLE "ResidenceTitle" ADD CONSTRAINT "ResidenceTitle_kimClientId_fkey" FOREIGN KEY ("kimClientId") REFERENCES "PersonRecord"("kimClientId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AsylumProcedure" ADD CONSTRAINT "AsylumProcedure_kimClientId_fkey" FOREIGN KEY ("kimClientId") REFERENCES "PersonRecord"("kimClientId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NaturalisationApplication" ADD CONSTRAINT "NaturalisationApplication_kimClientId_fkey" FOREIGN KEY ("kimClientId") REFERENCES "PersonRecord"("kimClientId") ON DELETE RESTRICT ON UPDATE CASCADE;
