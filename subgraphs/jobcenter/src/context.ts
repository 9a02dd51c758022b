import { groupLoader, rowLoader, type ServiceContext } from '@kim/subgraph-runtime';
import type { JobcenterPrisma } from './db.ts';
import type { BenefitCase, CooperationPlan, Measure, Placement } from './generated/prisma/client.ts';

export interface JobcenterExtra {
  readonly prisma: JobcenterPrisma;
  readonly loaders: ReturnType<typeof createLoaders>;
}
export type JobcenterContext = ServiceContext & JobcenterExtra;

/**
 * Loaders of one request, all keyed by the KIM client id: a page of clients costs one query per
 * table, however many clients it holds.
 */
function createLoaders(prisma: JobcenterPrisma) {
  const inClients = (keys: readonly string[]) => ({ kimClientId: { in: [...keys] } });
  return {
    benefitCase: rowLoader<BenefitCase>((keys) => prisma.benefitCase.findMany({ where: inClients(keys) }), (b) => b.kimClientId),
    cooperationPlan: rowLoader<CooperationPlan>((keys) => prisma.cooperationPlan.findMany({ where: inClients(keys) }), (p) => p.kimClientId),
    measures: groupLoader<Measure>((keys) => prisma.measure.findMany({ where: inClients(keys), orderBy: [{ startDate: 'asc' }, { id: 'asc' }] }), (m) => m.kimClientId),
    placements: groupLoader<Placement>(
      (keys) => prisma.placement.findMany({ where: inClients(keys), orderBy: [{ startDate: 'asc' }, { id: 'asc' }] }),
      (p) => p.kimClientId,
    ),
  };
}

export function extendContext(prisma: JobcenterPrisma, _base: ServiceContext): JobcenterExtra {
  return { prisma, loaders: createLoaders(prisma) };
}
