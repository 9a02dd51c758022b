import { adultFromOf } from '@kim/service-kit';
import { describe, expect, it } from 'vitest';
import { parseAdultFrom } from './adultFrom.ts';

describe('the day a client comes of age', () => {
  it('is the 18th birthday; born on 29 February, 1 March in a year without one', () => {
    expect(adultFromOf('2010-03-31')).toBe('2028-03-31');
    expect(adultFromOf('2008-02-29')).toBe('2026-03-01');
    expect(adultFromOf('2010-02-28')).toBe('2028-02-28');
  });

  it('comes with every team (intake, handover), and with none at closing', () => {
    const today = '2026-12-08';
    expect(parseAdultFrom('2028-03-31', 'KIM_NEUSS', today)).toBe('2028-03-31');
    expect(parseAdultFrom('1990-01-01', 'KIM_NEUSS', today)).toBe('1990-01-01');
    expect(parseAdultFrom(undefined, 'KIM_NEUSS', today)).toBeUndefined();
    expect(parseAdultFrom(null, 'KIM_NEUSS', today)).toBeUndefined();
    expect(parseAdultFrom(undefined, null, today)).toBeNull();
    expect(parseAdultFrom(null, null, today)).toBeNull();
    expect(parseAdultFrom('2028-03-31', null, today)).toBeUndefined();
  });

  it('is a calendar date no later than the coming of age of someone born today', () => {
    const today = '2026-12-08';
    expect(parseAdultFrom('2044-12-08', 'KIM_NEUSS', today)).toBe('2044-12-08');
    expect(parseAdultFrom('2044-12-09', 'KIM_NEUSS', today)).toBeUndefined();
    for (const bad of ['2027-02-30', '2027-2-3', '2010-03-31T00:00:00Z', 20280331, '1899-12-31']) expect(parseAdultFrom(bad, 'KIM_NEUSS', today), String(bad)).toBeUndefined();
  });
});
