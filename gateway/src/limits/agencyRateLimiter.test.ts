import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { AgencyRateLimiter } from './agencyRateLimiter.ts';
import { BucketMap } from './budgets.ts';

async function refusal(run: () => Promise<void>): Promise<GraphQLError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof GraphQLError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

const jc = (subject = 'jc-1') => ({ agency: 'JOBCENTER', subject }) as const;
const ki = { agency: 'KI', subject: 'ki-1' } as const;
const budget = (capacity: number, refillPerMinute: number, userCapacity = capacity, userRefillPerMinute = refillPerMinute) => ({ capacity, refillPerMinute, userCapacity, userRefillPerMinute });

describe('AgencyRateLimiter', () => {
  const frozen = () => 0;

  it('charges one per request and one per object, from one budget per agency', async () => {
    const limiter = AgencyRateLimiter.inMemory(budget(12, 6), frozen);
    await limiter.admitRequest(jc());
    await limiter.chargeObjects(jc(), 10);
    expect(await limiter.available('JOBCENTER')).toBe(1);
    // Another agency's budget is its own.
    expect(await limiter.available('KIM_NEUSS')).toBe(12);
    await limiter.admitRequest({ agency: 'KIM_NEUSS', subject: 'cm' });
    expect(await limiter.available('JOBCENTER')).toBe(1);
  });

  it('refuses objects beyond the budget with RATE_LIMITED, HTTP 429 and retry-after, and takes none of them', async () => {
    const limiter = AgencyRateLimiter.inMemory(budget(12, 6), frozen);
    await limiter.admitRequest(jc());
    const error = await refusal(() => limiter.chargeObjects(jc(), 12));
    expect(error.extensions.code).toBe('RATE_LIMITED');
    const http = error.extensions.http as { status: number; headers: Map<string, string> };
    expect(http.status).toBe(429);
    // One token short at six a minute: ten seconds.
    expect(http.headers.get('retry-after')).toBe('10');
    expect(await limiter.available('JOBCENTER')).toBe(11);
    expect(await limiter.availableTo(jc())).toBe(11);
    await limiter.chargeObjects(jc(), 11);
  });

  it('refuses a request at the door once the budget is spent', async () => {
    const limiter = AgencyRateLimiter.inMemory(budget(2, 1), frozen);
    await limiter.admitRequest(ki);
    await limiter.admitRequest(ki);
    expect((await refusal(() => limiter.admitRequest(ki))).extensions.code).toBe('RATE_LIMITED');
  });

  it('says when no wait will do: more objects than a full budget', async () => {
    const limiter = AgencyRateLimiter.inMemory(budget(5, 1), frozen);
    const http = (await refusal(() => limiter.chargeObjects(ki, 6))).extensions.http as { headers: Map<string, string> };
    expect(http.headers.has('retry-after')).toBe(false);
  });

  it("keeps a budget per user within the agency's: one user's spending leaves the others theirs", async () => {
    const limiter = AgencyRateLimiter.inMemory(budget(10, 1, 4, 1), frozen);
    for (let i = 0; i < 4; i++) await limiter.admitRequest(jc('a'));
    expect((await refusal(() => limiter.admitRequest(jc('a')))).message).toMatch(/your budget/);
    await limiter.admitRequest(jc('b'));
    expect(await limiter.available('JOBCENTER')).toBe(5);
    // The agency's budget still bounds them all; a refusal by it takes nothing from the user.
    for (let i = 0; i < 3; i++) await limiter.admitRequest(jc('b'));
    await limiter.admitRequest(jc('c'));
    expect((await refusal(() => limiter.chargeObjects(jc('c'), 2))).message).toMatch(/agency's budget/);
    expect(await limiter.availableTo(jc('c'))).toBe(3);
  });

  it('charges after the fact into debt: nothing more until refilled past it', async () => {
    let now = 0;
    const limiter = AgencyRateLimiter.inMemory(budget(10, 60, 10, 60), () => now);
    await limiter.admitRequest(jc());
    await limiter.chargeAfter(jc(), 14);
    expect(await limiter.availableTo(jc())).toBe(-5);
    const http = (await refusal(() => limiter.admitRequest(jc()))).extensions.http as { headers: Map<string, string> };
    // Six tokens to go at one a second.
    expect(http.headers.get('retry-after')).toBe('6');
    now = 6000;
    await limiter.admitRequest(jc());
  });
});

describe('BucketMap', () => {
  it('forgets full buckets first when it holds too many, then the oldest', () => {
    const map = new BucketMap<string>(5, 1, () => 0, 2);
    map.get('spent').take(5);
    map.get('full');
    map.get('new').take(1);
    expect(map.peek('full')).toBeUndefined();
    expect(map.peek('spent')?.available()).toBe(0);
    // None full: the oldest goes.
    map.get('newer');
    expect(map.peek('spent')).toBeUndefined();
    expect(map.peek('new')?.available()).toBe(4);
  });
});
