import type { ResidenceTitleType } from '@kim/schema';

/** One stage of the KIM funding rules, in effect from a date (until the next stage). */
interface Stage {
  readonly stage: number;
  readonly effectiveFrom: string;
  /** Whether tolerated persons and asylum seekers aged 18–27 are in the target group. */
  readonly includesYoungToleratedAndAsylumSeekers: boolean;
}

/**
 * Stage 1 (funding guideline of 25.11.2020): young immigrants about 18–35, except tolerated
 * persons and asylum seekers aged 18–27 (served by "Durchstarten in Ausbildung und Arbeit").
 * Stage 2 (from 01.01.2023): those are included. Stage 3 ("later, further groups") has no date
 * of effect yet; it becomes a row here when the county decides it.
 */
export const STAGES: readonly Stage[] = [
  { stage: 1, effectiveFrom: '2021-01-01', includesYoungToleratedAndAsylumSeekers: false },
  { stage: 2, effectiveFrom: '2023-01-01', includesYoungToleratedAndAsylumSeekers: true },
];

export const MIN_AGE = 18;
export const MAX_AGE = 35;

export interface Eligibility {
  readonly on: string;
  readonly eligible: boolean;
  readonly stage: number | null;
  readonly reason: string;
}

export function ageOn(birthDate: string, date: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** Whether a person is in the KIM target group on `on` (YYYY-MM-DD), and why. */
export function targetGroupOn(birthDate: string, titleType: ResidenceTitleType | null, on: string): Eligibility {
  const stage = [...STAGES].reverse().find((s) => s.effectiveFrom <= on);
  if (!stage) return { on, eligible: false, stage: null, reason: 'KIM funding rules not yet in effect' };
  const age = ageOn(birthDate, on);
  if (age < MIN_AGE || age > MAX_AGE) return { on, eligible: false, stage: stage.stage, reason: `age ${age} outside ${MIN_AGE}–${MAX_AGE}` };
  if (titleType === null) return { on, eligible: false, stage: stage.stage, reason: 'residence title unknown' };
  const toleratedOrAsylum = titleType === 'DULDUNG' || titleType === 'AUFENTHALTSGESTATTUNG';
  if (toleratedOrAsylum && age <= 27 && !stage.includesYoungToleratedAndAsylumSeekers) {
    return { on, eligible: false, stage: stage.stage, reason: 'tolerated or asylum seeker aged 18–27: served by "Durchstarten" until 2022' };
  }
  return { on, eligible: true, stage: stage.stage, reason: `in target group of stage ${stage.stage}` };
}
