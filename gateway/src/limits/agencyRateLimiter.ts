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
}

export const DEFAULT_RATE_LIMIT: RateLimitConfig = Object.freeze({ capacity: 10_000, refillPerMinute: 5_000 });

function rateLimited(result: Extract<TakeResult, { ok: false }>, what: string): GraphQLError {
  const headers = new HeaderMap();
  if (result.retryAfterSeconds !== null) headers.set('retry-after', String(result.retryAfterSeconds));
  const when = result.retryAfterSeconds === null ? 'ask for fewer objects' : `retry after ${result.retryAfterSeconds} s`;
  const error = hubError('RATE_LIMITED', `Rate limit: your agency's budget does not cover ${what}; ${when}.`);
  // Read by Apollo Server for the HTTP status and headers; formatError never passes it on.
  error.extensions.http = { status: 429, headers };
  return error;
}

/**
 * One token bucket per agency, in this gateway process's memory: several gateway instances
 * each keep their own (the limit is per instance). The vocabulary's agencies bound the map.
 */
export class AgencyRateLimiter {
  private readonly buckets = new Map<Agency, TokenBucket>();

  constructor(
    private readonly config: RateLimitConfig,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Takes the request's own token at the door; throws RATE_LIMITED (HTTP 429) when there is none. */
  admitRequest(agency: Agency): void {
    const result = this.bucket(agency).take(1);
    if (!result.ok) throw rateLimited(result, 'another request');
  }

  /** Takes one token per object the operation asks for, before it runs; throws RATE_LIMITED if short. */
  chargeObjects(agency: Agency, objects: number): void {
    if (objects <= 0) return;
    const result = this.bucket(agency).take(objects);
    if (!result.ok) throw rateLimited(result, `${objects} more objects`);
  }

  /** Tokens an agency has now (a full bucket if it has not asked yet). */
  available(agency: Agency): number {
    return this.buckets.get(agency)?.available() ?? this.config.capacity;
  }

  private bucket(agency: Agency): TokenBucket {
    let bucket = this.buckets.get(agency);
    if (!bucket) this.buckets.set(agency, (bucket = new TokenBucket(this.config.capacity, this.config.refillPerMinute, this.now)));
    return bucket;
  }
}
