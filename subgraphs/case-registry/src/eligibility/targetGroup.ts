import type { ResidenceTitleType } from '@kim/schema';
import { STAGES, type Stage } from './stages.ts';

/** Why a person is or is not in the target group: the SDL's `TargetGroupReason`, stable for clients to word. */
export type TargetGroupReason = 'IN_TARGET_GROUP' | 'RULES_NOT_IN_EFFECT' | 'AGE_OUTSIDE_RANGE' | 'NO_RESIDENCE_TITLE' | 'TITLE_EXCLUDED' | 'PRIOR_CASE_MANAGEMENT';

export interface Eligibility {
  readonly on: string;
  readonly eligible: boolean;
  readonly stage: number | null;
  /** English prose for logs and developers (an exclusion's wording from stages.json). */
  readonly reason: string;
  readonly reasonCode: TargetGroupReason;
}

/** A residence title as the immigration office records it (dates YYYY-MM-DD; `validUntil` null: unlimited). */
export interface TitleSpell {
  readonly titleType: ResidenceTitleType | null;
  readonly validFrom: string | null;
  readonly validUntil: string | null;
}

/** What the target group is decided on: the person, and what they held and had on the date. */
export interface Person {
  readonly birthDate: string;
  /** The title held on the date asked about (titleOn), or null if none is known. */
  readonly titleType: ResidenceTitleType | null;
  /** Whether the person had case management before KIM; null: not recorded. */
  readonly priorCaseManagement: boolean | null;
}

export function ageOn(birthDate: string, date: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** The title valid on `on` — the latest issued if several are — or null: never today's title for a past date. */
export function titleOn(titles: readonly TitleSpell[], on: string): ResidenceTitleType | null {
  const valid = titles.filter((t) => t.titleType && t.validFrom && t.validFrom.slice(0, 10) <= on && (t.validUntil === null || t.validUntil.slice(0, 10) >= on));
  valid.sort((a, b) => (a.validFrom! < b.validFrom! ? 1 : a.validFrom! > b.validFrom! ? -1 : 0));
  return valid[0]?.titleType ?? null;
}

/** Whether a person is in the KIM target group on `on` (YYYY-MM-DD), under the stage in effect then, and why. */
export function targetGroupOn(person: Person, on: string, stages: readonly Stage[] = STAGES): Eligibility {
  const stage = [...stages].reverse().find((s) => s.effectiveFrom <= on);
  if (!stage) return { on, eligible: false, stage: null, reason: 'KIM funding rules not yet in effect', reasonCode: 'RULES_NOT_IN_EFFECT' };
  const age = ageOn(person.birthDate, on);
  if (age < stage.minAge || age > stage.maxAge) return { on, eligible: false, stage: stage.stage, reason: `age ${age} outside ${stage.minAge}–${stage.maxAge}`, reasonCode: 'AGE_OUTSIDE_RANGE' };
  if (person.titleType === null) return { on, eligible: false, stage: stage.stage, reason: 'no residence title known on that date', reasonCode: 'NO_RESIDENCE_TITLE' };
  const excluded = stage.excluded.find((e) => e.titles.includes(person.titleType!) && age >= e.minAge && age <= e.maxAge);
  if (excluded) return { on, eligible: false, stage: stage.stage, reason: excluded.reason, reasonCode: 'TITLE_EXCLUDED' };
  if (stage.requiresNoPriorCaseManagement && person.priorCaseManagement === true) return { on, eligible: false, stage: stage.stage, reason: 'had case management before', reasonCode: 'PRIOR_CASE_MANAGEMENT' };
  return { on, eligible: true, stage: stage.stage, reason: `in target group of stage ${stage.stage}`, reasonCode: 'IN_TARGET_GROUP' };
}
