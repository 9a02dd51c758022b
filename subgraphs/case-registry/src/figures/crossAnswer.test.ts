import fc from 'fast-check';
import { CLOSING_REASONS, type Period } from '@kim/schema';
import { describe, expect, it } from 'vitest';
import { derivableSmallCounts, type PublishedFigures } from './differencing.ts';
import { clientFigures, STAGE_PERIODS, type ClientFigureRow } from './figures.ts';

const PERIODS: readonly Period[] = ['YEAR', 'QUARTER', 'MONTH'];
const DAY_MS = 86_400_000;

/** Everything `statistics` publishes about these clients, every field with every period argument it takes. */
function publishedFor(clients: readonly ClientFigureRow[]): PublishedFigures {
  const figures = clientFigures(clients);
  return {
    clientsByTown: figures.clientsByTown,
    clientsByStage: Object.fromEntries(STAGE_PERIODS.map((p) => [p, figures.clientsByStage(p)])),
    intakesAndClosings: Object.fromEntries(PERIODS.map((p) => [p, figures.intakesAndClosings(p)])),
  };
}

/** Clients of three towns over two years, so that the counts gather in few cells. */
const clientSet = fc.array(
  fc.record({
    town: fc.constantFrom('NEUSS', 'DORMAGEN', 'GREVENBROICH'),
    status: fc.constantFrom('ACTIVE', 'ACTIVE', 'WAITING', 'CLOSED'),
    day: fc.integer({ min: 0, max: 729 }),
    eligibilityStage: fc.constantFrom(null, 1, 2),
    closedAfter: fc.integer({ min: 0, max: 300 }),
    closingReason: fc.constantFrom(...CLOSING_REASONS),
  }),
  { maxLength: 70 },
).map((rows) =>
  rows.map(({ town, status, day, eligibilityStage, closedAfter, closingReason }): ClientFigureRow => {
    const registeredAt = new Date(Date.UTC(2025, 0, 1) + day * DAY_MS);
    const closed = status === 'CLOSED';
    return { town, status, registeredAt, eligibilityStage, closedOn: closed ? new Date(registeredAt.getTime() + closedAfter * DAY_MS) : null, closingReason: closed ? closingReason : null };
  }),
);

describe('steering figures across answers', () => {
  it('let nobody derive a count under 5 by subtracting figures of one answer from another\'s (property)', () => {
    fc.assert(
      fc.property(clientSet, (clients) => {
        expect(derivableSmallCounts(publishedFor(clients), clients)).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it('catches what suppressing each answer on its own left open: a town\'s total minus its published months', () => {
    // The shrunk counterexample on the per-answer suppressor: six active clients in Neuss, five
    // registered in January, one in February. clientsByTown published the total 6 and
    // clientsByStage(MONTH) January's block 5, each answer safe alone: 6 − 5 = 1.
    const clients = [...Array.from({ length: 5 }, () => new Date(Date.UTC(2025, 0, 1))), new Date(Date.UTC(2025, 1, 1))].map(
      (registeredAt): ClientFigureRow => ({ town: 'NEUSS', status: 'ACTIVE', registeredAt, eligibilityStage: null, closedOn: null, closingReason: null }),
    );
    const neuss = (active: number, total: number) => ({ town: 'NEUSS', active, waiting: 0, closed: 0, total });
    const block = (period: string, total: number | null) => ({ period, town: 'NEUSS', total, cells: [{ stage: null, status: 'ACTIVE', count: total }] });
    const perAnswer: PublishedFigures = { clientsByTown: [neuss(6, 6)], clientsByStage: { MONTH: [block('2025-01', 5), block('2025-02', null)] }, intakesAndClosings: {} };
    expect(derivableSmallCounts(perAnswer, clients)).toContain('stage|MONTH|2025-02|NEUSS|* = 1 (hidden, derivable)');
    expect(derivableSmallCounts(publishedFor(clients), clients)).toEqual([]);
  });

  it('still publishes the main figures of a county-sized population', () => {
    const towns = ['NEUSS', 'DORMAGEN', 'GREVENBROICH'];
    const clients = Array.from({ length: 600 }, (_, i): ClientFigureRow => {
      const status = ['ACTIVE', 'ACTIVE', 'ACTIVE', 'ACTIVE', 'WAITING', 'CLOSED'][i % 6]!;
      const registeredAt = new Date(Date.UTC(2025, 0, 1) + ((i * 37) % 730) * DAY_MS);
      return { town: towns[i % 3]!, status, registeredAt, eligibilityStage: [null, 1, 2][(i * 7) % 3]!, closedOn: status === 'CLOSED' ? new Date(registeredAt.getTime() + 90 * DAY_MS) : null, closingReason: status === 'CLOSED' ? CLOSING_REASONS[i % 5]! : null };
    });
    const figures = publishedFor(clients);
    expect(figures.clientsByTown.filter((t) => towns.includes(t.town)).map((t) => t.total)).toEqual([200, 200, 200]);
    expect(figures.intakesAndClosings.YEAR!.periods.map((p) => [p.period, p.intakes])).toEqual([['2025', 304], ['2026', 296], ['2027', 0]]);
    expect(derivableSmallCounts(figures, clients)).toEqual([]);
  });
});
