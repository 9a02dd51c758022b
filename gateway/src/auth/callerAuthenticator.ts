import { createHash } from 'node:crypto';
import type { GraphQLError } from 'graphql';
import type { CryptoKey, JWTVerifyGetKey } from 'jose';
import { rateLimited, shared } from '../limits/agencyRateLimiter.ts';
import { MemoryBudgets, type Budgets } from '../limits/budgets.ts';
import { verifyCallerTokenClaims, type TokenExpectations, type TokenIdentity } from './verifyCallerToken.ts';

export interface AuthFailureLimitConfig {
  /** Failed authentications a source address may have at once before it is throttled. */
  readonly capacity: number;
  /** Failures forgiven per minute. */
  readonly refillPerMinute: number;
}

export const DEFAULT_AUTH_FAILURE_LIMIT: AuthFailureLimitConfig = Object.freeze({ capacity: 30, refillPerMinute: 30 });

/** Verified tokens remembered at most, and for at most this long (a key the IdP withdraws then stops counting). */
const MAX_CACHED_TOKENS = 10_000;
const CACHE_SECONDS = 300;

interface Cached {
  readonly identity: TokenIdentity;
  /** Milliseconds since the epoch: the token's expiry or the cache's limit, whichever is first. */
  readonly until: number;
}

/**
 * Authenticates callers cheaply under attack. A token verified before is recognised by its hash
 * (no signature check); otherwise a source address with too many failed authentications is
 * refused (RATE_LIMITED, HTTP 429) before its token costs a signature check, and every failure
 * counts against its address. So whoever sprays bad tokens throttles only their own address, and
 * a real user there whose token was already verified is still served.
 */
export class CallerAuthenticator {
  private readonly verified = new Map<string, Cached>();

  /**
   * @param failures where failed authentications per address are counted: this process's memory
   * by default, Redis when replicas share their budgets
   */
  constructor(
    private readonly key: CryptoKey | JWTVerifyGetKey,
    private readonly expected: TokenExpectations,
    private readonly limit: AuthFailureLimitConfig,
    private readonly failures: Budgets = new MemoryBudgets(limit),
    private readonly clock: () => number = () => Date.now(),
  ) {}

  async authenticate(authorization: string | undefined, source: string): Promise<TokenIdentity> {
    const hash = authorization ? createHash('sha256').update(authorization).digest('base64url') : '';
    const cached = hash ? this.verified.get(hash) : undefined;
    if (cached && cached.until > this.clock()) return cached.identity;
    if (cached) this.verified.delete(hash);
    // Throttled: refused before the signature check, which is what a spray would make us pay.
    const failures = await shared(() => this.failures.available(source));
    if (failures < 1) throw this.throttled(failures);
    let identity: TokenIdentity;
    let expiresAt: number;
    try {
      ({ identity, expiresAt } = await verifyCallerTokenClaims(authorization, this.key, this.expected));
    } catch (error) {
      await shared(() => this.failures.charge(source, 1));
      throw error;
    }
    if (this.verified.size >= MAX_CACHED_TOKENS) this.verified.delete(this.verified.keys().next().value!);
    this.verified.set(hash, { identity, until: Math.min(expiresAt * 1000, this.clock() + CACHE_SECONDS * 1000) });
    return identity;
  }

  private throttled(available: number): GraphQLError {
    const seconds = Math.max(1, Math.ceil(((1 - available) / this.limit.refillPerMinute) * 60));
    return rateLimited({ ok: false, retryAfterSeconds: seconds }, 'Too many failed authentications from your address', 'address');
  }
}
