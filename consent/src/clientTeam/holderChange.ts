import { AGENCY_INFO, isAgency, type Agency } from '@kim/schema';
import type { Caller } from '@kim/service-kit';

/**
 * Whether the caller may make `team` the holder of a client whose holder is `current`: at intake
 * (no holder yet) a case manager registers the client with their own team; at handover the
 * holding team passes the client to another KIM team; at closing the holding team lets the client
 * go (`team` null: the end of the case, which ends the client's grants and starts the retention
 * clock here). Nobody else moves clients — in particular no team takes another team's client.
 */
export function mayChangeHolder(caller: Caller, current: Agency | null, team: string | null): boolean {
  if (caller.role !== 'CASE_MANAGER') return false;
  if (team === null) return current !== null && current === caller.agency;
  if (!isAgency(team) || AGENCY_INFO[team].organisation !== 'KIM') return false;
  if (current === null) return team === caller.agency;
  return current === caller.agency;
}

/**
 * Whether the caller asks again for the holder change it already made last — the client's holder
 * is `team` now, and was the caller's team before. The case registry records the change inside
 * its own transaction; when the answer is lost on the way back, the registry rolls back while
 * the change stays here, and only a repeat brings the registry up to it (a handover or closing
 * could otherwise never be finished). A repeat is answered as done and records nothing.
 */
export function repeatsLastChange(caller: Caller, current: Agency | null, previous: Agency | null | undefined, team: string | null): boolean {
  return caller.role === 'CASE_MANAGER' && previous === caller.agency && current === team;
}
