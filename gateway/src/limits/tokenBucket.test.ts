import { describe, expect, it } from 'vitest';
import { TokenBucket } from './tokenBucket.ts';

function clock() {
  let ms = 0;
  return { now: () => ms, advance: (by: number) => void (ms += by) };
}

describe('TokenBucket', () => {
  it('takes up to its capacity, then refuses and names the wait', () => {
    const time = clock();
    const bucket = new TokenBucket(10, 60, time.now);
    expect(bucket.take(7)).toEqual({ ok: true });
    expect(bucket.take(3)).toEqual({ ok: true });
    // 60 a minute is one a second: two missing tokens are two seconds away.
    expect(bucket.take(2)).toEqual({ ok: false, retryAfterSeconds: 2 });
    expect(bucket.available()).toBe(0);
  });

  it('takes all or nothing', () => {
    const bucket = new TokenBucket(10, 60, clock().now);
    expect(bucket.take(11)).toEqual({ ok: false, retryAfterSeconds: null });
    expect(bucket.available()).toBe(10);
    bucket.take(8);
    expect(bucket.take(3).ok).toBe(false);
    expect(bucket.take(2)).toEqual({ ok: true });
  });

  it('refills with time, never beyond its capacity', () => {
    const time = clock();
    const bucket = new TokenBucket(10, 60, time.now);
    bucket.take(10);
    time.advance(999);
    expect(bucket.take(1).ok).toBe(false);
    time.advance(1);
    expect(bucket.take(1)).toEqual({ ok: true });
    time.advance(3_600_000);
    expect(bucket.available()).toBe(10);
  });
});
