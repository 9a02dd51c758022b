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
    expect(await outcomes.of('K-1', 'category:IDENTITY', decide('a', allowed))).toEqual(allowed);
    // Another field of the same client, on the client or on an object of its own: the same outcome.
    expect(await outcomes.of('K-1', 'category:IDENTITY', decide('b', denied))).toEqual(allowed);
    expect(await outcomes.of('K-1', 'category:RESIDENCE', decide('c', denied))).toEqual(denied);
    expect(await outcomes.of('K-2', 'category:IDENTITY', decide('d', denied))).toEqual(denied);
    expect(await outcomes.of('K-1', 'category:IDENTITY+RESIDENCE', decide('e', denied))).toEqual(denied);
    expect(asked).toEqual(['a', 'c', 'd', 'e']);
  });

  it('shares a decision still in flight', async () => {
    const outcomes = new RuleOutcomes();
    let calls = 0;
    const decide = () => {
      calls += 1;
      return new Promise<CategoryOutcome>((resolve) => setTimeout(() => resolve(allowed), 5));
    };
    await Promise.all([outcomes.of('K-1', 'r', decide), outcomes.of('K-1', 'r', decide), outcomes.of('K-1', 'r', decide)]);
    expect(calls).toBe(1);
  });

  it("is one request's: a new one decides again", async () => {
    let calls = 0;
    const decide = () => {
      calls += 1;
      return Promise.resolve(allowed);
    };
    await new RuleOutcomes().of('K-1', 'r', decide);
    await new RuleOutcomes().of('K-1', 'r', decide);
    expect(calls).toBe(2);
  });
});
