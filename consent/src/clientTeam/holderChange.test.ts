import type { Caller } from '@kim/service-kit';
import { describe, expect, it } from 'vitest';
import { mayChangeHolder, repeatsLastChange } from './holderChange.ts';

const caller = (agency: string, role: string): Caller => ({ agency, role, subject: 's', purpose: 'CASE_MANAGEMENT', requestId: 'r', plannedOperations: [] }) as unknown as Caller;
const neuss = caller('KIM_NEUSS', 'CASE_MANAGER');

describe('who may change which team holds a client', () => {
  it('lets a case manager register a client without a holder with their own team only', () => {
    expect(mayChangeHolder(neuss, null, 'KIM_NEUSS')).toBe(true);
    expect(mayChangeHolder(neuss, null, 'KIM_DORMAGEN')).toBe(false);
  });
  it('lets the holding team hand over to another KIM team, and nobody take another team\'s client', () => {
    expect(mayChangeHolder(neuss, 'KIM_NEUSS', 'KIM_DORMAGEN')).toBe(true);
    expect(mayChangeHolder(neuss, 'KIM_DORMAGEN', 'KIM_NEUSS')).toBe(false);
    expect(mayChangeHolder(neuss, 'KIM_DORMAGEN', 'KIM_DORMAGEN')).toBe(false);
  });
  it('lets only the holding team end the case (no holder any more)', () => {
    expect(mayChangeHolder(neuss, 'KIM_NEUSS', null)).toBe(true);
    expect(mayChangeHolder(neuss, 'KIM_DORMAGEN', null)).toBe(false);
    expect(mayChangeHolder(neuss, null, null)).toBe(false);
    expect(mayChangeHolder(caller('DATA_PROTECTION', 'DATA_PROTECTION_OFFICER'), 'KIM_NEUSS', null)).toBe(false);
  });
  it('refuses every other role, and a holder that is no KIM team', () => {
    expect(mayChangeHolder(caller('DATA_PROTECTION', 'DATA_PROTECTION_OFFICER'), null, 'KIM_NEUSS')).toBe(false);
    expect(mayChangeHolder(caller('JOBCENTER', 'JOBCENTER_TEAM_LEAD'), 'KIM_NEUSS', 'KIM_NEUSS')).toBe(false);
    expect(mayChangeHolder(neuss, 'KIM_NEUSS', 'JOBCENTER')).toBe(false);
    expect(mayChangeHolder(neuss, 'KIM_NEUSS', 'KIM_NOWHERE')).toBe(false);
  });

  it('takes a repeat of its own last change as done, and nobody else\'s', () => {
    // Neuss closed the case, or handed it to Dormagen, and asks again.
    expect(repeatsLastChange(neuss, null, 'KIM_NEUSS', null)).toBe(true);
    expect(repeatsLastChange(neuss, 'KIM_DORMAGEN', 'KIM_NEUSS', 'KIM_DORMAGEN')).toBe(true);
    // Dormagen moved the client on (or closed it) since: no repeat of Neuss's.
    expect(repeatsLastChange(neuss, 'KIM_GREVENBROICH', 'KIM_DORMAGEN', 'KIM_DORMAGEN')).toBe(false);
    expect(repeatsLastChange(neuss, null, 'KIM_DORMAGEN', null)).toBe(false);
    expect(repeatsLastChange(caller('KIM_NEUSS', 'DATA_PROTECTION_OFFICER'), null, 'KIM_NEUSS', null)).toBe(false);
  });
});
