import { describe, expect, it } from 'vitest';
import { suppressedPoints } from './chartData.ts';

describe('suppressedPoints', () => {
  it('names each suppressed value (null), not the values that do not exist (undefined)', () => {
    const series = [
      { name: 'Neuss', data: [7, null, 9] },
      { name: 'Dormagen', data: [undefined, 5, null] },
    ];
    expect(suppressedPoints(['2023', '2024', '2025'], series)).toEqual(['2024: Neuss', '2025: Dormagen']);
  });

  it('is empty when everything is published', () => {
    expect(suppressedPoints(['2024'], [{ name: 'Neuss', data: [12] }])).toEqual([]);
  });
});
