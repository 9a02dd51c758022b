import { groupLoader, ownTeamWhere, rowLoader, type ServiceContext } from '@kim/service-kit';
import type { ImmigrationOfficePrisma } from './db.ts';
import type { AsylumProcedure, NaturalisationApplication, PersonRecord, ResidenceTitle } from './generated/prisma/client.ts';

export interface ImmigrationOfficeExtra {
  readonly prisma: ImmigrationOfficePrisma;
  /** The condition on the office's files this caller may see (its team's, if scoped to one). */
  readonly files: ReturnType<typeof ownTeamWhere>;
  readonly loaders: ReturnType<typeof createLoaders>;
}
export type ImmigrationOfficeContext = ServiceContext & ImmigrationOfficeExtra;

/**
 * Loaders of one request, all keyed by the KIM client id: each table is read at most once per
 * tick for every client of the request, so a page of 200 clients costs the same few statements
 * as one client. The person record gates every other field: a caseworker scoped to a team gets
 * only its team's files (`files`), so another team's client looks like one the office has no
 * file on.
 */
function createLoaders(prisma: ImmigrationOfficePrisma, files: ReturnType<typeof ownTeamWhere>) {
  const inClients = (keys: readonly string[]) => ({ kimClientId: { in: [...keys] } });
  return {
    person: rowLoader<PersonRecord>((keys) => prisma.personRecord.findMany({ where: { ...inClients(keys), ...files } }), (p) => p.kimClientId),
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

export function extendContext(prisma: ImmigrationOfficePrisma, base: ServiceContext): ImmigrationOfficeExtra {
  const files = ownTeamWhere(base.caller, 'IMMIGRATION_OFFICE');
  return { prisma, files, loaders: createLoaders(prisma, files) };
}
