import { HeaderMap } from '@apollo/server';
import type { Agency } from '@kim/schema';
import { hubError } from '@kim/subgraph-runtime';
import type { GraphQLError } from 'graphql';
import { TokenBucket, type TakeResult } from './tokenBucket.ts';

export interface RateLimitConfig {
  /** Tokens an agency may spend at once: each request costs 1, each object it asks for 1 more. */
  readonly capacity: number;
  /** Tokens an agency gets back per minute. */
  readonly refillPerMinute: number;
  /** Tokens one user (agency and `sub`) may spend at once, within the agency's. */
  readonly userCapacity: number;
  /** Tokens one user gets back per minute. */
  readonly userRefillPerMinute: number;
}

/** A user's default budget: a quarter of the agency's, so that no one member can spend it all. */
export const DEFAULT_RATE_LIMIT: RateLimitConfig = Object.freeze({ capacity: 10_000, refillPerMinute: 5_000, userCapacity: 2_500, userRefillPerMinute: 1_250 });

/** Who is charged: the user within its agency. */
export interface Payer {
  readonly agency: Agency;
  readonly subject: string;
}

/** Buckets kept at most; full ones (the same as none) are dropped first when there are more. */
const MAX_BUCKETS = 10_000;

export function rateLimited(result: Extract<TakeResult, { ok: false }>, message: string): GraphQLError {
  const headers = new HeaderMap();
  if (result.retryAfterSeconds !== null) headers.set('retry-after', String(result.retryAfterSeconds));
  const when = result.retryAfterSeconds === null ? 'ask for fewer objects' : `retry after ${result.retryAfterSeconds} s`;
  const error = hubError('RATE_LIMITED', `${message}; ${when}.`);
  // Read by Apollo Server for the HTTP status and headers; formatError never passes it on.
  error.extensions.http = { status: 429, headers };
  return error;
}

/**
 * Buckets by key, created full on first use; when there are too many, the full ones are forgotten
 * (a full bucket and none are the same), then the oldest.
 */
export class BucketMap<K> {
  private readonly buckets = new Map<K, TokenBucket>();

  constructor(
    private readonly capacity: number,
    private readonly refillPerMinute: number,
    private readonly now: () => number,
    private readonly maxBuckets = MAX_BUCKETS,
  ) {}

  get(key: K): TokenBucket {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      if (this.buckets.size >= this.maxBuckets) this.prune();
      this.buckets.set(key, (bucket = new TokenBucket(this.capacity, this.refillPerMinute, this.now)));
    }
    return bucket;
  }

  peek(key: K): TokenBucket | undefined {
    return this.buckets.get(key);
  }

  private prune(): void {
    for (const [key, bucket] of this.buckets) if (bucket.full()) this.buckets.delete(key);
    for (const key of this.buckets.keys()) {
      if (this.buckets.size < this.maxBuckets) break;
      this.buckets.delete(key);
    }
  }
}

/**
 * Two budgets for every request: its agency's, and its user's within it (a quarter of the
 * agency's by default), so that one member's flood cannot starve the rest of the agency. Both
 * are taken or neither. Kept in this gateway process's memory: several gateway instances each
 * keep their own (the limit is per instance; see the README).
 */
export class AgencyRateLimiter {
  private readonly agencies: BucketMap<Agency>;
  private readonly users: BucketMap<string>;

  constructor(
    private readonly config: RateLimitConfig,
    now: () => number = () => performance.now(),
  ) {
    this.agencies = new BucketMap(config.capacity, config.refillPerMinute, now);
    this.users = new BucketMap(config.userCapacity, config.userRefillPerMinute, now);
  }

  /** Takes the request's own token at the door; throws RATE_LIMITED (HTTP 429) when there is none. */
  admitRequest(payer: Payer): void {
    this.take(payer, 1, 'another request');
  }

  /** Takes one token per object the operation asks for, before it runs; throws RATE_LIMITED if short. */
  chargeObjects(payer: Payer, objects: number): void {
    if (objects > 0) this.take(payer, objects, `${objects} more objects`);
  }

  /**
   * Charges what a request made the hub decide and record (consent decisions, each an audit
   * row), known only once it ran: taken whatever is left, into debt, so that the next requests
   * wait until the budgets have refilled past it.
   */
  chargeAfter(payer: Payer, cost: number): void {
    if (cost <= 0) return;
    this.users.get(userKey(payer)).charge(cost);
    this.agencies.get(payer.agency).charge(cost);
  }

  /** Tokens an agency has now (a full bucket if it has not asked yet). */
  available(agency: Agency): number {
    return this.agencies.peek(agency)?.available() ?? this.config.capacity;
  }

  /** Tokens a user has now. */
  availableTo(payer: Payer): number {
    return this.users.peek(userKey(payer))?.available() ?? this.config.userCapacity;
  }

  private take(payer: Payer, cost: number, what: string): void {
    const user = this.users.get(userKey(payer));
    const own = user.take(cost);
    if (!own.ok) throw rateLimited(own, `Rate limit: your budget does not cover ${what}`);
    const agency = this.agencies.get(payer.agency).take(cost);
    if (!agency.ok) {
      user.give(cost);
      throw rateLimited(agency, `Rate limit: your agency's budget does not cover ${what}`);
    }
  }
}

const userKey = (payer: Payer) => `${payer.agency}\u0000${payer.subject}`;
