import { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { connectSharedStore, hubError, type SharedStoreConfig } from '@kim/core';
import type { GraphQLError } from 'graphql';
import { TokenBucket, type TakeResult } from './tokenBucket.ts';

/**
 * Budgets of one kind (agencies, users, failing addresses), by key: where the gateway keeps what
 * each has spent. In this process's memory by default; in Redis when replicas must share them.
 */
export interface Budgets {
  /** Takes `cost` or nothing. */
  take(key: string, cost: number): Promise<TakeResult>;
  /** Takes `cost` whatever is left, into debt if need be (charged after the fact). */
  charge(key: string, cost: number): Promise<void>;
  /** Gives back what a take took when a second budget then refused the same request. */
  give(key: string, cost: number): Promise<void>;
  /** What is left now; a full budget for a key that has spent nothing. */
  available(key: string): Promise<number>;
}

export interface BudgetSize {
  readonly capacity: number;
  readonly refillPerMinute: number;
}

/** Buckets kept at most per kind; full ones (the same as none) are dropped first when there are more. */
const MAX_BUCKETS = 10_000;

/**
 * Token buckets by key, created full on first use; when there are too many, the full ones are
 * forgotten (a full bucket and none are the same), then the oldest.
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

/** The default: token buckets in this process (one budget per gateway replica). */
export class MemoryBudgets implements Budgets {
  private readonly buckets: BucketMap<string>;

  constructor(
    private readonly size: BudgetSize,
    now: () => number = () => performance.now(),
  ) {
    this.buckets = new BucketMap(size.capacity, size.refillPerMinute, now);
  }

  async take(key: string, cost: number): Promise<TakeResult> {
    return this.buckets.get(key).take(cost);
  }

  async charge(key: string, cost: number): Promise<void> {
    this.buckets.get(key).charge(cost);
  }

  async give(key: string, cost: number): Promise<void> {
    this.buckets.peek(key)?.give(cost);
  }

  async available(key: string): Promise<number> {
    return this.buckets.peek(key)?.available() ?? this.size.capacity;
  }
}

/** The shared store could not be asked: the request is refused, never let through unmetered. */
export class BudgetStoreUnavailable extends Error {
  constructor(cause: unknown) {
    super('the rate-limit store did not answer', { cause });
    this.name = 'BudgetStoreUnavailable';
  }
}

/** The error a caller gets when the shared budgets cannot be read (HTTP 503, nothing run). */
export function rateLimitUnavailable(): GraphQLError {
  const error = hubError('RATE_LIMIT_UNAVAILABLE', 'The rate limit could not be checked; nothing was run. Try again shortly.');
  // Read by Apollo Server for the HTTP status; formatError never passes it on.
  error.extensions.http = { status: 503 };
  return error;
}

/**
 * Budgets shared by every gateway replica, in Redis (rate-limiter-flexible's RateLimiterRedis:
 * one atomic Lua increment per take). The library counts in fixed windows, not a continuous
 * bucket: a window of `capacity / refillPerMinute` minutes holds `capacity` points, so the
 * long-run rate is the same, and a debt charged after the fact lasts until its window ends.
 * There is no in-memory fallback (the library's `insuranceLimiter`): a replica that cannot reach
 * Redis would otherwise allow a budget of its own, which is what sharing prevents.
 */
export class RedisBudgets implements Budgets {
  private readonly limiter: RateLimiterRedis;

  constructor(
    redis: Redis,
    keyPrefix: string,
    private readonly size: BudgetSize,
  ) {
    this.limiter = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix,
      points: size.capacity,
      duration: Math.max(1, Math.ceil((size.capacity / size.refillPerMinute) * 60)),
      // A command while disconnected fails at once instead of waiting for a reconnect.
      rejectIfRedisNotReady: true,
    });
  }

  async take(key: string, cost: number): Promise<TakeResult> {
    // More than a full window can never be taken under this configuration.
    if (cost > this.size.capacity) return { ok: false, retryAfterSeconds: null };
    try {
      await this.limiter.consume(key, cost);
      return { ok: true };
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) throw new BudgetStoreUnavailable(refusal);
      // The library counted the refused points too; a take is all or nothing.
      await this.give(key, cost);
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(refusal.msBeforeNext / 1000)) };
    }
  }

  async charge(key: string, cost: number): Promise<void> {
    await this.limiter.penalty(key, cost).catch((error: unknown) => {
      throw new BudgetStoreUnavailable(error);
    });
  }

  async give(key: string, cost: number): Promise<void> {
    await this.limiter.reward(key, cost).catch((error: unknown) => {
      throw new BudgetStoreUnavailable(error);
    });
  }

  async available(key: string): Promise<number> {
    const spent = await this.limiter.get(key).catch((error: unknown) => {
      throw new BudgetStoreUnavailable(error);
    });
    return this.size.capacity - (spent?.consumedPoints ?? 0);
  }
}

/** Where the gateway's budgets live when they are shared. */
export type SharedBudgetsConfig = SharedStoreConfig;

/**
 * Connects to Redis for the shared budgets, or fails the start: a gateway configured to share its
 * budgets does not serve with budgets of its own. Afterwards it reconnects by itself; meanwhile
 * every request is refused (RATE_LIMIT_UNAVAILABLE) and /readyz says not ready.
 */
export function connectBudgetStore(config: SharedBudgetsConfig): Promise<Redis> {
  return connectSharedStore(config, 'rate-limit store', (url, options) => new Redis(url, options));
}
