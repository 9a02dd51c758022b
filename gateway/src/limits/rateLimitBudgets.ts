import type { AuthFailureLimitConfig } from '../auth/callerAuthenticator.ts';
import { AgencyRateLimiter, type RateLimitConfig } from './agencyRateLimiter.ts';
import { connectBudgetStore, MemoryBudgets, RedisBudgets, type Budgets, type SharedBudgetsConfig } from './budgets.ts';

export interface RateLimitBudgets {
  readonly rateLimiter: AgencyRateLimiter;
  /** Failed authentications per source address. */
  readonly authFailures: Budgets;
  /** Whether the budgets can be asked now (always, in memory). */
  ready(): boolean;
  close(): Promise<void>;
}

/**
 * The gateway's budgets: in this process's memory, or — with `REDIS_URL` — in Redis, shared by
 * every replica under one key prefix (agencies, users and failing addresses apart).
 */
export async function rateLimitBudgets(config: {
  readonly rateLimit: RateLimitConfig;
  readonly authFailureLimit: AuthFailureLimitConfig;
  readonly sharedBudgets: SharedBudgetsConfig | null;
}): Promise<RateLimitBudgets> {
  const { rateLimit, authFailureLimit, sharedBudgets } = config;
  if (!sharedBudgets) {
    return {
      rateLimiter: AgencyRateLimiter.inMemory(rateLimit),
      authFailures: new MemoryBudgets(authFailureLimit),
      ready: () => true,
      close: async () => undefined,
    };
  }
  const redis = await connectBudgetStore(sharedBudgets);
  const store = (kind: string, size: { capacity: number; refillPerMinute: number }) => new RedisBudgets(redis, `${sharedBudgets.keyPrefix}rl:${kind}`, size);
  return {
    rateLimiter: new AgencyRateLimiter(
      store('agency', { capacity: rateLimit.capacity, refillPerMinute: rateLimit.refillPerMinute }),
      store('user', { capacity: rateLimit.userCapacity, refillPerMinute: rateLimit.userRefillPerMinute }),
    ),
    authFailures: store('authfail', authFailureLimit),
    ready: () => redis.status === 'ready',
    close: async () => {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
