import { AGENCIES, TOWNS, type Period } from '@kim/schema';
import { hubError } from '@kim/service-kit';
import { CLOSING_REASONS, DAY_MS } from '../caseTerms.ts';
import type { CaseRegistryPrisma } from '../db.ts';
import { MIN_CELL, oneDecimal, periodOf, publish, quantile, suppressedCells, type CountTable, type Equation } from '@kim/service-kit';

const STATUSES = ['ACTIVE', 'WAITING', 'CLOSED'] as const;

function tableOf(counts: Map<string, number>, equations: Equation[]): CountTable {
  return { cells: counts, equations };
}

interface ReferralRow {
  readonly toAgency: string;
  readonly sentAt: Date;
  readonly firstContactAt: Date | null;
  readonly outcomeAt: Date | null;
  readonly outcome: string | null;
}

/**
 * Per receiving agency: sent, acknowledged, with outcome, overdue — counts suppressed together —
 * and the median and 90th percentile of days to first contact and to outcome, each published only
 * when the group it is computed over is published itself (at least MIN_CELL referrals): a median
 * of two is two people's values.
 */
export function referralsByAgency(referrals: readonly ReferralRow[], now: Date, overdueDays: number) {
  const agencies = AGENCIES.filter((a) => referrals.some((r) => r.toAgency === a));
  const cells = new Map<string, number>();
  const equations: Equation[] = [];
  const overdueBefore = now.getTime() - overdueDays * DAY_MS;
  for (const agency of agencies) {
    const sent = referrals.filter((r) => r.toAgency === agency);
    const count = (key: string, n: number) => cells.set(`${agency}:${key}`, n);
    count('sent', sent.length);
    count('acknowledged', sent.filter((r) => r.firstContactAt).length);
    count('notAcknowledged', sent.filter((r) => !r.firstContactAt).length);
    count('withOutcome', sent.filter((r) => r.outcome).length);
    count('withoutOutcome', sent.filter((r) => !r.outcome).length);
    count('overdue', sent.filter((r) => !r.firstContactAt && !r.outcome && r.sentAt.getTime() < overdueBefore).length);
    count('notOverdue', sent.length - cells.get(`${agency}:overdue`)!);
    equations.push(
      { total: `${agency}:sent`, parts: [`${agency}:acknowledged`, `${agency}:notAcknowledged`] },
      { total: `${agency}:sent`, parts: [`${agency}:withOutcome`, `${agency}:withoutOutcome`] },
      { total: `${agency}:sent`, parts: [`${agency}:overdue`, `${agency}:notOverdue`] },
    );
  }
  const table = tableOf(cells, equations);
  // Only sent, acknowledged (its complement is `stalled`), with outcome and overdue are shown.
  const unpublished = agencies.flatMap((a) => [`${a}:withoutOutcome`, `${a}:notOverdue`]);
  const hidden = suppressedCells(table, MIN_CELL, unpublished);
  const value = (agency: string, key: string) => publish(table, hidden, `${agency}:${key}`);
  return agencies.map((agency) => {
    const sent = referrals.filter((r) => r.toAgency === agency);
    const toContact = sent.flatMap((r) => (r.firstContactAt ? [(r.firstContactAt.getTime() - r.sentAt.getTime()) / DAY_MS] : []));
    const toOutcome = sent.flatMap((r) => (r.outcomeAt && r.outcome ? [(r.outcomeAt.getTime() - r.sentAt.getTime()) / DAY_MS] : []));
    const contactShown = value(agency, 'acknowledged') !== null && toContact.length >= MIN_CELL;
    const outcomeShown = value(agency, 'withOutcome') !== null && toOutcome.length >= MIN_CELL;
    const sentShown = value(agency, 'sent');
    const overdue = value(agency, 'overdue');
    return {
      toAgency: agency,
      sent: sentShown,
      acknowledged: value(agency, 'acknowledged'),
      stalled: value(agency, 'notAcknowledged'),
      withOutcome: value(agency, 'withOutcome'),
      overdue,
      overdueShare: sentShown !== null && overdue !== null && sentShown > 0 ? oneDecimal(overdue / sentShown) : null,
      medianDaysToFirstContact: contactShown ? oneDecimal(quantile(toContact, 0.5)) : null,
      p90DaysToFirstContact: contactShown ? oneDecimal(quantile(toContact, 0.9)) : null,
      medianDaysToOutcome: outcomeShown ? oneDecimal(quantile(toOutcome, 0.5)) : null,
      p90DaysToOutcome: outcomeShown ? oneDecimal(quantile(toOutcome, 0.9)) : null,
    };
  });
}

