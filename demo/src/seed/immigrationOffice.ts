import type { DemoClient } from '../population/population.ts';
import type { ImmigrationOfficePrisma } from '@kim/immigration-office';

const day = (d: string) => new Date(`${d}T00:00:00Z`);
const dayOrNull = (d: string | null) => (d ? day(d) : null);

/**
 * Seeds the demo population's immigration-office part, unless the office already has records.
 * Ids are derived from the KIM client id, so the same population always gives the same rows.
 */
export async function seedImmigrationOffice(prisma: ImmigrationOfficePrisma, population: readonly DemoClient[]): Promise<boolean> {
  if ((await prisma.personRecord.count()) > 0) return false;
  await prisma.$transaction([
    // The team of the client's town keeps the file.
    prisma.personRecord.createMany({ data: population.map((c) => ({ id: c.abhRecordId, kimClientId: c.id, office: c.town })) }),
    prisma.residenceTitle.createMany({
      data: population.flatMap((c) =>
        c.residence.map((t, i) => ({
          id: `${c.id}-T${i + 1}`,
          kimClientId: c.id,
          titleType: t.titleType,
          legalBasis: t.legalBasis,
          validFrom: day(t.validFrom),
          validUntil: dayOrNull(t.validUntil),
          residenceObligation: t.residenceObligation,
          workPermitted: t.workPermitted,
        })),
      ),
    }),
    prisma.asylumProcedure.createMany({
      data: population.flatMap((c) =>
        c.asylum
          ? [{ id: `${c.id}-A`, kimClientId: c.id, state: c.asylum.state, bamfFileNumber: c.asylum.bamfFileNumber, filedAt: day(c.asylum.filedAt), decidedAt: dayOrNull(c.asylum.decidedAt) }]
          : [],
      ),
    }),
    prisma.naturalisationApplication.createMany({
      data: population.flatMap((c) =>
        c.naturalisation
          ? [{ id: `${c.id}-E`, kimClientId: c.id, state: c.naturalisation.state, submittedAt: day(c.naturalisation.submittedAt), decidedAt: dayOrNull(c.naturalisation.decidedAt) }]
          : [],
      ),
    }),
  ]);
  return true;
}
