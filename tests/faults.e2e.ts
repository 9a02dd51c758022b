import { startGateway } from '@kim/gateway';
import type { ServiceName } from '@kim/schema';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { proxiesFor } from './support/faultProxy.ts';
import { errorCodes, startTestHub, type TestHub } from './support/testHub.ts';
import { auditRefOf } from './support/auditRows.ts';

const TIMEOUT_MS = 1500;
let hub: TestHub;
const proxies = proxiesFor();
const proxy = (service: ServiceName, kind: 'graphql' | 'consent-api' = 'graphql') => proxies.get(`${service}:${kind}`);

beforeAll(async () => {
  hub = await startTestHub('faults', 10, {
    env: { KIM_SUBGRAPH_TIMEOUT_MS: String(TIMEOUT_MS), KIM_CONSENT_TIMEOUT_MS: String(TIMEOUT_MS / 3) },
    interpose: proxies.interpose,
  });
});
afterAll(async () => {
  await hub?.stop();
  await proxies.closeAll();
});
beforeEach(() => proxies.passAll());

const JOINED = '{ client(id: "K-000001") { givenName currentResidenceTitleType receivesBenefits languageLevel } }';

describe('a subgraph that is down', () => {
  it.each(['refuse', 'drop'] as const)('(%s) costs only its own fields: null, with an error and a path; the rest comes back', async (mode) => {
    proxy('welfare').mode = mode;
    const response = await hub.query('cm-neuss', JOINED);
    expect(response.status).toBe(200);
    expect(response.body.data?.client).toMatchObject({ givenName: 'Lina', currentResidenceTitleType: 'AUFENTHALTSERLAUBNIS', receivesBenefits: true, languageLevel: null });
    expect(errorCodes(response)).toEqual([{ code: 'SERVICE_UNAVAILABLE', path: 'client.languageLevel' }]);
    expect(JSON.stringify(response.body)).not.toMatch(/welfare|127\.0\.0\.1|503|ECONN|socket/i);
  });

  it('that hangs is given up after the per-subgraph timeout', async () => {
    proxy('jobcenter').mode = 'hang';
    const started = Date.now();
    const response = await hub.query('cm-neuss', JOINED);
    const waited = Date.now() - started;
    expect(response.body.data?.client).toMatchObject({ givenName: 'Lina', receivesBenefits: null, languageLevel: 'B1' });
    expect(errorCodes(response)).toEqual([{ code: 'SERVICE_UNAVAILABLE', path: 'client.receivesBenefits' }]);
    expect(waited).toBeGreaterThanOrEqual(TIMEOUT_MS - 100);
    // INTENTIONAL: a bound, not a timing assertion: without the timeout this request never ends.
    expect(waited).toBeLessThan(TIMEOUT_MS * 10);
  });

  it('does not stop a gateway from starting and serving', async () => {
    proxy('immigration-office').mode = 'refuse';
    const second = await startGateway({ ...hub.gatewayConfig, port: 0 });
    try {
      const response = await fetch(`${second.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await hub.token('cm-neuss')}` },
        body: JSON.stringify({ query: JOINED }),
      });
      const body = (await response.json()) as { data: { client: Record<string, unknown> } };
      expect(body.data.client).toMatchObject({ givenName: 'Lina', currentResidenceTitleType: null, languageLevel: 'B1' });
    } finally {
      await second.stop();
    }
  });

  it('never has a mutation retried', async () => {
    proxy('consent').mode = 'refuse';
    const before = proxy('consent').received.length;
    const response = await hub.query('cm-neuss', 'mutation { revokeConsent(id: "G-K-000001-1") { active } }');
    expect(response.body.data).toBeNull();
    expect(proxy('consent').received.length - before).toBe(1);
  });
});

describe('the consent service', () => {
  it('down: fails closed; back: serves again without a restart', async () => {
    proxy('consent', 'consent-api').mode = 'refuse';
    const down = await hub.query('cm-neuss', JOINED);
    expect(down.body.data?.client).toEqual({ givenName: null, currentResidenceTitleType: null, receivesBenefits: null, languageLevel: null });
    expect(new Set(errorCodes(down).map((e) => e.code))).toEqual(new Set(['CONSENT_UNAVAILABLE']));

    proxy('consent', 'consent-api').mode = 'hang';
    const hanging = await hub.query('cm-neuss', JOINED);
    expect(new Set(errorCodes(hanging).map((e) => e.code))).toEqual(new Set(['CONSENT_UNAVAILABLE']));

    proxy('consent', 'consent-api').mode = 'pass';
    const back = await hub.query('cm-neuss', JOINED);
    expect(back.body.errors).toBeUndefined();
    expect(back.body.data?.client).toMatchObject({ givenName: 'Lina', languageLevel: 'B1' });
  });
});

describe('a consent answer cut short', () => {
  it('denies what it leaves out as CONSENT_UNAVAILABLE and audits each such denial as TECHNICAL', async () => {
    const technical = async () =>
      hub.services.consent.prisma.auditEntry.count({ where: { kimClientId: await auditRefOf(hub.services.consent.prisma, 'K-000001'), category: 'EDUCATION_LANGUAGE', reason: 'TECHNICAL', allowed: false } });
    const before = await technical();
    proxy('consent', 'consent-api').mode = {
      rewrite: (path, body) => {
        if (!path.endsWith('/internal/decisions')) return body;
        const answer = JSON.parse(body) as { decisions: { category: string }[] };
        return JSON.stringify({ decisions: answer.decisions.filter((d) => d.category !== 'EDUCATION_LANGUAGE') });
      },
    };
    const response = await hub.query('cm-neuss', JOINED);
    expect(response.body.data?.client).toEqual({ givenName: 'Lina', currentResidenceTitleType: 'AUFENTHALTSERLAUBNIS', receivesBenefits: true, languageLevel: null });
    expect(errorCodes(response)).toEqual([{ code: 'CONSENT_UNAVAILABLE', path: 'client.languageLevel' }]);
    expect(await technical()).toBe(before + 1);
    const [entry] = await hub.services.consent.prisma.auditEntry.findMany({ where: { reason: 'TECHNICAL' }, orderBy: { seq: 'desc' }, take: 1 });
    expect(entry).toMatchObject({ agency: 'KIM_NEUSS', service: 'welfare', basis: null, grantId: null });
  });
});

describe('graceful shutdown of the gateway', () => {
  it('lets a request in flight finish and refuses new connections', async () => {
    proxy('welfare').mode = { delayMs: 700 };
    const inFlight = hub.query('cm-neuss', JOINED);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const stopping = hub.gateway.stop();
    const finished = await inFlight;
    expect(finished.status).toBe(200);
    expect(finished.body.data?.client).toMatchObject({ givenName: 'Lina', languageLevel: 'B1' });
    await stopping;
    await expect(hub.query('cm-neuss', JOINED)).rejects.toThrow();
  });
});
