import { ROLE_ORGANISATIONS, ROLE_PURPOSES, callerTeam, isAgency, isPurpose, isRole, organisationOf, type Agency, type Purpose, type Role, type Town } from '@kim/schema';
import { requestError } from '@kim/subgraph-runtime';
import { createRemoteJWKSet, importSPKI, jwtVerify, type JWTVerifyGetKey, type CryptoKey } from 'jose';
import type { TokenKeySource } from '../env.ts';

/** A caller as its token says, before it declares a purpose. */
export interface TokenIdentity {
  readonly subject: string;
  readonly agency: Agency;
  readonly role: Role;
  /** The town whose clients the caller's team serves, for roles scoped to a team. */
  readonly team?: Town;
  /** The persona's default purpose: the token's `purpose` claim, else the role's first. */
  readonly defaultPurpose: Purpose;
}

/** Asymmetric algorithms only: `none` and shared-secret HMAC are refused outright. */
export const TOKEN_ALGORITHMS = ['EdDSA', 'ES256', 'RS256', 'PS256'];

export async function tokenKeyResolver(source: TokenKeySource): Promise<CryptoKey | JWTVerifyGetKey> {
  if (source.kind === 'jwks') return createRemoteJWKSet(new URL(source.url), { timeoutDuration: 3000, cooldownDuration: 30_000 });
  // The PEM names its own algorithm; EdDSA keys are what the demo IdP issues.
  return importSPKI(source.pem, 'EdDSA');
}

const unauthenticated = () => requestError('UNAUTHENTICATED', 'A valid bearer token is required.');

/**
 * Verifies `Authorization: Bearer <JWT>`: signature, algorithm, issuer, audience, expiry, and
 * claims that name a known agency, a role that agency may hold, and — for a role scoped to a
 * team — the caller's team (`team`, a town; a KIM team's is its own town).
 */
export async function verifyCallerToken(
  authorization: string | undefined,
  key: CryptoKey | JWTVerifyGetKey,
  expected: { issuer: string; audience: string },
): Promise<TokenIdentity> {
  const match = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/.exec(authorization ?? '');
  if (!match) throw unauthenticated();
  let payload;
  try {
    ({ payload } = await jwtVerify(match[1]!, key as CryptoKey, {
      issuer: expected.issuer,
      audience: expected.audience,
      algorithms: TOKEN_ALGORITHMS,
      requiredClaims: ['exp', 'sub'],
      clockTolerance: 5,
    }));
  } catch {
    throw unauthenticated();
  }
  const { sub, agency, role, purpose, team: teamClaim } = payload;
  if (typeof sub !== 'string' || !isAgency(agency) || !isRole(role)) throw unauthenticated();
  if (!ROLE_ORGANISATIONS[role].includes(organisationOf(agency))) throw unauthenticated();
  const team = callerTeam(agency, role, teamClaim);
  if (team === null) throw unauthenticated();
  const defaultPurpose = isPurpose(purpose) && ROLE_PURPOSES[role].includes(purpose) ? purpose : ROLE_PURPOSES[role][0]!;
  return { subject: sub, agency, role, ...(team ? { team } : {}), defaultPurpose };
}

/** The purpose of this request: `x-kim-purpose` if given, and only one the role may declare. */
export function declaredPurpose(identity: TokenIdentity, header: string | undefined): Purpose {
  if (header === undefined || header === '') return identity.defaultPurpose;
  if (!isPurpose(header) || !ROLE_PURPOSES[identity.role].includes(header)) {
    throw requestError('FORBIDDEN', `Purpose ${isPurpose(header) ? header : '(unknown)'} is not open to role ${identity.role}.`);
  }
  return header;
}
