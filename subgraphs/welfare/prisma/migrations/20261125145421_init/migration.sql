-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "CounsellingContact" (
    "id" TEXT NOT NULL,
    "kimClientId" TEXT NOT NULL,
    "association" TEXT NOT NULL,
    "service" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "topic" TEXT NOT NULL,

    CONSTRAINT "CounsellingContact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SupportNeed" (
    "id" TEXT NOT NULL,
    "kimClientId" TEXT NOT NULL,
    "association" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SupportNeed_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LanguageCourse" (
    "id" TEXT NOT NULL,
    "kimClientId" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "courseType" TEXT NOT NULL,
    "targetLevel" TEXT NOT NULL,
    "startedAt" DATE NOT NULL,
    "completedAt" DATE,
    "certificateLevel" TEXT,

    CONSTRAINT "LanguageCourse_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CounsellingContact_kimClientId_association_idx" ON "CounsellingContact"("kimClientId", "association");

-- CreateIndex
CREATE INDEX "SupportNeed_kimClientId_association_idx" ON "SupportNeed"("kimClientId", "association");

-- CreateIndex
CREATE INDEX "LanguageCourse_kimClientId_idx" ON "LanguageCourse"("kimClientId");
