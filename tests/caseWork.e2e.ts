import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { consentInput } from './support/consentRecord.ts';
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
  return { givenName: `Amal${people}`, familyName: 'Haddad', birthDate: '2001-04-12', nationality: 'syrisch', firstContactOn: '2026-11-02', residenceTitleType: 'AUFENTHALTSERLAUBNIS', priorCaseManagement: false, ...overrides };
};
const registry = () => hub.services['case-registry'].prisma;
const clientIdOf = (r: GraphQLResponse) => (r.body.data?.registerClient as { clientId: string } | null)?.clientId;
const listed = async (persona: 'cm-neuss' | 'cm-dormagen') =>
  ((await hub.query(persona, LIST)).body.data?.clients as { edges: { node: { id: string } }[] }).edges.map((e) => e.node.id);
const recordFor = (persona: 'cm-neuss' | 'cm-dormagen', clientId: string, grantee: string) =>
  hub.query(persona, RECORD, { input: consentInput({ clientId, grantee, categories: ['IDENTITY'], purposes: ['CASE_MANAGEMENT'] }) });

/** The client's consent to take part in the team's case management: what KIM's own processing rests on. */
async function participate(persona: 'cm-neuss' | 'cm-dormagen', clientId: string): Promise<string> {
  const grantee = persona === 'cm-neuss' ? 'KIM_NEUSS' : 'KIM_DORMAGEN';
  const response = await hub.query(persona, RECORD, {
    input: consentInput({ clientId, grantee, categories: ['IDENTITY', 'CONTACT', 'HEALTH'], purposes: ['CASE_MANAGEMENT', 'REFERRAL'] }),
  });
  expect(response.body.errors).toBeUndefined();
  return (response.body.data?.recordConsent as { id: string }).id;
}

