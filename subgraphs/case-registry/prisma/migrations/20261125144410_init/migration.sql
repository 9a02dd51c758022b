-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "CaseManager" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "towns" TEXT[],

    CONSTRAINT "CaseManager_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Client" (
    "id" TEXT NOT NULL,
    "givenName" TEXT NOT NULL,
    "familyName" TEXT NOT NULL,
    "birthDate" DATE NOT NULL,
    "nationality" TEXT NOT NULL,
    "town" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "phone" TEXT,
    "email" TEXT,
    "address" TEXT,
    "registeredAt" DATE NOT NULL,
    "caseManagerId" TEXT,

    CONSTRAINT "Client_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Goal" (
    "id" TEXT NOT NULL,
    "kimClientId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "dueDate" DATE,
    "createdAt" DATE NOT NULL,

    CONSTRAINT "Goal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Referral" (
    "id" TEXT NOT NULL,
    "kimClientId" TEXT NOT NULL,
    "toAgency" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL,
    "firstContactAt" TIMESTAMP(3),
    "outcome" TEXT,
    "outcomeAt" TIMESTAMP(3),

    CONSTRAINT "Referral_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseNote" (
    "id" TEXT NOT NULL,
    "kimClientId" TEXT NOT NULL,
    "author" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "text" TEXT NOT NULL,

    CONSTRAINT "CaseNote_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Client_town_id_idx" ON "Client"("town", "id");

-- CreateIndex
CREATE INDEX "Client_caseManagerId_id_idx" ON "Client"("caseManagerId", "id");

-- CreateIndex
CREATE INDEX "Goal_kimClientId_idx" ON "Goal"("kimClientId");

-- CreateIndex
CREATE INDEX "Referral_kimClientId_idx" ON "Referral"("kimClientId");

-- CreateIndex
CREATE INDEX "Referral_toAgency_sentAt_idx" ON "Referral"("toAgency", "sentAt");

-- CreateIndex
CREATE INDEX "CaseNote_kimClientId_createdAt_idx" ON "CaseNote"("kimClientId", "createdAt");

-- AddForeignKey
ALTER TABLE "Client" ADD CONSTRAINT "Client_caseManagerId_fkey" FOREIGN KEY ("caseManagerId") REFERENCES "CaseManager"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Goal" ADD CONSTRAINT "Goal_kimClientId_fkey" FOREIGN KEY ("kimClientId") REFERENCES "Client"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_kimClientId_fkey" FOREIGN KEY ("kimClientId") REFERENCES "Client"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseNote" ADD CONSTRAINT "CaseNote_kimClientId_fkey" FOREIGN KEY ("kimClientId") REFERENCES "Client"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
