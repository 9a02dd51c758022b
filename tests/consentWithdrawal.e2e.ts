import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consentInput } from './support/consentRecord.ts';
import { sharedWith } from './support/grantStates.ts';
import { errorCodes, startTestHub, type TestHub } from './support/testHub.ts';

// Issue 13, section 2: a client may withdraw with whichever involved agency they tell — the team
// that holds them, the recipient agency, the data-protection officer — effective on the next
// request and audited with who and why. Nobody else may, and they learn nothing about the grant.

let hub: TestHub;
/** A Neuss client with nothing shared with the jobcenter: only this test's grants open it. */
let client: string;
beforeAll(async () => {
  hub = await startTestHub('consent-withdrawal', 20);
  const neuss = await hub.services['case-registry'].prisma.client.findMany({ where: { town: 'NEUSS' }, select: { id: true }, orderBy: { id: 'asc' } });
  const shared = await sharedWith(hub.services.consent.prisma, 'JOBCENTER');
  client = neuss.map((c) => c.id).find((id) => !shared.has(id))!;
  expect(client).toBeDefined();
});
afterAll(async () => {
  await hub?.stop();
});

const WITHDRAW = 'mutation($id: ID!, $reason: String!) { withdrawConsent(id: $id, reason: $reason) { grantId state withdrawnBy withdrawnByAgency reason } }';
const identity = () => `{ client(id: "${client}") { givenName } }`;

/** A fresh grant of the client to `grantee`, recorded by its team. */
async function grantTo(grantee: string, categories = ['IDENTITY'], purposes = ['LABOUR_MARKET_INTEGRATION']): Promise<string> {
  const response = await hub.query('cm-neuss', 'mutation($input: RecordConsentInput!) { recordConsent(input: $input) { id } }', {
    input: consentInput({ clientId: client, grantee, categories, purposes }),
  });
  expect(response.body.errors).toBeUndefined();
  return (response.body.data?.recordConsent as { id: string }).id;
}

/** The grant's withdrawal events as stored. */
const withdrawals = (grantId: string) => hub.consentOwnerPrisma().grantEvent.findMany({ where: { grantId, type: 'WITHDRAWN' } });

describe('the recipient agency', () => {
  it('records the client\'s withdrawal of a grant to itself: effective on the next request, audited with who and why', async () => {
    const id = await grantTo('JOBCENTER');
    const before = await hub.query('jobcenter', identity(), undefined, { purpose: 'LABOUR_MARKET_INTEGRATION' });
    expect((before.body.data?.client as { givenName: unknown }).givenName).not.toBeNull();

    const response = await hub.query('jobcenter-dormagen', WITHDRAW, { id, reason: 'Klient hat im Termin widerrufen' });
    expect(response.body).toEqual({
      data: { withdrawConsent: { grantId: id, state: 'WITHDRAWN', withdrawnBy: 'jc-caseworker-dormagen-1', withdrawnByAgency: 'JOBCENTER', reason: 'Klient hat im Termin widerrufen' } },
    });
    const after = await hub.query('jobcenter', identity(), undefined, { purpose: 'LABOUR_MARKET_INTEGRATION' });
    expect(after.body.data?.client ?? null).toBeNull();

    const entry = await hub.services.consent.prisma.auditEntry.findFirstOrThrow({ where: { grantId: id, reason: 'GRANT_WITHDRAWN' } });
    expect([entry.subject, entry.agency, entry.role]).toEqual(['jc-caseworker-dormagen-1', 'JOBCENTER', 'JOBCENTER_CASEWORKER']);
    expect((await withdrawals(id)).map((e) => e.reason)).toEqual(['Klient hat im Termin widerrufen']);
    const verified = await hub.query('dpo', `{ verifyAuditChain(clientId: "${client}") { valid } }`);
    expect(verified.body.data?.verifyAuditChain).toEqual({ valid: true });
  });

  it('cannot withdraw another agency\'s grant, and gets what an unknown id gets', async () => {
    const caritas = await grantTo('CARITAS', ['IDENTITY'], ['MIGRATION_COUNSELLING']);
    const jobcenter = await grantTo('JOBCENTER');
    for (const [persona, id] of [['jobcenter', caritas], ['welfare-caritas', jobcenter], ['abh', jobcenter], ['cm-dormagen', jobcenter]] as const) {
      const outside = await hub.query(persona, WITHDRAW, { id, reason: 'attack' });
      const unknown = await hub.query(persona, WITHDRAW, { id: 'G-NOBODY', reason: 'attack' });
      expect(errorCodes(outside), persona).toEqual([{ code: 'NOT_FOUND', path: 'withdrawConsent' }]);
      expect(outside.body).toEqual(unknown.body);
    }
    expect(await withdrawals(caritas)).toHaveLength(0);
    expect(await withdrawals(jobcenter)).toHaveLength(0);
  });

  it('is not open to the coordinating office at all', async () => {
    const id = await grantTo('JOBCENTER');
    const response = await hub.query('ki', WITHDRAW, { id, reason: 'attack' });
    expect(errorCodes(response).map((e) => e.code)).toEqual(['FORBIDDEN']);
    expect(await withdrawals(id)).toHaveLength(0);
  });
});

describe('the holding team and the data-protection officer', () => {
  it.each(['cm-neuss', 'dpo'] as const)('%s records a withdrawal of any grant of the client', async (persona) => {
    const id = await grantTo('CARITAS', ['IDENTITY'], ['MIGRATION_COUNSELLING']);
    const response = await hub.query(persona, WITHDRAW, { id, reason: 'Widerruf per E-Mail' });
    expect(response.body.errors).toBeUndefined();
    expect(await withdrawals(id)).toHaveLength(1);
  });

  it('must say why', async () => {
    const id = await grantTo('JOBCENTER');
    const response = await hub.query('cm-neuss', WITHDRAW, { id, reason: ' ' });
    expect(response.body.errors?.map((e) => [e.extensions?.code, e.extensions?.argument])).toEqual([['BAD_USER_INPUT', 'reason']]);
    expect(await withdrawals(id)).toHaveLength(0);
  });
});
