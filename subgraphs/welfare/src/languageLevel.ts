import { LANGUAGE_LEVELS, type LanguageLevel } from '@kim/schema';

/**
 * The highest level any certificate states, null when there is none. Only a certificate counts:
 * a course's target level is an aim, not a result.
 */
export function highestCertifiedLevel(courses: readonly { certificateLevel: string | null }[]): LanguageLevel | null {
  let best = -1;
  for (const { certificateLevel } of courses) {
    best = Math.max(best, (LANGUAGE_LEVELS as readonly (string | null)[]).indexOf(certificateLevel));
  }
  return LANGUAGE_LEVELS[best] ?? null;
}
