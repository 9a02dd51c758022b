import { FIGURE_ROLES, type Agency } from '@kim/schema';
import type { Caller } from '@kim/service-kit';

// Who may see, record or withdraw a client's consent record is decided by which KIM team holds
// the client (`ClientTeamEvent`, as the case registry told it) — never by grants that exist,
// which whoever may record could have made. `holder` is null for a client no team holds and for
// an id nobody knows: both get the same answer.

/** Data-protection officers see every client's record; a case manager those their team holds. */
export function mayViewGrantsOf(caller: Caller, holder: Agency | null): boolean {
  if (caller.role === 'DATA_PROTECTION_OFFICER') return true;
  return caller.role === 'CASE_MANAGER' && holder !== null && holder === caller.agency;
}

/** Recording needs a client a team holds: its team, or a data-protection officer. */
export function mayRecordGrantsOf(caller: Caller, holder: Agency | null): boolean {
  return holder !== null && mayViewGrantsOf(caller, holder);
}

/** Withdrawal: whoever may see the record (a grant of a client no team holds stays withdrawable by the DPO). */
export const mayWithdrawGrantsOf = mayViewGrantsOf;

/**
 * A client may withdraw with whichever involved agency they tell: the team that holds them, the
 * data-protection officer, or the recipient itself — any of the grantee agency's staff, for a grant
 * to their own agency only (they learn its number from the client's receipt). Withdrawing only
 * ever narrows what is disclosed, so the recipient needs no more than that the grant is to it.
 */
export function mayWithdrawGrant(caller: Caller, holder: Agency | null, grantee: string): boolean {
  return mayWithdrawGrantsOf(caller, holder) || (caller.agency === grantee && !(FIGURE_ROLES as readonly string[]).includes(caller.role));
}
