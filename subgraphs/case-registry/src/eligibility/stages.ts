import { readFileSync } from 'node:fs';
import { RESIDENCE_TITLE_TYPES, type ResidenceTitleType } from '@kim/schema';

/** Titles a stage leaves out for an age band, with the reason the funding rules give. */
export interface Exclusion {
  readonly titles: readonly ResidenceTitleType[];
  readonly minAge: number;
  readonly maxAge: number;
  readonly reason: string;
}

/** One stage of the KIM funding rules, in effect from a date until the next stage. */
export interface Stage {
  readonly stage: number;
  readonly effectiveFrom: string;
  readonly source: string;
  readonly minAge: number;
  readonly maxAge: number;
  readonly excluded: readonly Exclusion[];
  /** Only people who have had no case management so far. */
  readonly requiresNoPriorCaseManagement: boolean;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function fail(where: string, what: string): never {
  throw new Error(`target-group stages: ${where}: ${what}`);
}

const isAge = (n: unknown): n is number => Number.isInteger(n) && (n as number) >= 0 && (n as number) <= 120;

/**
 * Validates the stages as data (stages.json): dates, ages, titles of the vocabulary, stages in
 * the order they took effect. A stage the county decides later (stage 3, "further groups") is a
 * new row there, not code.
 */
export function parseStages(data: unknown): readonly Stage[] {
  if (!Array.isArray(data) || data.length === 0) fail('file', 'must be a non-empty array');
  const stages = data.map((raw: Record<string, unknown>, i): Stage => {
    const at = `stage #${i + 1}`;
    if (!Number.isInteger(raw.stage)) fail(at, 'stage must be an integer');
    if (typeof raw.effectiveFrom !== 'string' || !DATE.test(raw.effectiveFrom) || Number.isNaN(Date.parse(raw.effectiveFrom))) fail(at, 'effectiveFrom must be YYYY-MM-DD');
    if (typeof raw.source !== 'string' || raw.source.length === 0) fail(at, 'source must name the funding rule');
    if (!isAge(raw.minAge) || !isAge(raw.maxAge) || raw.minAge > raw.maxAge) fail(at, 'minAge and maxAge must be ages, minAge ≤ maxAge');
    if (typeof raw.requiresNoPriorCaseManagement !== 'boolean') fail(at, 'requiresNoPriorCaseManagement must be true or false');
    if (!Array.isArray(raw.excluded)) fail(at, 'excluded must be an array');
    const excluded = raw.excluded.map((e: Record<string, unknown>, j): Exclusion => {
      const where = `${at}, exclusion #${j + 1}`;
      if (!Array.isArray(e.titles) || !e.titles.every((t) => (RESIDENCE_TITLE_TYPES as readonly unknown[]).includes(t))) fail(where, 'titles must be residence title types');
      if (!isAge(e.minAge) || !isAge(e.maxAge) || e.minAge > e.maxAge) fail(where, 'minAge and maxAge must be ages, minAge ≤ maxAge');
      if (typeof e.reason !== 'string' || e.reason.length === 0) fail(where, 'reason is required');
      return { titles: e.titles as ResidenceTitleType[], minAge: e.minAge, maxAge: e.maxAge, reason: e.reason };
    });
    return { stage: raw.stage as number, effectiveFrom: raw.effectiveFrom, source: raw.source, minAge: raw.minAge, maxAge: raw.maxAge, excluded, requiresNoPriorCaseManagement: raw.requiresNoPriorCaseManagement };
  });
  for (let i = 1; i < stages.length; i++) {
    if (stages[i]!.effectiveFrom <= stages[i - 1]!.effectiveFrom) fail(`stage #${i + 1}`, 'stages must be in the order they took effect');
  }
  return stages;
}

/** The stages shipped with the service, validated when it loads. */
export const STAGES: readonly Stage[] = parseStages(JSON.parse(readFileSync(new URL('./stages.json', import.meta.url), 'utf8')));
