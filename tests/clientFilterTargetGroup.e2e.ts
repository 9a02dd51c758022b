import type { PersonaName } from '@kim/demo';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, startTestHub, type GraphQLResponse, type TestHub } from './support/testHub.ts';

/**
 * The client list's target-group filter (issue 16): `clients(filter: { targetGroupAtIntake })`,
 * filtered in the case registry's database within the caller's scope. It discloses the intake's
 * target-group check, a field derived from the birth date and the residence title shown at intake
 * (`Client.targetGroupAtIntake`, CASE_MANAGEMENT with the inputs IDENTITY, RESIDENCE,
 * ASYLUM_PROCEDURE). So it may let through only clients whose `targetGroupAtIntake` the caller
 * may read, decided for every client of the scope before matching: each persona below must get
 * no client whose field it may not read, and the same consent decisions for either value.
 */
let hub: TestHub;
let truth: Map<string, { town: string; eligibleAtIntake: boolean | null }>;

beforeAll(async () => {
  hub = await startTestHub('target-group-filter', 40);
  // Fixed outcomes, whatever the demo's intake found: a third each outcome, a third not checked (registered before intake checks existed) (as the property test).
  await hub.services['case-registry'].owner.sql.query(
    `UPDATE "Client" SET "eligibleAtIntake" = CASE WHEN substr(id, 3)::int % 3 = 0 THEN NULL ELSE substr(id, 3)::int % 3 = 1 END, "eligibilityStage" = CASE WHEN substr(id, 3)::int % 3 = 0 THEN NULL ELSE 2 END`,
  );
  const rows = await hub.services['case-registry'].prisma.client.findMany({ select: { id: true, town: true, eligibleAtIntake: true }, orderBy: { id: 'asc' } });
  truth = new Map(rows.map((r) => [r.id, r]));
});
afterAll(async () => {
  await hub?.stop();
});

const LIST = `query($filter: ClientFilter) {
  clients(first: 200, filter: $filter) { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } }
}`;

interface Listed {
  totalCount: number;
  edges: { node: { id: string } }[];
}

/** A filtered list's ids and the (client, category, source, outcome) decisions the consent service recorded for it. */
async function list(persona: PersonaName, filter: Record<string, unknown>): Promise<{ ids: string[]; totalCount: number; decided: string[]; errors: unknown }> {
  const response = await hub.query(persona, LIST, { filter });
  const requestId = response.headers.get('x-request-id');
  expect(requestId).toBeTruthy();
  const audit = await hub.services.consent.prisma.auditEntry.findMany({ where: { requestId: requestId! }, orderBy: { seq: 'asc' } });
  const listed = response.body.data?.clients as Listed | undefined;
  return {
    ids: listed?.edges.map((e) => e.node.id) ?? [],
    totalCount: listed?.totalCount ?? -1,
    decided: audit.map((r) => `${r.kimClientId}:${r.category}:${r.allowed}`).sort(),
    errors: response.body.errors,
  };
}

/** What the persona may read of `targetGroupAtIntake` for each client it can list: true/false, null (not checked), or 'denied'. */
async function readable(persona: PersonaName): Promise<Map<string, boolean | null | 'denied'>> {
  const response = await hub.query(persona, '{ clients(first: 200) { edges { node { id targetGroupAtIntake { eligible } } } } }');
  const edges = (response.body.data?.clients as { edges: { node: { id: string; targetGroupAtIntake: { eligible: boolean } | null } }[] } | undefined)?.edges ?? [];
  const denied = new Set((response.body.errors ?? []).filter((e) => e.path?.at(-1) === 'targetGroupAtIntake').map((e) => e.path!.slice(0, -1).join('.')));
  return new Map(edges.map((e, i) => [e.node.id, denied.has(`clients.edges.${i}.node`) ? 'denied' : (e.node.targetGroupAtIntake?.eligible ?? null)]));
}

