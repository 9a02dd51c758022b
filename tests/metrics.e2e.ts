import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from './support/testHub.ts';

/** Issue 17 §4: Prometheus metrics on internal ports, apart from the public one. */
let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub('metrics', 10, { env: { GATEWAY_METRICS_PORT: '0', CONSENT_METRICS_PORT: '0' } });
});
afterAll(async () => {
  await hub?.stop();
});

async function scrape(url: string | null): Promise<string> {
  if (!url) throw new Error('metrics are not served');
  const response = await fetch(url);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
  return response.text();
}

/** The value of one series (`name{labels}`) in Prometheus' text format; 0 when absent. */
function sample(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

const consentMetrics = () => scrape(hub.services.consent.metricsUrl);
const gatewayMetrics = () => scrape(hub.gateway.metricsUrl);

describe('metrics', () => {
  it('count consent decisions by outcome and reason once a query made them', async () => {
    const allowed = 'kim_consent_decisions_total{outcome="allowed",reason="OWNER"}';
    const denied = 'kim_consent_decisions_total{outcome="denied",reason="NO_BASIS"}';
    const before = await consentMetrics();
    const own = await hub.query('cm-neuss', '{ client(id: "K-000001") { givenName } }');
    expect(own.status).toBe(200);
    // The jobcenter may see language and counselling data of K-000001, not its residence.
    const refused = await hub.query('jobcenter', '{ client(id: "K-000001") { currentResidenceTitleType } }', undefined, { purpose: 'LABOUR_MARKET_INTEGRATION' });
    expect(refused.body.errors?.map((e) => e.extensions?.code)).toContain('CONSENT_REQUIRED');
    const after = await consentMetrics();
    expect(sample(after, allowed)).toBeGreaterThan(sample(before, allowed));
    expect(sample(after, denied)).toBeGreaterThan(sample(before, denied));
    expect(sample(after, 'kim_consent_audit_append_seconds_count')).toBeGreaterThan(sample(before, 'kim_consent_audit_append_seconds_count'));
    // Labels from fixed lists only: no client id, name or caller.
    expect(after).not.toMatch(/K-0000|cm-neuss|jobcenter-/);
  });

  it('count gateway requests by status and errors by code', async () => {
    const before = await gatewayMetrics();
    await hub.query('jobcenter', '{ client(id: "K-000001") { currentResidenceTitleType } }', undefined, { purpose: 'LABOUR_MARKET_INTEGRATION' });
    await hub.query(null, '{ __typename }');
    const after = await gatewayMetrics();
    const series = ['kim_gateway_requests_total{status="200"}', 'kim_gateway_requests_total{status="401"}', 'kim_gateway_errors_total{code="CONSENT_REQUIRED"}', 'kim_gateway_errors_total{code="UNAUTHENTICATED"}'];
    for (const s of series) expect(sample(after, s), s).toBe(sample(before, s) + 1);
    expect(after).toMatch(/^kim_gateway_rate_limit_refusals_total\{budget="user"\} 0$/m);
  });

  it('are not served on the public port', async () => {
    const gateway = new URL(hub.gatewayUrl);
    expect((await fetch(`${gateway.origin}/metrics`)).status).toBe(404);
    expect(new URL(hub.gateway.metricsUrl!).port).not.toBe(gateway.port);
  });
});
