import { startGateway, type RunningGateway } from '@kim/gateway';
import { generatePopulation } from '@kim/demo/population';
import { readServiceConfig, startService, type RunningService } from '@kim/service-kit';
import { seedWelfare } from '@kim/demo/seed';
import { welfare, type WelfarePrisma } from '@kim/welfare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, startTestHub, type TestHub } from './support/testHub.ts';

/**
 * Issue 17 §3: a subgraph keeps each request's consent decisions for that request's later
 * fetches (the README's *Replicas* table), nothing across requests. So a revocation counts on the
 * very next request at every replica: two welfare replicas (the second seeded alike), each behind
 * a gateway of its own, over one consent service.
 */
const CLIENTS = 10;
let hub: TestHub;
let replica: RunningService<WelfarePrisma>;
let gatewayB: RunningGateway;

beforeAll(async () => {
  hub = await startTestHub('replicas', CLIENTS);
  const config = hub.gatewayConfig;
  replica = await startService(
    welfare,
    readServiceConfig('welfare', {
      KIM_DATA_DIR: 'memory://',
      WELFARE_PORT: '0',
      LOG_LEVEL: 'silent',
      KIM_ASSERTION_KEY_WELFARE: config.assertionKeys.welfare.export().toString('base64url'),
      KIM_CONSENT_URL: hub.services.consent.url,
    }),
    { prepare: async (prisma) => void (await seedWelfare(prisma, generatePopulation({ count: CLIENTS }))) },
  );
  gatewayB = await startGateway({ ...config, port: 0, subgraphUrls: { ...config.subgraphUrls, welfare: `${replica.url}/graphql` } });
});
afterAll(async () => {
  await gatewayB?.stop();
  await replica?.stop();
  await hub?.stop();
});

const LANGUAGE = '{ client(id: "K-000001") { languageLevel } }';

async function viaB(query: string) {
  const response = await fetch(`${gatewayB.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await hub.token('cm-neuss')}` },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Awaited<ReturnType<TestHub['query']>>['body'] };
}

describe('two welfare replicas', () => {
  it('both stop disclosing on the very next request after a revocation made through either', async () => {
    const a = await hub.query('cm-neuss', LANGUAGE);
    const b = await viaB(LANGUAGE);
    expect(a.body.errors).toBeUndefined();
    expect(b.body).toEqual(a.body);
    expect((a.body.data?.client as { languageLevel: unknown }).languageLevel).not.toBeNull();

    const grants = await hub.query('cm-neuss', '{ consentGrants(filter: { clientId: "K-000001" }) { id grantee categories active } }');
    const toKim = (grants.body.data?.consentGrants as { id: string; grantee: string; categories: string[]; active: boolean }[]).filter(
      (g) => g.grantee === 'KIM_NEUSS' && g.active && g.categories.includes('EDUCATION_LANGUAGE'),
    );
    expect(toKim.length).toBeGreaterThan(0);
    for (const grant of toKim) {
      const revoked = await hub.query('cm-neuss', 'mutation($id: ID!) { revokeConsent(id: $id, reason: "client withdrew") { active } }', { id: grant.id });
      expect(revoked.body.data?.revokeConsent).toEqual({ active: false });
    }

    for (const after of [await viaB(LANGUAGE), await hub.query('cm-neuss', LANGUAGE)]) {
      expect(after.body.data).toEqual({ client: { languageLevel: null } });
      expect(errorCodes(after)).toEqual([{ code: 'CONSENT_REQUIRED', path: 'client.languageLevel', category: 'EDUCATION_LANGUAGE' }]);
    }
  });
});
