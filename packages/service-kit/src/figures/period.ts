import type { Period } from '@kim/schema';

/** A date's period as the figures name it: YYYY, YYYY-Qn or YYYY-MM (UTC). */
export function periodOf(date: Date, period: Period): string {
  const y = date.getUTCFullYear();
  if (period === 'YEAR') return String(y);
  if (period === 'QUARTER') return `${y}-Q${Math.floor(date.getUTCMonth() / 3) + 1}`;
  return `${y}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}
