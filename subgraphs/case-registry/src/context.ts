import { groupLoader, rowLoader, type ServiceContext } from '@kim/subgraph-runtime';
import type { CaseRegistryPrisma } from './db.ts';
import type { CaseManager, CaseNote, Client, Goal, Referral } from './generated/prisma/client.ts';
import { clientScope, scopeWhere, type ClientScope } from './scope.ts';

export interface CaseRegistryExtra {
  readonly prisma: CaseRegistryPrisma;
  readonly scope: ClientScope;
  readonly loaders: ReturnType<typeof createLoaders>;
}
export type CaseRegistryContext = ServiceContext & CaseRegistryExtra;

/** Loaders of one request: every client, plan and note is fetched once per tick for all clients. */
function createLoaders(prisma: CaseRegistryPrisma, scope: ClientScope) {
  const inClients = (keys: readonly string[]) => ({ kimClientId: { in: [...keys] } });
  return {
    // INTENTIONAL: the scope is part of the query, so an out-of-scope client is simply not found.
    client: rowLoader<Client>((ids) => prisma.client.findMany({ where: { AND: [{ id: { in: [...ids] } }, scopeWhere(scope)] } }), (c) => c.id),
    caseManager: rowLoader<CaseManager>((ids) => prisma.caseManager.findMany({ where: { id: { in: [...ids] } } }), (m) => m.id),
    goals: groupLoader<Goal>((keys) => prisma.goal.findMany({ where: inClients(keys), orderBy: { createdAt: 'asc' } }), (g) => g.kimClientId),
    referrals: groupLoader<Referral>((keys) => prisma.referral.findMany({ where: inClients(keys), orderBy: { sentAt: 'asc' } }), (r) => r.kimClientId),
    notes: groupLoader<CaseNote>((keys) => prisma.caseNote.findMany({ where: inClients(keys), orderBy: { createdAt: 'asc' } }), (n) => n.kimClientId),
  };
}

export function extendContext(prisma: CaseRegistryPrisma, base: ServiceContext): CaseRegistryExtra {
  const scope = clientScope(base.caller);
  return { prisma, scope, loaders: createLoaders(prisma, scope) };
}
