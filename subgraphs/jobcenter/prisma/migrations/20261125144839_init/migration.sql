-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "BenefitCase" (
    "id" TEXT NOT NULL,
    "kimClientId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "since" DATE NOT NULL,
    "householdId" TEXT NOT NULL,
    "householdSize" INTEGER NOT NULL,
    "monthlyBenefitEuro" DECIMAL(10,2) NOT NULL,

    CONSTRAINT "BenefitCase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CooperationPlan" (
    "id" TEXT NOT NULL,
    "kimClientId" TEXT NOT NULL,
    "agreedAt" DATE NOT NULL,
    "steps" TEXT[],

    CONSTRAINT "CooperationPlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Measure" (
    "id" TEXT NOT NULL,
    "kimClientId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "startDate" DATE NOT NULL,
    "endDate" DATE,

    CONSTRAINT "Measure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Placement" (
    "id" TEXT NOT NULL,
    "kimClientId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "employer" TEXT NOT NULL,
    "startDate" DATE NOT NULL,
    "endDate" DATE,

    CONSTRAINT "Placement_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "BenefitCase_kimClientId_key" ON "BenefitCase"("kimClientId");

-- CreateIndex
CREATE UNIQUE INDEX "CooperationPlan_kimClientId_key" ON "CooperationPlan"("kimClientId");

-- CreateIndex
CREATE INDEX "Measure_kimClientId_startDate_idx" ON "Measure"("kimClientId", "startDate");

-- CreateIndex
CREATE INDEX "Placement_kimClientId_startDate_idx" ON "Placement"("kimClientId", "startDate");
