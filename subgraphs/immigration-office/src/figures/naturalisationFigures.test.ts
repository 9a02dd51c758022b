import { describe, expect, it } from 'vitest';
import { naturalisationFigures, type ApplicationRow } from './naturalisationFigures.ts';

const at = (iso: string) => new Date(`${iso}T00:00:00Z`);
const apps = (n: number, submitted: string, decided: string | null): ApplicationRow[] =>
  Array.from({ length: n }, () => ({ submittedAt: at(submitted), decidedAt: decided ? at(decided) : null }));

describe('naturalisation figures', () => {
  it('publishes counts and lead times of groups large enough', () => {
    const figures = naturalisationFigures([...apps(6, '2025-02-01', '2025-08-01'), ...apps(5, '2025-03-01', null)], 'YEAR');
    expect(figures.periods).toEqual([
      { period: '2025', submitted: 11, decided: 6, pending: 5, medianDaysToDecision: 181, p90DaysToDecision: 181 },
    ]);
    expect(figures.total).toMatchObject({ submitted: 11, decided: 6, pending: 5 });
  });

  it('hides a small group and whatever would give it away: 8 submitted with 6 decided publishes neither the 2 pending nor both', () => {
    const figures = naturalisationFigures([...apps(6, '2025-02-01', '2025-05-01'), ...apps(2, '2025-02-10', null), ...apps(9, '2026-01-10', '2026-06-01')], 'YEAR');
    const y2025 = figures.periods.find((p) => p.period === '2025')!;
    expect(y2025.pending).toBeNull();
    expect(y2025.submitted === null || y2025.decided === null).toBe(true);
    // Nor through the totals over all periods.
    const known = (v: number | null) => v !== null;
    const t = figures.total;
    if (known(t.pending)) {
      const others = figures.periods.filter((p) => p.period !== '2025').map((p) => p.pending);
      expect(others.every(known) && t.pending! - others.reduce((a, b) => a! + b!, 0)! === 2).toBe(false);
    }
  });

  it('publishes no lead time over fewer than 5 decisions', () => {
    const figures = naturalisationFigures([...apps(4, '2025-02-01', '2025-03-01'), ...apps(9, '2025-02-01', null)], 'YEAR');
    expect(figures.periods[0]).toMatchObject({ medianDaysToDecision: null, p90DaysToDecision: null });
  });
});
