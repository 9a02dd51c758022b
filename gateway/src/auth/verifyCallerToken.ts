import { HeaderMap } from '@apollo/server';
import { ROLE_PURPOSES, agencyHasRole, callerTeam, isAgency, isPurpose, isRole, type Agency, type Purpose, type Role, type Town } from '@kim/schema';
import { hubError, requestError } from '@kim/core';
import type { GraphQLError } from 'graphql';
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

/** Longest token read at all: a real one is under 1 KB; anything longer is refused unverified. */
export const MAX_TOKEN_LENGTH = 4096;
/** Longest `sub`: an IdP's user id, not a payload (a 10,000-character one was accepted). */
export const MAX_SUBJECT_LENGTH = 256;
/** Seconds of clock skew allowed between the IdP and the gateway. */
const CLOCK_TOLERANCE_SECONDS = 5;

/** What a caller's token must satisfy besides its signature. */
export interface TokenExpectations {
  readonly issuer: string;
  readonly audience: string;
  /** Longest lifetime (`exp` − `iat`) a token may claim (KIM_JWT_MAX_LIFETIME_SECONDS). */
  readonly maxLifetimeSeconds?: number;
}

/** Default of KIM_JWT_MAX_LIFETIME_SECONDS: one working day and some. */
export const DEFAULT_MAX_TOKEN_LIFETIME_SECONDS = 12 * 3600;

/** HTTP 401 with `WWW-Authenticate: Bearer` (RFC 6750: says which scheme the hub expects). */
export function unauthenticated(): GraphQLError {
  const error = hubError('UNAUTHENTICATED', 'A valid bearer token is required.');
  // Read by Apollo Server for the HTTP status and headers; formatError never passes it on.
  error.extensions.http = { status: 401, headers: new HeaderMap([['www-authenticate', 'Bearer realm="kim-hub"']]) };
  return error;
}

/**
 * Verifies `Authorization: Bearer <JWT>`: length, signature, algorithm, issuer, audience, expiry,
 * an issue time not in the future and a lifetime within the limit, a subject of sane length, and
 * claims that name a known agency, a role that agency holds (AGENCY_ROLES), and — for a role
 * scoped to a team — the caller's team (`team`, a town; a KIM team's is its own town).
 */
export async function verifyCallerToken(
  authorization: string | undefined,
  key: CryptoKey | JWTVerifyGetKey,
  expected: TokenExpectations,
): Promise<TokenIdentity> {
  return (await verifyCallerTokenClaims(authorization, key, expected)).identity;
}

/** verifyCallerToken, with the token's expiry (seconds since the epoch), for a cache of verified tokens. */
export async function verifyCallerTokenClaims(
  authorization: string | undefined,
  key: CryptoKey | JWTVerifyGetKey,
  expected: TokenExpectations,
): Promise<{ identity: TokenIdentity; expiresAt: number }> {
  if (authorization !== undefined && authorization.length > MAX_TOKEN_LENGTH + 7) throw unauthenticated();
  const match = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/.exec(authorization ?? '');
  if (!match) throw unauthenticated();
  let payload;
  try {
    ({ payload } = await jwtVerify(match[1]!, key as CryptoKey, {
      issuer: expected.issuer,
      audience: expected.audience,
      algorithms: TOKEN_ALGORITHMS,
      requiredClaims: ['exp', 'sub', 'iat'],
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
    }));
  } catch {
    throw unauthenticated();
  }
  const { sub, agency, role, purpose, team: teamClaim, iat, exp } = payload;
  if (typeof sub !== 'string' || sub.length === 0 || sub.length > MAX_SUBJECT_LENGTH) throw unauthenticated();
  const maxLifetime = expected.maxLifetimeSeconds ?? DEFAULT_MAX_TOKEN_LIFETIME_SECONDS;
  if (typeof iat !== 'number' || typeof exp !== 'number' || iat > Date.now() / 1000 + CLOCK_TOLERANCE_SECONDS || exp - iat > maxLifetime) throw unauthenticated();
  if (!isAgency(agency) || !isRole(role) || !agencyHasRole(agency, role)) throw unauthenticated();
  const team = callerTeam(agency, role, teamClaim);
  if (team === null) throw unauthenticated();
  const defaultPurpose = isPurpose(purpose) && ROLE_PURPOSES[role].includes(purpose) ? purpose : ROLE_PURPOSES[role][0]!;
  return { identity: { subject: sub, agency, role, ...(team ? { team } : {}), defaultPurpose }, expiresAt: exp };
}

/** The purpose of this request: `x-kim-purpose` if given, and only one the role may declare. */
export function declaredPurpose(identity: TokenIdentity, header: string | undefined): Purpose {
  if (header === undefined || header === '') return identity.defaultPurpose;
  if (!isPurpose(header) || !ROLE_PURPOSES[identity.role].includes(header)) {
    throw requestError('FORBIDDEN', `Purpose ${isPurpose(header) ? header : '(unknown)'} is not open to role ${identity.role}.`);
  }
  return header;
}
