-- AlterTable
ALTER TABLE "Grant" ADD COLUMN     "form" TEXT,
ADD COLUMN     "informationSheetLanguage" TEXT,
ADD COLUMN     "informationSheetVersion" TEXT,
ADD COLUMN     "informedOfPurpose" BOOLEAN,
ADD COLUMN     "informedOfRefusalConsequences" BOOLEAN,
ADD COLUMN     "informedOfWithdrawalRight" BOOLEAN,
ADD COLUMN     "interpreterLanguage" TEXT,
ADD COLUMN     "legalRepresentativeCapacity" TEXT,
ADD COLUMN     "legalRepresentativeName" TEXT,
ADD COLUMN     "releasingOrganisation" TEXT;