/** The facts of one client that the steering figures count. */
export interface ClientFigureRow {
  readonly town: string;
  readonly status: string;
  readonly registeredAt: Date;
  /** The stage the intake found; null: outside the target group, or not checked (clients from before intake). */
  readonly eligibilityStage: number | null;
  readonly closedOn: Date | null;
  readonly closingReason: string | null;
}

const GRANULARITIES: readonly Period[] = ['YEAR', 'QUARTER', 'MONTH'];
/**
 * The periods `clientsByStage` is published per. Per quarter or month the blocks of one town are
 * mostly under 5, and hiding them jointly with every other figure takes far longer than a
 * request may (README, Figures for steering): per year only.
 */
export const STAGE_PERIODS: readonly Period[] = ['YEAR'];

/** The cells of a table to publish as null; `unpublished`: cells of its sums that no field shows. */
export type Suppress = (table: CountTable, unpublished: readonly string[]) => ReadonlySet<string>;

const suppressNow: Suppress = (table, unpublished) => suppressedCells(table, MIN_CELL, unpublished);

/**
 * A suppression that remembers the last table it solved: the same counts give the same cells,
 * so a service answers repeated figures (the console, a dashboard) without solving again until
 * the data changes. One per service instance; the figures are the same for every caller allowed
 * to see them, so nothing of one caller reaches another.
 */
export function lastSuppression(): Suppress {
  let last: { key: string; hidden: ReadonlySet<string> } | undefined;
  return (table, unpublished) => {
    const key = JSON.stringify([[...table.cells], unpublished]);
    if (last?.key !== key) last = { key, hidden: suppressNow(table, unpublished) };
    return last.hidden;
  };
}

/** Every period of one granularity from the first date to the last, none left out. */
function periodRange(dates: readonly Date[], period: Period): string[] {
  if (dates.length === 0) return [];
  const first = new Date(Math.min(...dates.map((d) => d.getTime())));
  const last = periodOf(new Date(Math.max(...dates.map((d) => d.getTime()))), period);
  const periods: string[] = [];
  // Step by month from the first day of the first date's month: every period is met.
  for (let d = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), 1)); ; d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1))) {
    const p = periodOf(d, period);
    if (periods.at(-1) !== p) periods.push(p);
    if (p === last) return periods;
  }
}

/** The period one step coarser: a month's quarter, a quarter's year. */
const coarser = (p: string) => (p.includes('-Q') ? p.slice(0, 4) : `${p.slice(0, 4)}-Q${Math.ceil(Number(p.slice(5)) / 3)}`);

/**
 * The client figures of `statistics` — clients by town and status, intakes and closings per
 * year, quarter and month, and clients by year of intake, town, stage and status — as one table
 * with every sum that holds between them, within a field and across fields: a town's total and
 * statuses are its year blocks summed, a year's intakes its blocks summed over the towns, a year
 * its quarters and a quarter its months, the closed clients the closings of all reasons. One
 * suppression over that table decides every field, whatever the caller asks for and however often:
 * no published figure, nor any difference of published figures across the fields, gives away a
 * count under 5. Every period from the first intake to the last event is listed, and every town
 * in each, so that no listing tells a count either. `stagePeriods`: what `clientsByStage` is
 * published per (the service: STAGE_PERIODS; other values to measure what finer blocks cost);
 * `suppress`: the service's lastSuppression.
 */
