import { generateKeyPair, SignJWT } from 'jose';
import { ASSERTION_HEADER, CONSENT_TICKET_HEADER, assertionKey, generateAssertionSecret, requestBodyHash, signAssertion, signConsentTicket } from '@kim/service-kit';
import { issueToken } from '@kim/demo';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, startTestHub, type TestHub } from './support/testHub.ts';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub('boundary');
});
afterAll(async () => {
  await hub?.stop();
});

const ENTITIES = '{ _entities(representations: [{ __typename: "Client", id: "K-000001" }]) { ... on Client { languageLevel healthNeeds { description } } } }';

async function callService(url: string, query: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
  return { status: response.status, body: (await response.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] } };
}

describe('a subgraph called directly, not through the gateway', () => {
  it('refuses a request without an assertion, and discloses nothing', async () => {
    const response = await callService(hub.serviceUrls.welfare, ENTITIES);
    expect(response.status).toBe(401);
    expect(response.body.data).toBeUndefined();
    expect(response.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it("refuses an assertion made with another key — another service's included", async () => {
    const caller = { subject: 'x', agency: 'KIM_NEUSS', role: 'CASE_MANAGER', purpose: 'CASE_MANAGEMENT', requestId: 'r' } as const;
    const bh = requestBodyHash({ query: ENTITIES });
    const jobcenters = signAssertion(hub.gatewayConfig.assertionKeys.jobcenter, caller, 'welfare', bh);
    expect((await callService(hub.serviceUrls.welfare, ENTITIES, { [ASSERTION_HEADER]: jobcenters })).status).toBe(401);
    const forged = signAssertion(assertionKey(generateAssertionSecret()), caller, 'welfare', bh);
    const response = await callService(hub.serviceUrls.welfare, ENTITIES, { [ASSERTION_HEADER]: forged });
    expect(response.status).toBe(401);
    expect(response.body.data).toBeUndefined();
  });

  it('refuses the caller\'s own token in place of an assertion', async () => {
    const token = await hub.token('cm-neuss');
    const response = await callService(hub.serviceUrls.welfare, ENTITIES, { [ASSERTION_HEADER]: token, authorization: `Bearer ${token}` });
    expect(response.status).toBe(401);
  });
});

describe('the consent service\'s internal routes', () => {
  const consentBase = () => hub.serviceUrls.consent.replace(/\/graphql$/, '');
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${consentBase()}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const question = { questions: [{ clientId: 'K-000001', category: 'HEALTH' }] };

  it.each(['/internal/decisions', '/internal/technical-denials', '/internal/shared-clients'])(
    '%s answers only an agency subgraph holding the gateway\'s assertion, and records nothing otherwise',
    async (path) => {
      const audited = () => hub.services.consent.prisma.auditEntry.count();
      const before = await audited();
      expect((await post(path, question)).status).toBe(401);
      const keys = hub.gatewayConfig.assertionKeys;
      const caller = { subject: 'x', agency: 'KIM_NEUSS', role: 'CASE_MANAGER', purpose: 'CASE_MANAGEMENT', requestId: 'internal-route-test' } as const;
      // An assertion for the consent service itself (as for a person's GraphQL request) is no ticket.
      expect((await post(path, question, { [ASSERTION_HEADER]: signAssertion(keys.consent, caller, 'consent', requestBodyHash({})) })).status).toBe(401);
      // A ticket the welfare service could make with its own key is no ticket either.
      expect((await post(path, question, { [CONSENT_TICKET_HEADER]: signConsentTicket(keys.welfare, caller, 'welfare') })).status).toBe(401);
      if (path.endsWith('shared-clients')) {
        // Only the case registry asks which clients are shared.
        expect((await post(path, undefined, { [CONSENT_TICKET_HEADER]: signConsentTicket(keys.consent, caller, 'welfare') })).status).toBe(401);
      }
      const asWelfare = { [CONSENT_TICKET_HEADER]: signConsentTicket(keys.consent, caller, path.endsWith('shared-clients') ? 'case-registry' : 'welfare') };
      if (!path.endsWith('shared-clients')) {
        expect((await post(path, { questions: [{ clientId: 'K-000001', category: 'NOT_A_CATEGORY' }] }, asWelfare)).status).toBe(400);
        expect((await post(path, { questions: [] }, asWelfare)).status).toBe(400);
      }
      expect(await audited()).toBe(before);
    },
  );
});

describe('the gateway\'s front door', () => {
  it('refuses a request without a token before any subgraph is asked', async () => {
    const auditBefore = await hub.services.consent.prisma.auditEntry.count();
    const response = await hub.query(null, '{ client(id: "K-000001") { givenName } }');
    expect(response.status).toBe(401);
    expect(errorCodes(response)).toEqual([{ code: 'UNAUTHENTICATED', path: '' }]);
    expect(response.body.data).toBeUndefined();
    expect(await hub.services.consent.prisma.auditEntry.count()).toBe(auditBefore);
  });

  it.each([
    ['expired', { expiresIn: '-1m' }],
    ['for another audience', { audience: 'someone-else' }],
    ['from another issuer', { issuer: 'evil-idp' }],
  ])('refuses a token %s', async (_name, options) => {
    const token = await issueToken(hub.idpPrivateKeyPem, 'cm-neuss', options);
    const response = await hub.query(null, '{ client(id: "K-000001") { givenName } }', undefined, { token });
    expect(response.status).toBe(401);
    expect(errorCodes(response).map((e) => e.code)).toEqual(['UNAUTHENTICATED']);
  });

  it('refuses unsigned and foreign-key tokens', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const claims = Buffer.from(JSON.stringify({ sub: 'x', agency: 'KIM_NEUSS', role: 'CASE_MANAGER', iss: 'kim-demo-idp', aud: 'kim-hub', exp: 9999999999 })).toString('base64url');
    const unsigned = await hub.query(null, '{ client(id: "K-000001") { givenName } }', undefined, { token: `${header}.${claims}.` });
    expect(unsigned.status).toBe(401);
    const { privateKey } = await generateKeyPair('EdDSA');
    const foreign = await new SignJWT({ agency: 'KIM_NEUSS', role: 'CASE_MANAGER' })
      .setProtectedHeader({ alg: 'EdDSA' })
      .setIssuer('kim-demo-idp')
      .setAudience('kim-hub')
      .setSubject('x')
      .setExpirationTime('1h')
      .sign(privateKey);
    const response = await hub.query(null, '{ client(id: "K-000001") { givenName } }', undefined, { token: foreign });
    expect(response.status).toBe(401);
  });

  it('refuses a purpose the role may not declare', async () => {
    const response = await hub.query('jobcenter', '{ client(id: "K-000001") { givenName } }', undefined, { purpose: 'RESIDENCE_PROCEDURE' });
    expect(response.status).toBe(403);
    expect(errorCodes(response).map((e) => e.code)).toEqual(['FORBIDDEN']);
    const unknown = await hub.query('jobcenter', '{ client(id: "K-000001") { givenName } }', undefined, { purpose: 'SPYING' as never });
    expect(unknown.status).toBe(403);
  });
});

describe('health endpoints', () => {
  it('answer alive and ready on the gateway and every service', async () => {
    const bases = [hub.gatewayUrl, ...Object.values(hub.serviceUrls)].map((u) => u.replace(/\/graphql$/, ''));
    for (const base of bases) {
      expect((await fetch(`${base}/healthz`)).status, base).toBe(200);
      const ready = await fetch(`${base}/readyz`);
      expect(ready.status, base).toBe(200);
      expect(await ready.json()).toEqual({ status: 'ready' });
    }
  });
});

describe('bad input', () => {
  it('names a malformed query', async () => {
    const response = await hub.query('cm-neuss', '{ client(id: "K-000001") { givenName ');
    expect(response.status).toBe(400);
    expect(errorCodes(response).map((e) => e.code)).toEqual(['GRAPHQL_PARSE_FAILED']);
  });

  it('names an unknown field without suggesting others', async () => {
    const response = await hub.query('cm-neuss', '{ client(id: "K-000001") { givenNam } }');
    expect(errorCodes(response).map((e) => e.code)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });

  it('names a variable of the wrong type', async () => {
    const response = await hub.query('cm-neuss', 'query($id: ID!) { client(id: $id) { givenName } }', { id: { nested: true } });
    expect(errorCodes(response).map((e) => e.code)).toEqual(['BAD_USER_INPUT']);
  });

  it('refuses a page size out of range and a forged cursor', async () => {
    const tooMany = await hub.query('cm-neuss', '{ clients(first: 1000) { totalCount } }');
    expect(errorCodes(tooMany)).toEqual([{ code: 'BAD_USER_INPUT', path: 'clients' }]);
    const cursor = await hub.query('cm-neuss', '{ clients(after: "not-a-cursor") { totalCount } }');
    expect(errorCodes(cursor)).toEqual([{ code: 'BAD_USER_INPUT', path: 'clients' }]);
  });

  it('strips internals from every error', async () => {
    const response = await hub.query('jobcenter', '{ client(id: "K-000001") { givenName } }');
    const [error] = response.body.errors ?? [];
    expect(Object.keys(error?.extensions ?? {}).sort()).toEqual(['category', 'code']);
    expect(JSON.stringify(response.body)).not.toMatch(/serviceName|stacktrace|127\.0\.0\.1|localhost/);
  });
});
