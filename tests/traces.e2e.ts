import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from './support/testHub.ts';

/**
 * Issue 17 §4: one trace per request across gateway → subgraph → consent, exported over
 * OTLP/HTTP (JSON) to a collector this test plays; spans name services and routes, never a client.
 */
interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  attributes?: { key: string; value: Record<string, unknown> }[];
}
interface Exported {
  service: string;
  span: OtlpSpan;
}

const exported: Exported[] = [];
const bodies: string[] = [];
let collector: Server;
let hub: TestHub;
const CALLER_TRACE = '0af7651916cd43dd8448eb211c80319c';

beforeAll(async () => {
  collector = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      bodies.push(body);
      const parsed = JSON.parse(body) as { resourceSpans: { resource: { attributes: { key: string; value: { stringValue?: string } }[] }; scopeSpans: { spans: OtlpSpan[] }[] }[] };
      for (const rs of parsed.resourceSpans) {
        const service = rs.resource.attributes.find((a) => a.key === 'service.name')?.value.stringValue ?? '?';
        for (const ss of rs.scopeSpans) for (const span of ss.spans) exported.push({ service, span });
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
  const { port } = collector.address() as { port: number };
  hub = await startTestHub('traces', 10, { env: { OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${port}` } });
});
afterAll(async () => {
  await hub?.stop();
  await new Promise((resolve) => collector?.close(resolve));
});

describe('traces', () => {
  it('follow one request from the gateway through a subgraph to the consent service, in one trace', async () => {
    const response = await hub.query('cm-neuss', '{ client(id: "K-000001") { givenName familyName languageLevel } }');
    expect(response.status).toBe(200);
    // A caller's own traceparent is a caller's header: the hub starts its own trace.
    const withHeader = await fetch(hub.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await hub.token('cm-neuss')}`, traceparent: `00-${CALLER_TRACE}-b7ad6b7169203331-01` },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(withHeader.status).toBe(200);
    const names = JSON.stringify(response.body);
    // Stopping flushes every service's batch to the collector.
    await hub.stop();

    const roots = exported.filter((e) => e.service === 'kim-gateway' && e.span.name === 'POST /graphql');
    expect(roots).toHaveLength(2);
    const traced = roots.map((r) => r.span.traceId);
    expect(traced).not.toContain(CALLER_TRACE);
    expect(exported.some((e) => e.span.traceId === CALLER_TRACE)).toBe(false);
    const [first] = roots;
    const inTrace = exported.filter((e) => e.span.traceId === first!.span.traceId);
    const byId = new Map(inTrace.map((e) => [e.span.spanId, e]));
    const decisions = inTrace.find((e) => e.service === 'kim-consent' && e.span.name === 'POST /internal/decisions');
    expect(decisions).toBeDefined();
    // Its parent chain: the subgraph's consent call, the subgraph's request, the gateway's fetch, the root.
    const chain: string[] = [];
    for (let at = decisions; at; at = at.span.parentSpanId ? byId.get(at.span.parentSpanId) : undefined) chain.push(`${at.service}: ${at.span.name}`);
    expect(chain).toEqual([
      'kim-consent: POST /internal/decisions',
      'kim-case-registry: POST /internal/decisions',
      'kim-case-registry: POST /graphql',
      'kim-gateway: subgraph case-registry',
      'kim-gateway: POST /graphql',
    ]);
    expect(new Set(inTrace.map((e) => e.service))).toEqual(new Set(['kim-gateway', 'kim-case-registry', 'kim-welfare', 'kim-consent']));

    // Nothing of the client or the caller in any span.
    const all = bodies.join('\n');
    const given = (response.body.data?.client as { givenName: string; familyName: string }).givenName;
    const family = (response.body.data?.client as { givenName: string; familyName: string }).familyName;
    expect(names).toContain(given);
    for (const secret of ['K-000001', given, family, 'cm-neuss']) expect(all).not.toContain(secret);
  });
});
