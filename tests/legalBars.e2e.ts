import { randomUUID } from 'node:crypto';
import { storeGrants } from '../consent/src/grants/storeGrants.testSupport.ts';
import { consentInput } from './support/consentRecord.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, startTestHub, type TestHub } from './support/testHub.ts';

// A grant that can never take effect (issue 13): welfare counselling and health data never go to
// the immigration office (§ 203 StGB, § 88 AufenthG). recordConsent refuses such a grant naming
// the norm, and a denial by the bar reaches the caller as LEGALLY_BARRED, never CONSENT_REQUIRED
// (which would suggest that a consent could help).

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub('legal-bars');
});
afterAll(async () => {
  await hub?.stop();
});

const RECORD = /* GraphQL */ `
  mutation Record($input: RecordConsentInput!) {
    recordConsent(input: $input) { id grantee categories active }
  }
`;
const NEUSS = 'K-000001';
const DORMAGEN = 'K-000003';
const NORM = 'AUFENTHG_88_STGB_203';

const grant = (clientId: string, grantee: string, categories: string[], purposes: string[]) => ({
  input: consentInput({ clientId, grantee, categories, purposes }),
});

describe('recording a grant the law bars', () => {
  it.each([
    [['COUNSELLING']],
    [['HEALTH']],
    [['RESIDENCE', 'COUNSELLING', 'HEALTH']],
  ])('refuses %j to the immigration office with LEGALLY_BARRED naming the norm, and records nothing', async (categories) => {
    const before = await hub.services.consent.prisma.grant.count();
    const response = await hub.query('cm-neuss', RECORD, grant(NEUSS, 'IMMIGRATION_OFFICE', categories, ['RESIDENCE_PROCEDURE']));
    expect(response.body.data?.recordConsent ?? null).toBeNull();
    expect(errorCodes(response)).toEqual([{ code: 'LEGALLY_BARRED', path: 'recordConsent' }]);
    const error = response.body.errors![0]!;
    expect(error.extensions).toMatchObject({ code: 'LEGALLY_BARRED', norm: NORM, argument: 'input.categories' });
    expect(error.message).toContain('§ 203 StGB');
    expect(await hub.services.consent.prisma.grant.count()).toBe(before);
  });

  it('records what the law does not bar (residence data to the office; counselling to the jobcenter)', async () => {
    const toOffice = await hub.query('cm-neuss', RECORD, grant(NEUSS, 'IMMIGRATION_OFFICE', ['RESIDENCE'], ['RESIDENCE_PROCEDURE']));
    expect(toOffice.body.errors).toBeUndefined();
    expect(toOffice.body.data?.recordConsent).toMatchObject({ grantee: 'IMMIGRATION_OFFICE', categories: ['RESIDENCE'], active: true });
    const toJobcenter = await hub.query('cm-neuss', RECORD, grant(NEUSS, 'JOBCENTER', ['COUNSELLING'], ['LABOUR_MARKET_INTEGRATION']));
    expect(toJobcenter.body.errors).toBeUndefined();
  });

  it('still answers a client outside the team NOT_FOUND first, as an unknown id', async () => {
    const outside = await hub.query('cm-neuss', RECORD, grant(DORMAGEN, 'IMMIGRATION_OFFICE', ['COUNSELLING'], ['RESIDENCE_PROCEDURE']));
    const unknown = await hub.query('cm-neuss', RECORD, grant('K-999999', 'IMMIGRATION_OFFICE', ['COUNSELLING'], ['RESIDENCE_PROCEDURE']));
    expect(errorCodes(outside)).toEqual([{ code: 'NOT_FOUND', path: 'recordConsent' }]);
    expect(outside.body).toEqual(unknown.body);
  });
});

describe('a denial by the bar', () => {
  it('reaches the immigration office as LEGALLY_BARRED with the norm, and the audit row names it', async () => {
    // A grant such as the old code accepted, written straight into the consent database.
    await storeGrants(hub.services.consent.owner.sql, hub.auditKey, [
      {
        id: randomUUID(),
        kimClientId: NEUSS,
        grantee: 'IMMIGRATION_OFFICE',
        categories: ['RESIDENCE', 'COUNSELLING', 'HEALTH'],
        purposes: ['RESIDENCE_PROCEDURE'],
        validFrom: new Date(Date.now() - 60_000),
        recordedBy: 'cm-neuss-1',
      },
    ]);
    const response = await hub.query('abh', `{ client(id: "${NEUSS}") { id counsellingContacts { topic } healthNeeds { description } } }`, undefined, {
      purpose: 'RESIDENCE_PROCEDURE',
    });
    expect(response.body.data?.client).toEqual({ id: NEUSS, counsellingContacts: null, healthNeeds: null });
    const errors = response.body.errors ?? [];
    expect(errors.map((e) => [e.path?.join('.'), e.extensions?.code, e.extensions?.category, e.extensions?.norm]).sort()).toEqual([
      ['client.counsellingContacts', 'LEGALLY_BARRED', 'COUNSELLING', NORM],
      ['client.healthNeeds', 'LEGALLY_BARRED', 'HEALTH', NORM],
    ]);

    const requestId = response.headers.get('x-request-id')!;
    const rows = await hub.services.consent.prisma.auditEntry.findMany({ where: { requestId, service: 'welfare' }, orderBy: { seq: 'asc' } });
    expect(rows.map((r) => [r.category, r.allowed, r.reason, r.basis]).sort()).toEqual([
      ['COUNSELLING', false, 'LEGALLY_BARRED', NORM],
      ['HEALTH', false, 'LEGALLY_BARRED', NORM],
    ]);
    // The data-protection officer's view names the norm too (and no legal basis).
    const trail = await hub.query('dpo', `{ auditTrail(filter: { clientId: "${NEUSS}", agency: IMMIGRATION_OFFICE }, first: 500) { edges { node { requestId category reason basis legalBar } } } }`);
    expect(trail.body.errors).toBeUndefined();
    const nodes = (trail.body.data?.auditTrail as { edges: { node: Record<string, unknown> }[] }).edges.map((e) => e.node).filter((n) => n.requestId === requestId && n.reason === 'LEGALLY_BARRED');
    expect(nodes.map((n) => [n.category, n.basis, n.legalBar]).sort()).toEqual([
      ['COUNSELLING', null, NORM],
      ['HEALTH', null, NORM],
    ]);
  });

  it('is CONSENT_REQUIRED, not LEGALLY_BARRED, where a consent would help (the jobcenter without a grant for health)', async () => {
    const response = await hub.query('jobcenter', `{ client(id: "${NEUSS}") { healthNeeds { description } } }`, undefined, { purpose: 'LABOUR_MARKET_INTEGRATION' });
    expect(errorCodes(response)).toEqual([{ code: 'CONSENT_REQUIRED', path: 'client.healthNeeds', category: 'HEALTH' }]);
  });
});
