import { importPKCS8, SignJWT } from 'jose';
import { ASSERTION_HEADER, assertionKey, generateAssertionSecret, requestBodyHash, signAssertion } from '@kim/service-kit';
import { DEMO_AUDIENCE, DEMO_ISSUER } from '@kim/demo';
import type { Agency } from '@kim/schema';
import { Lexer, Source, TokenKind } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, startTestHub, type GraphQLResponse, type TestHub } from './support/testHub.ts';

/**
 * Low limits, so that a query just under and one just over each fits in a line. The rate limit
 * refills one token a minute: within one test the budget is what the test spends, to the token.
 */
const LIMITS = {
  NODE_ENV: 'production',
  KIM_MAX_DEPTH: '4',
  KIM_MAX_ALIASES: '2',
  KIM_MAX_DIRECTIVES: '2',
  KIM_MAX_TOKENS: '40',
  KIM_MAX_COST: '2000',
  KIM_RATE_LIMIT_CAPACITY: '1200',
  KIM_RATE_LIMIT_REFILL_PER_MINUTE: '1',
  // One user spends the agency's whole budget here; per-user budgets are rateLimits.e2e.ts's.
  KIM_RATE_LIMIT_USER_CAPACITY: '1200',
  KIM_RATE_LIMIT_USER_REFILL_PER_MINUTE: '1',
};

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub('limits', 40, { env: LIMITS });
});
afterAll(async () => {
  await hub?.stop();
});

const audited = () => hub.services.consent.prisma.auditEntry.count();

function tokenCount(query: string): number {
  const lexer = new Lexer(new Source(query));
  let count = 0;
  while (lexer.advance().kind !== TokenKind.EOF) count++;
  return count;
}

/** A token the demo IdP would sign for a caller of any agency (the personas cover only some). */
async function tokenFor(agency: Agency, role: string, subject: string): Promise<string> {
  const key = await importPKCS8(hub.idpPrivateKeyPem, 'EdDSA');
  return new SignJWT({ agency, role })
    .setProtectedHeader({ alg: 'EdDSA', typ: 'JWT' })
    .setIssuer(DEMO_ISSUER)
    .setAudience(DEMO_AUDIENCE)
    .setSubject(subject)
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(key);
}

async function post(body: string, headers: Record<string, string>): Promise<GraphQLResponse & { text: string }> {
  const response = await fetch(hub.gatewayUrl, { method: 'POST', headers, body });
  const text = await response.text();
  let parsed: GraphQLResponse['body'] = {};
  try {
    parsed = JSON.parse(text) as GraphQLResponse['body'];
  } catch {
    // Left empty: the assertions on `text` say what came instead.
  }
  return { status: response.status, headers: response.headers, body: parsed, text };
}

function expectRefusedAs(response: GraphQLResponse, status: number, code: string) {
  expect(response.status).toBe(status);
  expect(response.body.data).toBeUndefined();
  expect(errorCodes(response).map((e) => e.code)).toEqual([code]);
}

const fields = (n: number) => 'givenName '.repeat(n);

