import { consentUnavailable, groupLoader, rowLoader, ConsentUnavailableError, type ServiceContext } from '@kim/subgraph-runtime';
import type { CaseRegistryPrisma } from './db.ts';
import type { CaseManager, CaseNote, Client, Goal, Referral } from './generated/prisma/client.ts';
import { clientScope, scopeWhere, type ClientScope } from './scope.ts';

type ScopeWhere = Awaited<ReturnType<typeof scopeWhere>>;

export interface CaseRegistryExtra {
  readonly prisma: CaseRegistryPrisma;
  readonly scope: ClientScope;
  /** The scope's condition, computed once per request (it may ask the consent service). */
  readonly scopeWhere: () => Promise<ScopeWhere>;
  readonly loaders: ReturnType<typeof createLoaders>;
}
export type CaseRegistryContext = ServiceContext & CaseRegistryExtra;

/** Loaders of one request: every client, plan and note is fetched once per tick for all clients. */
function createLoaders(prisma: CaseRegistryPrisma, inScope: () => Promise<ScopeWhere>) {
  const inClients = (keys: readonly string[]) => ({ kimClientId: { in: [...keys] } });
  return {
    // INTENTIONAL: the scope is part of the query, so an out-of-scope client is simply not found.
    client: rowLoader<Client>(async (ids) => prisma.client.findMany({ where: { AND: [{ id: { in: [...ids] } }, await inScope()] } }), (c) => c.id),
    caseManager: rowLoader<CaseManager>((ids) => prisma.caseManager.findMany({ where: { id: { in: [...ids] } } }), (m) => m.id),
    goals: groupLoader<Goal>((keys) => prisma.goal.findMany({ where: inClients(keys), orderBy: { createdAt: 'asc' } }), (g) => g.kimClientId),
    referrals: groupLoader<Referral>((keys) => prisma.referral.findMany({ where: inClients(keys), orderBy: { sentAt: 'asc' } }), (r) => r.kimClientId),
    notes: groupLoader<CaseNote>((keys) => prisma.caseNote.findMany({ where: inClients(keys), orderBy: { createdAt: 'asc' } }), (n) => n.kimClientId),
  };
}

export function extendContext(prisma: CaseRegistryPrisma, base: ServiceContext): CaseRegistryExtra {
  const scope = clientScope(base.caller);
  let where: Promise<ScopeWhere> | undefined;
  const inScope = () =>
    (where ??= scopeWhere(scope, base.sharedClientIds).catch((error: unknown) => {
      throw error instanceof ConsentUnavailableError ? consentUnavailable() : error;
    }));
  return { prisma, scope, scopeWhere: inScope, loaders: createLoaders(prisma, inScope) };
}
