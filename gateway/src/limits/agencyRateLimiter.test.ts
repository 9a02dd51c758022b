import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { AgencyRateLimiter } from './agencyRateLimiter.ts';

function refusal(run: () => void): GraphQLError {
  try {
    run();
  } catch (error) {
    if (error instanceof GraphQLError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('AgencyRateLimiter', () => {
  const frozen = () => 0;

  it('charges one per request and one per object, from one budget per agency', () => {
    const limiter = new AgencyRateLimiter({ capacity: 12, refillPerMinute: 6 }, frozen);
    limiter.admitRequest('JOBCENTER');
    limiter.chargeObjects('JOBCENTER', 10);
    expect(limiter.available('JOBCENTER')).toBe(1);
    // Another agency's budget is its own.
    expect(limiter.available('KIM_NEUSS')).toBe(12);
    limiter.admitRequest('KIM_NEUSS');
    expect(limiter.available('JOBCENTER')).toBe(1);
  });

  it('refuses objects beyond the budget with RATE_LIMITED, HTTP 429 and retry-after, and takes none of them', () => {
    const limiter = new AgencyRateLimiter({ capacity: 12, refillPerMinute: 6 }, frozen);
    limiter.admitRequest('JOBCENTER');
    const error = refusal(() => limiter.chargeObjects('JOBCENTER', 12));
    expect(error.extensions.code).toBe('RATE_LIMITED');
    const http = error.extensions.http as { status: number; headers: Map<string, string> };
    expect(http.status).toBe(429);
    // One token short at six a minute: ten seconds.
    expect(http.headers.get('retry-after')).toBe('10');
    expect(limiter.available('JOBCENTER')).toBe(11);
    limiter.chargeObjects('JOBCENTER', 11);
  });

  it('refuses a request at the door once the budget is spent', () => {
    const limiter = new AgencyRateLimiter({ capacity: 2, refillPerMinute: 1 }, frozen);
    limiter.admitRequest('KI');
    limiter.admitRequest('KI');
    expect(refusal(() => limiter.admitRequest('KI')).extensions.code).toBe('RATE_LIMITED');
  });

  it('says when no wait will do: more objects than a full budget', () => {
    const limiter = new AgencyRateLimiter({ capacity: 5, refillPerMinute: 1 }, frozen);
    const http = refusal(() => limiter.chargeObjects('KI', 6)).extensions.http as { headers: Map<string, string> };
    expect(http.headers.has('retry-after')).toBe(false);
  });
});
