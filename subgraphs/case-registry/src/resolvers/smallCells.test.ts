import { describe, expect, it } from 'vitest';
import { countCell, groupFigure, partCell } from './smallCells.ts';

describe('small cells', () => {
  it('suppress counts below five', () => {
    expect(countCell(4)).toBeNull();
    expect(countCell(0)).toBeNull();
    expect(countCell(5)).toBe(5);
  });
  it('suppress a part whose rest of a published whole is small', () => {
    expect(partCell(8, 10)).toBeNull();
    expect(partCell(5, 10)).toBe(5);
    expect(partCell(4, 10)).toBeNull();
    // The whole is suppressed: nothing to subtract from.
    expect(partCell(4, 4)).toBeNull();
  });
  it('suppress a figure over fewer than five values', () => {
    const sum = (v: readonly number[]) => v.reduce((a, b) => a + b, 0);
    expect(groupFigure([1, 2, 3, 4], sum)).toBeNull();
    expect(groupFigure([1, 2, 3, 4, 5], sum)).toBe(15);
  });
});
