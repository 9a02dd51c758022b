import { describe, expect, it } from 'vitest';
import { clientsByStage, clientsByTown, intakesAndClosings, referralsByAgency } from './figures.ts';

const day = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000);

describe('steering figures', () => {
  it('hides a town\'s small group and what would give it away: total 7 with 5 active publishes neither the 2 nor both', () => {
    const rows = [
      { town: 'ROMMERSKIRCHEN', status: 'ACTIVE', count: 5 },
      { town: 'ROMMERSKIRCHEN', status: 'CLOSED', count: 2 },
    ];
    const town = clientsByTown(rows).find((t) => t.town === 'ROMMERSKIRCHEN')!;
    expect(town.closed).toBeNull();
    // With the total and active both shown, 7 − 5 would give the two closed cases away.
    expect(town.total === null || town.active === null).toBe(true);
    expect(town.waiting).toBe(0);
  });

  it('publishes no duration of a group under 5, even when the agency has enough referrals', () => {
    const referrals = Array.from({ length: 8 }, (_, i) => ({ toAgency: 'JOBCENTER', sentAt: day(0), firstContactAt: i < 2 ? day(3 + i) : null, outcomeAt: null, outcome: null }));
    const [figures] = referralsByAgency(referrals, day(100));
    expect(figures).toMatchObject({ toAgency: 'JOBCENTER', sent: 8, medianDaysToFirstContact: null, p90DaysToFirstContact: null });
    expect(figures!.acknowledged).toBeNull();
  });

  it('gives median and 90th percentile of days when the group is large enough', () => {
    const referrals = Array.from({ length: 10 }, (_, i) => ({ toAgency: 'CARITAS', sentAt: day(0), firstContactAt: day(i + 1), outcomeAt: day(i + 20), outcome: 'SUPPORT_STARTED' }));
    const [figures] = referralsByAgency(referrals, day(100));
    expect(figures).toMatchObject({ sent: 10, acknowledged: 10, stalled: 0, withOutcome: 10, overdue: 0, medianDaysToFirstContact: 5, p90DaysToFirstContact: 9, medianDaysToOutcome: 24, p90DaysToOutcome: 28 });
  });

  it('suppresses closings by reason across periods and totals alike', () => {
    const clients = [
      ...Array.from({ length: 6 }, () => ({ registeredAt: day(10), closedOn: day(200), closingReason: 'GOALS_REACHED' })),
      { registeredAt: day(10), closedOn: day(210), closingReason: 'MOVED_AWAY' },
    ];
    const table = intakesAndClosings(clients, 'YEAR');
    const year = table.periods.find((p) => p.period === '2026')!;
    expect(year.intakes).toBe(7);
    expect(year.closingsByReason.find((r) => r.reason === 'MOVED_AWAY')!.count).toBeNull();
    // 7 closings minus 6 for goals reached would show the one who moved away.
    expect(year.closings === null || year.closingsByReason.find((r) => r.reason === 'GOALS_REACHED')!.count === null).toBe(true);
  });

  it('splits clients by intake period, town, stage and status, each block suppressed so that its total gives nothing away', () => {
    const client = (stage: number | null, status: string, month: number) => ({ town: 'NEUSS', status, registeredAt: new Date(Date.UTC(2026, month, 15)), eligibilityStage: stage });
    const rows = [...Array.from({ length: 5 }, () => client(2, 'ACTIVE', 0)), client(1, 'ACTIVE', 1), client(1, 'CLOSED', 1), client(null, 'ACTIVE', 6)];
    const byYear = clientsByStage(rows, 'YEAR');
    expect(byYear.map((b) => [b.period, b.town])).toEqual([['2026', 'NEUSS']]);
    const [block] = byYear;
    const cell = (stage: number | null, status: string) => block!.cells.find((c) => c.stage === stage && c.status === status)!.count;
    expect(cell(1, 'ACTIVE')).toBeNull();
    expect(cell(null, 'ACTIVE')).toBeNull();
    // 8 − 5 would give the three small cells away together: the total or the 5 goes too.
    expect(block!.total === null || cell(2, 'ACTIVE') === null).toBe(true);
    expect(clientsByStage(rows, 'QUARTER').map((b) => b.period)).toEqual(['2026-Q1', '2026-Q3']);
  });
});
