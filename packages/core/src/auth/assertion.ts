import { createHash, createHmac, createSecretKey, randomBytes, randomUUID, timingSafeEqual, type KeyObject } from 'node:crypto';
import { SERVICES, agencyHasRole, callerTeam, isAgency, isDataCategory, isPurpose, isRole, type ServiceName } from '@kim/schema';
import type { QuestionTemplate } from '../consent/decision.ts';
import type { Caller } from './caller.ts';

/**
 * A service's assertion key: an HMAC-SHA256 secret. The gateway holds one per service, each
 * service only its own (`KIM_ASSERTION_KEY_<SERVICE>`); the consent service's key also makes the
 * consent tickets (below). INTENTIONAL: node:crypto, not jose — an HMAC costs about 3 µs where an
 * Ed25519 JWT cost 80–130 µs to sign or verify (issue 14), and the format is ours alone.
 */
export type AssertionKey = KeyObject;

/** Bytes a key must have at least (the hash's own size). */
export const ASSERTION_KEY_BYTES = 32;

/** Seconds an assertion lives: long enough for one request's subgraph fetches, no longer. */
export const ASSERTION_LIFETIME_SECONDS = 60;

const ISSUER = 'kim-gateway';
/** Domain separation: an assertion is never mistaken for a ticket, whatever the key. */
const KIND = { assertion: 'kim-assertion.v1', ticket: 'kim-consent-ticket.v1' } as const;
type Kind = keyof typeof KIND;
/** Seconds of clock skew tolerated between gateway and service. */
const CLOCK_TOLERANCE_SECONDS = 5;
/** Longest token read at all (a plan's `ops` can make an assertion a few KB long). */
const MAX_TOKEN_LENGTH = 16_384;

/** Reads a key given as base64 or base64url text; throws unless it has at least 32 bytes. */
export function assertionKey(secret: string): AssertionKey {
  const bytes = Buffer.from(secret.trim().replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''), 'base64url');
  if (bytes.length < ASSERTION_KEY_BYTES) throw new Error(`an assertion key needs at least ${ASSERTION_KEY_BYTES} bytes (base64)`);
  return createSecretKey(bytes);
}

/** A fresh random key as base64url text, for the demo launcher and the tests. */
export function generateAssertionSecret(): string {
  return randomBytes(ASSERTION_KEY_BYTES).toString('base64url');
}

/** What of a GraphQL request an assertion is bound to: its operation, variables and name. */
export interface BoundRequest {
  readonly query?: unknown;
  readonly variables?: unknown;
  readonly operationName?: unknown;
}

/**
 * The hash an assertion binds its request by: SHA-256 over the operation, its variables and its
 * name as JSON. The gateway hashes what it sends; the service what it parsed from the body (a
 * JSON round trip keeps every value and key order, so both agree).
 */
export function requestBodyHash(request: BoundRequest | undefined | null): string {
  const r = request ?? {};
  const canonical = JSON.stringify([typeof r.query === 'string' ? r.query : null, r.variables ?? null, typeof r.operationName === 'string' ? r.operationName : null]);
  return createHash('sha256').update(canonical).digest('base64url');
}

function mac(key: AssertionKey, kind: Kind, payload: string): Buffer {
  return createHmac('sha256', key).update(`${KIND[kind]}.${payload}`).digest();
}

function seal(key: AssertionKey, kind: Kind, claims: Record<string, unknown>): string {
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `${KIND[kind]}.${payload}.${mac(key, kind, payload).toString('base64url')}`;
}

