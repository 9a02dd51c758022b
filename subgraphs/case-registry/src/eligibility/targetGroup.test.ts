import { describe, expect, it } from 'vitest';
import { parseStages, STAGES } from './stages.ts';
import type { ResidenceTitleType } from '@kim/schema';
import { ageOn, targetGroupOn, titleOn } from './targetGroup.ts';

const person = (birthDate: string, titleType: ResidenceTitleType | null, priorCaseManagement: boolean | null = false) => ({
  birthDate,
  titleType,
  priorCaseManagement,
});

describe('targetGroupOn', () => {
  it('counts age in whole years up to the day before the birthday', () => {
    expect(ageOn('2000-06-15', '2020-06-14')).toBe(19);
    expect(ageOn('2000-06-15', '2020-06-15')).toBe(20);
  });

  it.each([
    ['the day before the funding rules', '2000-01-01', 'AUFENTHALTSERLAUBNIS', '2020-12-31', false, null],
    ['their first day (stage 1)', '2000-01-01', 'AUFENTHALTSERLAUBNIS', '2021-01-01', true, 1],
    ['a tolerated person aged 22 on the last day of stage 1', '2000-01-01', 'DULDUNG', '2022-12-31', false, 1],
    ['the same person on the first day of stage 2', '2000-01-01', 'DULDUNG', '2023-01-01', true, 2],
    ['a tolerated person aged 28 in stage 1 (above the excluded band)', '1994-01-01', 'DULDUNG', '2022-06-01', true, 1],
    ['a tolerated person on their 28th birthday in stage 1', '1994-06-01', 'DULDUNG', '2022-06-01', true, 1],
    ['a tolerated person the day before their 28th birthday', '1994-06-02', 'DULDUNG', '2022-06-01', false, 1],
    ['an asylum seeker aged 30 in stage 1', '1992-01-01', 'AUFENTHALTSGESTATTUNG', '2022-06-01', true, 1],
    ['a person on their 36th birthday', '1987-06-01', 'AUFENTHALTSERLAUBNIS', '2023-06-01', false, 2],
    ['a person the day before their 36th birthday', '1987-06-02', 'AUFENTHALTSERLAUBNIS', '2023-06-01', true, 2],
    ['a person the day before their 18th birthday', '2005-01-02', 'AUFENTHALTSERLAUBNIS', '2023-01-01', false, 2],
    ['a person on their 18th birthday', '2005-01-01', 'AUFENTHALTSERLAUBNIS', '2023-01-01', true, 2],
  ] as const)('decides %s', (_name, birth, title, on, eligible, stage) => {
    const result = targetGroupOn(person(birth, title), on);
    expect({ eligible: result.eligible, stage: result.stage }).toEqual({ eligible, stage });
  });

  it.each([
    ['2000-01-01', 'AUFENTHALTSERLAUBNIS', '2020-12-31', 'RULES_NOT_IN_EFFECT'],
    ['2000-01-01', 'DULDUNG', '2022-12-31', 'TITLE_EXCLUDED'],
    ['1987-06-01', 'AUFENTHALTSERLAUBNIS', '2023-06-01', 'AGE_OUTSIDE_RANGE'],
    ['2000-01-01', 'AUFENTHALTSERLAUBNIS', '2024-01-01', 'IN_TARGET_GROUP'],
  ] as const)('gives each outcome a stable code (born %s, %s, on %s: %s)', (birth, title, on, code) => {
    expect(targetGroupOn(person(birth, title), on).reasonCode).toBe(code);
  });

  it('does not decide without a residence title on the date', () => {
    expect(targetGroupOn(person('2000-01-01', null), '2024-01-01')).toMatchObject({ eligible: false, reason: 'no residence title known on that date', reasonCode: 'NO_RESIDENCE_TITLE' });
  });

  it('serves only people without case management so far; not recorded does not count against them', () => {
    expect(targetGroupOn(person('2000-01-01', 'AUFENTHALTSERLAUBNIS', true), '2024-01-01')).toMatchObject({ eligible: false, reason: 'had case management before', reasonCode: 'PRIOR_CASE_MANAGEMENT' });
    expect(targetGroupOn(person('2000-01-01', 'AUFENTHALTSERLAUBNIS', null), '2024-01-01')).toMatchObject({ eligible: true });
  });

  it('takes a stage added as data (stage 3) from its date, with no change of code', () => {
    const stage3 = { ...STAGES[1]!, stage: 3, effectiveFrom: '2027-01-01', source: 'Stufe 3', maxAge: 45 };
    const stages = parseStages([...STAGES, stage3]);
    expect(targetGroupOn(person('1985-01-01', 'AUFENTHALTSERLAUBNIS'), '2026-12-31', stages)).toMatchObject({ eligible: false, stage: 2 });
    expect(targetGroupOn(person('1985-01-01', 'AUFENTHALTSERLAUBNIS'), '2027-01-01', stages)).toMatchObject({ eligible: true, stage: 3 });
  });
});

describe('titleOn', () => {
  // K-000113's case: a Duldung at 19 in 2022, a residence permit since 2024.
  const titles = [
    { titleType: 'DULDUNG' as const, validFrom: '2021-03-01', validUntil: '2023-12-31' },
    { titleType: 'AUFENTHALTSERLAUBNIS' as const, validFrom: '2024-01-01', validUntil: null },
  ];
  it('is the title held on that date, not today\'s', () => {
    expect(titleOn(titles, '2022-06-01')).toBe('DULDUNG');
    expect(titleOn(titles, '2023-12-31')).toBe('DULDUNG');
    expect(titleOn(titles, '2024-01-01')).toBe('AUFENTHALTSERLAUBNIS');
    expect(titleOn(titles, '2021-02-28')).toBeNull();
  });
  it('so a tolerated 19-year-old in 2022 was outside stage 1', () => {
    expect(targetGroupOn(person('2003-01-10', titleOn(titles, '2022-06-01')), '2022-06-01')).toMatchObject({ eligible: false, stage: 1 });
  });
});

describe('parseStages', () => {
  it.each([
    ['a date that is no date', [{ ...STAGES[0]!, effectiveFrom: '2021-13-01' }]],
    ['stages out of order', [STAGES[1]!, STAGES[0]!]],
    ['an unknown title', [{ ...STAGES[0]!, excluded: [{ titles: ['VISA_X'], minAge: 18, maxAge: 27, reason: 'r' }] }]],
    ['no source', [{ ...STAGES[0]!, source: '' }]],
  ])('refuses %s', (_name, data) => {
    expect(() => parseStages(data)).toThrow(/target-group stages/);
  });
});
