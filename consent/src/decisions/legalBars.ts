import { CATEGORY_SOURCE, LEGAL_BAR_NAMES, SERVICE_OWNER, isAgency, isDataCategory, legalBarOf, type LegalBar } from '@kim/schema';
import { hubError } from '@kim/service-kit';

/**
 * The norm that bars a grant of these categories to this grantee, if any: a category's data is
 * held at its source service, whose owner the bar names. Such a grant could never take effect
 * (`decide` denies every question it would cover), so recording it would only mislead.
 */
export function barOfGrant(grantee: string, categories: readonly string[]): { norm: LegalBar; categories: string[] } | undefined {
  if (!isAgency(grantee)) return undefined;
  let norm: LegalBar | undefined;
  const barred: string[] = [];
  for (const category of categories) {
    if (!isDataCategory(category)) continue;
    const bar = legalBarOf(SERVICE_OWNER[CATEGORY_SOURCE[category]], category, grantee);
    if (bar) {
      norm ??= bar;
      barred.push(category);
    }
  }
  return norm ? { norm, categories: barred } : undefined;
}

/** Refuses the whole grant (nothing half-recorded) with LEGALLY_BARRED naming the norm. */
export function refuseBarredGrant(grantee: string, categories: readonly string[]): void {
  const bar = barOfGrant(grantee, categories);
  if (!bar) return;
  throw hubError(
    'LEGALLY_BARRED',
    `No consent can open ${bar.categories.join(', ')} to ${grantee}: ${LEGAL_BAR_NAMES[bar.norm]}. Nothing was recorded.`,
    { norm: bar.norm, argument: 'input.categories' },
  );
}
