import { generatePopulation } from '@kim/demo/population';
import { seedWelfare } from '@kim/demo/seed';
import { readServiceConfig, startService, type Caller, type RunningService } from '@kim/service-kit';
import { welfare, type WelfarePrisma } from '@kim/welfare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueSuffix } from './support/pgSchemas.ts';
import { testRedis, type TestRedis } from './support/redis.ts';
import { tcpProxy } from './support/tcpProxy.ts';
import { startTestHub, type TestHub } from './support/testHub.ts';

/**
 * Issue 17 §3: an assertion is good for one use at one service — at any of its replicas. With
 * `REDIS_URL` the replicas of a service remember the assertions they accepted together, so an
 * insider who taps an assertion cannot replay it at another replica within its lifetime (before,
 * each replica remembered only its own). Two welfare replicas over the Redis on this machine (or
 * one of the test's own, see testRedis).
 */
const CLIENTS = 6;
let redis: TestRedis;
let REDIS: { REDIS_URL: string; KIM_REDIS_KEY_PREFIX: string };
let hub: TestHub;
let replica: RunningService<WelfarePrisma>;

beforeAll(async () => {
  redis = await testRedis();
  REDIS = { REDIS_URL: redis.url, KIM_REDIS_KEY_PREFIX: `kimtest:${uniqueSuffix('replay')}:` };
  hub = await startTestHub('replayreplicas', CLIENTS, { env: REDIS });
  replica = await welfareReplica(REDIS.REDIS_URL);
});

/** Another welfare replica of the hub, with its store of used assertions at `redisUrl`. */
function welfareReplica(redisUrl: string): Promise<RunningService<WelfarePrisma>> {
  return startService(
    welfare,
    readServiceConfig('welfare', {
      ...REDIS,
      REDIS_URL: redisUrl,
      KIM_DATA_DIR: 'memory://',
      WELFARE_PORT: '0',
      LOG_LEVEL: 'silent',
      KIM_ASSERTION_KEY_WELFARE: hub.gatewayConfig.assertionKeys.welfare.export().toString('base64url'),
      KIM_CONSENT_URL: hub.services.consent.url,
    }),
    { prepare: async (prisma) => void (await seedWelfare(prisma, generatePopulation({ count: CLIENTS }))) },
  );
}
afterAll(async () => {
  await replica?.stop();
  await hub?.stop();
  await redis?.stop();
});

const CASE_MANAGER: Caller = { subject: 'cm-neuss-1', agency: 'KIM_NEUSS', role: 'CASE_MANAGER', purpose: 'CASE_MANAGEMENT', requestId: 'replay-1' };

async function call(url: string, headers: Record<string, string>, query: string) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
  return { status: response.status, body: (await response.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] } };
}

describe('an assertion tapped on its way to one welfare replica', () => {
  it('is refused at the other replica, and again at the first', async () => {
    const query = '{ _service { sdl } }';
    const headers = hub.gatewayHeaders(CASE_MANAGER, 'welfare', { query });
    const first = await call(hub.serviceUrls.welfare, headers, query);
    expect(first.status).toBe(200);
    expect(first.body.errors).toBeUndefined();
    for (const url of [`${replica.url}/graphql`, hub.serviceUrls.welfare]) {
      const replayed = await call(url, headers, query);
      expect(replayed.body.data ?? null).toBeNull();
      expect(replayed.body.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    }
    // A fresh assertion is taken by either replica.
    const fresh = await call(`${replica.url}/graphql`, hub.gatewayHeaders(CASE_MANAGER, 'welfare', { query }), query);
    expect(fresh.body.errors).toBeUndefined();
  });
});

describe('a welfare replica that cannot ask the store of used assertions', () => {
  it('answers nothing (SERVICE_UNAVAILABLE) while the store is away', async () => {
    const proxy = await tcpProxy(redis.port, redis.host);
    const cut = await welfareReplica(`redis://127.0.0.1:${proxy.port}`);
    try {
      const query = '{ _service { sdl } }';
      expect((await call(`${cut.url}/graphql`, hub.gatewayHeaders(CASE_MANAGER, 'welfare', { query }), query)).body.errors).toBeUndefined();
      await proxy.close();
      const refused = await call(`${cut.url}/graphql`, hub.gatewayHeaders(CASE_MANAGER, 'welfare', { query }), query);
      expect(refused.body.data ?? null).toBeNull();
      expect(refused.body.errors?.map((e) => e.extensions?.code)).toEqual(['SERVICE_UNAVAILABLE']);
    } finally {
      await cut.stop();
      await proxy.close();
    }
  });
});
