import { DATA_CATEGORIES } from '@kim/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consentInput } from './support/consentRecord.ts';
import { grantsWithState } from './support/grantStates.ts';
import { errorCodes, startTestHub, type TestHub } from './support/testHub.ts';

// Who may record, see or withdraw a client's consent follows which KIM team holds the client (the
// case registry's record), never the grants that exist: the attack of issue 13, step by step.

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub('consent-scope');
});
afterAll(async () => {
  await hub?.stop();
});

const RECORD = /* GraphQL */ `
  mutation Record($input: RecordConsentInput!) {
    recordConsent(input: $input) { id grantee active }
  }
`;
const REVOKE = 'mutation($id: ID!) { revokeConsent(id: $id, reason: "attack") { id active } }';
const DORMAGEN = 'K-000003';
const NOBODY = 'K-999999';

const everything = (clientId: string, grantee: string, purposes: string[]) => ({
  input: consentInput({ clientId, grantee, categories: [...DATA_CATEGORIES], purposes }),
});

/** A grant of the Dormagen client that Dormagen's team recorded and that is active now. */
async function dormagenGrant(): Promise<string> {
  const grant = (await grantsWithState(hub.services.consent.prisma, { kimClientId: DORMAGEN, recordedBy: { not: 'cm-neuss-1' } })).find((g) => g.state === 'ACTIVE');
  expect(grant, 'the demo gives K-000003 an active grant').toBeDefined();
  return grant!.id;
}

describe('a team and another town\'s client', () => {
  it('cannot record a grant to itself for a client another team holds (step 1), and gets what an unknown id gets', async () => {
    const before = await hub.services.consent.prisma.grant.count();
    const outside = await hub.query('cm-neuss', RECORD, everything(DORMAGEN, 'KIM_NEUSS', ['CASE_MANAGEMENT']));
    const unknown = await hub.query('cm-neuss', RECORD, everything(NOBODY, 'KIM_NEUSS', ['CASE_MANAGEMENT']));
    expect(errorCodes(outside)).toEqual([{ code: 'NOT_FOUND', path: 'recordConsent' }]);
    expect(outside.body).toEqual(unknown.body);
    expect(await hub.services.consent.prisma.grant.count()).toBe(before);
  });

  it('cannot open the client to another agency (step 2), whatever grants exist', async () => {
    const before = await hub.services.consent.prisma.grant.count();
    for (const grantee of ['JOBCENTER', 'CARITAS', 'KIM_DORMAGEN']) {
      const response = await hub.query('cm-neuss', RECORD, everything(DORMAGEN, grantee, ['LABOUR_MARKET_INTEGRATION']));
      expect(errorCodes(response), grantee).toEqual([{ code: 'NOT_FOUND', path: 'recordConsent' }]);
    }
    expect(await hub.services.consent.prisma.grant.count()).toBe(before);
  });

  it('leaves the jobcenter without Dormagen\'s case notes and counselling (step 3)', async () => {
    await hub.query('cm-neuss', RECORD, everything(DORMAGEN, 'JOBCENTER', ['LABOUR_MARKET_INTEGRATION']));
    const response = await hub.query('jobcenter', `{ client(id: "${DORMAGEN}") { notes { text } counsellingContacts { topic } } }`, undefined, {
      purpose: 'LABOUR_MARKET_INTEGRATION',
    });
    const client = response.body.data?.client as { notes: unknown; counsellingContacts: unknown } | null;
    expect(client?.notes ?? null).toBeNull();
    expect(client?.counsellingContacts ?? null).toBeNull();
  });

  it('cannot revoke the other team\'s grants, and gets what an unknown grant gets', async () => {
    const id = await dormagenGrant();
    const outside = await hub.query('cm-neuss', REVOKE, { id });
    const unknown = await hub.query('cm-neuss', REVOKE, { id: 'G-NOBODY' });
    expect(errorCodes(outside)).toEqual([{ code: 'NOT_FOUND', path: 'revokeConsent' }]);
    expect(outside.body).toEqual(unknown.body);
    const [grant] = await grantsWithState(hub.services.consent.prisma, { id });
    expect(grant!.state).toBe('ACTIVE');
  });

  it('cannot read the other team\'s consent record', async () => {
    const list = await hub.query('cm-neuss', `{ consentGrants(filter: { clientId: "${DORMAGEN}" }) { id } }`);
    expect(list.body).toEqual({ data: { consentGrants: [] } });
    const viaClient = await hub.query('cm-neuss', `{ client(id: "${DORMAGEN}") { consents { id } } }`);
    expect(viaClient.body.data).toEqual({ client: null });
  });
});

describe('the team that holds the client, and the data-protection officer', () => {
  it('lets the holding team record and revoke, for any grantee', async () => {
    const recorded = await hub.query('cm-dormagen', RECORD, {
      input: consentInput({ clientId: DORMAGEN, grantee: 'CARITAS', categories: ['IDENTITY'], purposes: ['MIGRATION_COUNSELLING'], evidenceRef: 'EV-2026-000123' }),
    });
    expect(recorded.body.errors).toBeUndefined();
    const { id } = recorded.body.data?.recordConsent as { id: string };
    const revoked = await hub.query('cm-dormagen', REVOKE, { id });
    expect(revoked.body).toEqual({ data: { revokeConsent: { id, active: false } } });
  });

  it('lets the data-protection officer record and revoke for a client a team holds, not for an unknown id', async () => {
    const recorded = await hub.query('dpo', RECORD, {
      input: consentInput({ clientId: DORMAGEN, grantee: 'CARITAS', categories: ['IDENTITY'], purposes: ['MIGRATION_COUNSELLING'], evidenceRef: 'EV-2026-000124' }),
    });
    expect(recorded.body.errors).toBeUndefined();
    const { id } = recorded.body.data?.recordConsent as { id: string };
    expect((await hub.query('dpo', REVOKE, { id })).body).toEqual({ data: { revokeConsent: { id, active: false } } });
    const unknown = await hub.query('dpo', RECORD, everything(NOBODY, 'CARITAS', ['MIGRATION_COUNSELLING']));
    expect(errorCodes(unknown)).toEqual([{ code: 'NOT_FOUND', path: 'recordConsent' }]);
  });

  it('follows the client to the team the case registry last recorded', async () => {
    // A handover as the case registry records it: the latest entry counts.
    await hub.consentOwnerPrisma().clientTeamEvent.create({ data: { kimClientId: 'K-000001', team: 'KIM_KAARST', recordedBy: 'case-registry' } });
    const neuss = await hub.query('cm-neuss', RECORD, everything('K-000001', 'KIM_NEUSS', ['CASE_MANAGEMENT']));
    expect(errorCodes(neuss)).toEqual([{ code: 'NOT_FOUND', path: 'recordConsent' }]);
    await hub.consentOwnerPrisma().clientTeamEvent.create({ data: { kimClientId: 'K-000001', team: 'KIM_NEUSS', recordedBy: 'case-registry' } });
    const back = await hub.query('cm-neuss', `{ consentGrants(filter: { clientId: "K-000001" }) { id } }`);
    expect((back.body.data?.consentGrants as unknown[]).length).toBeGreaterThan(0);
  });
});
