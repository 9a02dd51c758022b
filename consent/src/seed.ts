import type { DemoClient } from '@kim/schema/population';
import type { ConsentPrisma } from './db.ts';

const instant = (value: string | null) => (value === null ? null : new Date(value.length === 10 ? `${value}T00:00:00Z` : value));

/** Seeds the demo population's grants, unless there are grants already. */
export async function seedConsent(prisma: ConsentPrisma, population: readonly DemoClient[]): Promise<boolean> {
  if ((await prisma.grant.count()) > 0) return false;
  await prisma.grant.createMany({
    data: population.flatMap((c) =>
      c.consents.map((g, i) => ({
        id: `G-${c.id}-${i + 1}`,
        kimClientId: c.id,
        grantee: g.grantee,
        categories: [...g.categories],
        purposes: [...g.purposes],
        legalBasis: g.legalBasis,
        evidenceRef: g.evidenceRef,
        validFrom: instant(g.validFrom)!,
        validUntil: instant(g.validUntil),
        revokedAt: instant(g.revokedAt),
        revokedBy: g.revokedBy,
        recordedBy: g.recordedBy,
        recordedAt: instant(g.validFrom)!,
      })),
    ),
  });
  return true;
}
