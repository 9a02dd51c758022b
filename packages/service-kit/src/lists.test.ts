import { describe, expect, it } from 'vitest';
import { rowsOrNull } from './lists.ts';

describe('rowsOrNull', () => {
  it('answers null for no rows, never an empty list', () => {
    expect(rowsOrNull([])).toBeNull();
    expect(rowsOrNull(null)).toBeNull();
    expect(rowsOrNull(undefined)).toBeNull();
  });
  it('answers the rows where there are some', () => {
    expect(rowsOrNull([1, 2])).toEqual([1, 2]);
  });
});
