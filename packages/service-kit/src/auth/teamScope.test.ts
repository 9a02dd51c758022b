import { describe, expect, it } from 'vitest';
import type { Caller } from '@kim/core';
import { ownTeamWhere } from './teamScope.ts';

const base = { subject: 's', purpose: 'RESIDENCE_PROCEDURE', requestId: 'r' } as const;

describe('ownTeamWhere', () => {
  it('limits a team-scoped caseworker to the records of its own team', () => {
    const caller: Caller = { ...base, agency: 'IMMIGRATION_OFFICE', role: 'IMMIGRATION_CASEWORKER', team: 'NEUSS' };
    expect(ownTeamWhere(caller, 'IMMIGRATION_OFFICE')).toEqual({ office: 'NEUSS' });
  });

  it('matches nothing for a team-scoped role that came without a team', () => {
    const caller: Caller = { ...base, agency: 'IMMIGRATION_OFFICE', role: 'IMMIGRATION_CASEWORKER' };
    expect(ownTeamWhere(caller, 'IMMIGRATION_OFFICE')).toEqual({ office: { in: [] } });
  });

  it('does not limit a team lead, nor callers of other agencies (consent decides for them)', () => {
    expect(ownTeamWhere({ ...base, agency: 'IMMIGRATION_OFFICE', role: 'IMMIGRATION_TEAM_LEAD' }, 'IMMIGRATION_OFFICE')).toEqual({});
    expect(ownTeamWhere({ ...base, agency: 'KIM_NEUSS', role: 'CASE_MANAGER', team: 'NEUSS' }, 'IMMIGRATION_OFFICE')).toEqual({});
    expect(ownTeamWhere({ ...base, agency: 'JOBCENTER', role: 'JOBCENTER_CASEWORKER', team: 'DORMAGEN' }, 'IMMIGRATION_OFFICE')).toEqual({});
  });
});
