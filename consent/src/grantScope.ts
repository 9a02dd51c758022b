import type { Caller } from '@kim/subgraph-runtime';
import type { Grant } from './generated/prisma/client.ts';

/**
 * Whether the caller may see a client's consent record: data-protection officers always; a case
 * manager when the client has given the case manager's own team a grant (it works with them).
 */
export function mayViewGrantsOf(caller: Caller, grantsOfClient: readonly Grant[]): boolean {
  if (caller.role === 'DATA_PROTECTION_OFFICER') return true;
  if (caller.role === 'CASE_MANAGER') return grantsOfClient.some((g) => g.grantee === caller.agency);
  return false;
}