// Every persona that must not learn the intake's check of a client whose field it may not read:
// partners (the field's inputs only by a grant that has them all), team caseworkers (no registry
// scope), the other town's team, the coordinating office and the data-protection officer.
const ATTACKERS: PersonaName[] = ['jobcenter', 'jobcenter-dormagen', 'abh', 'abh-neuss', 'welfare-caritas', 'cm-dormagen', 'ki', 'dpo'];

describe('clients(filter: { targetGroupAtIntake })', () => {
  it('lists a KIM team exactly its clients with that outcome, over all pages; clients not checked match neither', async () => {
    const seen = await readable('cm-neuss');
    const neuss = [...truth.values()].filter((c) => c.town === 'NEUSS');
    expect(neuss.some((c) => c.eligibleAtIntake === true) && neuss.some((c) => c.eligibleAtIntake === false) && neuss.some((c) => c.eligibleAtIntake === null)).toBe(true);
    for (const value of [true, false]) {
      const got = await list('cm-neuss', { targetGroupAtIntake: value });
      expect(got.errors).toBeUndefined();
      const expected = [...seen].filter(([, v]) => v === value).map(([id]) => id);
      expect(got.ids).toEqual(expected);
      expect(got.totalCount).toBe(expected.length);
      // Only what the database holds: every listed client has the outcome asked for.
      expect(got.ids.every((id) => truth.get(id)?.eligibleAtIntake === value)).toBe(true);
    }
    expect((await list('cm-neuss', { targetGroupAtIntake: true })).ids.length).toBeGreaterThan(0);
  });

  it.each(ATTACKERS)('lets %s through only clients whose targetGroupAtIntake it may read, with the same decisions for either value', async (persona) => {
    const seen = await readable(persona);
    const yes = await list(persona, { targetGroupAtIntake: true });
    const no = await list(persona, { targetGroupAtIntake: false });
    expect([yes.errors, no.errors]).toEqual([undefined, undefined]);
    for (const [value, got] of [[true, yes], [false, no]] as const) {
      for (const id of got.ids) expect({ id, value, read: seen.get(id) }).toEqual({ id, value, read: value });
    }
    // The work depends on the scope alone: the same clients and categories decided, the same outcomes.
    expect(yes.decided).toEqual(no.decided);
    // A value for every client of the scope, or none for a persona without one.
    expect(new Set(yes.decided.map((d) => d.split(':')[0])).size).toBe(seen.size);
  });

  it('gives the other town\'s team nothing of a client it does not hold, whatever its id and the value', async () => {
    const neussIds = [...truth].filter(([, c]) => c.town === 'NEUSS' && c.eligibleAtIntake !== null).map(([id]) => id);
    expect(neussIds.length).toBeGreaterThan(0);
    const nobody = await list('cm-dormagen', { targetGroupAtIntake: true, idPrefix: 'K-9' });
    expect(nobody.ids).toEqual([]);
    for (const id of neussIds.slice(0, 4)) {
      const value = truth.get(id)!.eligibleAtIntake!;
      const attempt = await list('cm-dormagen', { targetGroupAtIntake: value, idPrefix: id });
      expect({ id, ids: attempt.ids, totalCount: attempt.totalCount }).toEqual({ id, ids: [], totalCount: 0 });
      const direct = await hub.query('cm-dormagen', 'query($id: ID!) { client(id: $id) { id targetGroupAtIntake { eligible stage on } } }', { id });
      expect(direct.body).toEqual({ data: { client: null } });
    }
  });

  it('lists a caseworker scoped to a team no one (its registry scope is empty), deciding nothing', async () => {
    const got = await list('abh-neuss', { targetGroupAtIntake: true });
    expect(got).toMatchObject({ ids: [], totalCount: 0, decided: [] });
  });
});