/** The claims of a token of this kind whose MAC checks under `key`, or null. */
function open(key: AssertionKey, kind: Kind, token: string | undefined): Record<string, unknown> | null {
  if (!token || token.length > MAX_TOKEN_LENGTH) return null;
  const parts = token.split('.');
  // The kind's prefix is two dot-separated words ("kim-assertion", "v1"): 4 parts in all.
  if (parts.length !== 4 || `${parts[0]}.${parts[1]}` !== KIND[kind]) return null;
  const payload = parts[2]!;
  const given = Buffer.from(parts[3]!, 'base64url');
  const expected = mac(key, kind, payload);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    return claims !== null && typeof claims === 'object' && !Array.isArray(claims) ? (claims as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

function callerClaims(caller: Caller): Record<string, unknown> {
  return {
    sub: caller.subject,
    agency: caller.agency,
    role: caller.role,
    ...(caller.team ? { team: caller.team } : {}),
    purpose: caller.purpose,
    rid: caller.requestId,
  };
}

/** The caller a token's claims name, if they are well-formed and fit together; else null. */
function callerOf(claims: Record<string, unknown>): Caller | null {
  const { sub, agency, role, purpose, rid, team: teamClaim } = claims;
  if (typeof sub !== 'string' || typeof rid !== 'string') return null;
  if (!isAgency(agency) || !isRole(role) || !isPurpose(purpose) || !agencyHasRole(agency, role)) return null;
  // A role scoped to a team without one would see its whole agency: refused, as is a mismatch.
  const team = callerTeam(agency, role, teamClaim);
  if (team === null) return null;
  return { subject: sub, agency, role, team, purpose, requestId: rid };
}

/** Issuer, a single audience (never an array), a fresh `jti`, and a current lifetime. */
function timely(claims: Record<string, unknown>, audience: string): { jti: string; exp: number } | null {
  const { iss, aud, jti, iat, exp } = claims;
  if (iss !== ISSUER || typeof aud !== 'string' || aud !== audience) return null;
  if (typeof jti !== 'string' || jti.length === 0 || jti.length > 64) return null;
  if (typeof iat !== 'number' || typeof exp !== 'number' || exp - iat > ASSERTION_LIFETIME_SECONDS) return null;
  const now = nowSeconds();
  if (iat > now + CLOCK_TOLERANCE_SECONDS || exp < now - CLOCK_TOLERANCE_SECONDS) return null;
  return { jti, exp };
}

/**
 * Signs the gateway's assertion of a caller for exactly one service (the audience) and one
 * request to it (`bodyHash`, requestBodyHash of what is sent), with a fresh `jti`.
 * `plannedOperations`: the service's other operations in the same query plan (claim `ops`), so
 * that it can ask consent for them in its first fetch (see createRequestDecisionStore).
 */
export function signAssertion(key: AssertionKey, caller: Caller, audience: string, bodyHash: string, plannedOperations: readonly string[] = []): string {
  const iat = nowSeconds();
  return seal(key, 'assertion', {
    iss: ISSUER,
    aud: audience,
    jti: randomUUID(),
    iat,
    exp: iat + ASSERTION_LIFETIME_SECONDS,
    bh: bodyHash,
    ...callerClaims(caller),
    ...(plannedOperations.length > 0 ? { ops: [...plannedOperations] } : {}),
  });
}

/** A verified assertion: the caller, the service it was for, and the plan's other operations. */
export type VerifiedAssertion = Caller & { readonly audience: string; readonly plannedOperations: readonly string[] };

/**
 * Verifies an assertion — its MAC under this service's key, issuer, expiry, audience (this
 * service, exactly), the request it is bound to, and that its `jti` was never seen before — and
 * returns the caller it names, or null for anything else: services refuse the request then.
 */
export function verifyAssertion(
  key: AssertionKey,
  token: string | undefined,
  audience: string,
  bodyHash: string,
  replays: Pick<ReplayMemory, 'firstUse'>,
): VerifiedAssertion | null {
  const claims = open(key, 'assertion', token);
  if (!claims) return null;
  const time = timely(claims, audience);
  if (!time || claims.bh !== bodyHash) return null;
  const { ops } = claims;
  if (ops !== undefined && !(Array.isArray(ops) && ops.every((o) => typeof o === 'string'))) return null;
  const caller = callerOf(claims);
  // Last: only an assertion that is otherwise good uses up its jti.
  if (!caller || !replays.firstUse(time.jti, time.exp)) return null;
  // INTENTIONAL: explicit literals, not `{ ...caller, … }` (a slow path on Node 20; once per fetch).
  const { subject, agency, role, team, purpose, requestId } = caller;
  return { subject, agency, role, team, purpose, requestId, audience, plannedOperations: (ops as string[] | undefined) ?? [] };
}

/** The agency subgraphs: who may present a consent ticket. */
const TICKET_SOURCES = SERVICES.filter((s) => s !== 'consent');

/**
 * The gateway's second MAC for a subgraph's calls to the consent service, under the consent
 * service's key: which subgraph (`src`) may ask for which caller, purpose and request. The
 * subgraph forwards it and, not holding that key, can neither forge nor alter it; the consent
 * service takes the asking service from it, never from the request body. Not single-use: a
 * request's subgraph may call consent several times (decisions, technical denials, shared
 * clients), all for the same request.
 */
export function signConsentTicket(consentKey: AssertionKey, caller: Caller, subgraph: ServiceName, planned?: PlannedForOthers): string {
  const iat = nowSeconds();
  const pq = planned && Object.keys(planned).length > 0 ? plannedClaim(planned) : undefined;
  return seal(consentKey, 'ticket', { iss: ISSUER, aud: 'consent', src: subgraph, jti: randomUUID(), iat, exp: iat + ASSERTION_LIFETIME_SECONDS, ...callerClaims(caller), ...(pq ? { pq } : {}) });
}

/**
 * What the later fetches of the same request will ask of other agency subgraphs (from their
 * operations in the query plan): the consent service decides these too, for the clients the
 * ticket's holder asks about, and answers each subgraph's in a bundle only that subgraph accepts.
 */
export type PlannedForOthers = Partial<Record<Exclude<ServiceName, 'consent'>, readonly QuestionTemplate[]>>;

/** `{ jobcenter: ['EMPLOYMENT', 'IDENTITY@case-registry'] }`: short, as it rides in a header. */
function plannedClaim(planned: PlannedForOthers): Record<string, string[]> {
  const claim: Record<string, string[]> = {};
  for (const [service, templates] of Object.entries(planned)) {
    if (templates && templates.length > 0) claim[service] = templates.map((t) => (t.source ? `${t.category}@${t.source}` : t.category));
  }
  return claim;
}

/** The claim read back; null when anything in it is not a well-formed template for another agency subgraph. */
function plannedOf(claim: unknown, source: string): PlannedForOthers | null {
  if (claim === undefined) return {};
  if (claim === null || typeof claim !== 'object' || Array.isArray(claim)) return null;
  const planned: Record<string, QuestionTemplate[]> = {};
  for (const [service, entries] of Object.entries(claim as Record<string, unknown>)) {
    if (service === source || !(TICKET_SOURCES as readonly string[]).includes(service) || !Array.isArray(entries)) return null;
    const templates: QuestionTemplate[] = [];
    for (const entry of entries) {
      if (typeof entry !== 'string') return null;
      const [category, from, ...rest] = entry.split('@');
      if (rest.length > 0 || !isDataCategory(category)) return null;
      if (from !== undefined && !(TICKET_SOURCES as readonly string[]).includes(from)) return null;
      templates.push(from === undefined ? { category } : { category, source: from as ServiceName });
    }
    planned[service] = templates;
  }
  return planned;
}

/** A verified consent ticket: the caller, the agency subgraph it was issued to, and what it may ask for others. */
export type VerifiedTicket = Caller & { readonly source: Exclude<ServiceName, 'consent'>; readonly planned: PlannedForOthers };

/** Verifies a consent ticket under the consent service's key; null for anything else. */
export function verifyConsentTicket(consentKey: AssertionKey, token: string | undefined): VerifiedTicket | null {
  const claims = open(consentKey, 'ticket', token);
  if (!claims || !timely(claims, 'consent')) return null;
  const source = claims.src;
  if (!(TICKET_SOURCES as readonly unknown[]).includes(source)) return null;
  const caller = callerOf(claims);
  if (!caller) return null;
  const planned = plannedOf(claims.pq, source as string);
  if (!planned) return null;
  const { subject, agency, role, team, purpose, requestId } = caller;
  return { subject, agency, role, team, purpose, requestId, source: source as VerifiedTicket['source'], planned };
}

/**
 * The `jti`s a service has accepted, each until its assertion expires: a second use of the same
 * assertion (a replay) is refused. Bounded: when full of live entries it refuses new ones
 * (fail closed) rather than forget one that could then be replayed.
 */
export class ReplayMemory {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly max = 500_000,
    private readonly now: () => number = nowSeconds,
  ) {}

  /** Records `jti` until `exp` (seconds) and says whether this is its first use. */
  firstUse(jti: string, exp: number): boolean {
    if (this.seen.has(jti)) {
      if (this.seen.get(jti)! >= this.now() - CLOCK_TOLERANCE_SECONDS) return false;
      this.seen.delete(jti);
    }
    if (this.seen.size >= this.max) this.forgetExpired();
    if (this.seen.size >= this.max) return false;
    this.seen.set(jti, exp);
    return true;
  }

  private forgetExpired(): void {
    const before = this.now() - CLOCK_TOLERANCE_SECONDS;
    for (const [jti, exp] of this.seen) if (exp < before) this.seen.delete(jti);
  }
}
