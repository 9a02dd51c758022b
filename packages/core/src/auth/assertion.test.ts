import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  ReplayMemory,
  assertionKey,
  generateAssertionSecret,
  requestBodyHash,
  signAssertion,
  signConsentTicket,
  verifyAssertion,
  verifyConsentTicket,
  type AssertionKey,
} from './assertion.ts';
import type { Caller } from './caller.ts';

const caller: Caller = { subject: 'u1', agency: 'KIM_NEUSS', role: 'CASE_MANAGER', team: 'NEUSS', purpose: 'CASE_MANAGEMENT', requestId: 'r1' };
const welfareKey = assertionKey(generateAssertionSecret());
const consentKey = assertionKey(generateAssertionSecret());
const body = { query: '{ _entities(representations: $r) { __typename } }', variables: { r: [{ __typename: 'Client', id: 'K-1' }] } };
const bh = requestBodyHash(body);
const verify = (token: string | undefined, audience = 'welfare', key: AssertionKey = welfareKey, hash = bh) => verifyAssertion(key, token, audience, hash, new ReplayMemory());

/** An assertion made by hand with the service's key: claims the gateway would never sign. */
function handMade(claims: Record<string, unknown>, key: AssertionKey = welfareKey): string {
  const now = Math.floor(Date.now() / 1000);
  const payload = Buffer.from(JSON.stringify({ iss: 'kim-gateway', aud: 'welfare', jti: 'j-1', iat: now, exp: now + 60, bh, sub: 'u1', agency: 'KIM_NEUSS', role: 'CASE_MANAGER', purpose: 'CASE_MANAGEMENT', rid: 'r', ...claims })).toString('base64url');
  const mac = createHmac('sha256', key).update(`kim-assertion.v1.${payload}`).digest('base64url');
  return `kim-assertion.v1.${payload}.${mac}`;
}

describe('gateway assertions (HMAC-SHA256, one key per service)', () => {
  it('carry the caller to the service they are addressed to, for the request they are bound to', () => {
    const token = signAssertion(welfareKey, caller, 'welfare', bh);
    expect(verify(token)).toEqual({ ...caller, audience: 'welfare', plannedOperations: [] });
    expect(verify(handMade({}))).toMatchObject({ subject: 'u1' });
  });

  it('are good for one use: a replay of the same assertion is refused', () => {
    const replays = new ReplayMemory();
    const token = signAssertion(welfareKey, caller, 'welfare', bh);
    expect(verifyAssertion(welfareKey, token, 'welfare', bh, replays)).not.toBeNull();
    expect(verifyAssertion(welfareKey, token, 'welfare', bh, replays)).toBeNull();
    // A fresh assertion for the same request is a new one.
    expect(verifyAssertion(welfareKey, signAssertion(welfareKey, caller, 'welfare', bh), 'welfare', bh, replays)).not.toBeNull();
  });

  it('are refused for another request body (another query or other variables)', () => {
    const token = signAssertion(welfareKey, caller, 'welfare', bh);
    expect(verify(token, 'welfare', welfareKey, requestBodyHash({ ...body, query: '{ __typename }' }))).toBeNull();
    expect(verify(token, 'welfare', welfareKey, requestBodyHash({ ...body, variables: { r: [{ __typename: 'Client', id: 'K-2' }] } }))).toBeNull();
  });

  it('are refused by any other service, and with an audience array', () => {
    const token = signAssertion(welfareKey, caller, 'welfare', bh);
    expect(verify(token, 'jobcenter')).toBeNull();
    expect(verify(handMade({ aud: ['welfare', 'case-registry'] }))).toBeNull();
  });

  it("are refused under another service's key, missing, expired, long-lived, without jti or altered", () => {
    const jobcenterKey = assertionKey(generateAssertionSecret());
    expect(verify(signAssertion(jobcenterKey, caller, 'welfare', bh))).toBeNull();
    expect(verify(undefined)).toBeNull();
    const now = Math.floor(Date.now() / 1000);
    expect(verify(handMade({ iat: now - 600, exp: now - 300 }))).toBeNull();
    expect(verify(handMade({ exp: now + 3600 }))).toBeNull();
    expect(verify(handMade({ jti: undefined }))).toBeNull();
    const [kind, version, , mac] = signAssertion(welfareKey, caller, 'welfare', bh).split('.');
    const altered = Buffer.from(JSON.stringify({ agency: 'JOBCENTER' })).toString('base64url');
    expect(verify(`${kind}.${version}.${altered}.${mac}`)).toBeNull();
  });

  it('are refused when they name an unknown agency, role or purpose, or a role its agency does not hold', () => {
    expect(verify(handMade({ agency: 'NSA' }))).toBeNull();
    expect(verify(handMade({ agency: 'KI' }))).toBeNull();
  });

  it('carry a team for exactly the roles scoped to one, and are refused without it', () => {
    const caseworker: Caller = { subject: 'u2', agency: 'JOBCENTER', role: 'JOBCENTER_CASEWORKER', team: 'DORMAGEN', purpose: 'BENEFITS_ADMINISTRATION', requestId: 'r2' };
    expect(verify(signAssertion(welfareKey, caseworker, 'welfare', bh))).toMatchObject({ team: 'DORMAGEN' });
    const { team: _team, ...teamless } = caseworker;
    expect(verify(signAssertion(welfareKey, teamless, 'welfare', bh))).toBeNull();
    expect(verify(signAssertion(welfareKey, { ...caller, team: 'DORMAGEN' }, 'welfare', bh))).toBeNull();
  });

  it("carry the service's other operations of the plan, and are refused when that claim is malformed", () => {
    const ops = ['{ _entities(representations: $r) { ... on Client { targetGroup { eligible } } } }'];
    expect(verify(signAssertion(welfareKey, caller, 'welfare', bh, ops))).toMatchObject({ plannedOperations: ops });
    expect(verify(handMade({ ops: [1] }))).toBeNull();
  });
});

