import { agencyHasRole, callerTeam, isAgency, isPurpose, isRole } from '@kim/schema';
import { SignJWT, jwtVerify, type CryptoKey, type KeyObject } from 'jose';
import type { Caller } from './caller.ts';

type Key = CryptoKey | KeyObject;

const ISSUER = 'kim-gateway';
const ALGORITHM = 'EdDSA';

/** Seconds an assertion lives: long enough for one request's subgraph fetches, no longer. */
export const ASSERTION_LIFETIME_SECONDS = 60;

/**
 * Signs the gateway's assertion of a caller for exactly one service (the audience).
 * `plannedOperations`: the service's other operations in the same query plan (claim `ops`), so
 * that it can ask consent for them in its first fetch (see createRequestDecisionStore).
 */
export async function signAssertion(privateKey: Key, caller: Caller, audience: string, plannedOperations: readonly string[] = []): Promise<string> {
  return new SignJWT({
    agency: caller.agency,
    role: caller.role,
    ...(caller.team ? { team: caller.team } : {}),
    purpose: caller.purpose,
    rid: caller.requestId,
    ...(plannedOperations.length > 0 ? { ops: [...plannedOperations] } : {}),
  })
    .setProtectedHeader({ alg: ALGORITHM, typ: 'kim-assertion+jwt' })
    .setIssuer(ISSUER)
    .setSubject(caller.subject)
    .setAudience(audience)
    .setIssuedAt()
    .setExpirationTime(`${ASSERTION_LIFETIME_SECONDS}s`)
    .sign(privateKey);
}

/**
 * Verifies an assertion (signature, issuer, expiry, audience) and returns the caller it names,
 * or null for anything else: services refuse the request then, whatever else it carries.
 */
export async function verifyAssertion(
  publicKey: Key,
  token: string | undefined,
  audience: string | readonly string[],
): Promise<(Caller & { audience: string; plannedOperations: readonly string[] }) | null> {
  if (!token) return null;
  try {
    const { payload } = await jwtVerify(token, publicKey, {
      issuer: ISSUER,
      audience: typeof audience === 'string' ? audience : [...audience],
      algorithms: [ALGORITHM],
      typ: 'kim-assertion+jwt',
      clockTolerance: 5,
    });
    const { sub, agency, role, purpose, rid, aud, team: teamClaim, ops } = payload;
    const aud0 = Array.isArray(aud) ? aud[0] : aud;
    if (typeof sub !== 'string' || typeof rid !== 'string' || typeof aud0 !== 'string') return null;
    if (!isAgency(agency) || !isRole(role) || !isPurpose(purpose) || !agencyHasRole(agency, role)) return null;
    if (ops !== undefined && !(Array.isArray(ops) && ops.every((o) => typeof o === 'string'))) return null;
    // A role scoped to a team without one would see its whole agency: refused, as is a mismatch.
    const team = callerTeam(agency, role, teamClaim);
    if (team === null) return null;
    return { subject: sub, agency, role, ...(team ? { team } : {}), purpose, requestId: rid, audience: aud0, plannedOperations: (ops as string[] | undefined) ?? [] };
  } catch {
    return null;
  }
}
