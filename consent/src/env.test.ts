import { describe, expect, it } from 'vitest';
import { statutoryBasesOff } from './env.ts';

describe('KIM_STATUTORY_BASES_OFF', () => {
  it('is empty when unset or blank', () => {
    expect([...statutoryBasesOff(undefined)]).toEqual([]);
    expect([...statutoryBasesOff(' ')]).toEqual([]);
  });

  it('lists statutory entries by basis, comma-separated', () => {
    expect([...statutoryBasesOff('AUFENTHG_87_SGB_X_71')]).toEqual(['AUFENTHG_87_SGB_X_71']);
    expect([...statutoryBasesOff(' AUFENTHG_87_SGB_X_71 , AUFENTHG_87_SGB_X_71 ')]).toEqual(['AUFENTHG_87_SGB_X_71']);
  });

  it.each(['NONSENSE', 'CONSENT', 'STAG_32', 'AUFENTHG_87_SGB_X_71,'])('refuses %s, naming the variable', (value) => {
    expect(() => statutoryBasesOff(value)).toThrow(/KIM_STATUTORY_BASES_OFF/);
  });
});
