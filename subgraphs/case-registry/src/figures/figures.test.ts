import { TOWNS } from '@kim/schema';
import { describe, expect, it } from 'vitest';
import { clientFigures, lastSuppression, referralsByAgency, type ClientFigureRow } from './figures.ts';

const day = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000);
const client = (town: string, status: string, registeredAt = day(0), more: Partial<ClientFigureRow> = {}): ClientFigureRow => ({
  town,
  status,
  registeredAt,
  eligibilityStage: null,
  closedOn: status === 'CLOSED' ? registeredAt : null,
  closingReason: status === 'CLOSED' ? 'GOALS_REACHED' : null,
  ...more,
});

describe('steering figures', () => {
  it('hides a town\'s small group and what would give it away: total 7 with 5 active publishes neither the 2 nor both', () => {
    const rows = [...Array.from({ length: 5 }, () => client('ROMMERSKIRCHEN', 'ACTIVE')), ...Array.from({ length: 2 }, () => client('ROMMERSKIRCHEN', 'CLOSED'))];
    const town = clientFigures(rows).clientsByTown.find((t) => t.town === 'ROMMERSKIRCHEN')!;
    expect(town.closed).toBeNull();
    // With the total and active both shown, 7 − 5 would give the two closed cases away.
    expect(town.total === null || town.active === null).toBe(true);
    expect(town.waiting).toBe(0);
  });

  it('publishes no duration of a group under 5, even when the agency has enough referrals', () => {
    const referrals = Array.from({ length: 8 }, (_, i) => ({ toAgency: 'JOBCENTER', sentAt: day(0), firstContactAt: i < 2 ? day(3 + i) : null, outcomeAt: null, outcome: null }));
    const [figures] = referralsByAgency(referrals, day(100), 14);
    expect(figures).toMatchObject({ toAgency: 'JOBCENTER', sent: 8, medianDaysToFirstContact: null, p90DaysToFirstContact: null });
    expect(figures!.acknowledged).toBeNull();
  });

  it('counts a referral as overdue after the configured days, not before', () => {
    // Six referrals without first contact, sent on day 80: 20 days old on day 100.
    const referrals = Array.from({ length: 6 }, () => ({ toAgency: 'CARITAS', sentAt: day(80), firstContactAt: null, outcomeAt: null, outcome: null }));
    expect(referralsByAgency(referrals, day(100), 14)[0]).toMatchObject({ overdue: 6, overdueShare: 1 });
    expect(referralsByAgency(referrals, day(100), 30)[0]).toMatchObject({ overdue: 0, overdueShare: 0 });
  });

  it('gives median and 90th percentile of days when the group is large enough', () => {
    const referrals = Array.from({ length: 10 }, (_, i) => ({ toAgency: 'CARITAS', sentAt: day(0), firstContactAt: day(i + 1), outcomeAt: day(i + 20), outcome: 'SUPPORT_STARTED' }));
    const [figures] = referralsByAgency(referrals, day(100), 14);
    expect(figures).toMatchObject({ sent: 10, acknowledged: 10, stalled: 0, withOutcome: 10, overdue: 0, medianDaysToFirstContact: 5, p90DaysToFirstContact: 9, medianDaysToOutcome: 24, p90DaysToOutcome: 28 });
  });

  it('suppresses closings by reason across periods and totals alike', () => {
    const clients = [
      ...Array.from({ length: 6 }, () => client('NEUSS', 'CLOSED', day(10), { closedOn: day(200) })),
      client('NEUSS', 'CLOSED', day(10), { closedOn: day(210), closingReason: 'MOVED_AWAY' }),
    ];
    const table = clientFigures(clients).intakesAndClosings('YEAR');
    const year = table.periods.find((p) => p.period === '2026')!;
    expect(year.intakes).toBe(7);
    expect(year.closingsByReason.find((r) => r.reason === 'MOVED_AWAY')!.count).toBeNull();
    // 7 closings minus 6 for goals reached would show the one who moved away.
    expect(year.closings === null || year.closingsByReason.find((r) => r.reason === 'GOALS_REACHED')!.count === null).toBe(true);
  });

  it('splits clients by year of intake, town, stage and status, each block suppressed so that its total gives nothing away', () => {
    const staged = (stage: number | null, status: string, month: number) => client('NEUSS', status, new Date(Date.UTC(2026, month, 15)), { eligibilityStage: stage });
    const rows = [...Array.from({ length: 5 }, () => staged(2, 'ACTIVE', 0)), staged(1, 'ACTIVE', 1), staged(1, 'CLOSED', 1), staged(null, 'ACTIVE', 6)];
    const byYear = clientFigures(rows).clientsByStage('YEAR');
    // Every town is listed, so that a listing tells no count.
    expect(byYear.map((b) => [b.period, b.town])).toEqual(TOWNS.map((town) => ['2026', town]));
    const block = byYear.find((b) => b.town === 'NEUSS');
    const cell = (stage: number | null, status: string) => block!.cells.find((c) => c.stage === stage && c.status === status)!.count;
    expect(cell(1, 'ACTIVE')).toBeNull();
    expect(cell(null, 'ACTIVE')).toBeNull();
    // 8 − 5 would give the three small cells away together: the total or the 5 goes too.
    expect(block!.total === null || cell(2, 'ACTIVE') === null).toBe(true);
  });

  it.each(['QUARTER', 'MONTH'] as const)('refuses clients by stage per %s (per year only), naming the argument', (period) => {
    expect(() => clientFigures([client('NEUSS', 'ACTIVE')]).clientsByStage(period)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', argument: 'period' }) }));
  });

  it('lists every period from the first intake to the last closing, the empty ones with 0', () => {
    const rows = [...Array.from({ length: 6 }, () => client('NEUSS', 'ACTIVE', day(0))), ...Array.from({ length: 6 }, () => client('NEUSS', 'CLOSED', day(0), { closedOn: day(120) }))];
    const months = clientFigures(rows).intakesAndClosings('MONTH').periods;
    expect(months.map((p) => [p.period, p.intakes, p.closings])).toEqual([['2026-01', 12, 0], ['2026-02', 0, 0], ['2026-03', 0, 0], ['2026-04', 0, 0], ['2026-05', 0, 6]]);
  });

  it('solves the same counts once and answers alike, and solves again when a count changes', () => {
    const suppress = lastSuppression();
    const seen = new Set<ReadonlySet<string>>();
    let solved = 0;
    const counting: typeof suppress = (table, unpublished) => {
      const hidden = suppress(table, unpublished);
      if (!seen.has(hidden)) solved++;
      seen.add(hidden);
      return hidden;
    };
    const rows = [...Array.from({ length: 7 }, () => client('NEUSS', 'ACTIVE')), client('NEUSS', 'WAITING')];
    const answers = (f: ReturnType<typeof clientFigures>) => [f.clientsByTown, f.intakesAndClosings('MONTH'), f.clientsByStage('YEAR')];
    const first = answers(clientFigures(rows, { suppress: counting }));
    expect(answers(clientFigures([...rows], { suppress: counting }))).toEqual(first);
    expect(solved).toBe(1);
    clientFigures([...rows, client('NEUSS', 'ACTIVE')], { suppress: counting });
    expect(solved).toBe(2);
  });
});
