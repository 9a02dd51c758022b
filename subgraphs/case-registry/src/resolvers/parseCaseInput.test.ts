import { describe, expect, it } from 'vitest';
import { nextClientId } from './caseMutations.ts';
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

describe('the next client id', () => {
  it('follows the highest id, and starts at K-000001', () => {
    expect(nextClientId('K-000041')).toBe('K-000042');
    expect(nextClientId(undefined)).toBe('K-000001');
  });
});
