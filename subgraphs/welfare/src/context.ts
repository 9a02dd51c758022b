import { groupLoader, type ServiceContext } from '@kim/service-kit';
import { associationScope, associationWhere, type AssociationScope } from './associationScope.ts';
import type { WelfarePrisma } from './db.ts';
import type { CounsellingContact, LanguageCourse, SupportNeed } from './generated/prisma/client.ts';

export interface WelfareExtra {
  readonly prisma: WelfarePrisma;
  readonly scope: AssociationScope;
  readonly loaders: ReturnType<typeof createLoaders>;
}
export type WelfareContext = ServiceContext & WelfareExtra;

/**
 * Loaders of one request, all keyed by the KIM client id: a page of clients costs one query per
 * table, however many clients it holds.
 */
function createLoaders(prisma: WelfarePrisma, scope: AssociationScope) {
  const inClients = (keys: readonly string[]) => ({ kimClientId: { in: [...keys] } });
  // INTENTIONAL: the association scope is part of the query, so another association's records
  // never leave the database for a counsellor, whatever the resolvers do with the rows.
  const heldRecords = (keys: readonly string[]) => ({ AND: [inClients(keys), associationWhere(scope)] });
  return {
    counsellingContacts: groupLoader<CounsellingContact>(
      (keys) => prisma.counsellingContact.findMany({ where: heldRecords(keys), orderBy: [{ date: 'asc' }, { id: 'asc' }] }),
      (c) => c.kimClientId,
    ),
    supportNeeds: groupLoader<SupportNeed>(
      (keys) => prisma.supportNeed.findMany({ where: heldRecords(keys), orderBy: [{ recordedAt: 'asc' }, { id: 'asc' }] }),
      (n) => n.kimClientId,
    ),
    // Language courses are not records an association holds under secrecy: no scope.
    languageCourses: groupLoader<LanguageCourse>(
      (keys) => prisma.languageCourse.findMany({ where: inClients(keys), orderBy: [{ startedAt: 'asc' }, { id: 'asc' }] }),
      (c) => c.kimClientId,
    ),
  };
}

export function extendContext(prisma: WelfarePrisma, base: ServiceContext): WelfareExtra {
  const scope = associationScope(base.caller);
  return { prisma, scope, loaders: createLoaders(prisma, scope) };
}
