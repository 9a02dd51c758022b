import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { startGateway, type RunningGateway } from '@kim/gateway';
import { SERVICES } from '@kim/schema';
import { envPrefix, assertionKeyVariable } from '@kim/service-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildGateway, startBuiltGateway, type BuiltGateway } from './support/builtGateway.ts';
import { forgedTokens } from './support/forgedTokens.ts';
import { testRedis, type TestRedis } from './support/redis.ts';
import { tcpProxy } from './support/tcpProxy.ts';
import { startTestHub, type TestHub } from './support/testHub.ts';

/**
 * Issue 17 §3: with REDIS_URL, gateway replicas share one budget per agency, user and failing
 * address. Two gateways over one set of services — the test hub's, in this process, and a second
 * in a process of its own, started as a deployment starts it (`node gateway/dist/index.js`) —
 * against the Redis server on this machine (or one of the test's own, see testRedis), under a key
 * prefix of this run's own (parallel runs do not meet).
 */
const PREFIX = `kimtest:${randomUUID()}:`;
const USER_CAPACITY = 12;
const AUTH_FAILURES = 6;
const LIMITS = {
  KIM_REDIS_KEY_PREFIX: PREFIX,
  // High: the user and address cases below must meet their own budgets, not the agency's.
  KIM_RATE_LIMIT_CAPACITY: '1000',
  KIM_RATE_LIMIT_REFILL_PER_MINUTE: '1',
  KIM_RATE_LIMIT_USER_CAPACITY: String(USER_CAPACITY),
  KIM_RATE_LIMIT_USER_REFILL_PER_MINUTE: '1',
  KIM_AUTH_FAILURE_CAPACITY: String(AUTH_FAILURES),
  KIM_AUTH_FAILURE_REFILL_PER_MINUTE: '1',
};
let redis: TestRedis;
let ENV: NodeJS.ProcessEnv;
let hub: TestHub;
let replica: BuiltGateway;

/** Another gateway: its own process from the built bundle, with the hub's services and keys, and `env`'s budgets. */
function startReplica(env: NodeJS.ProcessEnv): Promise<BuiltGateway> {
  const config = hub.gatewayConfig;
  if (config.tokenKeys.kind !== 'pem') throw new Error('the test hub verifies tokens with a key');
  return startBuiltGateway({
    ...env,
    KIM_JWT_PUBLIC_KEY: config.tokenKeys.pem,
    KIM_JWT_ISSUER: config.tokenIssuer,
    KIM_JWT_AUDIENCE: config.tokenAudience,
    ...Object.fromEntries(SERVICES.map((s) => [assertionKeyVariable(s), config.assertionKeys[s].export().toString('base64url')])),
    ...Object.fromEntries(SERVICES.map((s) => [`${envPrefix(s)}_URL`, config.subgraphUrls[s]])),
  });
}

beforeAll(async () => {
  // The replica runs the bundle a deployment runs, built from this checkout's sources.
  await buildGateway();
  redis = await testRedis();
  ENV = { REDIS_URL: redis.url, ...LIMITS };
  hub = await startTestHub('sharedlimits', 10, { env: { ...ENV, GATEWAY_METRICS_PORT: '0' } });
  replica = await startReplica(ENV);
});
afterAll(async () => {
  await replica?.stop();
  await hub?.stop();
  await redis?.stop();
});

async function post(url: string, token: string | null): Promise<{ status: number; code: unknown; message: unknown; retryAfter: string | null }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query: '{ __typename }' }) });
  const body = (await response.json()) as { errors?: { message?: unknown; extensions?: { code?: unknown } }[] };
  return { status: response.status, code: body.errors?.[0]?.extensions?.code, message: body.errors?.[0]?.message, retryAfter: response.headers.get('retry-after') };
}

/** A gateway's `kim_gateway_rate_limit_refusals_total` by budget. */
async function refusalsByBudget(metricsUrl: string): Promise<Record<string, number>> {
  const text = await (await fetch(metricsUrl)).text();
  return Object.fromEntries([...text.matchAll(/^kim_gateway_rate_limit_refusals_total\{budget="(\w+)"\} (\d+)$/gm)].map((m) => [m[1], Number(m[2])]));
}

