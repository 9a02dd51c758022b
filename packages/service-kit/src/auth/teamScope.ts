import { ROLE_SCOPE, organisationOf, type Organisation } from '@kim/schema';
import type { Caller } from '@kim/core';

/**
 * The condition on an agency's own records (their `office`, the town of the team that keeps
 * them) for a caller of that agency whose role is scoped to a team: only the team's records.
 * Callers of other agencies, and roles scoped to the whole agency, are not limited here (their
 * reach is the case registry's scope and consent). A team role without a team matches nothing.
 */
export function ownTeamWhere(caller: Caller, owner: Organisation): { office?: string | { in: string[] } } {
  if (organisationOf(caller.agency) !== owner || ROLE_SCOPE[caller.role] !== 'TEAM') return {};
  return caller.team ? { office: caller.team } : { office: { in: [] } };
}
