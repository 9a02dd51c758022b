import { generateKeyPairSync, sign } from 'node:crypto';
import diagnostics from 'node:diagnostics_channel';
import type { ClientRequest } from 'node:http';
import { CONSENT_TICKET_HEADER, DECISIONS_PATH, DECISION_BUNDLE_EXTENSION, signConsentTicket, type Caller } from '@kim/service-kit';
import type { ServiceName } from '@kim/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_AGENCIES_CLIENT_FIELDS } from '../gateway/src/limits/apiSchema.testSupport.ts';
import { startTestHub, type TestHub } from './support/testHub.ts';

/**
 * Issue 18 item 3: the first fetch's consent call decides for the plan's later fetches of other
 * subgraphs, which get those decisions as bundles signed by the consent service, carried by the
 * asking subgraph and the gateway. Here as an insider who holds what a subgraph holds (its
 * assertions and consent tickets, as the gateway sends them) and tries to make another subgraph
 * disclose with a bundle that is not the consent service's for it, this request and this caller.
 */
let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub('bundles', 240);
});
afterAll(async () => {
  await hub?.stop();
});

const CASE_MANAGER: Caller = { subject: 'cm-neuss-1', agency: 'KIM_NEUSS', role: 'CASE_MANAGER', purpose: 'CASE_MANAGEMENT', requestId: 'bundle-1' };
const BENEFITS = 'query($representations:[_Any!]!){_entities(representations:$representations){...on Client{benefitCase{status}}}}';
/** K-000001 consented to KIM Neuss; K-000003 is Dormagen's client, outside the caller's scope. */
const variables = (id: string) => ({ representations: [{ __typename: 'Client', id }] });

