import { describe, expect, it } from 'vitest';
import { RuleOutcomes, type CategoryOutcome } from './ruleOutcomes.ts';

const allowed: CategoryOutcome = { kind: 'allowed' };
const denied: CategoryOutcome = { kind: 'denied', category: 'IDENTITY' };

describe('RuleOutcomes', () => {
  it('decides a rule once per parent object, and again for another parent or another rule', async () => {
    const outcomes = new RuleOutcomes();
    const asked: string[] = [];
    const decide = (label: string, outcome: CategoryOutcome) => () => {
      asked.push(label);
      return Promise.resolve(outcome);
    };
    const client = { id: 'K-1' };
    const sameIdOtherObject = { id: 'K-1' };
    expect(await outcomes.of(client, 'category:IDENTITY', decide('a', allowed))).toEqual(allowed);
    expect(await outcomes.of(client, 'category:IDENTITY', decide('b', denied))).toEqual(allowed);
    expect(await outcomes.of(client, 'category:RESIDENCE', decide('c', denied))).toEqual(denied);
    expect(await outcomes.of(sameIdOtherObject, 'category:IDENTITY', decide('d', denied))).toEqual(denied);
    expect(asked).toEqual(['a', 'c', 'd']);
  });

  it('shares a decision still in flight', async () => {
    const outcomes = new RuleOutcomes();
    let calls = 0;
    const decide = () => {
      calls += 1;
      return new Promise<CategoryOutcome>((resolve) => setTimeout(() => resolve(allowed), 5));
    };
    const parent = {};
    await Promise.all([outcomes.of(parent, 'r', decide), outcomes.of(parent, 'r', decide), outcomes.of(parent, 'r', decide)]);
    expect(calls).toBe(1);
  });

  it('keeps nothing for a parent that is not an object', async () => {
    const outcomes = new RuleOutcomes();
    let calls = 0;
    const decide = () => {
      calls += 1;
      return Promise.resolve(allowed);
    };
    await outcomes.of(undefined, 'r', decide);
    await outcomes.of(undefined, 'r', decide);
    expect(calls).toBe(2);
  });
});