describe('operation limits', () => {
  it.each([
    ['depth', '{ clients(first: 1) { edges { node { id } } } }', '{ clients(first: 1) { edges { node { contact { phone } } } } }', 'Query depth limit of 4 exceeded, found 5.'],
    [
      'aliases',
      '{ a: client(id: "K-000001") { id } b: client(id: "K-000004") { id } }',
      '{ a: client(id: "K-000001") { id } b: client(id: "K-000004") { id } c: client(id: "K-000005") { id } }',
      'Aliases limit of 2 exceeded, found 3.',
    ],
    [
      'directives',
      '{ client(id: "K-000001") { id @include(if: true) town @skip(if: false) } }',
      '{ client(id: "K-000001") { id @include(if: true) town @skip(if: false) status @include(if: true) } }',
      'Directives limit of 2 exceeded, found 3.',
    ],
    // 100 × (2 + 12 × 1.5) = 2000; a thirteenth field costs 150 more.
    ['cost', `{ clients(first: 100) { ${'totalCount '.repeat(12)}} }`, `{ clients(first: 100) { ${'totalCount '.repeat(13)}} }`, 'Query Cost limit of 2000 exceeded, found 2150.'],
  ])('lets an operation at the %s limit through, and refuses one over it before any subgraph is asked', async (_name, at, over, message) => {
    const passed = await hub.query('cm-neuss', at);
    expect(passed.status).toBe(200);
    expect(passed.body.data).toBeTruthy();
    expect(errorCodes(passed).map((e) => e.code)).not.toContain('QUERY_TOO_COMPLEX');

    const before = await audited();
    const refused = await hub.query('cm-neuss', over);
    expectRefusedAs(refused, 400, 'QUERY_TOO_COMPLEX');
    expect(refused.body.errors?.[0]?.message).toBe(message);
    expect(await audited()).toBe(before);
  });

  it('counts tokens while parsing: 40 pass, 41 are refused', async () => {
    const at = `{ client(id: "K-000001") { ${fields(30)}} }`;
    const over = `{ client(id: "K-000001") { ${fields(31)}} }`;
    expect([tokenCount(at), tokenCount(over)]).toEqual([40, 41]);
    const passed = await hub.query('cm-neuss', at);
    expect(passed.status).toBe(200);
    expect((passed.body.data?.client as { givenName: string }).givenName).toBeTruthy();
    const refused = await hub.query('cm-neuss', over);
    expectRefusedAs(refused, 400, 'QUERY_TOO_COMPLEX');
    expect(refused.body.errors?.[0]?.message).toBe('Token limit of 40 exceeded.');
  });

  it('costs a page by the size it will fetch: from a variable, and by default', async () => {
    const query = `query($n: Int) { clients(first: $n) { ${'totalCount '.repeat(12)}} }`;
    expect((await hub.query('cm-neuss', query, { n: 100 })).status).toBe(200);
    // 101 would be refused by the case registry too; the cost limit refuses it first, at the gateway.
    const refused = await hub.query('cm-neuss', query, { n: 101 });
    expectRefusedAs(refused, 400, 'QUERY_TOO_COMPLEX');
    expect(refused.body.errors?.[0]?.message).toBe('Query Cost limit of 2000 exceeded, found 2020.');

    // Without `first` the registry's default page of 20 counts: 20 × 100.625, where a
    // literal-only reading would see one item (100.625) and let it through.
    const byDefault = await hub.query('cm-neuss', `{ clients { edges { node { ${fields(27)}} } } }`);
    expectRefusedAs(byDefault, 400, 'QUERY_TOO_COMPLEX');
    expect(byDefault.body.errors?.[0]?.message).toBe('Query Cost limit of 2000 exceeded, found 2012.5.');
  });

  it('leaves page sizes the cost allows to the services: the audit trail takes at most 500', async () => {
    // 501 × 3.5 = 1753.5 is within the cost limit: the consent service itself refuses the page.
    const atCap = await hub.query('dpo', '{ auditTrail(filter: {}, first: 500) { __typename } }');
    expect(atCap.body.errors).toBeUndefined();
    const overCap = await hub.query('dpo', '{ auditTrail(filter: {}, first: 501) { __typename } }');
    expect(errorCodes(overCap)).toEqual([{ code: 'BAD_USER_INPUT', path: 'auditTrail' }]);
  });
});

describe('the per-agency rate limit', () => {
  const page = (n: number) => `{ clients(first: ${n}) { totalCount } }`;

  it('charges each request one token and each object asked for one more, and refuses with 429 what the budget does not cover', async () => {
    // Welfare associations no other test of this file uses: their budgets are whole.
    const awo = await tokenFor('AWO', 'COUNSELLOR', 'awo-counsellor-1');
    const drk = await tokenFor('DRK', 'COUNSELLOR', 'drk-counsellor-1');
    const ask = (token: string, query: string) => hub.query(null, query, undefined, { token });
    const rateLimited = (r: GraphQLResponse) => errorCodes(r).some((e) => e.code === 'RATE_LIMITED');

    // 11 × (1 + 100) = 1111 of 1200: 89 left.
    for (let i = 0; i < 11; i++) expect(rateLimited(await ask(awo, page(100))), `page ${i}`).toBe(false);

    // Just over: the request takes 1 (88 left), its 89 clients do not fit, and nothing runs.
    const before = await audited();
    const over = await ask(awo, page(89));
    expectRefusedAs(over, 429, 'RATE_LIMITED');
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await audited()).toBe(before);

    // Just under: 1 + 87 is exactly what is left.
    expect(rateLimited(await ask(awo, page(87)))).toBe(false);

    // Empty: not even a request without objects.
    const empty = await ask(awo, '{ __typename }');
    expectRefusedAs(empty, 429, 'RATE_LIMITED');
    expect(empty.headers.get('retry-after')).toMatch(/^\d+$/);

    // Another agency's budget is its own.
    const other = await ask(drk, '{ __typename }');
    expect(other.status).toBe(200);
    expect(other.body).toEqual({ data: { __typename: 'Query' } });
  });
});