describe('gateway replicas with REDIS_URL', () => {
  it("spend one user's budget between them, not one each", async () => {
    const token = await hub.token('jobcenter-dormagen');
    const gateways = [hub.gatewayUrl, replica.url];
    const statuses: number[] = [];
    // Alternating: each gateway alone would serve the whole budget, both together twice that.
    for (let i = 0; i < 2 * USER_CAPACITY + 2; i++) statuses.push((await post(gateways[i % 2]!, token)).status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(USER_CAPACITY);
    expect(statuses.slice(USER_CAPACITY)).toEqual(Array(USER_CAPACITY + 2).fill(429));
    for (const gateway of gateways) {
      const refused = await post(gateway, token);
      expect(refused.code).toBe('RATE_LIMITED');
      expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    }
    const metrics = await (await fetch(hub.gateway.metricsUrl!)).text();
    expect(metrics).toMatch(/^kim_gateway_rate_limit_refusals_total\{budget="user"\} [1-9]/m);
    // Another user of the agency still has a budget of its own.
    expect((await post(replica.url, await hub.token('jobcenter'))).status).toBe(200);
  });

  it('count failed authentications per address across both', async () => {
    const forged = await forgedTokens();
    const known = await hub.token('ki');
    // Verified before the spray, at both: remembered by each (see the README, Replicas).
    for (const gateway of [hub.gatewayUrl, replica.url]) expect((await post(gateway, known)).status).toBe(200);
    const statuses: number[] = [];
    for (let i = 0; i < 2 * AUTH_FAILURES; i++) statuses.push((await post(i % 2 ? replica.url : hub.gatewayUrl, await forged(i))).status);
    expect(statuses).toEqual([...Array(AUTH_FAILURES).fill(401), ...Array(AUTH_FAILURES).fill(429)]);
    for (const gateway of [hub.gatewayUrl, replica.url]) expect((await post(gateway, known)).status).toBe(200);
  });

  describe("with an agency's budget smaller than its users'", () => {
    const AGENCY_CAPACITY = 8;
    // A prefix of its own: fresh budgets, apart from the cases above.
    const AGENCY_LIMITS = {
      KIM_REDIS_KEY_PREFIX: `${PREFIX}agency:`,
      KIM_RATE_LIMIT_CAPACITY: String(AGENCY_CAPACITY),
      KIM_RATE_LIMIT_REFILL_PER_MINUTE: '1',
      // Each user alone could spend the whole agency's budget: only the agency's can refuse.
      KIM_RATE_LIMIT_USER_CAPACITY: String(10 * AGENCY_CAPACITY),
      KIM_RATE_LIMIT_USER_REFILL_PER_MINUTE: '1',
    };
    let inProcess: RunningGateway;
    let separate: BuiltGateway;
    beforeAll(async () => {
      inProcess = await startGateway({
        ...hub.gatewayConfig,
        port: 0,
        metricsPort: 0,
        rateLimit: { capacity: AGENCY_CAPACITY, refillPerMinute: 1, userCapacity: 10 * AGENCY_CAPACITY, userRefillPerMinute: 1 },
        sharedBudgets: { url: redis.url, keyPrefix: AGENCY_LIMITS.KIM_REDIS_KEY_PREFIX },
      });
      separate = await startReplica({ ...ENV, ...AGENCY_LIMITS });
    });
    afterAll(async () => {
      await separate?.stop();
      await inProcess?.stop();
    });

    it('spend it between them: exactly its capacity, then RATE_LIMITED naming the agency', async () => {
      const gateways = [`${inProcess.url}/graphql`, separate.url];
      // Two users of one agency, each at both gateways in turn.
      const tokens = [await hub.token('abh'), await hub.token('abh-neuss')];
      const answers = [];
      for (let i = 0; i < 2 * AGENCY_CAPACITY + 4; i++) answers.push(await post(gateways[(i >> 1) % 2]!, tokens[i % 2]!));
      expect(answers.map((a) => a.status)).toEqual([...Array(AGENCY_CAPACITY).fill(200), ...Array(AGENCY_CAPACITY + 4).fill(429)]);
      for (const refused of answers.slice(AGENCY_CAPACITY)) {
        expect(refused.code).toBe('RATE_LIMITED');
        expect(refused.message).toMatch(/^Rate limit: your agency's budget does not cover another request; retry after \d+ s\.$/);
      }
      const refusals = await Promise.all([inProcess.metricsUrl!, separate.metricsUrl].map(refusalsByBudget));
      expect(refusals.map((r) => r.user)).toEqual([0, 0]);
      expect(refusals.map((r) => r.agency).reduce((a, b) => a! + b!, 0)).toBe(AGENCY_CAPACITY + 4);
      expect(refusals.every((r) => r.agency! > 0)).toBe(true);
    });
  });
});

describe('a gateway whose Redis is unreachable', () => {
  it('refuses to start', async () => {
    const closed = await freePort();
    await expect(startGateway({ ...hub.gatewayConfig, port: 0, sharedBudgets: { url: `redis://127.0.0.1:${closed}`, keyPrefix: PREFIX } })).rejects.toThrow(/REDIS_URL/);
  });

  it('refuses every request (RATE_LIMIT_UNAVAILABLE, HTTP 503) and says it is not ready once Redis is gone', async () => {
    const proxy = await tcpProxy(redis.port, redis.host);
    let gateway: RunningGateway | undefined;
    try {
      // A prefix of its own: this address has spent the failures' budget shared under PREFIX.
      gateway = await startGateway({ ...hub.gatewayConfig, port: 0, sharedBudgets: { url: `redis://127.0.0.1:${proxy.port}`, keyPrefix: `${PREFIX}cut:` } });
      const url = `${gateway.url}/graphql`;
      const token = await hub.token('welfare-caritas');
      expect((await post(url, token)).status).toBe(200);
      expect((await fetch(`${gateway.url}/readyz`)).status).toBe(200);
      await proxy.close();
      const refused = await post(url, token);
      expect(refused).toEqual({ status: 503, code: 'RATE_LIMIT_UNAVAILABLE', message: expect.any(String), retryAfter: null });
      // Failed authentications are not counted elsewhere meanwhile: refused the same way.
      expect(await post(url, 'not-a-token')).toEqual({ status: 503, code: 'RATE_LIMIT_UNAVAILABLE', message: expect.any(String), retryAfter: null });
      expect((await fetch(`${gateway.url}/readyz`)).status).toBe(503);
    } finally {
      await gateway?.stop();
      await proxy.close();
    }
  });
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
