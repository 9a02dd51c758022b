import type { Redis } from 'ioredis';

/** Where the replicas of a service remember the assertions one of them has accepted. */
export interface UsedAssertions {
  /** Records the assertion `jti` until `exp` (seconds) and says whether this is its first use at any replica; rejects when that cannot be told. */
  firstUse(jti: string, exp: number): Promise<boolean>;
}

/**
 * Used assertions in Redis, shared by every replica of `service` (`SET key NX` with the
 * assertion's expiry): a second use at any replica is refused. The process's own memory is asked
 * first (and stays the only one without `REDIS_URL`).
 */
export function sharedUsedAssertions(redis: Redis, keyPrefix: string, service: string): UsedAssertions {
  return {
    firstUse: async (jti, exp) => {
      // A few seconds beyond the expiry: clocks of replicas differ a little.
      const ttl = Math.max(1, exp - Math.floor(Date.now() / 1000)) + 5;
      return (await redis.set(`${keyPrefix}jti:${service}:${jti}`, '1', 'EX', ttl, 'NX')) === 'OK';
    },
  };
}
