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

describe('the record of a minor', () => {
  // A minor does not consent alone: the legal representative declares it (issue 13, section 2).
  // The consent service learns the day the client comes of age from the case registry at intake
  // and handover — never the birth date — so the client is registered through the gateway here.
  const REGISTER = 'mutation($input: RegisterClientInput!) { registerClient(input: $input) { clientId } }';
  const REFUSE = 'mutation($input: RecordConsentInput!) { recordConsentRefusal(input: $input) { id legalRepresentative { name capacity } } }';
  const HAND_OVER = 'mutation($id: ID!, $toTown: Town!) { handOverClient(id: $id, toTown: $toTown) { clientId } }';
  const PARENT = { name: 'Samira Haddad', capacity: 'PARENT' };

  /** YYYY-MM-DD, `years` and `days` before today (UTC, like the hub's dates). */
  const before = (years: number, days = 0) => {
    const today = new Date();
    return new Date(Date.UTC(today.getUTCFullYear() - years, today.getUTCMonth(), today.getUTCDate() - days)).toISOString().slice(0, 10);
  };
  let people = 0;
  async function register(birthDate: string): Promise<string> {
    people += 1;
    const response = await hub.query('cm-neuss', REGISTER, {
      input: { givenName: `Minor${people}`, familyName: 'Haddad', birthDate, nationality: 'syrisch', firstContactOn: before(0, 1), residenceTitleType: 'AUFENTHALTSERLAUBNIS', priorCaseManagement: false },
    });
    expect(response.body.errors).toBeUndefined();
    return (response.body.data?.registerClient as { clientId: string }).clientId;
  }
  /** The client's grants as the data-protection officer sees them (any state, refusals included). */
  const grantsOf = async (clientId: string) =>
    (await hub.query('dpo', 'query($id: ID!) { consentGrants(filter: { clientId: $id }) { id state legalRepresentative { name capacity } } }', { id: clientId })).body.data
      ?.consentGrants as { id: string; state: string; legalRepresentative: { name: string; capacity: string } | null }[];
  const forClient = (clientId: string, more: Record<string, unknown> = {}) => ({ input: consentInput({ ...BASE, clientId, ...more }) });

  let minor: string;
  beforeAll(async () => {
    minor = await register(before(10));
  });

  it('is refused without a legal representative, naming it, and nothing is recorded', async () => {
    const response = await hub.query('cm-neuss', RECORD, forClient(minor));
    expect(refusal(response)).toEqual([{ code: 'BAD_USER_INPUT', argument: 'input.legalRepresentative' }]);
    const refused = await hub.query('cm-neuss', REFUSE, forClient(minor));
    expect(refusal(refused)).toEqual([{ code: 'BAD_USER_INPUT', argument: 'input.legalRepresentative' }]);
    expect(await grantsOf(minor)).toEqual([]);
  });

  it('is refused with a legal carer, who represents adults only', async () => {
    const response = await hub.query('cm-neuss', RECORD, forClient(minor, { legalRepresentative: { name: 'Jana Betreuerin', capacity: 'LEGAL_CARER' } }));
    expect(refusal(response)).toEqual([{ code: 'BAD_USER_INPUT', argument: 'input.legalRepresentative.capacity' }]);
    expect(await grantsOf(minor)).toEqual([]);
  });

  it('is recorded, consent or refusal, with the parent or guardian who declared it', async () => {
    const recorded = await hub.query('cm-neuss', RECORD, forClient(minor, { legalRepresentative: PARENT }));
    expect(recorded.body.errors).toBeUndefined();
    expect(recorded.body.data?.recordConsent).toMatchObject({ active: true, legalRepresentative: PARENT });
    const refused = await hub.query('cm-neuss', REFUSE, forClient(minor, { grantee: 'CARITAS', purposes: ['MIGRATION_COUNSELLING'], legalRepresentative: { name: 'Amt für Jugend', capacity: 'GUARDIAN' } }));
    expect(refused.body.errors).toBeUndefined();
    expect((await grantsOf(minor)).map((g) => [g.state, g.legalRepresentative?.capacity])).toEqual([
      ['ACTIVE', 'PARENT'],
      ['REFUSED', 'GUARDIAN'],
    ]);
  });

  it('tells another team nothing, not even that the client is a minor', async () => {
    const response = await hub.query('cm-dormagen', RECORD, forClient(minor));
    expect(refusal(response)).toEqual([{ code: 'NOT_FOUND', argument: undefined }]);
  });

  it('still needs the representative the day before the 18th birthday, not on it', async () => {
    const almost = await register(before(18, -1));
    expect(refusal(await hub.query('cm-neuss', RECORD, forClient(almost)))).toEqual([{ code: 'BAD_USER_INPUT', argument: 'input.legalRepresentative' }]);
    const adult = await register(before(18, 1));
    expect((await hub.query('cm-neuss', RECORD, forClient(adult))).body.errors).toBeUndefined();
  });

  it('follows the client at a handover: the new team needs the representative too', async () => {
    const birthDate = before(12);
    const moving = await register(birthDate);
    // The team's case management rests on the client's consent, which the parents gave.
    const participation = await hub.query('cm-neuss', RECORD, forClient(moving, { grantee: 'KIM_NEUSS', categories: ['IDENTITY', 'CONTACT'], purposes: ['CASE_MANAGEMENT'], legalRepresentative: PARENT }));
    expect(participation.body.errors).toBeUndefined();
    expect((await hub.query('cm-neuss', HAND_OVER, { id: moving, toTown: 'DORMAGEN' })).body.errors).toBeUndefined();
    // Both holder rows carry the day, never the birth date.
    const rows = await hub.consentOwnerPrisma().clientTeamEvent.findMany({ where: { kimClientId: moving }, orderBy: { seq: 'asc' } });
    const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
    const eighteenth = new Date(Date.UTC(y + 18, m - 1, d)).toISOString().slice(0, 10);
    expect(rows.map((r) => [r.team, r.adultFrom?.toISOString().slice(0, 10)])).toEqual([
      ['KIM_NEUSS', eighteenth],
      ['KIM_DORMAGEN', eighteenth],
    ]);
    const response = await hub.query('cm-dormagen', RECORD, forClient(moving));
    expect(refusal(response)).toEqual([{ code: 'BAD_USER_INPUT', argument: 'input.legalRepresentative' }]);
  });
});

describe('the record of an adult', () => {
  it('needs no representative (whether an adult has a legal carer rests on the recorder)', async () => {
    const response = await hub.query('cm-neuss', 'mutation($input: RegisterClientInput!) { registerClient(input: $input) { clientId } }', {
      input: { givenName: 'Adult', familyName: 'Haddad', birthDate: '1990-06-15', nationality: 'syrisch', firstContactOn: '2026-11-02', residenceTitleType: 'AUFENTHALTSERLAUBNIS', priorCaseManagement: false },
    });
    const clientId = (response.body.data?.registerClient as { clientId: string }).clientId;
    const recorded = await hub.query('cm-neuss', RECORD, { input: consentInput({ ...BASE, clientId }) });
    expect(recorded.body.errors).toBeUndefined();
    expect(recorded.body.data?.recordConsent).toMatchObject({ active: true, legalRepresentative: null });
  });
});
