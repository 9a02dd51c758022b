import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consentInput } from './support/consentRecord.ts';
import { errorCodes, startTestHub, type TestHub } from './support/testHub.ts';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub('partial');
});
afterAll(async () => {
  await hub?.stop();
});

const QUERY = /* GraphQL */ `
  {
    client(id: "K-000001") {
      id
      givenName
      currentResidenceTitleType
      languageLevel
      counsellingContacts { service }
      healthNeeds { description }
      benefitCase { status }
    }
  }
`;

describe('an agency with consent for some categories only', () => {
  it('gets exactly the consented categories (and its own data), and CONSENT_REQUIRED for each other one', async () => {
    // K-000001 consented to the jobcenter for EDUCATION_LANGUAGE and COUNSELLING, for labour-market integration.
    const response = await hub.query('jobcenter', QUERY, undefined, { purpose: 'LABOUR_MARKET_INTEGRATION' });
    const client = response.body.data?.client as Record<string, unknown>;
    expect(client.id).toBe('K-000001');
    expect(client.languageLevel).toBe('B1');
    expect(client.counsellingContacts).not.toBeNull();
    expect(client.benefitCase).toEqual({ status: 'RECEIVING' });
    expect(client.givenName).toBeNull();
    expect(client.currentResidenceTitleType).toBeNull();
    expect(client.healthNeeds).toBeNull();
    expect(errorCodes(response)).toEqual(
      expect.arrayContaining([
        { code: 'CONSENT_REQUIRED', path: 'client.givenName', category: 'IDENTITY' },
        { code: 'CONSENT_REQUIRED', path: 'client.currentResidenceTitleType', category: 'RESIDENCE' },
        { code: 'CONSENT_REQUIRED', path: 'client.healthNeeds', category: 'HEALTH' },
      ]),
    );
    expect(errorCodes(response)).toHaveLength(3);
  });

  it('decides by purpose: the same caller under a statutory purpose sees residence, not the consented categories', async () => {
    const response = await hub.query('jobcenter', QUERY, undefined, { purpose: 'BENEFITS_ADMINISTRATION' });
    const client = response.body.data?.client as Record<string, unknown>;
    expect(client.currentResidenceTitleType).toBe('AUFENTHALTSERLAUBNIS');
    expect(client.languageLevel).toBeNull();
    expect(errorCodes(response)).toEqual(expect.arrayContaining([{ code: 'CONSENT_REQUIRED', path: 'client.languageLevel', category: 'EDUCATION_LANGUAGE' }]));
  });

  it('lets no denied value through in the errors either', async () => {
    const own = await hub.query('cm-neuss', '{ client(id: "K-000001") { givenName healthNeeds { description } } }');
    const { givenName, healthNeeds } = own.body.data?.client as { givenName: string; healthNeeds: { description: string }[] };
    const response = await hub.query('jobcenter', QUERY, undefined, { purpose: 'LABOUR_MARKET_INTEGRATION' });
    const text = JSON.stringify(response.body);
    expect(text).not.toContain(givenName);
    for (const need of healthNeeds) expect(text).not.toContain(need.description);
  });

  it('keeps professional secrecy: counselling data never reaches the immigration office', async () => {
    // The client shares language data with the immigration office (so it knows the client), and
    // even consent to counselling data would not pass the welfare associations' secrecy.
    const recorded = await hub.query('cm-neuss', 'mutation($input: RecordConsentInput!) { recordConsent(input: $input) { id } }', {
      input: consentInput({ clientId: 'K-000001', grantee: 'IMMIGRATION_OFFICE', categories: ['EDUCATION_LANGUAGE', 'COUNSELLING'], purposes: ['RESIDENCE_PROCEDURE'] }),
    });
    expect(recorded.body.errors).toBeUndefined();
    const response = await hub.query('abh', '{ client(id: "K-000001") { counsellingContacts { service } currentResidenceTitleType } }');
    const client = response.body.data?.client as Record<string, unknown>;
    expect(client.counsellingContacts).toBeNull();
    expect(client.currentResidenceTitleType).toBe('AUFENTHALTSERLAUBNIS');
    expect(errorCodes(response)).toEqual([{ code: 'CONSENT_REQUIRED', path: 'client.counsellingContacts', category: 'COUNSELLING' }]);
  });

  it('shows a data-protection officer grants and audit, never client data', async () => {
    const response = await hub.query('dpo', '{ client(id: "K-000001") { givenName languageLevel } }');
    expect(response.body.data?.client).toBeNull();
    const grants = await hub.query('dpo', '{ consentGrants(filter: { clientId: "K-000001" }) { grantee active } }');
    expect((grants.body.data?.consentGrants as { grantee: string }[]).map((g) => g.grantee)).toContain('KIM_NEUSS');
  });
});
