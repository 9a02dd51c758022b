import diagnostics from 'node:diagnostics_channel';
import type { ClientRequest } from 'node:http';
import { CONSENT_TICKET_HEADER, DECISIONS_PATH } from '@kim/service-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consentInput } from './support/consentRecord.ts';
import { sharedWith } from './support/grantStates.ts';
import { errorCodes, startTestHub, type TestHub } from './support/testHub.ts';

const JOINED = /* GraphQL */ `
  query Joined($id: ID!) {
    client(id: $id) {
      id
      givenName
      familyName
      town
      status
      contact { phone address }
      caseManager { id }
      referrals { toAgency sentAt }
      currentResidenceTitleType
      residenceTitles { titleType validFrom }
      asylumProcedure { state }
      benefitCase { status householdSize }
      receivesBenefits
      measures { type }
      counsellingContacts { association service }
      healthNeeds { description }
      languageLevel
      naturalisationReadiness { ready unmetRequirements }
      targetGroup(on: "2024-06-01") { eligible stage }
      consents { grantee active }
    }
  }
`;

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub('joined');
});
afterAll(async () => {
  await hub?.stop();
});

describe('the joined client view', () => {
  it('gives the case manager every field of a consenting client, from all agencies, in one query', async () => {
    const response = await hub.query('cm-neuss', JOINED, { id: 'K-000001' });
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
    const client = response.body.data?.client as Record<string, unknown>;
    expect(client.id).toBe('K-000001');
    expect(client.town).toBe('NEUSS');
    for (const field of ['givenName', 'familyName', 'status', 'contact', 'caseManager', 'currentResidenceTitleType', 'residenceTitles', 'benefitCase', 'languageLevel', 'naturalisationReadiness', 'targetGroup', 'consents']) {
      expect(client[field], field).not.toBeNull();
    }
    expect(client.currentResidenceTitleType).toBe('AUFENTHALTSERLAUBNIS');
    expect(client.receivesBenefits).toBe(true);
    expect(client.languageLevel).toBe('B1');
    expect((client.healthNeeds as unknown[]).length).toBeGreaterThan(0);
    expect((client.counsellingContacts as { association: string }[]).some((c) => c.association === 'CARITAS')).toBe(true);
    // Receiving SGB II benefits is one reason naturalisation is not yet possible.
    expect((client.naturalisationReadiness as { unmetRequirements: string[] }).unmetRequirements.join(' ')).toMatch(/benefit/i);
  });

  it('asks consent once per request: the first fetch for the whole plan, though it fetches two subgraphs twice (@requires)', async () => {
    // The case registry (targetGroup) and the immigration office (naturalisationReadiness) are
    // each fetched again for a derived field; the case registry's first fetch asks for its later
    // one and for every later fetch of the other subgraphs, which get the signed decisions passed on.
    const calls = new Map<string, number>();
    // The consent calls go over node:http (postJson): count them on its diagnostics channel.
    const onRequest = (message: unknown) => {
      const { request } = message as { request: ClientRequest };
      if (!request.path.endsWith(DECISIONS_PATH)) return;
      // The gateway's consent ticket (`kim-consent-ticket.v1.<payload>.<mac>`) names the asking subgraph.
      const ticket = String(request.getHeader(CONSENT_TICKET_HEADER) ?? '');
      const { src } = JSON.parse(Buffer.from(ticket.split('.')[2] ?? '', 'base64url').toString('utf8')) as { src: string };
      calls.set(src, (calls.get(src) ?? 0) + 1);
    };
    diagnostics.subscribe('http.client.request.start', onRequest);
    try {
      for (const round of [1, 2]) {
        calls.clear();
        const response = await hub.query('cm-neuss', JOINED, { id: 'K-000001' });
        expect(response.body.errors, `round ${round}`).toBeUndefined();
        // One consent round trip for the request, and again (not from memory) on the next request.
        expect(Object.fromEntries(calls), `round ${round}`).toEqual({ 'case-registry': 1 });
      }
    } finally {
      diagnostics.unsubscribe('http.client.request.start', onRequest);
    }
  });

  it('guards a derived field by its inputs at their source: without residence consent, no target group', async () => {
    // K-000002 revoked their consent to KIM Neuss, then gave a new one for identity alone: the
    // team reads its own case records again, but not the residence data the target group is derived from.
    const renewed = await hub.query('cm-neuss', 'mutation($input: RecordConsentInput!) { recordConsent(input: $input) { id } }', {
      input: consentInput({ clientId: 'K-000002', grantee: 'KIM_NEUSS', categories: ['IDENTITY'], purposes: ['CASE_MANAGEMENT'] }),
    });
    expect(renewed.body.errors).toBeUndefined();
    const response = await hub.query('cm-neuss', '{ client(id: "K-000002") { givenName targetGroup(on: "2024-06-01") { eligible } } }');
    const client = response.body.data?.client as Record<string, unknown>;
    expect(client.givenName).not.toBeNull();
    expect(client.targetGroup).toBeNull();
    // Exactly this error: the refused @requires input (residenceTitles), which the
    // gateway fetched but the caller never selected, is not reported at a path of its own.
    expect(errorCodes(response)).toEqual([{ code: 'CONSENT_REQUIRED', path: 'client.targetGroup', category: 'RESIDENCE' }]);
  });

  it('answers an unknown client and a client of another town alike: null, no error', async () => {
    const unknown = await hub.query('cm-neuss', '{ client(id: "K-999999") { id givenName } }');
    const otherTown = await hub.query('cm-neuss', '{ client(id: "K-000003") { id givenName } }');
    expect(unknown.body).toEqual({ data: { client: null } });
    expect(otherTown.body).toEqual({ data: { client: null } });
  });

  it('pages through the team\'s own clients as a Relay connection', async () => {
    const first = await hub.query('cm-neuss', '{ clients(first: 3) { totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }');
    const page = first.body.data?.clients as { totalCount: number; edges: { cursor: string; node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
    expect(page.edges).toHaveLength(3);
    const towns = await hub.services['case-registry'].prisma.client.findMany({ where: { id: { in: page.edges.map((e) => e.node.id) } }, select: { town: true } });
    expect(towns.map((c) => c.town)).toEqual(['NEUSS', 'NEUSS', 'NEUSS']);
    expect(page.totalCount).toBeGreaterThan(3);
    expect(page.pageInfo.hasNextPage).toBe(true);
    const next = await hub.query('cm-neuss', 'query($after: String) { clients(first: 3, after: $after) { edges { node { id } } } }', { after: page.pageInfo.endCursor });
    const nextIds = (next.body.data?.clients as { edges: { node: { id: string } }[] }).edges.map((e) => e.node.id);
    expect(nextIds[0]! > page.edges[2]!.node.id).toBe(true);
    const filtered = await hub.query('cm-neuss', '{ clients(first: 5, filter: { town: DORMAGEN }) { totalCount edges { node { id } } } }');
    expect(filtered.body.data?.clients).toEqual({ totalCount: 0, edges: [] });
  });

  it('lists for a partner agency exactly the clients who share something with it, and counts only those', async () => {
    const shared = [...(await sharedWith(hub.services.consent.prisma, 'JOBCENTER'))].sort();
    expect(shared.length).toBeGreaterThan(0);
    const response = await hub.query('jobcenter', '{ clients(first: 100) { totalCount edges { node { id } } } }');
    const page = response.body.data?.clients as { totalCount: number; edges: { node: { id: string } }[] };
    expect(page.edges.map((e) => e.node.id)).toEqual(shared);
    expect(page.totalCount).toBe(shared.length);
    const notShared = (await hub.services['case-registry'].prisma.client.findFirstOrThrow({ where: { id: { notIn: shared } }, orderBy: { id: 'asc' } })).id;
    const hidden = await hub.query('jobcenter', `{ client(id: "${notShared}") { id givenName } }`);
    const unknown = await hub.query('jobcenter', '{ client(id: "K-999999") { id givenName } }');
    expect(hidden.body).toEqual({ data: { client: null } });
    expect(unknown.body).toEqual({ data: { client: null } });
  });

  it('filters by case manager', async () => {
    const response = await hub.query('cm-neuss', '{ clients(first: 100, filter: { caseManagerId: "cm-neuss-1" }) { totalCount edges { node { caseManager { id } } } } }');
    const page = response.body.data?.clients as { totalCount: number; edges: { node: { caseManager: { id: string } } }[] };
    expect(page.totalCount).toBeGreaterThan(0);
    expect(page.edges.every((e) => e.node.caseManager.id === 'cm-neuss-1')).toBe(true);
  });

  it('gives the coordinating office figures, and no person', async () => {
    const figures = await hub.query('ki', '{ statistics { clientsByTown { town total } } }');
    const towns = (figures.body.data?.statistics as { clientsByTown: { town: string }[] }).clientsByTown;
    expect(towns.map((t) => t.town)).toContain('NEUSS');
    const person = await hub.query('ki', '{ client(id: "K-000001") { givenName } }');
    expect(person.body.data).toEqual({ client: null });
    const denied = await hub.query('cm-neuss', '{ statistics { clientsByTown { town } } }');
    expect(errorCodes(denied).map((e) => e.code)).toContain('FORBIDDEN');
  });
});