describe('the HTTP surface', () => {
  it('has no introspection in production', async () => {
    for (const query of ['{ __schema { types { name } } }', '{ __type(name: "Client") { fields { name } } }']) {
      const response = await hub.query('cm-neuss', query);
      expectRefusedAs(response, 400, 'GRAPHQL_VALIDATION_FAILED');
      expect(JSON.stringify(response.body)).not.toMatch(/givenName|residenceTitles/);
    }
    expect((await hub.query('cm-neuss', '{ __typename }')).body).toEqual({ data: { __typename: 'Query' } });
  });

  it('refuses a batch of operations in one body', async () => {
    const before = await audited();
    const body = JSON.stringify([{ query: '{ client(id: "K-000001") { givenName } }' }, { query: '{ client(id: "K-000004") { givenName } }' }]);
    const response = await post(body, { 'content-type': 'application/json', authorization: `Bearer ${await hub.token('cm-neuss')}` });
    expectRefusedAs(response, 400, 'BAD_REQUEST');
    expect(await audited()).toBe(before);
  });

  it.each([
    ['a form-encoded POST', { 'content-type': 'application/x-www-form-urlencoded' }],
    ['a text/plain POST', { 'content-type': 'text/plain' }],
    ['a POST without content-type', {}],
  ])('refuses %s as a possible cross-site request forgery', async (_name, headers: Record<string, string>) => {
    const before = await audited();
    const response = await post(JSON.stringify({ query: '{ client(id: "K-000001") { givenName } }' }), { ...headers, authorization: `Bearer ${await hub.token('cm-neuss')}` });
    expectRefusedAs(response, 400, 'BAD_REQUEST');
    expect(response.body.errors?.[0]?.message).toMatch(/Cross-Site Request Forgery/);
    expect(await audited()).toBe(before);
  });

  it('refuses a GET without a preflight header as a possible cross-site request forgery', async () => {
    const url = `${hub.gatewayUrl}?query=${encodeURIComponent('{ client(id: "K-000001") { givenName } }')}`;
    const response = await fetch(url, { headers: { authorization: `Bearer ${await hub.token('cm-neuss')}` } });
    expect(response.status).toBe(400);
    expect(((await response.json()) as GraphQLResponse['body']).errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
  });

  it('refuses a body over 100kb with 413, as JSON, without stack or paths', async () => {
    const body = JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(101 * 1024) } });
    const response = await post(body, { 'content-type': 'application/json', authorization: `Bearer ${await hub.token('cm-neuss')}` });
    expectRefusedAs(response, 413, 'BAD_REQUEST');
    expect(response.text).not.toMatch(/node_modules|at |Error:|\/work\//);
    // Just under the limit is read (and answered as GraphQL).
    const under = JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(99 * 1024) } });
    expect((await post(under, { 'content-type': 'application/json', authorization: `Bearer ${await hub.token('cm-neuss')}` })).body).toEqual({ data: { __typename: 'Query' } });
  });

  it('refuses a body that is not JSON with 400, as JSON, without stack or paths', async () => {
    const response = await post('{"query": "{ __typename }"', { 'content-type': 'application/json' });
    expectRefusedAs(response, 400, 'BAD_REQUEST');
    expect(response.text).not.toMatch(/node_modules|at |SyntaxError|\/work\//);
  });

  it('sends the security headers and no-store on every response, refusals included', async () => {
    const neuss = `Bearer ${await hub.token('cm-neuss')}`;
    const json = { 'content-type': 'application/json' };
    const query = JSON.stringify({ query: '{ client(id: "K-000001") { givenName } }' });
    const responses = {
      'data (200)': await post(query, { ...json, authorization: neuss }),
      'no token (401)': await post(query, json),
      'foreign purpose (403)': await post(query, { ...json, authorization: neuss, 'x-kim-purpose': 'RESIDENCE_PROCEDURE' }),
      'invalid operation (400)': await post(JSON.stringify({ query: '{ nope }' }), { ...json, authorization: neuss }),
      'too complex (400)': await post(JSON.stringify({ query: '{ a: client(id: "1") { id } b: client(id: "2") { id } c: client(id: "3") { id } }' }), { ...json, authorization: neuss }),
      'csrf (400)': await post(query, { 'content-type': 'text/plain', authorization: neuss }),
      'too large (413)': await post(JSON.stringify({ query: 'x'.repeat(200 * 1024) }), json),
      'health (200)': await fetch(hub.gatewayUrl.replace(/\/graphql$/, '/healthz')),
    };
    expect(Object.fromEntries(Object.entries(responses).map(([k, r]) => [k, r.status]))).toEqual({
      'data (200)': 200,
      'no token (401)': 401,
      'foreign purpose (403)': 403,
      'invalid operation (400)': 400,
      'too complex (400)': 400,
      'csrf (400)': 400,
      'too large (413)': 413,
      'health (200)': 200,
    });
    for (const [name, response] of Object.entries(responses)) {
      const h = response.headers;
      expect(
        { nosniff: h.get('x-content-type-options'), referrer: h.get('referrer-policy'), frame: h.get('x-frame-options'), csp: h.get('content-security-policy'), cache: h.get('cache-control') },
        name,
      ).toEqual({ nosniff: 'nosniff', referrer: 'no-referrer', frame: 'DENY', csp: "default-src 'none'; frame-ancestors 'none'", cache: 'no-store' });
    }
  });

  it.each([
    ['an unknown field', '{ client(id: "K-000001") { givenNam } }', undefined, 'GRAPHQL_VALIDATION_FAILED', 'givenName'],
    ['an unknown argument', '{ clients(fist: 3) { totalCount } }', undefined, 'GRAPHQL_VALIDATION_FAILED', '"first"'],
    ['an unknown type', 'query($f: ClientFiltr) { clients(filter: $f) { totalCount } }', undefined, 'GRAPHQL_VALIDATION_FAILED', 'ClientFilter'],
    ['a mistyped enum value', '{ clients(filter: { town: NEUS }) { totalCount } }', undefined, 'GRAPHQL_VALIDATION_FAILED', 'NEUSS'],
    ['a mistyped enum value in a variable', 'query($t: Town) { clients(filter: { town: $t }) { totalCount } }', { t: 'NEUS' }, 'BAD_USER_INPUT', 'NEUSS'],
    ['a mistyped input field', '{ clients(filter: { twn: NEUSS }) { totalCount } }', undefined, 'GRAPHQL_VALIDATION_FAILED', '"town"'],
  ])('names %s without suggesting what exists', async (_name, query, variables, code, suggestion) => {
    const response = await hub.query('cm-neuss', query, variables);
    expect(errorCodes(response).map((e) => e.code)).toEqual([code]);
    const messages = (response.body.errors ?? []).map((e) => e.message).join(' ');
    expect(messages).not.toMatch(/did you mean/i);
    expect(messages).not.toContain(suggestion);
  });
});

