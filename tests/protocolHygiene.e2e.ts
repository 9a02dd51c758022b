import type { Caller } from '@kim/service-kit';
import type { ServiceName } from '@kim/schema';
import { importPKCS8, SignJWT, type JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, startTestHub, type TestHub } from './support/testHub.ts';

// Issue 14 item 7: what a direct call, an odd operation or an odd token gets back.
let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub('hygiene', 10);
});
afterAll(async () => {
  await hub?.stop();
});

const JOBCENTER_LEAD: Caller = { subject: 'jc-lead-1', agency: 'JOBCENTER', role: 'JOBCENTER_TEAM_LEAD', purpose: 'BENEFITS_ADMINISTRATION', requestId: 'hygiene-1' };

/** A direct call to a subgraph as an insider holding a valid assertion for it. */
async function insiderCall(service: ServiceName, query: string) {
  const response = await fetch(hub.serviceUrls[service], {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...hub.gatewayHeaders(JOBCENTER_LEAD, service, { query }) },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, text: await response.text() };
}

describe('a subgraph called directly with a valid assertion', () => {
  it.each([
    ['jobcenter', 'a representation whose id is a number', '{ _entities(representations: [{ __typename: "Client", id: 5 }]) { ... on Client { receivesBenefits } } }'],
    ['case-registry', 'a representation whose id is an object', '{ _entities(representations: [{ __typename: "Client", id: { a: 1 } }]) { ... on Client { givenName } } }'],
    ['jobcenter', 'a NUL byte the database refuses', '{ clientByBenefitCase(caseId: "\\u0000") { id } }'],
  ] as const)('%s: %s gets a formatted error, never the database\'s text, file paths or source lines', async (service, _what, query) => {
    const { text } = await insiderCall(service, query);
    const body = JSON.parse(text) as { errors?: { message: string; extensions?: Record<string, unknown> }[] };
    expect(body.errors?.length).toBeGreaterThan(0);
    expect(text).not.toMatch(/prisma|invocation|\.ts:\d|\/work\/|node_modules|Database error|22021|findMany|findFirst/i);
    for (const error of body.errors ?? []) {
      expect(error.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      expect(Object.keys(error.extensions ?? {})).toEqual(['code']);
    }
  });
});

describe('operations the gateway cannot run', () => {
  const post = async (body: unknown) => {
    const response = await fetch(hub.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await hub.token('cm-neuss')}` },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] } };
  };

  it.each([
    ['an unknown operationName', { query: 'query A { __typename }', operationName: 'B' }],
    ['two operations and no operationName', { query: 'query A { __typename } query B { __typename }' }],
    ['a subscription', { query: 'subscription { __typename }' }],
  ])('%s is a bad request (HTTP 400, BAD_REQUEST), not a server error', async (_what, body) => {
    const response = await post(body);
    expect(response.status).toBe(400);
    expect(response.body.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_REQUEST']);
    expect(response.body.data).toBeUndefined();
  });
});

describe('tokens the IdP could issue but the hub must not accept', () => {
  const now = () => Math.floor(Date.now() / 1000);
  async function token(claims: JWTPayload) {
    const key = await importPKCS8(hub.idpPrivateKeyPem, 'EdDSA');
    return new SignJWT(claims).setProtectedHeader({ alg: 'EdDSA', typ: 'JWT' }).sign(key);
  }
  const base = (): JWTPayload => ({ iss: 'kim-demo-idp', aud: 'kim-hub', sub: 'someone-1', agency: 'KIM_NEUSS', role: 'CASE_MANAGER', iat: now(), exp: now() + 3600 });
  const ask = (t: string) => hub.query(null, '{ client(id: "K-000001") { id } }', undefined, { token: t });

  it('the well-formed base token is accepted (the cases below differ from it in one claim)', async () => {
    const response = await ask(await token(base()));
    expect(response.status).toBe(200);
  });

  it.each([
    ['a role its agency does not have (KI as a case manager)', { agency: 'KI', role: 'CASE_MANAGER' }],
    ['a role its agency does not have (the employment agency as a counsellor)', { agency: 'EMPLOYMENT_AGENCY', role: 'COUNSELLOR', purpose: 'REFERRAL' }],
    ['a 10,000-character subject', { sub: 'x'.repeat(10_000) }],
    ['a lifetime of a year', { exp: now() + 365 * 24 * 3600 }],
    ['no issued-at time', { iat: undefined }],
    ['an issued-at time in the future', { iat: now() + 3600, exp: now() + 7200 }],
  ])('refuses %s (401 with WWW-Authenticate: Bearer)', async (_what, change) => {
    const response = await ask(await token({ ...base(), ...change }));
    expect(response.status).toBe(401);
    expect(errorCodes(response).map((e) => e.code)).toEqual(['UNAUTHENTICATED']);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer\b/);
  });

  it('says how to authenticate on every 401: no token, a malformed one', async () => {
    for (const t of [undefined, 'not-a-jwt']) {
      const response = await hub.query(null, '{ __typename }', undefined, t ? { token: t } : {});
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer\b/);
    }
  });
});