/** An intake, and (unless told otherwise) the client's consent to the team's case management. */
async function register(persona: 'cm-neuss' | 'cm-dormagen', input = person(), consents = true): Promise<string> {
  const response = await hub.query(persona, REGISTER, { input });
  expect(response.body.errors).toBeUndefined();
  const clientId = clientIdOf(response)!;
  if (consents) await participate(persona, clientId);
  return clientId;
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

  it('leaves the old team reading the client as an id nobody has', async () => {
    const clientId = await register('cm-neuss');
    const READ = 'query($id: ID!) { client(id: $id) { id givenName status goals { title } } }';
    expect((await hub.query('cm-neuss', READ, { id: clientId })).body.data?.client).toMatchObject({ id: clientId });
    expect((await hub.query('cm-neuss', HAND_OVER, { id: clientId, toTown: 'DORMAGEN' })).body.errors).toBeUndefined();
    const handedOver = await hub.query('cm-neuss', READ, { id: clientId });
    const unknown = await hub.query('cm-neuss', READ, { id: 'K-999999' });
    expect(unknown.body).toEqual({ data: { client: null } });
    expect(handedOver.body).toEqual(unknown.body);
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

describe('case plan and notes', () => {
  const ADD_GOAL = 'mutation($clientId: ID!, $input: GoalInput!) { addGoal(clientId: $clientId, input: $input) { id } }';
  const SET_GOAL = 'mutation($id: ID!, $status: GoalStatus!) { setGoalStatus(id: $id, status: $status) { id } }';
  const ADD_NOTE = 'mutation($clientId: ID!, $category: NoteCategory!, $text: String!) { addCaseNote(clientId: $clientId, category: $category, text: $text) { id } }';
  const idOf = (r: GraphQLResponse, field: string) => (r.body.data?.[field] as { id: string } | null)?.id;

  it('adds and changes goals for the team\'s own open clients only', async () => {
    const clientId = await register('cm-neuss');
    const added = await hub.query('cm-neuss', ADD_GOAL, { clientId, input: { title: 'B1-Kurs abschließen', dueDate: '2027-06-30', workedOnBy: 'CARITAS' } });
    const goalId = idOf(added, 'addGoal')!;
    expect(goalId).toBeTruthy();
    expect(errorCodes(await hub.query('cm-dormagen', ADD_GOAL, { clientId, input: { title: 'x' } }))).toEqual([{ code: 'NOT_FOUND', path: 'addGoal' }]);
    expect(errorCodes(await hub.query('cm-dormagen', SET_GOAL, { id: goalId, status: 'DROPPED' }))).toEqual([{ code: 'NOT_FOUND', path: 'setGoalStatus' }]);
    expect(errorCodes(await hub.query('jobcenter', ADD_GOAL, { clientId, input: { title: 'x' } })).map((e) => e.code)).toEqual(['FORBIDDEN']);
    const bad = await hub.query('cm-neuss', ADD_GOAL, { clientId, input: { title: 'x', dueDate: '30.06.2027' } });
    expect(bad.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.dueDate' });
    expect((await hub.query('cm-neuss', SET_GOAL, { id: goalId, status: 'ACHIEVED' })).body.errors).toBeUndefined();
    const view = await hub.query('cm-neuss', `{ client(id: "${clientId}") { goals { id title status dueDate workedOnBy } } }`);
    expect(view.body.data?.client).toEqual({ goals: [{ id: goalId, title: 'B1-Kurs abschließen', status: 'ACHIEVED', dueDate: '2027-06-30', workedOnBy: 'CARITAS' }] });
    expect(await registry().goal.count({ where: { kimClientId: clientId } })).toBe(1);
  });

  it('changes a goal\'s due date with its status, and audits that it changed, not to what', async () => {
    const SET_GOAL_DUE = 'mutation($id: ID!, $status: GoalStatus!, $dueDate: String) { setGoalStatus(id: $id, status: $status, dueDate: $dueDate) { id } }';
    const clientId = await register('cm-neuss');
    const goalId = idOf(await hub.query('cm-neuss', ADD_GOAL, { clientId, input: { title: 'Führerschein Klasse B', dueDate: '2027-03-31' } }), 'addGoal')!;
    const bad = await hub.query('cm-neuss', SET_GOAL_DUE, { id: goalId, status: 'IN_PROGRESS', dueDate: '31.12.2027' });
    expect(bad.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'dueDate' });
    expect((await hub.query('cm-neuss', SET_GOAL_DUE, { id: goalId, status: 'IN_PROGRESS', dueDate: '2027-09-30' })).body.errors).toBeUndefined();
    const view = await hub.query('cm-neuss', `{ client(id: "${clientId}") { goals { id status dueDate } } }`);
    expect(view.body.data?.client).toEqual({ goals: [{ id: goalId, status: 'IN_PROGRESS', dueDate: '2027-09-30' }] });
    // Without a due date the status changes and the date stays.
    expect((await hub.query('cm-neuss', SET_GOAL, { id: goalId, status: 'ACHIEVED' })).body.errors).toBeUndefined();
    expect((await registry().goal.findUniqueOrThrow({ where: { id: goalId } })).dueDate?.toISOString().slice(0, 10)).toBe('2027-09-30');
    const events = await registry().caseEvent.findMany({ where: { kimClientId: clientId }, orderBy: { seq: 'asc' }, select: { action: true, actor: true, agency: true, at: true } });
    expect(events.map(({ action, actor, agency }) => ({ action, actor, agency }))).toEqual([
      { action: 'INTAKE', actor: 'cm-neuss-1', agency: 'KIM_NEUSS' },
      { action: 'GOAL_ADDED', actor: 'cm-neuss-1', agency: 'KIM_NEUSS' },
      { action: 'GOAL_CHANGED', actor: 'cm-neuss-1', agency: 'KIM_NEUSS' },
      { action: 'GOAL_CHANGED', actor: 'cm-neuss-1', agency: 'KIM_NEUSS' },
    ]);
    // The refused change wrote nothing; no event holds a value.
    expect(JSON.stringify(events)).not.toMatch(/2027-0[39]-3[01]|IN_PROGRESS|ACHIEVED|Führerschein/);
  });

  it('keeps a health note out of `notes`: a partner with case-notes consent but none for health never sees it', async () => {
    const clientId = await register('cm-neuss');
    expect((await hub.query('cm-neuss', ADD_NOTE, { clientId, category: 'CASE_NOTES', text: 'Termin beim Jobcenter vereinbart' })).body.errors).toBeUndefined();
    expect((await hub.query('cm-neuss', ADD_NOTE, { clientId, category: 'HEALTH', text: 'Traumatherapie begonnen' })).body.errors).toBeUndefined();
    const own = await hub.query('cm-neuss', `{ client(id: "${clientId}") { notes { text } healthNotes { text } } }`);
    expect(own.body.data?.client).toEqual({ notes: [{ text: 'Termin beim Jobcenter vereinbart' }], healthNotes: [{ text: 'Traumatherapie begonnen' }] });
    const grant = await hub.query('cm-neuss', RECORD, {
      input: consentInput({ clientId, grantee: 'JOBCENTER', categories: ['IDENTITY', 'CASE_NOTES'], purposes: ['LABOUR_MARKET_INTEGRATION'] }),
    });
    expect(grant.body.errors).toBeUndefined();
    const partner = await hub.query('jobcenter', `{ client(id: "${clientId}") { notes { text } healthNotes { text } } }`, undefined, { purpose: 'LABOUR_MARKET_INTEGRATION' });
    expect(partner.body.data?.client).toEqual({ notes: [{ text: 'Termin beim Jobcenter vereinbart' }], healthNotes: null });
    expect(JSON.stringify(partner.body)).not.toContain('Trauma');
  });

  it('names a bad note and writes nothing', async () => {
    const clientId = await register('cm-neuss');
    const response = await hub.query('cm-neuss', ADD_NOTE, { clientId, category: 'CASE_NOTES', text: '  ' });
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'text' });
    expect(await registry().caseNote.count({ where: { kimClientId: clientId } })).toBe(0);
  });
});

describe("KIM's own processing rests on the client's consent (participation is voluntary)", () => {
  const ADD_GOAL = 'mutation($clientId: ID!, $input: GoalInput!) { addGoal(clientId: $clientId, input: $input) { id } }';
  const WITHDRAW = 'mutation($id: ID!, $reason: String!) { withdrawConsent(id: $id, reason: $reason) { grantId } }';
  const view = (clientId: string) => hub.query('cm-neuss', `{ client(id: "${clientId}") { givenName goals { title } } }`);

  it('reads and writes nothing of a registered client before the consent, and everything after it', async () => {
    const clientId = await register('cm-neuss', person(), false);
    const before = await view(clientId);
    expect(before.body.data?.client).toEqual({ givenName: null, goals: null });
    expect(errorCodes(before).map((e) => e.code)).toEqual(['CONSENT_REQUIRED', 'CONSENT_REQUIRED']);
    const refused = await hub.query('cm-neuss', ADD_GOAL, { clientId, input: { title: 'Wohnung finden' } });
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'CONSENT_REQUIRED', argument: 'clientId' });
    expect(await registry().goal.count({ where: { kimClientId: clientId } })).toBe(0);
    await participate('cm-neuss', clientId);
    expect((await hub.query('cm-neuss', ADD_GOAL, { clientId, input: { title: 'Wohnung finden' } })).body.errors).toBeUndefined();
    expect((await view(clientId)).body.data?.client).toEqual({ givenName: expect.stringMatching(/^Amal/), goals: [{ title: 'Wohnung finden' }] });
  });

  it('ends with the withdrawal: no more reads or changes, but the team can still close the case', async () => {
    const clientId = await register('cm-neuss', person(), false);
    const grantId = await participate('cm-neuss', clientId);
    expect((await hub.query('cm-neuss', ADD_GOAL, { clientId, input: { title: 'B1-Kurs' } })).body.errors).toBeUndefined();
    expect((await hub.query('cm-neuss', WITHDRAW, { id: grantId, reason: 'Klientin möchte nicht mehr teilnehmen' })).body.errors).toBeUndefined();
    const after = await view(clientId);
    expect(after.body.data?.client).toEqual({ givenName: null, goals: null });
    expect(errorCodes(after).map((e) => e.code)).toEqual(['CONSENT_REQUIRED', 'CONSENT_REQUIRED']);
    const refused = await hub.query('cm-neuss', ADD_GOAL, { clientId, input: { title: 'Noch ein Ziel' } });
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'CONSENT_REQUIRED', argument: 'clientId' });
    expect(errorCodes(await hub.query('cm-neuss', HAND_OVER, { id: clientId, toTown: 'DORMAGEN' })).map((e) => e.code)).toEqual(['CONSENT_REQUIRED']);
    expect(await registry().goal.count({ where: { kimClientId: clientId } })).toBe(1);
    const closed = await hub.query('cm-neuss', CLOSE, { id: clientId, closedOn: new Date().toISOString().slice(0, 10), reason: 'WITHDREW' });
    expect(closed.body.errors).toBeUndefined();
  });
});

