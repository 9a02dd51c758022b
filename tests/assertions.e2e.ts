import type { ServiceName } from '@kim/schema';
import { CONSENT_TICKET_HEADER, signConsentTicket } from '@kim/service-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFaultProxy, type FaultProxy, type ReceivedRequest } from './support/faultProxy.ts';
import { startTestHub, type TestHub } from './support/testHub.ts';

/**
 * Issue 14 item 6: what an insider who reads the traffic between gateway, subgraphs and consent
 * service can do with what it reads. Proxies in front of the case registry and the consent
 * service record every request (headers and body), as a wire tap would.
 */
let hub: TestHub;
/** Per service, every proxy put in front of it (the consent service gets two: its subgraphs' calls and the gateway's). */
const proxies = new Map<ServiceName, FaultProxy[]>();
beforeAll(async () => {
  hub = await startTestHub('assertions', 20, {
    interpose: async (service, url) => {
      if (service !== 'case-registry' && service !== 'consent') return url;
      const proxy = await startFaultProxy(url);
      proxies.set(service, [...(proxies.get(service) ?? []), proxy]);
      return proxy.url;
    },
  });
});
afterAll(async () => {
  await hub?.stop();
  for (const p of [...proxies.values()].flat()) await p.close();
});

const audited = () => hub.services.consent.prisma.auditEntry.count();
const tapped = (service: ServiceName, path: string) => (proxies.get(service) ?? []).flatMap((p) => p.received).filter((r) => r.path.endsWith(path));
/** The headers an attacker would copy: every credential the request carried. */
const credentials = (r: ReceivedRequest) => Object.fromEntries(Object.entries(r.headers).filter(([k, v]) => k.startsWith('x-kim-') && typeof v === 'string')) as Record<string, string>;

async function replay(url: string, captured: ReceivedRequest, body: string) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...credentials(captured) }, body });
  return { status: response.status, text: await response.text() };
}

describe("a gateway's assertion read off the wire", () => {
  it('cannot be replayed: not with the same request, not with another query', async () => {
    const before = tapped('case-registry', '/graphql').length;
    const response = await hub.query('jobcenter', '{ client(id: "K-000001") { id } }');
    expect(response.status).toBe(200);
    const [captured] = tapped('case-registry', '/graphql').slice(before);
    expect(captured?.headers['x-kim-assertion']).toBeTruthy();
    const same = await replay(hub.serviceUrls['case-registry'], captured!, captured!.body);
    expect(same.status).toBe(401);
    expect(refusal(same)).toEqual({ data: undefined, code: 'UNAUTHENTICATED' });
    const other = await replay(hub.serviceUrls['case-registry'], captured!, JSON.stringify({ query: '{ clients(first: 50) { totalCount nodes { id } } }' }));
    expect(other.status).toBe(401);
    expect(refusal(other)).toEqual({ data: undefined, code: 'UNAUTHENTICATED' });
    expect(other.text).not.toMatch(/K-0000/);
  });

  it('is refused by every other service: a subgraph cannot pass on what the gateway sent it', async () => {
    const before = tapped('case-registry', '/graphql').length;
    expect((await hub.query('cm-neuss', '{ client(id: "K-000001") { id givenName } }')).status).toBe(200);
    const [captured] = tapped('case-registry', '/graphql').slice(before);
    expect(captured?.headers['x-kim-assertion']).toBeTruthy();
    // Unused so far at these services, and bound to exactly this body: only its audience is wrong.
    const welfareEntities = JSON.stringify({ query: '{ _entities(representations: [{ __typename: "Client", id: "K-000001" }]) { ... on Client { languageLevel } } }' });
    for (const service of ['welfare', 'jobcenter', 'immigration-office', 'consent'] as const) {
      for (const body of [captured!.body, welfareEntities]) {
        const response = await replay(hub.serviceUrls[service], captured!, body);
        expect({ service, status: response.status }).toEqual({ service, status: 401 });
        expect(refusal(response)).toEqual({ data: undefined, code: 'UNAUTHENTICATED' });
      }
    }
  });
});

/** What a refused replay answered: no data, and the code of the refusal. */
function refusal(response: { text: string }) {
  const body = JSON.parse(response.text) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
  return { data: body.data, code: body.errors?.[0]?.extensions?.code };
}

describe("the consent service's internal decisions", () => {
  async function tappedDecisionCall() {
    const before = tapped('consent', '/internal/decisions').length;
    // The jobcenter's request makes the case registry ask consent about its own fields.
    const response = await hub.query('jobcenter', '{ client(id: "K-000001") { givenName } }');
    expect(response.status).toBe(200);
    const [captured] = tapped('consent', '/internal/decisions').slice(before);
    expect(captured).toBeDefined();
    return captured!;
  }
  const consentBase = () => hub.serviceUrls.consent.replace(/\/graphql$/, '');

  it("take the asking service from the gateway's MAC, never from a source in the body", async () => {
    const captured = await tappedDecisionCall();
    const before = await audited();
    // Claiming the jobcenter's own data as the source would make identity data its own (OWNER).
    const forged = await replay(`${consentBase()}/internal/decisions`, captured, JSON.stringify({ questions: [{ clientId: 'K-000001', category: 'IDENTITY', source: 'jobcenter' }] }));
    expect(forged.status).toBe(400);
    expect(forged.text).not.toMatch(/OWNER/);
    expect(await audited()).toBe(before);
    // Without a source, the question is about the case registry's data: the jobcenter is no owner there.
    const plain = await replay(`${consentBase()}/internal/decisions`, captured, JSON.stringify({ questions: [{ clientId: 'K-000001', category: 'IDENTITY' }] }));
    expect(plain.status).toBe(200);
    const { decisions } = JSON.parse(plain.text) as { decisions: { allowed: boolean; reason: string }[] };
    expect(decisions).toEqual([expect.objectContaining({ allowed: false, reason: 'NO_BASIS' })]);
  });

  it("record a client's team only on the case registry's ticket", async () => {
    const caller = { subject: 'cm-neuss-1', agency: 'KIM_NEUSS', role: 'CASE_MANAGER', purpose: 'CASE_MANAGEMENT', requestId: 'client-team' } as const;
    const body = JSON.stringify({ clientId: 'K-000003', team: 'KIM_NEUSS' });
    const post = (headers: Record<string, string>) => fetch(`${consentBase()}/internal/client-team`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    expect((await post({})).status).toBe(401);
    expect((await post({ [CONSENT_TICKET_HEADER]: signConsentTicket(hub.gatewayConfig.assertionKeys.consent, caller, 'welfare') })).status).toBe(401);
  });

  it('refuse a ticket a subgraph made itself with its own key', async () => {
    const caller = { subject: 'jc-lead-1', agency: 'JOBCENTER', role: 'JOBCENTER_TEAM_LEAD', purpose: 'BENEFITS_ADMINISTRATION', requestId: 'forged' } as const;
    const own = signConsentTicket(hub.gatewayConfig.assertionKeys.jobcenter, caller, 'jobcenter');
    const response = await fetch(`${consentBase()}/internal/decisions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [CONSENT_TICKET_HEADER]: own },
      body: JSON.stringify({ questions: [{ clientId: 'K-000001', category: 'BENEFITS' }] }),
    });
    expect(response.status).toBe(401);
  });
});
