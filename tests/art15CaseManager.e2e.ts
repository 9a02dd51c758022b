import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PersonaName } from '@kim/demo';
import { withClientIds } from './support/auditRows.ts';
import { consentInput } from './support/consentRecord.ts';
import { errorCodes, startTestHub, type GraphQLResponse, type TestHub } from './support/testHub.ts';

// Issue 16: the Art. 15 report for the case manager too — only for a client the team holds, by
// the same holder record as recordConsent (ClientTeamEvent); any other client answers exactly as
// an id nobody knows, and reading it is audited like reading the consent record. Attacked
// through the gateway as every persona that must not have it.

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub('art15-case-manager', 20);
});
afterAll(async () => {
  await hub?.stop();
});

const REPORT = `query($id: ID!) { art15Report(clientId: $id) {
  clientId generatedAt retentionDays caseEndedAt
  recipients { agency name disclosures firstDisclosedAt lastDisclosedAt categories { category purposes legalBases { basis name } } }
  consentEvents { grantId type at grantee granteeName categories purposes recordedByAgency reason validUntil }
} }`;
const REGISTER = 'mutation($input: RegisterClientInput!) { registerClient(input: $input) { clientId } }';
const RECORD = 'mutation($input: RecordConsentInput!) { recordConsent(input: $input) { id } }';
const HAND_OVER = 'mutation($id: ID!, $toTown: Town!) { handOverClient(id: $id, toTown: $toTown) { clientId } }';
const UNKNOWN = 'K-999999';

const report = (persona: PersonaName, id: string) => hub.query(persona, REPORT, { id });

/** The answer without what differs between any two calls (the time) and the id asked about. */
function shape(response: GraphQLResponse): unknown {
  const r = response.body.data?.art15Report as { clientId: string; generatedAt: string } | undefined;
  if (!r) return response.body;
  expect(Number.isNaN(Date.parse(r.generatedAt))).toBe(false);
  return { errors: response.body.errors, report: { ...r, clientId: '(asked)', generatedAt: '(time)' } };
}

/** The consent-record reads the request left in the audit chain, by client id. */
async function readsOf(response: GraphQLResponse): Promise<string[]> {
  const prisma = hub.consentOwnerPrisma();
  const rows = await prisma.auditEntry.findMany({ where: { requestId: response.headers.get('x-request-id')!, reason: 'CONSENT_RECORD_READ' } });
  return (await withClientIds(prisma, rows)).map((r) => r.kimClientId);
}

describe('the Art. 15 report for a case manager', () => {
  it("gives the holding team its client's report, and records the read like a read of the consent record", async () => {
    const response = await report('cm-neuss', 'K-000001');
    expect(response.body.errors).toBeUndefined();
    const r = response.body.data?.art15Report as { clientId: string; consentEvents: unknown[]; recipients: unknown[]; retentionDays: number; caseEndedAt: string | null };
    expect(r.clientId).toBe('K-000001');
    expect(r.consentEvents.length).toBeGreaterThan(0);
    expect(r.retentionDays).toBe(1095);
    expect(r.caseEndedAt).toBeNull();
    expect(await readsOf(response)).toEqual(['K-000001']);
    // The officer's read is recorded too.
    const dpo = await report('dpo', 'K-000001');
    expect(dpo.body.errors).toBeUndefined();
    expect(await readsOf(dpo)).toEqual(['K-000001']);
  });

  it("answers another town's client exactly as an id nobody knows, and leaves no read behind", async () => {
    const unknown = await report('cm-dormagen', UNKNOWN);
    expect(shape(unknown)).toEqual({ errors: undefined, report: { clientId: '(asked)', generatedAt: '(time)', retentionDays: 1095, caseEndedAt: null, recipients: [], consentEvents: [] } });
    for (const [persona, foreign] of [['cm-dormagen', 'K-000001'], ['cm-dormagen', 'K-000002'], ['cm-neuss', 'K-000003']] as const) {
      const response = await report(persona, foreign);
      expect(shape(response)).toEqual(shape(unknown));
      expect((response.body.data?.art15Report as { clientId: string }).clientId).toBe(foreign);
      expect(await readsOf(response)).toEqual([]);
    }
    expect(await readsOf(unknown)).toEqual([]);
    // An empty report reads no record, also the officer's: no read (and no pseudonym for the id).
    expect(await readsOf(await report('dpo', UNKNOWN))).toEqual([]);
  });

  it('follows the holder record: after a handover the old team gets the unknown answer, the new one the report', async () => {
    const input = { givenName: 'Amal', familyName: 'Art-Fünfzehn', birthDate: '2001-04-12', nationality: 'syrisch', firstContactOn: '2026-01-05', residenceTitleType: 'AUFENTHALTSERLAUBNIS', priorCaseManagement: false };
    const registered = await hub.query('cm-neuss', REGISTER, { input });
    expect(registered.body.errors).toBeUndefined();
    const clientId = (registered.body.data?.registerClient as { clientId: string }).clientId;
    // The client's consent to the team's case management, on which a handover rests.
    const consent = await hub.query('cm-neuss', RECORD, { input: consentInput({ clientId, grantee: 'KIM_NEUSS', categories: ['IDENTITY', 'CASE_MANAGEMENT'], purposes: ['CASE_MANAGEMENT'] }) });
    expect(consent.body.errors).toBeUndefined();
    expect((await report('cm-neuss', clientId)).body.errors).toBeUndefined();
    expect(shape(await report('cm-dormagen', clientId))).toEqual(shape(await report('cm-dormagen', UNKNOWN)));

    expect((await hub.query('cm-neuss', HAND_OVER, { id: clientId, toTown: 'DORMAGEN' })).body.errors).toBeUndefined();
    const old = await report('cm-neuss', clientId);
    expect(shape(old)).toEqual(shape(await report('cm-neuss', UNKNOWN)));
    expect(await readsOf(old)).toEqual([]);
    const holder = await report('cm-dormagen', clientId);
    expect(holder.body.errors).toBeUndefined();
    expect(await readsOf(holder)).toEqual([clientId]);
  });

  it.each(['abh', 'abh-neuss', 'jobcenter', 'jobcenter-dormagen', 'welfare-caritas', 'ki'] as const)('is refused to %s (FORBIDDEN), for a known and an unknown id alike, and records no read', async (persona) => {
    for (const id of ['K-000001', UNKNOWN]) {
      const response = await report(persona, id);
      expect(response.body.data ?? null).toBeNull();
      expect(errorCodes(response)).toEqual([{ code: 'FORBIDDEN', path: 'art15Report' }]);
      expect(await readsOf(response)).toEqual([]);
    }
  });

  it('is refused without a token', async () => {
    const response = await hub.query(null, REPORT, { id: 'K-000001' });
    expect(response.body.data ?? null).toBeNull();
    expect(errorCodes(response).map((e) => e.code)).toEqual(['UNAUTHENTICATED']);
  });
});