describe('referrals, both ways', () => {
  const SEND = 'mutation($clientId: ID!, $toAgency: Agency!, $reason: ReferralReason!, $note: String) { sendReferral(clientId: $clientId, toAgency: $toAgency, reason: $reason, note: $note) { id } }';
  const ACK = 'mutation($id: ID!, $on: String!) { acknowledgeReferral(id: $id, firstContactOn: $on) { id } }';
  const OUTCOME = 'mutation($id: ID!, $outcome: ReferralOutcome!, $on: String!) { recordReferralOutcome(id: $id, outcome: $outcome, on: $on) { id } }';
  const INCOMING = '{ incomingReferrals { id reason note } }';
  const today = new Date().toISOString().slice(0, 10);
  const asJobcenter = (query: string, variables?: Record<string, unknown>) => hub.query('jobcenter', query, variables, { purpose: 'LABOUR_MARKET_INTEGRATION' });
  const incomingIds = async (persona: 'jobcenter' | 'abh') =>
    ((await hub.query(persona, INCOMING, undefined, { purpose: persona === 'abh' ? 'RESIDENCE_PROCEDURE' : 'LABOUR_MARKET_INTEGRATION' })).body.data?.incomingReferrals as { id: string }[]).map((r) => r.id);

  /** A client of Neuss who shares case management with the jobcenter (or not), and a referral to it. */
  async function referred(shares: boolean): Promise<{ clientId: string; referralId: string }> {
    const clientId = await register('cm-neuss');
    if (shares) {
      const grant = await hub.query('cm-neuss', RECORD, {
        input: consentInput({ clientId, grantee: 'JOBCENTER', categories: ['CASE_MANAGEMENT', 'CASE_NOTES'], purposes: ['LABOUR_MARKET_INTEGRATION'] }),
      });
      expect(grant.body.errors).toBeUndefined();
    }
    const sent = await hub.query('cm-neuss', SEND, { clientId, toAgency: 'JOBCENTER', reason: 'JOB_SEARCH', note: 'Sucht Ausbildung im Handwerk' });
    expect(sent.body.errors).toBeUndefined();
    return { clientId, referralId: (sent.body.data?.sendReferral as { id: string }).id };
  }

  it('reaches the receiving agency, which acknowledges it and records the outcome; the team sees both', async () => {
    const { clientId, referralId } = await referred(true);
    const incoming = (await asJobcenter(INCOMING)).body.data?.incomingReferrals as { id: string; reason: string; note: string }[];
    expect(incoming).toContainEqual({ id: referralId, reason: 'JOB_SEARCH', note: 'Sucht Ausbildung im Handwerk' });
    expect(await incomingIds('abh')).not.toContain(referralId);
    expect((await asJobcenter(ACK, { id: referralId, on: today })).body.errors).toBeUndefined();
    const again = await asJobcenter(ACK, { id: referralId, on: today });
    expect(again.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'id' });
    expect((await asJobcenter(OUTCOME, { id: referralId, outcome: 'SUPPORT_STARTED', on: today })).body.errors).toBeUndefined();
    expect(await incomingIds('jobcenter')).not.toContain(referralId);
    const view = await hub.query('cm-neuss', `{ client(id: "${clientId}") { referrals { id toAgency firstContactAt outcome } } }`);
    expect((view.body.data?.client as { referrals: unknown[] }).referrals).toEqual([
      { id: referralId, toAgency: 'JOBCENTER', firstContactAt: expect.stringMatching(new RegExp(`^${today}`)), outcome: 'SUPPORT_STARTED' },
    ]);
  });

  it('gives the note of a health-related referral only as health data: a consent to case notes does not show it', async () => {
    const { clientId } = await referred(true);
    const sent = await hub.query('cm-neuss', SEND, { clientId, toAgency: 'JOBCENTER', reason: 'PSYCHOSOCIAL_COUNSELLING', note: 'Angststörung, Termin beim SPZ' });
    expect(sent.body.errors).toBeUndefined();
    const referralId = (sent.body.data?.sendReferral as { id: string }).id;
    // The jobcenter holds the client's consent to case management and case notes, not to health data.
    const incoming = (await asJobcenter(INCOMING)).body.data?.incomingReferrals as { id: string; note: string | null }[];
    expect(incoming.find((r) => r.id === referralId)).toEqual({ id: referralId, reason: null, note: null });
    const view = await asJobcenter(`{ client(id: "${clientId}") { referrals { id note healthNote } } }`);
    expect(JSON.stringify(view.body)).not.toContain('Angst');
    expect(errorCodes(view)).toContainEqual(expect.objectContaining({ code: 'CONSENT_REQUIRED', category: 'HEALTH' }));
    // The team, with the client's consent to its case management naming health, reads it as health data.
    const own = await hub.query('cm-neuss', `{ client(id: "${clientId}") { referrals { id note healthNote } } }`);
    const mine = (own.body.data?.client as { referrals: { id: string; note: string | null; healthNote: string | null }[] }).referrals.find((r) => r.id === referralId);
    expect(mine?.note).toBeNull();
  });

  it('cannot be acted on by another agency, nor by the addressee without the client\'s consent: both answer as an unknown referral', async () => {
    const shared = await referred(true);
    const unshared = await referred(false);
    const unknown = await asJobcenter(ACK, { id: 'R-nobody', on: today });
    expect(errorCodes(unknown)).toEqual([{ code: 'NOT_FOUND', path: 'acknowledgeReferral' }]);
    expect((await asJobcenter(ACK, { id: unshared.referralId, on: today })).body).toEqual(unknown.body);
    expect(await incomingIds('jobcenter')).not.toContain(unshared.referralId);
    const otherAgency = await hub.query('abh', ACK, { id: shared.referralId, on: today }, { purpose: 'RESIDENCE_PROCEDURE' });
    expect(errorCodes(otherAgency)).toEqual([{ code: 'NOT_FOUND', path: 'acknowledgeReferral' }]);
    // A case manager records only the answers of agencies outside the hub, for the team's own clients.
    expect(errorCodes(await hub.query('cm-dormagen', ACK, { id: shared.referralId, on: today }))).toEqual([{ code: 'NOT_FOUND', path: 'acknowledgeReferral' }]);
    const rows = await registry().referral.findMany({ where: { id: { in: [shared.referralId, unshared.referralId] } } });
    expect(rows.every((r) => r.firstContactAt === null)).toBe(true);
  });

  it('refuses a referral to another team\'s client, to an agency outside the hub, or with a date before it was sent', async () => {
    const clientId = await register('cm-neuss');
    expect(errorCodes(await hub.query('cm-dormagen', SEND, { clientId, toAgency: 'JOBCENTER', reason: 'JOB_SEARCH' }))).toEqual([{ code: 'NOT_FOUND', path: 'sendReferral' }]);
    for (const toAgency of ['KIM_DORMAGEN', 'KI', 'DATA_PROTECTION']) {
      const outside = await hub.query('cm-neuss', SEND, { clientId, toAgency, reason: 'JOB_SEARCH' });
      expect(outside.body.errors?.[0]?.extensions, toAgency).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'toAgency' });
    }
    const { referralId } = await referred(true);
    const early = await asJobcenter(ACK, { id: referralId, on: '2020-01-01' });
    expect(early.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'firstContactOn' });
  });

  it('takes a referral to an agency outside the hub (BAMF), whose answer only the sending team records', async () => {
    const clientId = await register('cm-neuss');
    const sent = await hub.query('cm-neuss', SEND, { clientId, toAgency: 'BAMF', reason: 'LANGUAGE_COURSE' });
    expect(sent.body.errors).toBeUndefined();
    const id = (sent.body.data?.sendReferral as { id: string }).id;
    expect(errorCodes(await hub.query('cm-dormagen', ACK, { id, on: today }))).toEqual([{ code: 'NOT_FOUND', path: 'acknowledgeReferral' }]);
    expect(errorCodes(await asJobcenter(ACK, { id, on: today }))).toEqual([{ code: 'NOT_FOUND', path: 'acknowledgeReferral' }]);
    expect((await hub.query('cm-neuss', ACK, { id, on: today })).body.errors).toBeUndefined();
    expect((await hub.query('cm-neuss', OUTCOME, { id, outcome: 'WAITING_LIST', on: today })).body.errors).toBeUndefined();
    const row = await registry().referral.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ toAgency: 'BAMF', reason: 'LANGUAGE_COURSE', outcome: 'WAITING_LIST' });
    // A partner in the hub records its own side: the team cannot do it for the jobcenter.
    const { referralId } = await referred(true);
    expect(errorCodes(await hub.query('cm-neuss', ACK, { id: referralId, on: today }))).toEqual([{ code: 'NOT_FOUND', path: 'acknowledgeReferral' }]);
  });

  it('sends a referral to psychosocial counselling as health data: its reason travels only as healthReason', async () => {
    const clientId = await register('cm-neuss');
    const sent = await hub.query('cm-neuss', SEND, { clientId, toAgency: 'CARITAS', reason: 'PSYCHOSOCIAL_COUNSELLING' });
    expect(sent.body.errors).toBeUndefined();
    const view = await hub.query('cm-neuss', `{ client(id: "${clientId}") { referrals { toAgency reason healthReason } } }`);
    expect((view.body.data?.client as { referrals: unknown[] }).referrals).toEqual([{ toAgency: 'CARITAS', reason: null, healthReason: 'PSYCHOSOCIAL_COUNSELLING' }]);
  });

  it('lists the team\'s overdue referrals only, oldest first', async () => {
    const response = await hub.query('cm-neuss', '{ overdueReferrals(days: 14) { id sentAt firstContactAt outcome } }');
    expect(response.body.errors).toBeUndefined();
    const overdue = response.body.data?.overdueReferrals as { id: string; sentAt: string; firstContactAt: null; outcome: null }[];
    const rows = await registry().referral.findMany({ where: { firstContactAt: null, outcome: null, sentAt: { lt: new Date(Date.now() - 14 * 86_400_000) } }, include: { client: true } });
    // The team's, and only of clients who still take part (whose case data the team may read).
    const ours = rows.filter((r) => r.client.town === 'NEUSS');
    const taking = new Set<string>();
    for (const clientId of new Set(ours.map((r) => r.kimClientId))) {
      const read = await hub.query('cm-neuss', `{ client(id: "${clientId}") { status } }`);
      if (read.body.errors === undefined) taking.add(clientId);
      else expect(errorCodes(read).map((e) => e.code)).toEqual(['CONSENT_REQUIRED']);
    }
    expect(taking.size).toBeGreaterThan(0);
    expect(taking.size).toBeLessThan(new Set(ours.map((r) => r.kimClientId)).size);
    expect(overdue.map((r) => r.id).sort()).toEqual(ours.filter((r) => taking.has(r.kimClientId)).map((r) => r.id).sort());
    expect(overdue.map((r) => r.sentAt)).toEqual([...overdue.map((r) => r.sentAt)].sort());
    const bad = await hub.query('cm-neuss', '{ overdueReferrals(days: 0) { id } }');
    expect(bad.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'days' });
  });
});
