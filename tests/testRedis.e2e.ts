import { describe, expect, it } from 'vitest';
import { freePorts } from './support/processes.ts';
import { answers, testRedis } from './support/redis.ts';

/**
 * The replica tests' Redis (tests/support/redis.ts): `npm ci && npm test` works on a machine
 * without a Redis running, as long as `redis-server` is installed, and says what is missing
 * when it is not. Run against an address where nothing listens, whatever this machine runs.
 */
describe('testRedis', () => {
  it('starts a redis-server of its own when nothing answers at the default address, and stops it', async () => {
    const closed = (await freePorts(1))[0]!;
    const own = await testRedis({ defaultUrl: `redis://127.0.0.1:${closed}` });
    try {
      expect(own.port).not.toBe(closed);
      expect(own.url).toBe(`redis://127.0.0.1:${own.port}`);
      expect(await answers(own.host, own.port)).toBe(true);
      // One that answers is used as it is, and left running by its user's stop().
      const found = await testRedis({ defaultUrl: own.url });
      expect(found.url).toBe(own.url);
      await found.stop();
      expect(await answers(own.host, own.port)).toBe(true);
    } finally {
      await own.stop();
    }
    expect(await answers(own.host, own.port)).toBe(false);
  });

  it('names what is needed when nothing answers and no redis-server is on PATH', async () => {
    const closed = (await freePorts(1))[0]!;
    await expect(testRedis({ defaultUrl: `redis://127.0.0.1:${closed}`, redisServer: 'kim-no-such-redis-server' })).rejects.toThrow(
      new RegExp(`nothing answers at redis://127\\.0\\.0\\.1:${closed}, and kim-no-such-redis-server is not on PATH\\. Install Redis .*KIM_TEST_REDIS_URL`),
    );
  });

  it('takes KIM_TEST_REDIS_URL as it is, without trying another', async () => {
    const redis = await testRedis({ url: 'redis://redis.internal:6380/2' });
    expect({ url: redis.url, host: redis.host, port: redis.port }).toEqual({ url: 'redis://redis.internal:6380/2', host: 'redis.internal', port: 6380 });
  });
});
