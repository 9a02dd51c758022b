import { MIN_CELL, oneDecimal, periodOf, publish, quantile, suppressedCells, type Equation } from '@kim/service-kit';
import type { Period } from '@kim/schema';

const DAY_MS = 86_400_000;

export interface ApplicationRow {
  readonly submittedAt: Date;
  readonly decidedAt: Date | null;
}

/**
 * Applications per submission period and in total: submitted, decided, pending (one table, so that
 * no total minus its published parts gives a small group away), and the median and 90th
 * percentile of days to decision, each only over a published count of at least MIN_CELL decisions.
 */
export function naturalisationFigures(applications: readonly ApplicationRow[], period: Period) {
  const periods = [...new Set(applications.map((a) => periodOf(a.submittedAt, period)))].sort();
  const groups = new Map<string, ApplicationRow[]>([['*', [...applications]]]);
  for (const p of periods) groups.set(p, applications.filter((a) => periodOf(a.submittedAt, period) === p));
  const cells = new Map<string, number>();
  const equations: Equation[] = [];
  for (const [key, rows] of groups) {
    cells.set(`${key}:submitted`, rows.length);
    cells.set(`${key}:decided`, rows.filter((a) => a.decidedAt).length);
    cells.set(`${key}:pending`, rows.filter((a) => !a.decidedAt).length);
    equations.push({ total: `${key}:submitted`, parts: [`${key}:decided`, `${key}:pending`] });
  }
  for (const kind of ['submitted', 'decided', 'pending']) equations.push({ total: `*:${kind}`, parts: periods.map((p) => `${p}:${kind}`) });
  const table = { cells, equations };
  const hidden = suppressedCells(table, MIN_CELL);
  const row = (key: string) => {
    const decided = publish(table, hidden, `${key}:decided`);
    const days = groups.get(key)!.flatMap((a) => (a.decidedAt ? [(a.decidedAt.getTime() - a.submittedAt.getTime()) / DAY_MS] : []));
    const shown = decided !== null && days.length >= MIN_CELL;
    return {
      period: key,
      submitted: publish(table, hidden, `${key}:submitted`),
      decided,
      pending: publish(table, hidden, `${key}:pending`),
      medianDaysToDecision: shown ? oneDecimal(quantile(days, 0.5)) : null,
      p90DaysToDecision: shown ? oneDecimal(quantile(days, 0.9)) : null,
    };
  };
  return { periods: periods.map(row), total: row('*') };
}
