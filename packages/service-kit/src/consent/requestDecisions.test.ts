import { describe, expect, it } from 'vitest';
import type { Caller } from '@kim/core';
import { createRequestDecisionStore } from './requestDecisions.ts';

const caller: Caller = { subject: 'u1', agency: 'KIM_NEUSS', role: 'CASE_MANAGER', team: 'NEUSS', purpose: 'CASE_MANAGEMENT', requestId: 'r1' };

describe('createRequestDecisionStore', () => {
  it('gives every fetch of one request the same decisions, and nobody else', () => {
    const store = createRequestDecisionStore({ ttlMs: 60_000, maxRequests: 10 });
    const first = store.forRequest(caller);
    expect(store.forRequest({ ...caller })).toBe(first);
    // Another request, or the same request id under any other identity or purpose: its own.
    for (const other of [
      { ...caller, requestId: 'r2' },
      { ...caller, subject: 'u2' },
      { ...caller, agency: 'KIM_DORMAGEN' as const },
      { ...caller, role: 'COORDINATOR' as const },
      { ...caller, team: 'DORMAGEN' as const },
      { ...caller, purpose: 'REFERRAL' as const },
    ]) {
      expect(store.forRequest(other)).not.toBe(first);
    }
  });

  it('forgets a request after its time, and the oldest beyond its size', () => {
    let now = 0;
    const store = createRequestDecisionStore({ ttlMs: 1000, maxRequests: 2, now: () => now });
    const r1 = store.forRequest(caller);
    now = 1001;
    expect(store.forRequest(caller)).not.toBe(r1);
    const a = store.forRequest({ ...caller, requestId: 'a' });
    store.forRequest({ ...caller, requestId: 'b' });
    store.forRequest({ ...caller, requestId: 'c' });
    expect(store.forRequest({ ...caller, requestId: 'a' })).not.toBe(a);
  });
});
