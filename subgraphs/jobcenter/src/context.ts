import { groupLoader, ownTeamWhere, rowLoader, type ServiceContext } from '@kim/service-kit';
import type { JobcenterPrisma } from './db.ts';
import type { BenefitCase, CooperationPlan, Measure, Placement } from './generated/prisma/client.ts';

export interface JobcenterExtra {
  readonly prisma: JobcenterPrisma;
  /** The condition on the jobcenter's cases this caller may see (its team's, if scoped to one). */
  readonly cases: ReturnType<typeof ownTeamWhere>;
  readonly loaders: ReturnType<typeof createLoaders>;
}
export type JobcenterContext = ServiceContext & JobcenterExtra;

/**
 * Loaders of one request, all keyed by the KIM client id: a page of clients costs one query per
 * table, however many clients it holds. The benefit case gates every other field: a caseworker
 * scoped to a team gets only its team's cases (`cases`), so another team's client looks like
 * one the jobcenter does not know.
 */
function createLoaders(prisma: JobcenterPrisma, cases: ReturnType<typeof ownTeamWhere>) {
  const inClients = (keys: readonly string[]) => ({ kimClientId: { in: [...keys] } });
  return {
    benefitCase: rowLoader<BenefitCase>((keys) => prisma.benefitCase.findMany({ where: { ...inClients(keys), ...cases } }), (b) => b.kimClientId),
    cooperationPlan: rowLoader<CooperationPlan>((keys) => prisma.cooperationPlan.findMany({ where: inClients(keys) }), (p) => p.kimClientId),
    measures: groupLoader<Measure>((keys) => prisma.measure.findMany({ where: inClients(keys), orderBy: [{ startDate: 'asc' }, { id: 'asc' }] }), (m) => m.kimClientId),
    placements: groupLoader<Placement>(
      (keys) => prisma.placement.findMany({ where: inClients(keys), orderBy: [{ startDate: 'asc' }, { id: 'asc' }] }),
      (p) => p.kimClientId,
    ),
  };
}

export function extendContext(prisma: JobcenterPrisma, base: ServiceContext): JobcenterExtra {
  const cases = ownTeamWhere(base.caller, 'JOBCENTER');
  return { prisma, cases, loaders: createLoaders(prisma, cases) };
}
