import { AGENCIES, TOWNS, type Period } from '@kim/schema';
import { CLOSING_REASONS, DAY_MS, OVERDUE_DAYS } from '../caseTerms.ts';
import type { CaseRegistryPrisma } from '../db.ts';
import { MIN_CELL, oneDecimal, periodOf, publish, quantile, suppressedCells, type CountTable, type Equation } from '@kim/service-kit';

const STATUSES = ['ACTIVE', 'WAITING', 'CLOSED'] as const;

function tableOf(counts: Map<string, number>, equations: Equation[]): CountTable {
  return { cells: counts, equations };
}

/**
 * Clients per town and status, with each town's total: one table, so that no town's total minus
 * its published statuses gives away a small group (Rommerskirchen's 7 − 5 = 2 inactive clients).
 */
export function clientsByTown(rows: readonly { town: string; status: string; count: number }[]) {
  const cells = new Map<string, number>();
  const equations: Equation[] = [];
  for (const town of TOWNS) {
    for (const status of STATUSES) cells.set(`${town}:${status}`, rows.filter((r) => r.town === town && r.status === status).reduce((a, r) => a + r.count, 0));
    cells.set(`${town}:*`, STATUSES.reduce((a, s) => a + cells.get(`${town}:${s}`)!, 0));
    equations.push({ total: `${town}:*`, parts: STATUSES.map((s) => `${town}:${s}`) });
  }
  const table = tableOf(cells, equations);
  const hidden = suppressedCells(table);
  const value = (key: string) => publish(table, hidden, key);
  return TOWNS.map((town) => ({
    town,
    active: value(`${town}:ACTIVE`),
    waiting: value(`${town}:WAITING`),
    closed: value(`${town}:CLOSED`),
    total: value(`${town}:*`),
  }));
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
export function referralsByAgency(referrals: readonly ReferralRow[], now: Date) {
  const agencies = AGENCIES.filter((a) => referrals.some((r) => r.toAgency === a));
  const cells = new Map<string, number>();
  const equations: Equation[] = [];
  const overdueBefore = now.getTime() - OVERDUE_DAYS * DAY_MS;
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

/**
 * Intakes and closings per period, closings by reason: each period's closings are the sum of its
 * reasons, and the reasons' totals over all periods are published too, so both directions of the
 * table are suppressed together. Closings count only cases closed through the hub (with a date).
 */
export function intakesAndClosings(clients: readonly { registeredAt: Date; closedOn: Date | null; closingReason: string | null }[], period: Period) {
  const periods = [...new Set(clients.flatMap((c) => [periodOf(c.registeredAt, period), ...(c.closedOn ? [periodOf(c.closedOn, period)] : [])]))].sort();
  const cells = new Map<string, number>();
  const equations: Equation[] = [];
  for (const p of periods) {
    cells.set(`${p}:intakes`, clients.filter((c) => periodOf(c.registeredAt, period) === p).length);
    for (const reason of CLOSING_REASONS) cells.set(`${p}:${reason}`, clients.filter((c) => c.closedOn && c.closingReason === reason && periodOf(c.closedOn, period) === p).length);
    cells.set(`${p}:closings`, CLOSING_REASONS.reduce((a, r) => a + cells.get(`${p}:${r}`)!, 0));
    equations.push({ total: `${p}:closings`, parts: CLOSING_REASONS.map((r) => `${p}:${r}`) });
  }
  for (const reason of CLOSING_REASONS) {
    cells.set(`*:${reason}`, periods.reduce((a, p) => a + cells.get(`${p}:${reason}`)!, 0));
    equations.push({ total: `*:${reason}`, parts: periods.map((p) => `${p}:${reason}`) });
  }
  const table = tableOf(cells, equations);
  const hidden = suppressedCells(table);
  const value = (key: string) => publish(table, hidden, key);
  return {
    periods: periods.map((p) => ({
      period: p,
      intakes: value(`${p}:intakes`),
      closings: value(`${p}:closings`),
      closingsByReason: CLOSING_REASONS.map((reason) => ({ reason, count: value(`${p}:${reason}`) })),
    })),
    closingsByReason: CLOSING_REASONS.map((reason) => ({ reason, count: value(`*:${reason}`) })),
  };
}

interface StageRow {
  readonly town: string;
  readonly status: string;
  readonly registeredAt: Date;
  readonly eligibilityStage: number | null;
}

/**
 * Clients by period of intake, town, target-group stage at intake and current status. Each
 * (period, town) is a block of cells (stage × status) with its total, and nothing the answer
 * publishes adds across blocks, so each block is suppressed on its own — exactly, and quickly
 * for many periods (the row reduction stays the size of one block). Stage null: outside the
 * target group, or never checked (clients from before intake).
 */
export function clientsByStage(rows: readonly StageRow[], period: Period) {
  const stages = [...new Set(rows.map((r) => r.eligibilityStage))].sort((a, b) => (a ?? 0) - (b ?? 0));
  const blocks = new Map<string, StageRow[]>();
  for (const r of rows) {
    const key = `${periodOf(r.registeredAt, period)}|${r.town}`;
    blocks.set(key, [...(blocks.get(key) ?? []), r]);
  }
  return [...blocks.keys()].sort().map((key) => {
    const [p, town] = key.split('|') as [string, string];
    const members = blocks.get(key)!;
    const cells = new Map<string, number>();
    const cellKey = (stage: number | null, status: string) => `${stage ?? '-'}:${status}`;
    for (const stage of stages) for (const status of STATUSES) cells.set(cellKey(stage, status), members.filter((m) => m.eligibilityStage === stage && m.status === status).length);
    cells.set('*', members.length);
    const table = tableOf(cells, [{ total: '*', parts: [...cells.keys()].filter((k) => k !== '*') }]);
    const hidden = suppressedCells(table);
    return {
      period: p,
      town,
      total: publish(table, hidden, '*'),
      cells: stages.flatMap((stage) => STATUSES.map((status) => ({ stage, status, count: publish(table, hidden, cellKey(stage, status)) }))),
    };
  });
}

/** Steering figures: per town, receiving agency and period, never per person. */
export async function statistics(prisma: CaseRegistryPrisma) {
  const [byTownStatus, referrals] = await Promise.all([
    prisma.client.groupBy({ by: ['town', 'status'], _count: { _all: true } }),
    prisma.referral.findMany({ select: { toAgency: true, sentAt: true, firstContactAt: true, outcomeAt: true, outcome: true } }),
  ]);
  return {
    clientsByTown: clientsByTown(byTownStatus.map((r) => ({ town: r.town, status: r.status, count: r._count._all }))),
    referralsByAgency: referralsByAgency(referrals, new Date()),
    intakesAndClosings: async ({ period }: { period: Period }) =>
      intakesAndClosings(await prisma.client.findMany({ select: { registeredAt: true, closedOn: true, closingReason: true } }), period),
    clientsByStage: async ({ period }: { period: Period }) =>
      clientsByStage(await prisma.client.findMany({ select: { town: true, status: true, registeredAt: true, eligibilityStage: true } }), period),
  };
}
