import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { proxiesFor } from './support/faultProxy.ts';
import { errorCodes, startTestHub, type GraphQLResponse, type TestHub } from './support/testHub.ts';

// Case work through the graph (issue 15, first part): intake, handover and closing by the team
// that holds the client, each tried as the personas that must not do it. The holding team is
// also what decides who may record the client's consent, so every change is checked there too.

let hub: TestHub;
const proxies = proxiesFor();
beforeAll(async () => {
  hub = await startTestHub('case-work', 12, { env: { KIM_CONSENT_TIMEOUT_MS: '500' }, interpose: proxies.interpose });
});
afterAll(async () => {
  await hub?.stop();
  await proxies.closeAll();
});
beforeEach(() => proxies.passAll());

const REGISTER = 'mutation($input: RegisterClientInput!) { registerClient(input: $input) { clientId eligibleAtIntake eligibilityReason } }';
const HAND_OVER = 'mutation($id: ID!, $toTown: Town!) { handOverClient(id: $id, toTown: $toTown) { clientId } }';
const CLOSE = 'mutation($id: ID!, $closedOn: String!, $reason: ClosingReason!) { closeCase(id: $id, closedOn: $closedOn, reason: $reason) { clientId } }';
const RECORD = 'mutation($input: RecordConsentInput!) { recordConsent(input: $input) { id } }';
const LIST = '{ clients(first: 100) { edges { node { id } } } }';

let people = 0;
/** A new person each time, so that no test meets another's duplicate. */
const person = (overrides: Record<string, unknown> = {}) => {
  people += 1;
  return { givenName: `Amal${people}`, familyName: 'Haddad', birthDate: '2001-04-12', nationality: 'syrisch', firstContactOn: '2026-11-02', residenceTitleType: 'AUFENTHALTSERLAUBNIS', ...overrides };
};
const registry = () => hub.services['case-registry'].prisma;
const clientIdOf = (r: GraphQLResponse) => (r.body.data?.registerClient as { clientId: string } | null)?.clientId;
const listed = async (persona: 'cm-neuss' | 'cm-dormagen') =>
  ((await hub.query(persona, LIST)).body.data?.clients as { edges: { node: { id: string } }[] }).edges.map((e) => e.node.id);
const recordFor = (persona: 'cm-neuss' | 'cm-dormagen', clientId: string, grantee: string) =>
  hub.query(persona, RECORD, { input: { clientId, grantee, categories: ['IDENTITY'], purposes: ['CASE_MANAGEMENT'], evidenceRef: 'EV-2026-0001' } });

async function register(persona: 'cm-neuss' | 'cm-dormagen', input = person()): Promise<string> {
  const response = await hub.query(persona, REGISTER, { input });
  expect(response.body.errors).toBeUndefined();
  return clientIdOf(response)!;
}

describe('intake', () => {
  it('registers a client with the caller\'s team and town, stores the target-group check, and lets that team record consent', async () => {
    const response = await hub.query('cm-neuss', REGISTER, { input: person() });
    expect(response.body.errors).toBeUndefined();
    const { clientId, eligibleAtIntake, eligibilityReason } = response.body.data?.registerClient as { clientId: string; eligibleAtIntake: boolean; eligibilityReason: string };
    expect(clientId).toMatch(/^K-\d{6}$/);
    expect(eligibleAtIntake).toBe(true);
    expect(eligibilityReason).toBe('in target group of stage 2');
    const row = await registry().client.findUniqueOrThrow({ where: { id: clientId } });
    expect(row).toMatchObject({ town: 'NEUSS', status: 'ACTIVE', eligibleAtIntake: true, eligibilityStage: 2 });
    expect(await registry().caseEvent.findMany({ where: { kimClientId: clientId }, select: { action: true, actor: true } })).toEqual([{ action: 'INTAKE', actor: 'cm-neuss-1' }]);
    expect(await listed('cm-neuss')).toContain(clientId);
    expect(await listed('cm-dormagen')).not.toContain(clientId);
    expect((await recordFor('cm-neuss', clientId, 'JOBCENTER')).body.errors).toBeUndefined();
    expect(errorCodes(await recordFor('cm-dormagen', clientId, 'KIM_DORMAGEN'))).toEqual([{ code: 'NOT_FOUND', path: 'recordConsent' }]);
  });

  it('checks the target group on the intake date: a tolerated 20-year-old in 2022 was outside stage 1', async () => {
    const response = await hub.query('cm-neuss', REGISTER, { input: person({ birthDate: '2002-01-10', firstContactOn: '2022-06-01', residenceTitleType: 'DULDUNG' }) });
    expect(response.body.data?.registerClient).toMatchObject({ eligibleAtIntake: false });
  });

  it('refuses a person another team already holds, without naming anything of that record, and writes nothing', async () => {
    const input = person();
    await register('cm-neuss', input);
    const before = await registry().client.count();
    const again = await hub.query('cm-dormagen', REGISTER, { input: { ...input, givenName: input.givenName.toUpperCase(), nationality: 'unbekannt' } });
    expect(errorCodes(again)).toEqual([{ code: 'CLIENT_ALREADY_REGISTERED', path: 'registerClient' }]);
    expect(JSON.stringify(again.body)).not.toMatch(/NEUSS|K-\d{6}/);
    expect(await registry().client.count()).toBe(before);
  });

  it.each([
    ['input.birthDate', { birthDate: '2099-01-01' }],
    ['input.birthDate', { birthDate: '2001-02-30' }],
    ['input.firstContactOn', { firstContactOn: '1999-01-01' }],
    ['input.givenName', { givenName: '   ' }],
    ['input.email', { email: 'not-an-address' }],
  ])('names the bad argument (%s) and writes nothing', async (argument, overrides) => {
    const before = await registry().client.count();
    const response = await hub.query('cm-neuss', REGISTER, { input: person(overrides) });
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    expect(await registry().client.count()).toBe(before);
  });

  it.each(['jobcenter', 'abh', 'welfare-caritas', 'dpo', 'ki'] as const)('is refused to %s (not a KIM case manager), and writes nothing', async (persona) => {
    const before = await registry().client.count();
    const response = await hub.query(persona, REGISTER, { input: person() });
    expect(errorCodes(response).map((e) => e.code)).toEqual(['FORBIDDEN']);
    expect(response.body.data?.registerClient ?? null).toBeNull();
    expect(await registry().client.count()).toBe(before);
  });

  it('writes nothing when the consent service cannot record the holding team (fail closed, nothing half-written)', async () => {
    const [clients, events] = [await registry().client.count(), await registry().caseEvent.count()];
    proxies.get('consent:consent-api').mode = 'refuse';
    const response = await hub.query('cm-neuss', REGISTER, { input: person() });
    expect(errorCodes(response)).toEqual([{ code: 'CONSENT_UNAVAILABLE', path: 'registerClient' }]);
    expect(await registry().client.count()).toBe(clients);
    expect(await registry().caseEvent.count()).toBe(events);
  });
});

