import { describe, expect, it } from 'vitest';
import { checkGrantRecord, requireRepresentativeOfMinor, type RecordConsentInput } from './grantRecord.ts';

const input: RecordConsentInput = {
  clientId: 'K-000016',
  grantee: 'JOBCENTER',
  categories: ['EDUCATION_LANGUAGE'],
  purposes: ['LABOUR_MARKET_INTEGRATION'],
  form: 'WRITTEN',
  informedOfPurpose: true,
  informedOfRefusalConsequences: true,
  informedOfWithdrawalRight: true,
  informationSheetVersion: 'KIM-EW-2026.1',
  informationSheetLanguage: 'de',
  evidenceRef: 'EV-2026-000001',
};
const now = new Date('2026-12-08T10:00:00Z');
const record = (more: Partial<RecordConsentInput> = {}) => checkGrantRecord({ ...input, ...more }, now, 730);
const argumentOf = (f: () => void) => {
  try {
    f();
    return null;
  } catch (error) {
    return (error as { extensions?: { code?: string; argument?: string } }).extensions;
  }
};

describe('the legal representative of a minor', () => {
  it('is required while the day of coming of age lies ahead, and named when missing', () => {
    expect(argumentOf(() => requireRepresentativeOfMinor(record(), '2026-12-09', now))).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.legalRepresentative' });
    expect(argumentOf(() => requireRepresentativeOfMinor(record({ legalRepresentative: { name: 'Samira Haddad', capacity: 'PARENT' } }), '2026-12-09', now))).toBeNull();
    expect(argumentOf(() => requireRepresentativeOfMinor(record({ legalRepresentative: { name: 'Jugendamt Neuss', capacity: 'GUARDIAN' } }), '2030-01-01', now))).toBeNull();
  });

  it('is a parent or guardian: a legal carer represents adults only', () => {
    expect(argumentOf(() => requireRepresentativeOfMinor(record({ legalRepresentative: { name: 'Jana Betreuerin', capacity: 'LEGAL_CARER' } }), '2027-01-01', now))).toMatchObject({
      argument: 'input.legalRepresentative.capacity',
    });
  });

  it('is not required from the 18th birthday on, nor where the day was never told', () => {
    expect(argumentOf(() => requireRepresentativeOfMinor(record(), '2026-12-08', now))).toBeNull();
    expect(argumentOf(() => requireRepresentativeOfMinor(record(), '2001-04-12', now))).toBeNull();
    expect(argumentOf(() => requireRepresentativeOfMinor(record(), null, now))).toBeNull();
  });
});
