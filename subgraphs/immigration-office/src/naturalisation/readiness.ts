import { LANGUAGE_LEVELS, type LanguageLevel, type ResidenceTitleType } from '@kim/schema';
import { currentTitle, isValidOn, type TitlePeriod } from '../residence/currentTitle.ts';

/**
 * Naturalisation readiness: a SIMPLIFIED reading of § 10 Abs. 1 StAG as amended by the
 * Staatsangehörigkeitsmodernisierungsgesetz (in force 27.06.2024). It tells a case manager which
 * of four requirements a client does not meet yet; it is not a decision on an application.
 *
 * Checked here:
 * 1. Five years of lawful habitual residence in Germany (§ 10 Abs. 1 S. 1: five, no longer eight),
 *    counted from the `validFrom` of the first title on record to `today`. Simplified: gaps
 *    between titles, and periods that do not count by law (e.g. a Duldung, or a Gestattung that
 *    ended without protection, § 55 Abs. 3 AsylG), are not subtracted.
 * 2. A right of residence today (Nr. 2): the title valid today, which must not be a Duldung,
 *    an Aufenthaltsgestattung or a Fiktionsbescheinigung. Simplified: the purposes of residence
 *    that Nr. 2 excludes (e.g. study, § 16b AufenthG) are not read from the legal basis.
 * 3. Sufficient German (Nr. 6, § 10 Abs. 4): CEFR level B1 or higher.
 * 4. Livelihood without SGB II benefits (Nr. 3). Simplified: the statutory exceptions (e.g. full
 *    employment for 20 of the last 24 months) are not considered, nor is SGB XII.
 * Not checked at all: clarified identity, commitment to the free democratic basic order,
 * criminal record, the naturalisation test (Nr. 1, 5, 7, § 12a), the shortened period for
 * special integration achievements (§ 10 Abs. 3 in the 2024 wording; since abolished).
 *
 * The language level and the benefit status come from other agencies (the welfare and jobcenter
 * subgraphs, via `@requires`). They are VALUES for this computation only; whether the caller may
 * see the result is decided by the field's consent rule, never here. A value that is absent, null
 * or not understood counts as unknown, and an unknown requirement is an unmet one.
 */

export const MIN_YEARS_OF_RESIDENCE = 5;
export const MIN_LANGUAGE_LEVEL: LanguageLevel = 'B1';
/** Titles that are no right of residence in the sense of § 10 Abs. 1 S. 1 Nr. 2 StAG. */
export const NON_QUALIFYING_TITLES: readonly ResidenceTitleType[] = ['DULDUNG', 'AUFENTHALTSGESTATTUNG', 'FIKTIONSBESCHEINIGUNG'];

export interface ResidenceTitleFacts extends TitlePeriod {
  readonly titleType: ResidenceTitleType;
}

export interface ReadinessInputs {
  /** The client's residence titles, in any order. */
  readonly titles: readonly ResidenceTitleFacts[];
  /** From the welfare subgraph; untrusted shape. */
  readonly languageLevel: unknown;
  /** From the jobcenter subgraph; untrusted shape. */
  readonly receivesBenefits: unknown;
}

export interface NaturalisationReadiness {
  readonly ready: boolean;
  /** Years since the first title, rounded down to two decimals; null without titles. */
  readonly yearsOfResidence: number | null;
  /** Human-readable reasons (English), one per unmet requirement, in the order of the requirements. */
  readonly unmetRequirements: string[];
  /** The same, as the SDL's `NaturalisationRequirement` codes. */
  readonly unmetRequirementCodes: NaturalisationRequirement[];
}

/** The SDL's `NaturalisationRequirement`: stable codes a client words in its own language. */
export type NaturalisationRequirement =
  | 'NO_RESIDENCE_TITLE'
  | 'RESIDENCE_UNDER_5_YEARS'
  | 'NO_TITLE_VALID_TODAY'
  | 'TITLE_DOES_NOT_QUALIFY'
  | 'LANGUAGE_LEVEL_UNKNOWN'
  | 'LANGUAGE_BELOW_B1'
  | 'BENEFIT_STATUS_UNKNOWN'
  | 'RECEIVES_SGB2_BENEFITS';

interface Unmet {
  readonly code: NaturalisationRequirement;
  readonly reason: string;
}

const unmet = (code: NaturalisationRequirement, reason: string): Unmet => ({ code, reason });

