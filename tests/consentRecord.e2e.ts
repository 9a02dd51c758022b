import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPLETE_RECORD, consentInput } from './support/consentRecord.ts';
import { startTestHub, type GraphQLResponse, type TestHub } from './support/testHub.ts';

// A consent record holds what § 67b (2) SGB X and Art. 7 GDPR ask for (issue 13, section 2): the
// form, what the client was told, the information sheet, interpreter, releasing association,
// legal representative, a findable evidence reference, who recorded it, and an end. A record
// that lacks any of it is refused naming the argument, and nothing is stored.

let hub: TestHub;
beforeAll(async () => {
  // Not the default (730): the default end must follow the configuration.
  hub = await startTestHub('consent-record', 40, { env: { KIM_CONSENT_DEFAULT_VALIDITY_DAYS: '365' } });
});
afterAll(async () => {
  await hub?.stop();
});

const RECORD = /* GraphQL */ `
  mutation Record($input: RecordConsentInput!) {
    recordConsent(input: $input) {
      id grantee categories purposes evidenceRef form recordedBy validFrom validUntil active
      informedOfPurpose informedOfRefusalConsequences informedOfWithdrawalRight
      informationSheetVersion informationSheetLanguage interpreterLanguage releasingOrganisation
      legalRepresentative { name capacity }
    }
  }
`;
const BASE = { clientId: 'K-000001', grantee: 'JOBCENTER', categories: ['EDUCATION_LANGUAGE'], purposes: ['LABOUR_MARKET_INTEGRATION'] };

const refusal = (r: GraphQLResponse) => (r.body.errors ?? []).map((e) => ({ code: e.extensions?.code, argument: e.extensions?.argument }));
const grantCount = () => hub.consentOwnerPrisma().grant.count();

describe('a complete consent record', () => {
  it('is stored with every field, who recorded it, and the configured default end', async () => {
    const response = await hub.query('cm-neuss', RECORD, {
      input: consentInput({
        ...BASE,
        categories: ['EDUCATION_LANGUAGE', 'COUNSELLING'],
        purposes: ['LABOUR_MARKET_INTEGRATION'],
        form: 'ELECTRONIC',
        informationSheetLanguage: 'ar',
        interpreterLanguage: 'ar',
        releasingOrganisation: 'DIAKONIE',
        legalRepresentative: { name: 'Samira Haddad', capacity: 'PARENT' },
        evidenceRef: 'EV-2026-004711',
        validFrom: '2026-03-01',
      }),
    });
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data?.recordConsent).toMatchObject({
      grantee: 'JOBCENTER',
      form: 'ELECTRONIC',
      informedOfPurpose: true,
      informedOfRefusalConsequences: true,
      informedOfWithdrawalRight: true,
      informationSheetVersion: COMPLETE_RECORD.informationSheetVersion,
      informationSheetLanguage: 'ar',
      interpreterLanguage: 'ar',
      releasingOrganisation: 'DIAKONIE',
      legalRepresentative: { name: 'Samira Haddad', capacity: 'PARENT' },
      evidenceRef: 'EV-2026-004711',
      recordedBy: 'cm-neuss-1',
      validFrom: '2026-03-01T00:00:00.000Z',
      // 365 days, from KIM_CONSENT_DEFAULT_VALIDITY_DAYS.
      validUntil: '2027-03-01T00:00:00.000Z',
    });
  });

  it('keeps an end that is given', async () => {
    const response = await hub.query('cm-neuss', RECORD, { input: consentInput({ ...BASE, validUntil: '2030-01-01' }) });
    expect((response.body.data?.recordConsent as { validUntil: string }).validUntil).toBe('2030-01-01T00:00:00.000Z');
  });
});

describe('an incomplete or implausible record', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ['not told the purpose', { informedOfPurpose: false }, 'input.informedOfPurpose'],
    ['not told what refusing means', { informedOfRefusalConsequences: false }, 'input.informedOfRefusalConsequences'],
    ['not told of the right to withdraw', { informedOfWithdrawalRight: false }, 'input.informedOfWithdrawalRight'],
    ['a one-letter evidence reference', { evidenceRef: 'x' }, 'input.evidenceRef'],
    ['an evidence reference without year and number', { evidenceRef: 'typo' }, 'input.evidenceRef'],
    ['a sheet language that is no code', { informationSheetLanguage: 'Deutsch' }, 'input.informationSheetLanguage'],
    ['an empty sheet version', { informationSheetVersion: ' ' }, 'input.informationSheetVersion'],
    ['an interpreter language that is no code', { interpreterLanguage: 'Arabic!' }, 'input.interpreterLanguage'],
    ['counselling data without the association that releases them', { categories: ['COUNSELLING'], releasingOrganisation: null }, 'input.releasingOrganisation'],
    ['a releasing organisation that is no welfare association', { categories: ['COUNSELLING'], releasingOrganisation: 'JOBCENTER' }, 'input.releasingOrganisation'],
    ['a releasing organisation where no secrecy applies', { releasingOrganisation: 'CARITAS' }, 'input.releasingOrganisation'],
    ['a representative without a name', { legalRepresentative: { name: ' ', capacity: 'GUARDIAN' } }, 'input.legalRepresentative.name'],
  ];
  it.each(cases)('is refused (%s), naming the argument, and nothing is stored', async (_, change, argument) => {
    const before = await grantCount();
    const response = await hub.query('cm-neuss', RECORD, { input: { ...consentInput(BASE), ...change } });
    expect(refusal(response)).toEqual([{ code: 'BAD_USER_INPUT', argument }]);
    expect(await grantCount()).toBe(before);
  });

  it('is refused without the form, before anything is looked at', async () => {
    const { form: _, ...withoutForm } = consentInput(BASE);
    const response = await hub.query('cm-neuss', RECORD, { input: withoutForm });
    expect(refusal(response).map((e) => e.code)).toEqual(['BAD_USER_INPUT']);
  });

  it('tells another team nothing about the client, even with a complete record', async () => {
    const before = await grantCount();
    const response = await hub.query('cm-dormagen', RECORD, { input: consentInput(BASE) });
    expect(refusal(response)).toEqual([{ code: 'NOT_FOUND', argument: undefined }]);
    expect(await grantCount()).toBe(before);
  });
});