describe('handover', () => {
  it('moves the client to the new town\'s team: the old team loses the client and the right to record its consent', async () => {
    const clientId = await register('cm-neuss');
    const response = await hub.query('cm-neuss', HAND_OVER, { id: clientId, toTown: 'DORMAGEN' });
    expect(response.body.errors).toBeUndefined();
    expect(await listed('cm-neuss')).not.toContain(clientId);
    expect(await listed('cm-dormagen')).toContain(clientId);
    expect(errorCodes(await recordFor('cm-neuss', clientId, 'KIM_NEUSS'))).toEqual([{ code: 'NOT_FOUND', path: 'recordConsent' }]);
    expect((await recordFor('cm-dormagen', clientId, 'KIM_DORMAGEN')).body.errors).toBeUndefined();
  });

  it('cannot be done by another team: it answers as for an id nobody has, and changes nothing', async () => {
    const clientId = await register('cm-neuss');
    const outside = await hub.query('cm-dormagen', HAND_OVER, { id: clientId, toTown: 'DORMAGEN' });
    const unknown = await hub.query('cm-dormagen', HAND_OVER, { id: 'K-999999', toTown: 'DORMAGEN' });
    expect(errorCodes(outside)).toEqual([{ code: 'NOT_FOUND', path: 'handOverClient' }]);
    expect(outside.body).toEqual(unknown.body);
    expect((await registry().client.findUniqueOrThrow({ where: { id: clientId } })).town).toBe('NEUSS');
    expect(errorCodes(await recordFor('cm-dormagen', clientId, 'KIM_DORMAGEN'))).toEqual([{ code: 'NOT_FOUND', path: 'recordConsent' }]);
  });

  it('is undone when the consent service cannot record the new holder', async () => {
    const clientId = await register('cm-neuss');
    proxies.get('consent:consent-api').mode = 'refuse';
    const response = await hub.query('cm-neuss', HAND_OVER, { id: clientId, toTown: 'DORMAGEN' });
    expect(errorCodes(response)).toEqual([{ code: 'CONSENT_UNAVAILABLE', path: 'handOverClient' }]);
    expect((await registry().client.findUniqueOrThrow({ where: { id: clientId } })).town).toBe('NEUSS');
    expect(await registry().caseEvent.count({ where: { kimClientId: clientId, action: 'HANDOVER' } })).toBe(0);
  });
});

describe('closing', () => {
  it('closes with date and reason, once, by the holding team only', async () => {
    const clientId = await register('cm-dormagen');
    expect(errorCodes(await hub.query('cm-neuss', CLOSE, { id: clientId, closedOn: '2026-11-20', reason: 'GOALS_REACHED' }))).toEqual([{ code: 'NOT_FOUND', path: 'closeCase' }]);
    const future = await hub.query('cm-dormagen', CLOSE, { id: clientId, closedOn: '2099-01-01', reason: 'GOALS_REACHED' });
    expect(future.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'closedOn' });
    const closed = await hub.query('cm-dormagen', CLOSE, { id: clientId, closedOn: '2026-11-20', reason: 'GOALS_REACHED' });
    expect(closed.body.errors).toBeUndefined();
    const row = await registry().client.findUniqueOrThrow({ where: { id: clientId } });
    expect(row).toMatchObject({ status: 'CLOSED', closingReason: 'GOALS_REACHED' });
    expect(row.closedOn?.toISOString().slice(0, 10)).toBe('2026-11-20');
    const twice = await hub.query('cm-dormagen', CLOSE, { id: clientId, closedOn: '2026-11-21', reason: 'WITHDREW' });
    expect(twice.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'id' });
  });
});
