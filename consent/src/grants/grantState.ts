import type { GrantContent } from '../audit/grantEventHash.ts';

/** What a grant is now, derived from its record and its events (never stored). */
export const GRANT_STATES = ['ACTIVE', 'NOT_YET_VALID', 'EXPIRED', 'CASE_ENDED', 'WITHDRAWN', 'REFUSED', 'UNCHAINED'] as const;
export type GrantState = (typeof GRANT_STATES)[number];

/** A grant event as far as the state needs it; `chained`: its audit entry exists (a GrantEventLink). */
export interface StateEvent {
  readonly type: string;
  readonly at: Date;
  readonly validUntil: Date | null;
  readonly chained: boolean;
}

export interface DerivedState {
  readonly state: GrantState;
  /** The end of validity the events give (a renewal's, else the record's). */
  readonly validUntil: Date | null;
  /** The withdrawal, if any (chained or not: a withdrawal always counts). */
  readonly withdrawal: StateEvent | null;
}

/**
 * The state of a grant from its events in order: the same rule as the decision path's SQL
 * (decideAndRecord.ts, sharedClientIds.ts). Only chained events count, except a withdrawal, which
 * counts as soon as it is stored (failing closed); a grant whose first event never reached the
 * chain never took effect. `caseEnds`: when the client's case ended (the case registry recorded
 * that no team holds the client any more): a case end after the grant's recording, or after its
 * latest renewal, ends it.
 */
export function deriveState(
  grant: Pick<GrantContent, 'validFrom' | 'validUntil' | 'recordedAt'>,
  events: readonly StateEvent[],
  now: Date,
  caseEnds: readonly Date[] = [],
): DerivedState {
  const withdrawal = events.find((e) => e.type === 'WITHDRAWN') ?? null;
  const chained = events.filter((e) => e.chained);
  const latest = chained[chained.length - 1];
  const renewal = chained.filter((e) => e.type === 'RENEWED').pop();
  const validUntil = renewal ? renewal.validUntil : grant.validUntil;
  const state = ((): GrantState => {
    if (withdrawal) return 'WITHDRAWN';
    if (events.some((e) => e.type === 'REFUSED')) return 'REFUSED';
    if (!latest || !chained.some((e) => e.type === 'RECORDED')) return 'UNCHAINED';
    const since = latest.type === 'RENEWED' ? latest.at : grant.recordedAt;
    if (caseEnds.some((end) => end > since && end <= now)) return 'CASE_ENDED';
    if (grant.validFrom > now) return 'NOT_YET_VALID';
    if (validUntil !== null && validUntil <= now) return 'EXPIRED';
    return 'ACTIVE';
  })();
  return { state, validUntil, withdrawal };
}
