import { describe, expect, it } from 'vitest';
import { clientIdOf } from './caseMutations.ts';
import { parseClosingReason, parseGoalAgency, parseGoalStatus, parseIntake, parseReferralOutcome, parseReferralReason, parseReferralTarget, pastDate } from './parseCaseInput.ts';

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

describe('case-work terms', () => {
  const badArgument = (argument: string) => expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', argument }) });

  it('takes referrals to the partner agencies and to those outside the hub', () => {
    for (const agency of ['IMMIGRATION_OFFICE', 'JOBCENTER', 'CARITAS', 'JMD', 'EMPLOYMENT_AGENCY', 'BAMF']) expect(parseReferralTarget(agency)).toBe(agency);
  });
  it.each(['KIM_NEUSS', 'KI', 'DATA_PROTECTION', 'NOBODY', null])('refuses a referral to %s, naming toAgency', (agency) => {
    expect(() => parseReferralTarget(agency)).toThrow(badArgument('toAgency'));
  });
  it.each([
    ['reason', () => parseReferralReason('Sprachkurs')],
    ['outcome', () => parseReferralOutcome('DONE')],
    ['reason', () => parseClosingReason('BORED')],
    ['status', () => parseGoalStatus('WAITING')],
    ['input.workedOnBy', () => parseGoalAgency('JOBCENTRE')],
  ])('names %s when it is not on its list', (argument, parse) => {
    expect(parse).toThrow(badArgument(argument));
  });
  it('leaves a goal without agency to the KIM team', () => {
    expect(parseGoalAgency(undefined)).toBeNull();
    expect(parseGoalAgency('JOBCENTER')).toBe('JOBCENTER');
  });
});

describe('a client id', () => {
  it('is K- and the number in six digits', () => {
    expect(clientIdOf('42')).toBe('K-000042');
    expect(clientIdOf(1n)).toBe('K-000001');
  });
});
