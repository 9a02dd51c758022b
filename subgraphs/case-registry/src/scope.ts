import { AGENCY_INFO, type Town } from '@kim/schema';
import type { Caller } from '@kim/subgraph-runtime';

/**
 * Which clients a caller may know of at all. A KIM team knows its own town's clients; the
 * coordinating office and data-protection officers see no person here (figures only); a partner
 * agency may address any client, each field then behind consent.
 */
export type ClientScope = { kind: 'town'; town: Town } | { kind: 'all' } | { kind: 'none' };

export function clientScope(caller: Caller): ClientScope {
  const agency = AGENCY_INFO[caller.agency];
  if (agency.organisation === 'KIM') return agency.town ? { kind: 'town', town: agency.town } : { kind: 'none' };
  if (caller.role === 'DATA_PROTECTION_OFFICER') return { kind: 'none' };
  return { kind: 'all' };
}

/** The Prisma condition that keeps a query inside the scope. */
export function scopeWhere(scope: ClientScope): { town?: string; id?: { in: string[] } } {
  switch (scope.kind) {
    case 'town':
      return { town: scope.town };
    case 'none':
      return { id: { in: [] } };
    case 'all':
      return {};
  }
}