/** What the requirements look at, derived once from the inputs. */
interface Facts {
  readonly hasTitles: boolean;
  readonly fullYears: number;
  readonly current: ResidenceTitleFacts | null;
  readonly today: string;
  readonly languageLevel: LanguageLevel | null;
  readonly receivesBenefits: boolean | null;
}

/** Each requirement returns why it is unmet (code and prose), or null when it is met. */
const REQUIREMENTS: readonly ((f: Facts) => Unmet | null)[] = [
  (f) =>
    !f.hasTitles
      ? unmet('NO_RESIDENCE_TITLE', 'no residence title on record')
      : f.fullYears < MIN_YEARS_OF_RESIDENCE
        ? unmet('RESIDENCE_UNDER_5_YEARS', `residence under ${MIN_YEARS_OF_RESIDENCE} years`)
        : null,
  // Without any title the first requirement has said so already.
  (f) => {
    if (!f.hasTitles) return null;
    if (!f.current || !isValidOn(f.current, f.today)) return unmet('NO_TITLE_VALID_TODAY', 'no residence title valid today');
    return NON_QUALIFYING_TITLES.includes(f.current.titleType) ? unmet('TITLE_DOES_NOT_QUALIFY', `current residence title ${f.current.titleType} does not qualify`) : null;
  },
  (f) =>
    f.languageLevel === null
      ? unmet('LANGUAGE_LEVEL_UNKNOWN', 'language level unknown')
      : LANGUAGE_LEVELS.indexOf(f.languageLevel) < LANGUAGE_LEVELS.indexOf(MIN_LANGUAGE_LEVEL)
        ? unmet('LANGUAGE_BELOW_B1', `language level below ${MIN_LANGUAGE_LEVEL}`)
        : null,
  (f) => (f.receivesBenefits === null ? unmet('BENEFIT_STATUS_UNKNOWN', 'benefit status unknown') : f.receivesBenefits ? unmet('RECEIVES_SGB2_BENEFITS', 'receives SGB II benefits') : null),
];

/** Whether a client meets the (simplified) requirements of § 10 StAG on `today` ('YYYY-MM-DD'). */
export function naturalisationReadiness(inputs: ReadinessInputs, today: string): NaturalisationReadiness {
  const first = inputs.titles.reduce<string | null>((min, t) => (min === null || t.validFrom < min ? t.validFrom : min), null);
  const facts: Facts = {
    hasTitles: first !== null,
    fullYears: first === null ? 0 : fullYearsBetween(first, today),
    current: currentTitle(inputs.titles, today),
    today,
    languageLevel: asLanguageLevel(inputs.languageLevel),
    receivesBenefits: typeof inputs.receivesBenefits === 'boolean' ? inputs.receivesBenefits : null,
  };
  const unmetOnes = REQUIREMENTS.map((requirement) => requirement(facts)).filter((u): u is Unmet => u !== null);
  return {
    ready: unmetOnes.length === 0,
    yearsOfResidence: first === null ? null : Math.floor(yearsBetween(first, today) * 100) / 100,
    unmetRequirements: unmetOnes.map((u) => u.reason),
    unmetRequirementCodes: unmetOnes.map((u) => u.code),
  };
}

function asLanguageLevel(value: unknown): LanguageLevel | null {
  return (LANGUAGE_LEVELS as readonly unknown[]).includes(value) ? (value as LanguageLevel) : null;
}

const toTime = (day: string) => Date.parse(`${day}T00:00:00Z`);

/**
 * The day `years` after `day`. A period begun on 29 February ends on 28 February in a year
 * without one (§ 188 Abs. 3 BGB).
 */
export function addYears(day: string, years: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y + years, m - 1, d));
  const clamped = date.getUTCMonth() === m - 1 ? date : new Date(Date.UTC(y + years, m, 0));
  return clamped.toISOString().slice(0, 10);
}

/** Whole years from `from` to `to`: a year is complete on its anniversary. 0 when `to` is earlier. */
export function fullYearsBetween(from: string, to: string): number {
  if (to < from) return 0;
  const guess = Number(to.slice(0, 4)) - Number(from.slice(0, 4));
  return addYears(from, guess) <= to ? guess : guess - 1;
}

/** Years from `from` to `to` as a fraction: whole years plus the elapsed part of the current one. */
export function yearsBetween(from: string, to: string): number {
  if (to < from) return 0;
  const full = fullYearsBetween(from, to);
  const start = toTime(addYears(from, full));
  const end = toTime(addYears(from, full + 1));
  return full + (toTime(to) - start) / (end - start);
}
