import type { DemoClient } from '@kim/schema/population';
import type { ConsentPrisma } from './db.ts';
import { SECRECY_CATEGORIES } from './grants/grantRecord.ts';

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

/**
 * Seeds the demo population's client teams and consent records, unless there are some already.
 * The grants' events are stored without their audit entries (seeding runs as the schema's owner,
 * without the audit key): the service chains them when it starts, before they decide anything.
 */
export async function seedConsent(prisma: ConsentPrisma, population: readonly DemoClient[]): Promise<boolean> {
  await seedClientTeams(prisma, population);
  if ((await prisma.grant.count()) > 0) return false;
  const grants = population.flatMap((c) =>
    c.consents.map((g, i) => {
      const recordedAt = instant(g.validFrom)!;
      // The population's references carry a note ("EV-2024-000123 (signed form, scanned)"): the record keeps the reference.
      const evidenceRef = g.evidenceRef.split(' ')[0]!;
      const secret = g.categories.some((cat) => SECRECY_CATEGORIES.includes(cat));
      return {
        grant: {
          id: `G-${c.id}-${i + 1}`,
          kimClientId: c.id,
          grantee: g.grantee,
          categories: [...g.categories],
          purposes: [...g.purposes],
          legalBasis: g.legalBasis,
          evidenceRef,
          form: g.evidenceRef.includes('electronic') ? 'ELECTRONIC' : 'WRITTEN',
          informedOfPurpose: true,
          informedOfRefusalConsequences: true,
          informedOfWithdrawalRight: true,
          informationSheetVersion: `KIM-EW-${recordedAt.getUTCFullYear()}.1`,
          informationSheetLanguage: 'de',
          interpreterLanguage: null,
          releasingOrganisation: secret ? 'CARITAS' : null,
          legalRepresentativeName: null,
          legalRepresentativeCapacity: null,
          validFrom: recordedAt,
          validUntil: instant(g.validUntil),
          recordedBy: g.recordedBy,
          recordedAt,
        },
        events: [
          { type: 'RECORDED', at: recordedAt, subject: g.recordedBy, agency: `KIM_${c.town}`, role: 'CASE_MANAGER', reason: null },
          ...(g.revokedAt
            ? [{ type: 'WITHDRAWN', at: instant(g.revokedAt)!, subject: g.revokedBy ?? g.recordedBy, agency: `KIM_${c.town}`, role: 'CASE_MANAGER', reason: 'Die Klientin / der Klient hat die Einwilligung widerrufen.' }]
            : []),
        ],
      };
    }),
  );
  await prisma.grant.createMany({ data: grants.map((g) => g.grant) });
  await prisma.grantEvent.createMany({ data: grants.flatMap((g) => g.events.map((e) => ({ ...e, grantId: g.grant.id, kimClientId: g.grant.kimClientId }))).sort((a, b) => a.at.getTime() - b.at.getTime()) });
  return true;
}
