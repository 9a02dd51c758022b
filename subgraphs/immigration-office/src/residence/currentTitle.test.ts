import { describe, expect, it } from 'vitest';
import { currentTitle, isValidOn } from './currentTitle.ts';

const gestattung = { name: 'gestattung', validFrom: '2016-03-01', validUntil: '2017-02-28' };
const permit = { name: 'permit', validFrom: '2017-03-01', validUntil: '2020-02-29' };
const renewal = { name: 'renewal', validFrom: '2020-03-01', validUntil: '2023-02-28' };
const settlement = { name: 'settlement', validFrom: '2023-03-01', validUntil: null };

describe('currentTitle', () => {
  it.each([
    ['the title valid today', [gestattung, permit, renewal], '2018-06-01', 'permit'],
    ['the unlimited title', [gestattung, permit, renewal, settlement], '2026-11-25', 'settlement'],
    ['the latest title when all have expired', [gestattung, permit], '2026-11-25', 'permit'],
    ['the latest title when none is valid yet', [permit], '2016-01-01', 'permit'],
    ['the title valid on its last day', [gestattung, permit], '2017-02-28', 'gestattung'],
    ['the later of two overlapping titles', [permit, { name: 'fiktion', validFrom: '2019-12-01', validUntil: '2020-05-31' }], '2020-01-15', 'fiktion'],
    ['the title valid today over a later, future one', [renewal, { name: 'future', validFrom: '2030-01-01', validUntil: null }], '2021-01-01', 'renewal'],
  ] as const)('chooses %s', (_case, titles, today, expected) => {
    expect(currentTitle(titles, today)?.name).toBe(expected);
  });

  it('has no current title without titles', () => {
    expect(currentTitle([], '2026-11-25')).toBeNull();
  });
});

describe('isValidOn', () => {
  it.each([
    ['2017-02-28', false],
    ['2017-03-01', true],
    ['2020-02-29', true],
    ['2020-03-01', false],
  ] as const)('treats %s as valid: %s', (day, valid) => {
    expect(isValidOn(permit, day)).toBe(valid);
  });
});
