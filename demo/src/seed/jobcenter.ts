import type { DemoClient } from '../population/population.ts';
import type { JobcenterPrisma } from '@kim/jobcenter';

const day = (d: string) => new Date(`${d}T00:00:00Z`);
const optionalDay = (d: string | null) => (d ? day(d) : null);

/**
 * The jobcenter's part of the demo population, as rows of its tables. The benefit case keeps the
 * jobcenter's own number; the rows under it get ids derived from the KIM client id, so that
 * every seed of the same population produces the same ids. Clients without a jobcenter record
 * produce no row at all.
 */
export function jobcenterRows(population: readonly DemoClient[]) {
  const known = population.flatMap((c) => (c.jobcenter ? [{ kimClientId: c.id, town: c.town, record: c.jobcenter }] : []));
  return {
    // The team of the client's town keeps the case.
    benefitCases: known.map(({ kimClientId, town, record: r }) => ({
      id: r.benefitCaseId,
      kimClientId,
      office: town,
      status: r.status,
      since: day(r.since),
      householdId: r.householdId,
      householdSize: r.householdSize,
      monthlyBenefitEuro: r.monthlyBenefitEuro,
    })),
    cooperationPlans: known.flatMap(({ kimClientId, record: { cooperationPlan: plan } }) =>
      plan ? [{ id: `${kimClientId}-KP`, kimClientId, agreedAt: day(plan.agreedAt), steps: [...plan.steps] }] : [],
    ),
    measures: known.flatMap(({ kimClientId, record }) =>
      record.measures.map((m, i) => ({
        id: `${kimClientId}-M${i + 1}`,
        kimClientId,
        type: m.type,
        provider: m.provider,
        startDate: day(m.startDate),
        endDate: optionalDay(m.endDate),
      })),
    ),
    placements: known.flatMap(({ kimClientId, record }) =>
      record.placements.map((p, i) => ({
        id: `${kimClientId}-P${i + 1}`,
        kimClientId,
        kind: p.kind,
        employer: p.employer,
        startDate: day(p.startDate),
        endDate: optionalDay(p.endDate),
      })),
    ),
  };
}

/** Seeds the demo population's jobcenter part, unless the jobcenter already has benefit cases. */
export async function seedJobcenter(prisma: JobcenterPrisma, population: readonly DemoClient[]): Promise<boolean> {
  if ((await prisma.benefitCase.count()) > 0) return false;
  const rows = jobcenterRows(population);
  await prisma.$transaction([
    prisma.benefitCase.createMany({ data: rows.benefitCases }),
    prisma.cooperationPlan.createMany({ data: rows.cooperationPlans }),
    prisma.measure.createMany({ data: rows.measures }),
    prisma.placement.createMany({ data: rows.placements }),
  ]);
  return true;
}
