import { groupLoader, rowLoader, type ServiceContext } from '@kim/subgraph-runtime';
import type { ImmigrationOfficePrisma } from './db.ts';
import type { AsylumProcedure, NaturalisationApplication, PersonRecord, ResidenceTitle } from './generated/prisma/client.ts';

export interface ImmigrationOfficeExtra {
  readonly prisma: ImmigrationOfficePrisma;
  readonly loaders: ReturnType<typeof createLoaders>;
}
export type ImmigrationOfficeContext = ServiceContext & ImmigrationOfficeExtra;

/**
 * Loaders of one request, all keyed by the KIM client id: each table is read at most once per
 * tick for every client of the request, so a page of 200 clients costs the same few statements
 * as one client.
 */
function createLoaders(prisma: ImmigrationOfficePrisma) {
  const inClients = (keys: readonly string[]) => ({ kimClientId: { in: [...keys] } });
  return {
    person: rowLoader<PersonRecord>((keys) => prisma.personRecord.findMany({ where: inClients(keys) }), (p) => p.kimClientId),
    residenceTitles: groupLoader<ResidenceTitle>(
      (keys) => prisma.residenceTitle.findMany({ where: inClients(keys), orderBy: [{ validFrom: 'asc' }, { id: 'asc' }] }),
      (t) => t.kimClientId,
    ),
    asylumProcedure: rowLoader<AsylumProcedure>((keys) => prisma.asylumProcedure.findMany({ where: inClients(keys) }), (a) => a.kimClientId),
    naturalisationApplication: rowLoader<NaturalisationApplication>(
      (keys) => prisma.naturalisationApplication.findMany({ where: inClients(keys) }),
      (n) => n.kimClientId,
    ),
  };
}

export function extendContext(prisma: ImmigrationOfficePrisma, _base: ServiceContext): ImmigrationOfficeExtra {
  return { prisma, loaders: createLoaders(prisma) };
}
