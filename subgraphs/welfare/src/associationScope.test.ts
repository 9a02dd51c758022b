import { AGENCIES, WELFARE_ASSOCIATIONS, organisationOf, type Agency, type Role } from '@kim/schema';
import type { Caller } from '@kim/service-kit';
import { describe, expect, it } from 'vitest';
import { associationScope, associationWhere } from './associationScope.ts';

function caller(agency: Agency, role: Role): Caller {
  return { subject: 'u-1', agency, role, purpose: 'MIGRATION_COUNSELLING', requestId: 'r-1' };
}

const others = AGENCIES.filter((a) => organisationOf(a) !== 'WELFARE');

describe('associationScope', () => {
  it.each(WELFARE_ASSOCIATIONS)('keeps a counsellor of %s to its own records', (association) => {
    expect(associationScope(caller(association, 'COUNSELLOR'))).toEqual({ kind: 'own', association });
  });

  it.each(others)('lets a caller from %s be shown every association’s records', (agency) => {
    expect(associationScope(caller(agency, 'CASE_MANAGER'))).toEqual({ kind: 'all' });
  });

  it('decides by the agency, not by the role', () => {
    expect(associationScope(caller('CARITAS', 'CASE_MANAGER'))).toEqual({ kind: 'own', association: 'CARITAS' });
    expect(associationScope(caller('KIM_NEUSS', 'COUNSELLOR'))).toEqual({ kind: 'all' });
  });
});

describe('associationWhere', () => {
  it.each([
    ['one association', { kind: 'own', association: 'DIAKONIE' }, { association: 'DIAKONIE' }],
    ['every association', { kind: 'all' }, {}],
    ['no association', { kind: 'none' }, { association: { in: [] } }],
  ] as const)('restricts a query to %s', (_name, scope, where) => {
    expect(associationWhere(scope)).toEqual(where);
  });
});
