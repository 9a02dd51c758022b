import { describe, expect, it } from 'vitest';
import { addYears, fullYearsBetween, naturalisationReadiness, yearsBetween, type ResidenceTitleFacts } from './readiness.ts';

const TODAY = '2026-11-25';

const gestattung: ResidenceTitleFacts = { titleType: 'AUFENTHALTSGESTATTUNG', validFrom: '2016-03-01', validUntil: '2017-02-28' };
const permit: ResidenceTitleFacts = { titleType: 'AUFENTHALTSERLAUBNIS', validFrom: '2017-03-01', validUntil: '2027-02-28' };
const settlement: ResidenceTitleFacts = { titleType: 'NIEDERLASSUNGSERLAUBNIS', validFrom: '2024-01-10', validUntil: null };
const recentPermit: ResidenceTitleFacts = { titleType: 'AUFENTHALTSERLAUBNIS', validFrom: '2023-05-01', validUntil: '2027-04-30' };
const duldung: ResidenceTitleFacts = { titleType: 'DULDUNG', validFrom: '2019-01-01', validUntil: '2027-01-01' };
const fiktion: ResidenceTitleFacts = { titleType: 'FIKTIONSBESCHEINIGUNG', validFrom: '2026-10-01', validUntil: '2027-01-31' };
const expired: ResidenceTitleFacts = { titleType: 'AUFENTHALTSERLAUBNIS', validFrom: '2018-01-01', validUntil: '2026-06-30' };
const fiveYearsAgo: ResidenceTitleFacts = { titleType: 'BLAUE_KARTE_EU', validFrom: '2021-11-25', validUntil: null };
const fiveYearsAgoTomorrow: ResidenceTitleFacts = { titleType: 'BLAUE_KARTE_EU', validFrom: '2021-11-26', validUntil: null };

describe('naturalisationReadiness', () => {
  it.each([
    ['a settled client with B1 and no benefits', [gestattung, permit, settlement], 'B1', false, []],
    ['a client with C2 on a Blue Card held exactly 5 years', [fiveYearsAgo], 'C2', false, []],
    ['a client one day short of 5 years', [fiveYearsAgoTomorrow], 'B2', false, ['residence under 5 years']],
    ['a recent arrival', [recentPermit], 'B1', false, ['residence under 5 years']],
    ['a tolerated person', [duldung], 'B1', false, ['current residence title DULDUNG does not qualify']],
    ['a client waiting on a Fiktionsbescheinigung', [permit, fiktion], 'B1', false, ['current residence title FIKTIONSBESCHEINIGUNG does not qualify']],
    ['a client whose only title has expired', [expired], 'B1', false, ['no residence title valid today']],
    ['a client with A2', [permit], 'A2', false, ['language level below B1']],
    ['a client on SGB II benefits', [permit], 'B1', true, ['receives SGB II benefits']],
    ['a client whose language level is unknown (null)', [permit], null, false, ['language level unknown']],
    ['a client whose language level is absent', [permit], undefined, false, ['language level unknown']],
    ['a client with a language level not in the CEFR', [permit], 'B3', false, ['language level unknown']],
    ['a client with a lower-case level', [permit], 'b1', false, ['language level unknown']],
    ['a client whose benefit status is unknown (null)', [permit], 'B1', null, ['benefit status unknown']],
    ['a client whose benefit status is a string', [permit], 'B1', 'false', ['benefit status unknown']],
    ['a client without any title', [], 'B1', false, ['no residence title on record']],
    [
      'a client who meets nothing',
      [{ ...duldung, validFrom: '2024-01-01' }],
      'A1',
      true,
      ['residence under 5 years', 'current residence title DULDUNG does not qualify', 'language level below B1', 'receives SGB II benefits'],
    ],
    ['a client about whom nothing is known', [], undefined, undefined, ['no residence title on record', 'language level unknown', 'benefit status unknown']],
  ] as const)('assesses %s', (_case, titles, languageLevel, receivesBenefits, unmet) => {
    const result = naturalisationReadiness({ titles, languageLevel, receivesBenefits }, TODAY);
    expect(result.unmetRequirements).toEqual(unmet);
    expect(result.ready).toBe(unmet.length === 0);
  });

  it.each([
    [[{ ...duldung, validFrom: '2024-01-01' }], 'A1', true, ['RESIDENCE_UNDER_5_YEARS', 'TITLE_DOES_NOT_QUALIFY', 'LANGUAGE_BELOW_B1', 'RECEIVES_SGB2_BENEFITS']],
    [[], undefined, undefined, ['NO_RESIDENCE_TITLE', 'LANGUAGE_LEVEL_UNKNOWN', 'BENEFIT_STATUS_UNKNOWN']],
    [[expired], 'B1', null, ['NO_TITLE_VALID_TODAY', 'BENEFIT_STATUS_UNKNOWN']],
  ] as const)('gives each unmet requirement a stable code, in the order of the reasons (%#)', (titles, languageLevel, receivesBenefits, codes) => {
    const result = naturalisationReadiness({ titles, languageLevel, receivesBenefits }, TODAY);
    expect(result.unmetRequirementCodes).toEqual(codes);
    expect(result.unmetRequirements).toHaveLength(codes.length);
  });

  it('counts residence from the first title, whatever the order given', () => {
    expect(naturalisationReadiness({ titles: [settlement, gestattung, permit], languageLevel: 'B1', receivesBenefits: false }, TODAY).yearsOfResidence).toBe(10.73);
  });

  it.each([
    ['exactly five years', [fiveYearsAgo], 5],
    ['one day short of five years (rounded down)', [fiveYearsAgoTomorrow], 4.99],
    ['a title that starts in the future', [{ ...recentPermit, validFrom: '2030-01-01', validUntil: null }], 0],
    ['no title', [], null],
  ] as const)('reports the years of residence for %s', (_case, titles, years) => {
    expect(naturalisationReadiness({ titles, languageLevel: 'B1', receivesBenefits: false }, TODAY).yearsOfResidence).toBe(years);
  });

  it('uses the day it is given, not the clock', () => {
    const inputs = { titles: [{ ...recentPermit, validUntil: null }], languageLevel: 'B1', receivesBenefits: false };
    expect(naturalisationReadiness(inputs, '2028-04-30').ready).toBe(false);
    expect(naturalisationReadiness(inputs, '2028-05-01')).toEqual({ ready: true, yearsOfResidence: 5, unmetRequirements: [], unmetRequirementCodes: [] });
  });
});

describe('residence periods', () => {
  it.each([
    ['2020-02-29', 1, '2021-02-28'],
    ['2020-02-29', 4, '2024-02-29'],
    ['2019-12-31', 5, '2024-12-31'],
  ] as const)('moves %s by %i years to %s', (from, years, to) => {
    expect(addYears(from, years)).toBe(to);
  });

  it.each([
    ['2021-11-25', '2026-11-25', 5],
    ['2021-11-26', '2026-11-25', 4],
    ['2020-02-29', '2025-02-28', 5],
    ['2027-01-01', '2026-11-25', 0],
  ] as const)('counts the whole years from %s to %s as %i', (from, to, years) => {
    expect(fullYearsBetween(from, to)).toBe(years);
  });

  it('counts half a year as about 0.5', () => {
    expect(yearsBetween('2025-01-01', '2025-07-02')).toBeCloseTo(0.5, 2);
  });
});
