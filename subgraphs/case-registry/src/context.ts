import { consentUnavailable, groupLoader, rowLoader, ConsentUnavailableError, type ServiceContext } from '@kim/service-kit';
import type { CaseRegistryPrisma } from './db.ts';
import type { Suppress } from './figures/figures.ts';
import type { CaseManager, CaseNote, Client, Goal, Referral } from './generated/prisma/client.ts';
import { clientScope, scopeWhere, type ClientScope, type RequestScope } from './scope.ts';

type ScopeWhere = Awaited<ReturnType<typeof scopeWhere>>;

export interface CaseRegistryExtra {
  readonly prisma: CaseRegistryPrisma;
  readonly scope: RequestScope;
  /** The root lookups' scope condition, computed once per request (it may ask the consent service). */
  readonly scopeWhere: () => Promise<ScopeWhere>;
  readonly loaders: ReturnType<typeof createLoaders>;
  /** Days after which a referral without first contact or outcome is overdue (`KIM_OVERDUE_REFERRAL_DAYS`). */
  readonly overdueReferralDays: number;
  /** The service's suppression of the steering figures (it remembers the last table). */
  readonly suppressFigures: Suppress;
}

/** What every request of one service instance shares: its settings, and the figures' suppression. */
export type CaseRegistryShared = Pick<CaseRegistryExtra, 'overdueReferralDays' | 'suppressFigures'>;
export type CaseRegistryContext = ServiceContext & CaseRegistryExtra;

const clientLoader = (prisma: CaseRegistryPrisma, inScope: () => Promise<ScopeWhere>) =>
  // INTENTIONAL: the scope is part of the query, so an out-of-scope client is simply not found.
  rowLoader<Client>(async (ids) => prisma.client.findMany({ where: { AND: [{ id: { in: [...ids] } }, await inScope()] } }), (c) => c.id);

/** Loaders of one request: every client, plan and note is fetched once per tick for all clients. */
function createLoaders(prisma: CaseRegistryPrisma, scope: RequestScope, inRootScope: () => Promise<ScopeWhere>, inEntityScope: () => Promise<ScopeWhere>) {
  const inClients = (keys: readonly string[]) => ({ kimClientId: { in: [...keys] } });
  const client = clientLoader(prisma, inRootScope);
  return {
    /** Clients the root lookups (`client`, `clients`) may find. */
    client,
    /** Clients another service's answer named (`_entities`): the same loader where the scopes agree. */
    entity: scope.entities === scope.roots ? client : clientLoader(prisma, inEntityScope),
    caseManager: rowLoader<CaseManager>((ids) => prisma.caseManager.findMany({ where: { id: { in: [...ids] } } }), (m) => m.id),
    goals: groupLoader<Goal>((keys) => prisma.goal.findMany({ where: inClients(keys), orderBy: { createdAt: 'asc' } }), (g) => g.kimClientId),
    referrals: groupLoader<Referral>((keys) => prisma.referral.findMany({ where: inClients(keys), orderBy: { sentAt: 'asc' } }), (r) => r.kimClientId),
    notes: groupLoader<CaseNote>((keys) => prisma.caseNote.findMany({ where: inClients(keys), orderBy: { createdAt: 'asc' } }), (n) => n.kimClientId),
  };
}

export function extendContext(prisma: CaseRegistryPrisma, base: ServiceContext, shared: CaseRegistryShared): CaseRegistryExtra {
  const scope = clientScope(base.caller);
  const memo = (of: ClientScope) => {
    let where: Promise<ScopeWhere> | undefined;
    return () =>
      (where ??= scopeWhere(of, base.sharedClientIds).catch((error: unknown) => {
        throw error instanceof ConsentUnavailableError ? consentUnavailable() : error;
      }));
  };
  const inRootScope = memo(scope.roots);
  return { prisma, scope, scopeWhere: inRootScope, loaders: createLoaders(prisma, scope, inRootScope, memo(scope.entities)), ...shared };
}
