import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import type { Caller, ConsentDecision } from '@kim/core';

/**
 * A decision bundle: consent decisions the consent service made (and recorded) for one subgraph's
 * later fetch of one gateway request, asked by an earlier fetch of another subgraph, signed with
 * the consent service's Ed25519 key. It travels consent → asking subgraph → gateway → this
 * subgraph; neither carrier can make or alter one (they do not hold the private key), and this
 * subgraph takes one only for itself, for this request and caller, while it lasts.
 */
const KIND = 'kim-decisions.v1';

/** Seconds a bundle lasts: a request's fetches follow each other within the assertion's minute. */
export const BUNDLE_LIFETIME_SECONDS = 60;

/**
 * Largest bundle read at all: the consent service decides at most MAX_PLANNED_DECISIONS (5,000)
 * ahead per call, about 350 bytes each at most as JSON (2.4 MB as base64 at the longest).
 */
export const MAX_BUNDLE_LENGTH = 3_000_000;

interface BundleClaims {
  readonly aud: string;
  readonly rid: string;
  readonly sub: string;
  readonly agency: string;
  readonly purpose: string;
  readonly exp: number;
  readonly d: readonly ConsentDecision[];
}

/** Signs with the consent service's key (`sign`: Ed25519 over the UTF-8 message, base64). */
export function signDecisionBundle(sign: (message: string) => string, caller: Caller, audience: string, decisions: readonly ConsentDecision[], now = Date.now()): string {
  const claims: BundleClaims = {
    aud: audience,
    rid: caller.requestId,
    sub: caller.subject,
    agency: caller.agency,
    purpose: caller.purpose,
    exp: Math.floor(now / 1000) + BUNDLE_LIFETIME_SECONDS,
    d: decisions,
  };
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `${KIND}.${payload}.${Buffer.from(sign(`${KIND}.${payload}`), 'base64').toString('base64url')}`;
}

/** The consent service's public key (SPKI PEM) as services verify bundles with it; throws unless Ed25519. */
export function consentVerifyKey(publicKeyPem: string): KeyObject {
  const key = createPublicKey(publicKeyPem);
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`expected an Ed25519 public key, got ${key.asymmetricKeyType ?? 'none'}`);
  return key;
}

/**
 * The decisions of a bundle whose signature checks under the consent service's key and that was
 * made for this service, this request and this caller and has not expired; null for anything
 * else (the caller of this then refuses the request: something on the way forged or swapped it).
 * The decisions are validated one by one where they are used (decisionsByKey).
 */
export function openDecisionBundle(key: KeyObject, token: unknown, audience: string, caller: Caller, now = Date.now()): readonly unknown[] | null {
  if (typeof token !== 'string' || token.length > MAX_BUNDLE_LENGTH) return null;
  const parts = token.split('.');
  if (parts.length !== 4 || `${parts[0]}.${parts[1]}` !== KIND) return null;
  const payload = parts[2]!;
  try {
    if (!verify(null, Buffer.from(`${KIND}.${payload}`, 'utf8'), key, Buffer.from(parts[3]!, 'base64url'))) return null;
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Partial<BundleClaims> | null;
    if (!claims || claims.aud !== audience || claims.rid !== caller.requestId || claims.sub !== caller.subject) return null;
    if (claims.agency !== caller.agency || claims.purpose !== caller.purpose) return null;
    if (typeof claims.exp !== 'number' || claims.exp < Math.floor(now / 1000) || !Array.isArray(claims.d)) return null;
    return claims.d;
  } catch {
    return null;
  }
}
