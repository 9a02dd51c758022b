import { describe, expect, it } from 'vitest';
import { highestCertifiedLevel } from './languageLevel.ts';

describe('highestCertifiedLevel', () => {
  it('is null without courses', () => {
    expect(highestCertifiedLevel([])).toBeNull();
  });

  it('is null when no course ended with a certificate', () => {
    expect(highestCertifiedLevel([{ certificateLevel: null }, { certificateLevel: null }])).toBeNull();
  });

  it('takes the highest certificate, whatever the order of the courses', () => {
    expect(highestCertifiedLevel([{ certificateLevel: 'B1' }, { certificateLevel: 'C1' }, { certificateLevel: 'A2' }])).toBe('C1');
    expect(highestCertifiedLevel([{ certificateLevel: null }, { certificateLevel: 'A1' }])).toBe('A1');
  });

  it('ignores a level outside the vocabulary rather than guessing', () => {
    expect(highestCertifiedLevel([{ certificateLevel: 'B3' }])).toBeNull();
  });
});