export function clientFigures(clients: readonly ClientFigureRow[], { stagePeriods = STAGE_PERIODS, suppress = suppressNow }: { stagePeriods?: readonly Period[]; suppress?: Suppress } = {}) {
  const cells = new Map<string, number>();
  const equations: Equation[] = [];
  const count = (key: string) => cells.set(key, (cells.get(key) ?? 0) + 1);
  const stages = [...new Set(clients.map((c) => c.eligibilityStage))].sort((a, b) => (a ?? 0) - (b ?? 0));
  const periods = new Map(GRANULARITIES.map((g) => [g, periodRange(clients.flatMap((c) => [c.registeredAt, ...(c.closedOn ? [c.closedOn] : [])]), g)]));
  const measures = ['intakes', 'closings', ...CLOSING_REASONS];
  const blockKey = (g: Period, p: string, town: string) => `stage:${g}:${p}:${town}`;
  const cellKey = (g: Period, p: string, town: string, stage: number | null, status: string) => `${blockKey(g, p, town)}:${stage ?? '-'}:${status}`;

  // Every cell exists (a zero is a published zero), then the clients are counted in.
  for (const town of TOWNS) for (const status of [...STATUSES, '*']) cells.set(`town:${town}:${status}`, 0);
  for (const g of GRANULARITIES) for (const p of periods.get(g)!) for (const m of measures) cells.set(`io:${g}:${p}:${m}`, 0);
  for (const reason of CLOSING_REASONS) cells.set(`io:*:${reason}`, 0);
  for (const g of stagePeriods) {
    for (const p of periods.get(g)!) {
      for (const town of TOWNS) {
        cells.set(`${blockKey(g, p, town)}:*`, 0);
        for (const stage of stages) for (const status of STATUSES) cells.set(cellKey(g, p, town, stage, status), 0);
      }
    }
  }
  for (const c of clients) {
    count(`town:${c.town}:${c.status}`);
    count(`town:${c.town}:*`);
    for (const g of GRANULARITIES) count(`io:${g}:${periodOf(c.registeredAt, g)}:intakes`);
    for (const g of stagePeriods) {
      count(`${blockKey(g, periodOf(c.registeredAt, g), c.town)}:*`);
      count(cellKey(g, periodOf(c.registeredAt, g), c.town, c.eligibilityStage, c.status));
    }
    // Closings count only cases closed through the hub (with a date and reason).
    if (c.closedOn && c.closingReason) {
      for (const g of GRANULARITIES) for (const m of ['closings', c.closingReason]) count(`io:${g}:${periodOf(c.closedOn, g)}:${m}`);
      count(`io:*:${c.closingReason}`);
    }
  }

  for (const town of TOWNS) equations.push({ total: `town:${town}:*`, parts: STATUSES.map((s) => `town:${town}:${s}`) });
  for (const g of stagePeriods) {
    const ps = periods.get(g)!;
    for (const p of ps) {
      for (const town of TOWNS) equations.push({ total: `${blockKey(g, p, town)}:*`, parts: stages.flatMap((stage) => STATUSES.map((s) => cellKey(g, p, town, stage, s))) });
      equations.push({ total: `io:${g}:${p}:intakes`, parts: TOWNS.map((town) => `${blockKey(g, p, town)}:*`) });
    }
    for (const town of TOWNS) {
      equations.push({ total: `town:${town}:*`, parts: ps.map((p) => `${blockKey(g, p, town)}:*`) });
      for (const s of STATUSES) equations.push({ total: `town:${town}:${s}`, parts: ps.flatMap((p) => stages.map((stage) => cellKey(g, p, town, stage, s))) });
    }
  }
  for (const g of GRANULARITIES) for (const p of periods.get(g)!) equations.push({ total: `io:${g}:${p}:closings`, parts: CLOSING_REASONS.map((r) => `io:${g}:${p}:${r}`) });
  for (const reason of CLOSING_REASONS) equations.push({ total: `io:*:${reason}`, parts: periods.get('YEAR')!.map((p) => `io:YEAR:${p}:${reason}`) });
  for (const [fine, coarse] of [['QUARTER', 'YEAR'], ['MONTH', 'QUARTER']] as const) {
    for (const p of periods.get(coarse)!) {
      const within = periods.get(fine)!.filter((f) => coarser(f) === p);
      for (const m of measures) equations.push({ total: `io:${coarse}:${p}:${m}`, parts: within.map((f) => `io:${fine}:${f}:${m}`) });
    }
  }
  // Closing sets the status, the date and the reason together; where the data bears that out,
  // the closed clients of all towns are the closings of all reasons (a total nobody is shown).
  const unpublished: string[] = [];
  if (clients.every((c) => (c.status === 'CLOSED') === (c.closedOn !== null && c.closingReason !== null))) {
    cells.set('closed:*', clients.filter((c) => c.status === 'CLOSED').length);
    unpublished.push('closed:*');
    equations.push({ total: 'closed:*', parts: TOWNS.map((town) => `town:${town}:CLOSED`) }, { total: 'closed:*', parts: CLOSING_REASONS.map((r) => `io:*:${r}`) });
  }

  const table = tableOf(cells, equations);
  const hidden = suppress(table, unpublished);
  const value = (key: string) => publish(table, hidden, key);
  return {
    clientsByTown: TOWNS.map((town) => ({
      town,
      active: value(`town:${town}:ACTIVE`),
      waiting: value(`town:${town}:WAITING`),
      closed: value(`town:${town}:CLOSED`),
      total: value(`town:${town}:*`),
    })),
    /** Intakes and closings (by reason) per period, and the reasons' totals over all periods. */
    intakesAndClosings: (period: Period) => ({
      periods: periods.get(period)!.map((p) => ({
        period: p,
        intakes: value(`io:${period}:${p}:intakes`),
        closings: value(`io:${period}:${p}:closings`),
        closingsByReason: CLOSING_REASONS.map((reason) => ({ reason, count: value(`io:${period}:${p}:${reason}`) })),
      })),
      closingsByReason: CLOSING_REASONS.map((reason) => ({ reason, count: value(`io:*:${reason}`) })),
    }),
    /** One block of stage × status cells and its total per period and town; per STAGE_PERIODS only. */
    clientsByStage: (period: Period) => {
      if (!stagePeriods.includes(period)) throw hubError('BAD_USER_INPUT', `clientsByStage is published per ${stagePeriods.join(', ')} only.`, { argument: 'period' });
      return periods.get(period)!.flatMap((p) =>
        TOWNS.map((town) => ({
          period: p,
          town,
          total: value(`${blockKey(period, p, town)}:*`),
          cells: stages.flatMap((stage) => STATUSES.map((status) => ({ stage, status, count: value(cellKey(period, p, town, stage, status)) }))),
        })),
      );
    },
  };
}

/** Steering figures: per town, receiving agency and period, never per person. */
export async function statistics(prisma: CaseRegistryPrisma, overdueDays: number, suppress: Suppress) {
  // One suppression for all client figures of the request, computed when a field first needs it.
  let clients: Promise<ReturnType<typeof clientFigures>> | undefined;
  const figures = () =>
    (clients ??= prisma.client
      .findMany({ select: { town: true, status: true, registeredAt: true, eligibilityStage: true, closedOn: true, closingReason: true } })
      .then((rows) => clientFigures(rows, { suppress })));
  return {
    clientsByTown: async () => (await figures()).clientsByTown,
    referralsByAgency: async () => referralsByAgency(await prisma.referral.findMany({ select: { toAgency: true, sentAt: true, firstContactAt: true, outcomeAt: true, outcome: true } }), new Date(), overdueDays),
    intakesAndClosings: async ({ period }: { period: Period }) => (await figures()).intakesAndClosings(period),
    clientsByStage: async ({ period }: { period: Period }) => (await figures()).clientsByStage(period),
  };
}
