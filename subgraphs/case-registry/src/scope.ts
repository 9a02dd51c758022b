import { AGENCY_INFO, ROLE_SCOPE, type Town } from '@kim/schema';
import type { Caller } from '@kim/subgraph-runtime';

/**
 * Which clients a caller may know of at all — to list them, or to get anything but `null` for
 * their id. A KIM team knows its own town's clients; the coordinating office and
 * data-protection officers know no person here (figures and audit only); a partner agency knows
 * the clients who hold an active grant to it (they chose to share something with it), and a
 * partner's caseworker scoped to a team only those of them who live in the team's town. Every
 * field of a known client is then decided by consent on its own.
 */
export type ClientScope = { kind: 'town'; town: Town } | { kind: 'shared'; town?: Town } | { kind: 'none' };

export function clientScope(caller: Caller): ClientScope {
  const scope = ROLE_SCOPE[caller.role];
  if (scope === 'NONE') return { kind: 'none' };
  if (AGENCY_INFO[caller.agency].organisation === 'KIM') {
    // A KIM role always works within a town; one without (none is configured) knows no one.
    return caller.team ? { kind: 'town', town: caller.team } : { kind: 'none' };
  }
  if (scope === 'TEAM') return caller.team ? { kind: 'shared', town: caller.team } : { kind: 'none' };
  return { kind: 'shared' };
}

/**
 * The Prisma condition that keeps a query inside the scope. For a partner agency it asks the
 * consent service once for the clients shared with it; without an answer it fails closed.
 */
export async function scopeWhere(scope: ClientScope, sharedClientIds: () => Promise<readonly string[]>): Promise<{ town?: string; id?: { in: string[] } }> {
  switch (scope.kind) {
    case 'town':
      return { town: scope.town };
    case 'none':
      return { id: { in: [] } };
    case 'shared':
      return { id: { in: [...(await sharedClientIds())] }, ...(scope.town ? { town: scope.town } : {}) };
  }
}
