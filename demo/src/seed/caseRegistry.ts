import type { DemoCaseManager, DemoClient } from '../population/population.ts';
import type { CaseRegistryPrisma } from '@kim/case-registry';

const day = (d: string) => new Date(`${d}T00:00:00Z`);
const time = (t: string | null) => (t ? new Date(t) : null);

/** Seeds the demo population's case-registry part, unless the registry already has clients. */
export async function seedCaseRegistry(prisma: CaseRegistryPrisma, population: readonly DemoClient[], caseManagers: readonly DemoCaseManager[]): Promise<boolean> {
  if ((await prisma.client.count()) > 0) return false;
  await prisma.$transaction([
    prisma.caseManager.createMany({ data: caseManagers.map((m) => ({ id: m.id, name: m.name, towns: [...m.towns] })) }),
    prisma.client.createMany({
      data: population.map((c) => ({
        id: c.id,
        givenName: c.givenName,
        familyName: c.familyName,
        birthDate: day(c.birthDate),
        nationality: c.nationality,
        town: c.town,
        status: c.status,
        phone: c.phone,
        email: c.email,
        address: c.address,
        registeredAt: day(c.registeredAt),
        closedOn: c.closedOn === null ? null : day(c.closedOn),
        closingReason: c.closingReason,
        caseManagerId: c.caseManagerId,
      })),
    }),
    // Intakes number on after the seeded clients (see the client_numbers migration).
    prisma.$queryRawUnsafe(`SELECT setval('"Client_number_seq"', ${population.length === 0 ? 1 : `(SELECT max(substr("id", 3)::bigint) FROM "Client")`}, ${population.length > 0})`),
    prisma.goal.createMany({
      data: population.flatMap((c) =>
        c.goals.map((g, i) => ({ id: `${c.id}-G${i + 1}`, kimClientId: c.id, title: g.title, status: g.status, dueDate: g.dueDate ? day(g.dueDate) : null, createdAt: day(g.createdAt) })),
      ),
    }),
    prisma.referral.createMany({
      data: population.flatMap((c) =>
        c.referrals.map((r, i) => ({
          id: `${c.id}-R${i + 1}`,
          kimClientId: c.id,
          toAgency: r.toAgency,
          reason: r.reason,
          sentAt: new Date(r.sentAt),
          firstContactAt: time(r.firstContactAt),
          outcome: r.outcome,
          outcomeAt: time(r.outcomeAt),
        })),
      ),
    }),
    prisma.caseNote.createMany({
      data: population.flatMap((c) => c.notes.map((n, i) => ({ id: `${c.id}-N${i + 1}`, kimClientId: c.id, author: n.author, createdAt: new Date(n.createdAt), text: n.text }))),
    }),
  ]);
  return true;
}