describe('who the caller is', () => {
  it('comes from the token alone: forged assertion and identity headers change nothing', async () => {
    const query = '{ client(id: "K-000001") { givenName languageLevel } }';
    const forgedAssertion = signAssertion(
      assertionKey(generateAssertionSecret()),
      { subject: 'forged-1', agency: 'KIM_NEUSS', role: 'CASE_MANAGER', purpose: 'CASE_MANAGEMENT', requestId: 'forged-request' },
      'case-registry',
      requestBodyHash({ query }),
    );
    const token = await hub.token('jobcenter');
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-kim-purpose': 'LABOUR_MARKET_INTEGRATION' };
    const honest = await post(JSON.stringify({ query }), headers);
    const forged = await post(JSON.stringify({ query }), {
      ...headers,
      [ASSERTION_HEADER]: forgedAssertion,
      'x-kim-agency': 'KIM_NEUSS',
      'x-kim-role': 'CASE_MANAGER',
      'x-kim-subject': 'forged-1',
      'x-request-id': 'forged-request',
      'x-forwarded-user': 'forged-1',
    });

    // Decided as the jobcenter: K-000001's consent lets it see language for this purpose, not the name.
    expect(honest.body.data).toEqual({ client: { givenName: null, languageLevel: 'B1' } });
    expect(forged.body).toEqual(honest.body);
    const requestId = forged.headers.get('x-request-id');
    expect(requestId).toBeTruthy();
    expect(requestId).not.toBe('forged-request');
    const rows = await hub.services.consent.prisma.auditEntry.findMany({ where: { requestId: requestId! } });
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => `${r.agency} ${r.subject} ${r.purpose}`))).toEqual(new Set(['JOBCENTER jc-lead-1 LABOUR_MARKET_INTEGRATION']));
  });

  it('refuses a tampered token before any subgraph is asked', async () => {
    const token = await hub.token('jobcenter');
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const middle = Math.floor(payload.length / 2);
    const flipped = `${header}.${payload.slice(0, middle)}${payload[middle] === 'A' ? 'B' : 'A'}${payload.slice(middle + 1)}.${signature}`;
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const promoted = `${header}.${Buffer.from(JSON.stringify({ ...claims, agency: 'KIM_NEUSS', role: 'CASE_MANAGER' })).toString('base64url')}.${signature}`;

    const query = '{ client(id: "K-000001") { givenName } }';
    // The untampered token is let in and audited: an unchanged count below means something.
    const before = await audited();
    expect((await hub.query(null, query, undefined, { token })).status).toBe(200);
    expect(await audited()).toBeGreaterThan(before);

    for (const tampered of [flipped, promoted]) {
      const count = await audited();
      const response = await hub.query(null, query, undefined, { token: tampered });
      expectRefusedAs(response, 401, 'UNAUTHENTICATED');
      expect(await audited()).toBe(count);
    }
  });
});
