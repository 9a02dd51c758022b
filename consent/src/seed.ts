import type { DemoClient } from '@kim/schema/population';
import type { ConsentPrisma } from './db.ts';

const instant = (value: string | null) => (value === null ? null : new Date(value.length === 10 ? `${value}T00:00:00Z` : value));

/**
 * Which KIM team holds each demo client: what the case registry records with the consent service
 * at intake; seeded on its own, so that a demo database from before the table gets it too.
 */
async function seedClientTeams(prisma: ConsentPrisma, population: readonly DemoClient[]): Promise<void> {
  if ((await prisma.clientTeamEvent.count()) > 0) return;
  await prisma.clientTeamEvent.createMany({
    data: population.map((c) => ({ kimClientId: c.id, team: `KIM_${c.town}`, at: new Date(`${c.registeredAt}T00:00:00Z`), recordedBy: 'case-registry' })),
  });
}

/** Seeds the demo population's client teams and grants, unless there are some already. */
export async function seedConsent(prisma: ConsentPrisma, population: readonly DemoClient[]): Promise<boolean> {
  await seedClientTeams(prisma, population);
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
