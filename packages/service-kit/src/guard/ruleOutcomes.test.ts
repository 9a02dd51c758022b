import { describe, expect, it } from 'vitest';
import { RuleOutcomes, type CategoryOutcome } from './ruleOutcomes.ts';

const allowed: CategoryOutcome = { kind: 'allowed' };
const denied: CategoryOutcome = { kind: 'denied', category: 'IDENTITY' };

describe('RuleOutcomes', () => {
  it('decides a rule once per client, and again for another client or another rule', async () => {
    const outcomes = new RuleOutcomes();
    const asked: string[] = [];
    const decide = (label: string, outcome: CategoryOutcome) => () => {
      asked.push(label);
      return Promise.resolve(outcome);
    };
    expect(await outcomes.of('K-1', 'category:IDENTITY', decide('a', allowed), undefined)).toEqual(allowed);
    // Another field of the same client, on the client or on an object of its own: the same outcome.
    expect(await outcomes.of('K-1', 'category:IDENTITY', decide('b', denied), undefined)).toEqual(allowed);
    expect(await outcomes.of('K-1', 'category:RESIDENCE', decide('c', denied), undefined)).toEqual(denied);
    expect(await outcomes.of('K-2', 'category:IDENTITY', decide('d', denied), undefined)).toEqual(denied);
    expect(await outcomes.of('K-1', 'category:IDENTITY+RESIDENCE', decide('e', denied), undefined)).toEqual(denied);
    expect(asked).toEqual(['a', 'c', 'd', 'e']);
  });

  it('shares a decision still in flight', async () => {
    const outcomes = new RuleOutcomes();
    let calls = 0;
    const decide = () => {
      calls += 1;
      return new Promise<CategoryOutcome>((resolve) => setTimeout(() => resolve(allowed), 5));
    };
    await Promise.all([outcomes.of('K-1', 'r', decide, undefined), outcomes.of('K-1', 'r', decide, undefined), outcomes.of('K-1', 'r', decide, undefined)]);
    expect(calls).toBe(1);
  });

  it("is one request's: a new one decides again", async () => {
    let calls = 0;
    const decide = () => {
      calls += 1;
      return Promise.resolve(allowed);
    };
    await new RuleOutcomes().of('K-1', 'r', decide, undefined);
    await new RuleOutcomes().of('K-1', 'r', decide, undefined);
    expect(calls).toBe(2);
  });

  it('tells a settled outcome synchronously, and nothing while it is still being decided', async () => {
    const outcomes = new RuleOutcomes();
    expect(outcomes.settled('K-1', 'r')).toBeUndefined();
    let settle: (o: CategoryOutcome) => void = () => undefined;
    const pending = outcomes.of('K-1', 'r', () => new Promise<CategoryOutcome>((resolve) => (settle = resolve)), undefined);
    expect(outcomes.settled('K-1', 'r')).toBeUndefined();
    settle(denied);
    await pending;
    expect(outcomes.settled('K-1', 'r')).toEqual(denied);
    expect(outcomes.settled('K-2', 'r')).toBeUndefined();
    // A decider that fails settles nothing (the field awaiting it reports the failure).
    const failed = outcomes.of('K-3', 'r', () => Promise.reject(new Error('down')), undefined);
    await expect(failed).rejects.toThrow('down');
    expect(outcomes.settled('K-3', 'r')).toBeUndefined();
  });

  it('hands the decider its input and the client, and builds nothing for a known outcome', async () => {
    const outcomes = new RuleOutcomes();
    const seen: [string, string][] = [];
    const decide = (input: string, clientId: string) => {
      seen.push([input, clientId]);
      return Promise.resolve(allowed);
    };
    const first = outcomes.of('K-7', 'r', decide, 'ctx');
    expect(outcomes.of('K-7', 'r', decide, 'other')).toBe(first);
    await first;
    expect(seen).toEqual([['ctx', 'K-7']]);
  });
});
