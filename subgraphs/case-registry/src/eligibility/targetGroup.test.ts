import { describe, expect, it } from 'vitest';
import { ageOn, targetGroupOn } from './targetGroup.ts';

describe('targetGroupOn', () => {
  it('counts age in whole years up to the day before the birthday', () => {
    expect(ageOn('2000-06-15', '2020-06-14')).toBe(19);
    expect(ageOn('2000-06-15', '2020-06-15')).toBe(20);
  });

  it.each([
    ['before the funding rules', '2000-01-01', 'AUFENTHALTSERLAUBNIS', '2020-12-31', false, null],
    ['a permit holder aged 22 in stage 1', '2000-01-01', 'AUFENTHALTSERLAUBNIS', '2022-06-01', true, 1],
    ['a tolerated person aged 22 in stage 1', '2000-01-01', 'DULDUNG', '2022-12-31', false, 1],
    ['the same person on the first day of stage 2', '2000-01-01', 'DULDUNG', '2023-01-01', true, 2],
    ['an asylum seeker aged 30 in stage 1', '1992-01-01', 'AUFENTHALTSGESTATTUNG', '2022-06-01', true, 1],
    ['a person aged 40', '1982-01-01', 'AUFENTHALTSERLAUBNIS', '2023-06-01', false, 2],
    ['a person aged 17', '2006-01-02', 'AUFENTHALTSERLAUBNIS', '2023-01-01', false, 2],
  ] as const)('decides %s', (_name, birth, title, on, eligible, stage) => {
    const result = targetGroupOn(birth, title, on);
    expect({ eligible: result.eligible, stage: result.stage }).toEqual({ eligible, stage });
  });

  it('does not decide without a residence title', () => {
    expect(targetGroupOn('2000-01-01', null, '2024-01-01')).toMatchObject({ eligible: false, reason: 'residence title unknown' });
  });
});