describe('consent tickets', () => {
  it('name the subgraph they were issued to, and verify only under the consent key', () => {
    const ticket = signConsentTicket(consentKey, caller, 'jobcenter');
    expect(verifyConsentTicket(consentKey, ticket)).toEqual({ ...caller, source: 'jobcenter', planned: {} });
    expect(verifyConsentTicket(welfareKey, ticket)).toBeNull();
  });

  it("carry what the plan's later fetches of other subgraphs will ask, and nothing malformed", () => {
    const planned = { welfare: [{ category: 'HEALTH' as const }], 'immigration-office': [{ category: 'IDENTITY' as const, source: 'case-registry' as const }] };
    expect(verifyConsentTicket(consentKey, signConsentTicket(consentKey, caller, 'case-registry', planned))?.planned).toEqual(planned);
    // The ticket's own subgraph is never planned for (its later fetches ride in its assertion).
    expect(verifyConsentTicket(consentKey, signConsentTicket(consentKey, caller, 'welfare', planned))).toBeNull();
    expect(verifyConsentTicket(consentKey, signConsentTicket(consentKey, caller, 'case-registry', { consent: [{ category: 'HEALTH' }] } as never))).toBeNull();
    expect(verifyConsentTicket(consentKey, signConsentTicket(consentKey, caller, 'case-registry', { welfare: [{ category: 'NONSENSE' }] } as never))).toBeNull();
  });

  it('are not assertions, nor assertions tickets, whatever the key', () => {
    expect(verifyConsentTicket(consentKey, signAssertion(consentKey, caller, 'consent', bh))).toBeNull();
    expect(verifyAssertion(consentKey, signConsentTicket(consentKey, caller, 'welfare'), 'consent', bh, new ReplayMemory())).toBeNull();
  });

  it('cannot be issued to the consent service itself', () => {
    expect(verifyConsentTicket(consentKey, signConsentTicket(consentKey, caller, 'consent'))).toBeNull();
  });
});

describe('assertionKey', () => {
  it('takes base64 or base64url of at least 32 bytes and refuses shorter keys', () => {
    expect(() => assertionKey(Buffer.alloc(32, 7).toString('base64'))).not.toThrow();
    expect(() => assertionKey(Buffer.alloc(16, 7).toString('base64url'))).toThrow(/32 bytes/);
  });
});