/** What the case registry gets from the consent service when its ticket plans the jobcenter's fetch. */
async function bundleFor(caller: Caller, clientId: string, planned: ServiceName = 'jobcenter'): Promise<string> {
  const ticket = signConsentTicket(hub.gatewayConfig.assertionKeys.consent, caller, 'case-registry', { [planned]: [{ category: 'BENEFITS' }] });
  const response = await fetch(`${hub.services.consent.url}${DECISIONS_PATH}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [CONSENT_TICKET_HEADER]: ticket },
    body: JSON.stringify({ questions: [{ clientId, category: 'IDENTITY' }] }),
  });
  expect(response.status).toBe(200);
  const body = (await response.json()) as { bundles?: Record<string, string> };
  expect(Object.keys(body.bundles ?? {})).toEqual([planned]);
  return body.bundles![planned]!;
}

async function fetchWith(service: ServiceName, caller: Caller, clientId: string, bundles: unknown) {
  const request = { query: BENEFITS, variables: variables(clientId) };
  const response = await fetch(hub.serviceUrls[service], {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...hub.gatewayHeaders(caller, service, request) },
    body: JSON.stringify({ ...request, extensions: { [DECISION_BUNDLE_EXTENSION]: bundles } }),
  });
  return { status: response.status, body: (await response.json()) as { data?: { _entities?: unknown[] } | null; errors?: { extensions?: { code?: string } }[] } };
}

/** Counts the subgraphs' consent decision calls while `run` runs. */
async function consentCalls(run: () => Promise<void>): Promise<number> {
  let calls = 0;
  const onRequest = (message: unknown) => {
    if ((message as { request: ClientRequest }).request.path.endsWith(DECISIONS_PATH)) calls += 1;
  };
  diagnostics.subscribe('http.client.request.start', onRequest);
  try {
    await run();
  } finally {
    diagnostics.unsubscribe('http.client.request.start', onRequest);
  }
  return calls;
}

const codes = (r: Awaited<ReturnType<typeof fetchWith>>) => (r.body.errors ?? []).map((e) => e.extensions?.code);

/** The bundle with its payload's decisions changed, the consent service's signature kept. */
function altered(bundle: string, change: (d: { allowed: boolean; reason: string; basis: unknown }) => void): string {
  const [a, b, payload, signature] = bundle.split('.');
  const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8')) as { d: { allowed: boolean; reason: string; basis: unknown }[] };
  claims.d.forEach(change);
  return [a, b, Buffer.from(JSON.stringify(claims)).toString('base64url'), signature].join('.');
}

describe('decision bundles', () => {
  it('carry a whole page of 200 clients with the fields of every agency: nothing refused for its size', async () => {
    const query = `{ clients(first: 200) { totalCount edges { node { ${ALL_AGENCIES_CLIENT_FIELDS} } } } }`;
    const response = await hub.query('cm-neuss', query);
    expect(response.status).toBe(200);
    const edges = (response.body.data?.clients as { edges: unknown[] }).edges;
    expect(edges.length).toBeGreaterThan(50);
    const codes = new Set((response.body.errors ?? []).map((e) => e.extensions?.code));
    expect([...codes].filter((c) => c !== 'CONSENT_REQUIRED' && c !== 'LEGALLY_BARRED')).toEqual([]);
  });

  it("are taken by the subgraph they were made for, which then asks consent nothing", async () => {
    const caller = { ...CASE_MANAGER, requestId: 'bundle-ok' };
    const bundle = await bundleFor(caller, 'K-000001');
    let response: Awaited<ReturnType<typeof fetchWith>> | undefined;
    expect(await consentCalls(async () => void (response = await fetchWith('jobcenter', caller, 'K-000001', [bundle])))).toBe(0);
    expect(response!.body.errors).toBeUndefined();
    expect(response!.body.data?._entities).toEqual([{ benefitCase: { status: expect.any(String) } }]);
  });

  it('of the largest size one consent call makes reach the subgraph (its body limit allows them)', async () => {
    const caller = { ...CASE_MANAGER, requestId: 'bundle-large' };
    const ticket = signConsentTicket(hub.gatewayConfig.assertionKeys.consent, caller, 'case-registry', {
      jobcenter: [{ category: 'BENEFITS' }, { category: 'EMPLOYMENT' }, { category: 'IDENTITY', source: 'case-registry' }, { category: 'RESIDENCE', source: 'immigration-office' }],
    });
    // 1,200 clients × 4 planned questions: close to the 5,000 decided ahead at most.
    const questions = [{ clientId: 'K-000001', category: 'IDENTITY' }, ...Array.from({ length: 1199 }, (_, i) => ({ clientId: `K-9${String(i).padStart(5, '0')}`, category: 'IDENTITY' }))];
    const answer = await fetch(`${hub.services.consent.url}${DECISIONS_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [CONSENT_TICKET_HEADER]: ticket },
      body: JSON.stringify({ questions }),
    });
    const bundle = ((await answer.json()) as { bundles: Record<string, string> }).bundles.jobcenter!;
    expect(bundle.length).toBeGreaterThan(500_000);
    const response = await fetchWith('jobcenter', caller, 'K-000001', [bundle]);
    expect(response.status).toBe(200);
    expect(response.body.data?._entities).toEqual([{ benefitCase: { status: expect.any(String) } }]);
  });

  it('keep a refusal a refusal: a client outside the scope stays hidden', async () => {
    const caller = { ...CASE_MANAGER, requestId: 'bundle-denied' };
    const bundle = await bundleFor(caller, 'K-000003');
    const response = await fetchWith('jobcenter', caller, 'K-000003', [bundle]);
    expect(response.body.data?._entities).toEqual([{ benefitCase: null }]);
    expect(codes(response)).toContain('CONSENT_REQUIRED');
  });

  it('refuse the whole request when a bundle was altered on the way', async () => {
    const caller = { ...CASE_MANAGER, requestId: 'bundle-altered' };
    const bundle = altered(await bundleFor(caller, 'K-000003'), (d) => {
      d.allowed = true;
      d.reason = 'STATUTE';
    });
    const response = await fetchWith('jobcenter', caller, 'K-000003', [bundle]);
    expect(response.body.data ?? null).toBeNull();
    expect(codes(response)).toEqual(['UNAUTHENTICATED']);
  });

  it('refuse one signed by any other key, however well-formed', async () => {
    const caller = { ...CASE_MANAGER, requestId: 'bundle-forged' };
    const genuine = await bundleFor(caller, 'K-000003');
    const [a, b, payload] = altered(genuine, (d) => {
      d.allowed = true;
      d.reason = 'STATUTE';
    }).split('.');
    const { privateKey } = generateKeyPairSync('ed25519');
    const forged = [a, b, payload, sign(null, Buffer.from(`${a}.${b}.${payload}`), privateKey).toString('base64url')].join('.');
    const response = await fetchWith('jobcenter', caller, 'K-000003', [forged]);
    expect(response.body.data ?? null).toBeNull();
    expect(codes(response)).toEqual(['UNAUTHENTICATED']);
  });

  it("refuse another subgraph's bundle, another request's and another caller's", async () => {
    const caller = { ...CASE_MANAGER, requestId: 'bundle-elsewhere' };
    const forWelfare = await bundleFor(caller, 'K-000001', 'welfare');
    expect(codes(await fetchWith('jobcenter', caller, 'K-000001', [forWelfare]))).toEqual(['UNAUTHENTICATED']);
    const earlier = await bundleFor(caller, 'K-000001');
    expect(codes(await fetchWith('jobcenter', { ...caller, requestId: 'bundle-later' }, 'K-000001', [earlier]))).toEqual(['UNAUTHENTICATED']);
    const other = await bundleFor({ ...caller, requestId: 'bundle-other-caller' }, 'K-000001');
    expect(codes(await fetchWith('jobcenter', { ...caller, requestId: 'bundle-other-caller', subject: 'cm-neuss-2' }, 'K-000001', [other]))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await fetchWith('jobcenter', caller, 'K-000001', 'not a list'))).toEqual(['UNAUTHENTICATED']);
  });
});
