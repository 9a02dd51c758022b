import { AGENCY_INFO, ROLE_SCOPE, type Town } from '@kim/schema';
import type { Caller } from '@kim/service-kit';

/**
 * Which clients a caller may know of at all — to list them, or to get anything but `null` for
 * their id. A KIM team knows its own town's clients; the coordinating office and
 * data-protection officers know no person here (figures and audit only); a partner agency knows
 * the clients who hold an active grant to it (they chose to share something with it). Every
 * field of a known client is then decided by consent on its own.
 */
export type ClientScope = { kind: 'town'; town: Town } | { kind: 'shared' } | { kind: 'none' };

/**
 * Where a request reaches clients from: `roots` for `client(id:)` and `clients` (the registry's
 * own lookups), `entities` for a client another service's answer named (the gateway's
 * `_entities` call, which only follows the plan of the caller's own request).
 *
 * INTENTIONAL (issue 14, item 3): a partner's caseworker scoped to a team is scoped by its team's
 * own files, which only its agency holds — the immigration office's files, the jobcenter's
 * cases. The registry cannot see them, and scoping by anything of its own (before: the client's
 * `town`, IDENTITY data) discloses that. So its root lookups know no one: such a caseworker
 * reaches a client only from a file of its team (`clientByImmigrationRecord`,
 * `clientByBenefitCase`), and the registry then answers for that client if it shares anything
 * with the agency (a grant), each field by consent as always.
 */
export interface RequestScope {
  readonly roots: ClientScope;
  readonly entities: ClientScope;
}

export function clientScope(caller: Caller): RequestScope {
  const same = (scope: ClientScope): RequestScope => ({ roots: scope, entities: scope });
  const scope = ROLE_SCOPE[caller.role];
  if (scope === 'NONE') return same({ kind: 'none' });
  if (AGENCY_INFO[caller.agency].organisation === 'KIM') {
    // A KIM role always works within a town; one without (none is configured) knows no one.
    return same(caller.team ? { kind: 'town', town: caller.team } : { kind: 'none' });
  }
  if (scope === 'TEAM') return { roots: { kind: 'none' }, entities: caller.team ? { kind: 'shared' } : { kind: 'none' } };
  return same({ kind: 'shared' });
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
      return { id: { in: [...(await sharedClientIds())] } };
  }
}
