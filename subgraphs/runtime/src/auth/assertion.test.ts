import { SignJWT, generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import { signAssertion, verifyAssertion } from './assertion.ts';
import type { Caller } from './caller.ts';

const caller: Caller = { subject: 'u1', agency: 'KIM_NEUSS', role: 'CASE_MANAGER', team: 'NEUSS', purpose: 'CASE_MANAGEMENT', requestId: 'r1' };
const keys = await generateKeyPair('EdDSA');

/** An assertion made by hand, signed with the gateway's key: claims the gateway would never sign. */
function handMade(claims: Record<string, unknown>, times: { iat?: number; exp: number | string } = { exp: '1m' }) {
  const jwt = new SignJWT(claims).setProtectedHeader({ alg: 'EdDSA', typ: 'kim-assertion+jwt' }).setIssuer('kim-gateway').setSubject('u1').setAudience('welfare');
  if (times.iat !== undefined) jwt.setIssuedAt(times.iat);
  return jwt.setExpirationTime(times.exp).sign(keys.privateKey);
}

describe('gateway assertions', () => {
  it('carry the caller to the service they are addressed to', async () => {
    const token = await signAssertion(keys.privateKey, caller, 'welfare');
    expect(await verifyAssertion(keys.publicKey, token, 'welfare')).toEqual({ ...caller, audience: 'welfare', plannedOperations: [] });
    expect(await verifyAssertion(keys.publicKey, token, ['jobcenter', 'welfare'])).toMatchObject({ audience: 'welfare' });
  });

  it('carry a team for exactly the roles scoped to one, and are refused without it', async () => {
    const caseworker: Caller = { subject: 'u2', agency: 'JOBCENTER', role: 'JOBCENTER_CASEWORKER', team: 'DORMAGEN', purpose: 'BENEFITS_ADMINISTRATION', requestId: 'r2' };
    expect(await verifyAssertion(keys.publicKey, await signAssertion(keys.privateKey, caseworker, 'jobcenter'), 'jobcenter')).toMatchObject({ team: 'DORMAGEN' });
    const { team: _team, ...teamless } = caseworker;
    expect(await verifyAssertion(keys.publicKey, await signAssertion(keys.privateKey, teamless, 'jobcenter'), 'jobcenter')).toBeNull();
    const wrongTown: Caller = { ...caller, team: 'DORMAGEN' };
    expect(await verifyAssertion(keys.publicKey, await signAssertion(keys.privateKey, wrongTown, 'welfare'), 'welfare')).toBeNull();
    const lead: Caller = { ...teamless, role: 'JOBCENTER_TEAM_LEAD' };
    expect(await verifyAssertion(keys.publicKey, await signAssertion(keys.privateKey, lead, 'jobcenter'), 'jobcenter')).not.toHaveProperty('team');
  });

  it('are refused by any other service', async () => {
    const token = await signAssertion(keys.privateKey, caller, 'welfare');
    expect(await verifyAssertion(keys.publicKey, token, 'jobcenter')).toBeNull();
  });

  it('are refused when signed by another key, missing, or expired', async () => {
    const other = await generateKeyPair('EdDSA');
    expect(await verifyAssertion(keys.publicKey, await signAssertion(other.privateKey, caller, 'welfare'), 'welfare')).toBeNull();
    expect(await verifyAssertion(keys.publicKey, undefined, 'welfare')).toBeNull();
    const now = Math.floor(Date.now() / 1000);
    const expired = await handMade({ agency: 'KIM_NEUSS', role: 'CASE_MANAGER', purpose: 'CASE_MANAGEMENT', rid: 'r' }, { iat: now - 600, exp: now - 300 });
    expect(await verifyAssertion(keys.publicKey, expired, 'welfare')).toBeNull();
  });

  it('are refused when they name an unknown agency, role or purpose', async () => {
    const forged = await handMade({ agency: 'NSA', role: 'CASE_MANAGER', purpose: 'CASE_MANAGEMENT', rid: 'r' });
    expect(await verifyAssertion(keys.publicKey, forged, 'welfare')).toBeNull();
  });

  it("carry the service's other operations of the plan, and are refused when that claim is malformed", async () => {
    const ops = ['{ _entities(representations: $r) { ... on Client { targetGroup { eligible } } } }'];
    const token = await signAssertion(keys.privateKey, caller, 'case-registry', ops);
    expect(await verifyAssertion(keys.publicKey, token, 'case-registry')).toMatchObject({ plannedOperations: ops });
    const malformed = await handMade({ agency: 'KIM_NEUSS', role: 'CASE_MANAGER', team: 'NEUSS', purpose: 'CASE_MANAGEMENT', rid: 'r', ops: [1] });
    expect(await verifyAssertion(keys.publicKey, await handMade({ agency: 'KIM_NEUSS', role: 'CASE_MANAGER', team: 'NEUSS', purpose: 'CASE_MANAGEMENT', rid: 'r', ops: [] }), 'welfare')).toMatchObject({ plannedOperations: [] });
    expect(await verifyAssertion(keys.publicKey, malformed, 'welfare')).toBeNull();
  });
});
