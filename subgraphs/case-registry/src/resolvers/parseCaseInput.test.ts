import { describe, expect, it } from 'vitest';
import { clientIdOf } from './caseMutations.ts';
import { parseIntake, pastDate } from './parseCaseInput.ts';

const valid = { givenName: ' Amal ', familyName: 'Haddad', birthDate: '2001-04-12', nationality: 'syrisch', firstContactOn: '2026-11-02', priorCaseManagement: false };

describe('intake input', () => {
  it('trims names, keeps optional fields null, and accepts a complete intake', () => {
    expect(parseIntake(valid, '2026-12-01')).toMatchObject({ givenName: 'Amal', phone: null, email: null, residenceTitleType: null });
  });
  it.each([
    ['input.birthDate', { birthDate: '12.04.2001' }],
    ['input.birthDate', { birthDate: '2001-13-01' }],
    ['input.firstContactOn', { firstContactOn: '2026-12-02' }],
    ['input.familyName', { familyName: 'x'.repeat(101) }],
    ['input.residenceTitleType', { residenceTitleType: 'PASSPORT' }],
  ])('names %s when it is bad', (argument, overrides) => {
    expect(() => parseIntake({ ...valid, ...overrides }, '2026-12-01')).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', argument }) }));
  });
  it('takes today as a past date, tomorrow not', () => {
    expect(pastDate('2026-12-01', 'd', '2026-12-01')).toBe('2026-12-01');
    expect(() => pastDate('2026-12-02', 'd', '2026-12-01')).toThrow();
  });
});

describe('a client id', () => {
  it('is K- and the number in six digits', () => {
    expect(clientIdOf('42')).toBe('K-000042');
    expect(clientIdOf(1n)).toBe('K-000001');
  });
});