describe('the case manager\'s new operations, tried by every other persona', () => {
  const INTAKE = `mutation($input: RegisterClientInput!) { registerClient(input: $input) { clientId eligibleAtIntake eligibilityStage eligibilityReasonCode } }`;
  const input = { givenName: 'Test', familyName: 'Zielgruppe', birthDate: '2000-05-01', nationality: 'Syrien', firstContactOn: '2025-03-01', residenceTitleType: 'AUFENTHALTSERLAUBNIS', priorCaseManagement: false };

  it('registers with the target-group outcome as a code; a duplicate is refused naming nothing of the record', async () => {
    const first = await hub.query('cm-neuss', INTAKE, { input });
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data?.registerClient).toMatchObject({ eligibleAtIntake: true, eligibilityStage: 2, eligibilityReasonCode: 'IN_TARGET_GROUP' });
    const clientId = (first.body.data?.registerClient as { clientId: string }).clientId;
    const again = await hub.query('cm-dormagen', INTAKE, { input: { ...input, givenName: 'TEST' } });
    expect(codes(again)).toEqual(['CLIENT_ALREADY_REGISTERED']);
    expect(JSON.stringify(again.body)).not.toContain(clientId);
    const prior = await hub.query('cm-neuss', INTAKE, { input: { ...input, givenName: 'Tessa', priorCaseManagement: true } });
    expect(prior.body.data?.registerClient).toMatchObject({ eligibleAtIntake: false, eligibilityReasonCode: 'PRIOR_CASE_MANAGEMENT' });
    // The team lists its new client at once; but until the client consents to take part (the
    // team's own data needs that consent), its check cannot be read, so the filter does not match it.
    expect((await list('cm-neuss', { idPrefix: clientId })).ids).toEqual([clientId]);
    expect((await list('cm-neuss', { targetGroupAtIntake: true, idPrefix: clientId })).ids).toEqual([]);
  });

  it.each(['jobcenter', 'abh', 'abh-neuss', 'welfare-caritas', 'ki', 'dpo'] as PersonaName[])('refuses %s intake, goal changes and the overdue list', async (persona) => {
    expect(codes(await hub.query(persona, INTAKE, { input: { ...input, givenName: `X${persona}` } }))).toEqual(['FORBIDDEN']);
    expect(codes(await hub.query(persona, 'mutation { setGoalStatus(id: "K-000001-G1", status: ACHIEVED, dueDate: "2030-01-01") { id } }'))).toEqual(['FORBIDDEN']);
    expect(codes(await hub.query(persona, '{ overdueReferrals(days: 1) { id clientId } }'))).toEqual(['FORBIDDEN']);
  });

  it('answers the other town\'s team for a goal of a client it does not hold as for a goal nobody has', async () => {
    const goal = await hub.services['case-registry'].prisma.goal.findFirst({ where: { client: { town: 'NEUSS', status: { not: 'CLOSED' } } } });
    expect(goal).not.toBeNull();
    const other = await hub.query('cm-dormagen', 'mutation($id: ID!) { setGoalStatus(id: $id, status: ACHIEVED) { id } }', { id: goal!.id });
    const nobody = await hub.query('cm-dormagen', 'mutation($id: ID!) { setGoalStatus(id: $id, status: ACHIEVED) { id } }', { id: 'G-nobody' });
    expect(strip(other)).toEqual(strip(nobody));
    expect((await hub.services['case-registry'].prisma.goal.findUnique({ where: { id: goal!.id } }))?.status).toBe(goal!.status);
    // Nor does its overdue list hold another town's referrals.
    const overdue = await hub.query('cm-dormagen', '{ overdueReferrals(days: 1) { clientId } }');
    const ids = (overdue.body.data?.overdueReferrals as { clientId: string }[]).map((r) => r.clientId);
    expect(ids.every((id) => truth.get(id)?.town === 'DORMAGEN')).toBe(true);
  });
});

/** The codes of an answer's errors. */
const codes = (response: GraphQLResponse) => errorCodes(response).map((e) => e.code);

/** An answer without what differs per request anyway. */
function strip(response: GraphQLResponse) {
  return { status: response.status, data: response.body.data, errors: response.body.errors?.map((e) => ({ message: e.message, code: e.extensions?.code, argument: e.extensions?.argument })) };
}
