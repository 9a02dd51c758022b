import { derivableSmallCounts, type PublishedFigures } from '@kim/case-registry/figures/differencing';
import { getNamedType, isEnumType, isInputObjectType, isLeafType, isListType, isNonNullType, type GraphQLField, type GraphQLInputType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSupergraph } from './property/supergraph.ts';
import { startTestHub, type TestHub } from './support/testHub.ts';

// Steering figures through the gateway (issue 15, section 3): no count under 5, and none that
// subtracting published figures gives away — within an answer or across answers.

let hub: TestHub;
// Referrals count as overdue after 30 days here, not the default 14 (KIM_OVERDUE_REFERRAL_DAYS).
const OVERDUE_DAYS = 30;
beforeAll(async () => {
  hub = await startTestHub('figures', 60, { env: { KIM_OVERDUE_REFERRAL_DAYS: String(OVERDUE_DAYS) } });
});
afterAll(async () => {
  await hub?.stop();
});

type TownRow = { town: string; active: number | null; waiting?: number | null; closed?: number | null; total: number | null };
const small = (n: number) => n > 0 && n < 5;

/** What differencing a town's row reveals: the sum of its unpublished or null statuses. */
function leaks(rows: readonly TownRow[], truth: Map<string, Map<string, number>>): string[] {
  const found: string[] = [];
  for (const row of rows) {
    for (const [field, value] of Object.entries(row)) if (typeof value === 'number' && small(value)) found.push(`${row.town}.${field} = ${value} is published`);
    if (row.total === null) continue;
    const statuses = { active: 'ACTIVE', waiting: 'WAITING', closed: 'CLOSED' } as const;
    const shown = (Object.keys(statuses) as (keyof typeof statuses)[]).filter((s) => typeof row[s] === 'number');
    const rest = row.total - shown.reduce((a, s) => a + (row[s] as number), 0);
    const hiddenStatuses = Object.entries(statuses).filter(([s]) => !shown.includes(s as keyof typeof statuses)).map(([, v]) => v);
    const actual = hiddenStatuses.reduce((a, s) => a + (truth.get(row.town)?.get(s) ?? 0), 0);
    expect(rest, `${row.town}: the published figures must be consistent`).toBe(actual);
    if (small(rest)) found.push(`${row.town}: total − ${shown.join(' − ')} = ${rest} (${hiddenStatuses.join('+')})`);
  }
  return found;
}

describe('clients by town', () => {
  let truth: Map<string, Map<string, number>>;
  beforeAll(async () => {
    const rows = await hub.services['case-registry'].prisma.client.groupBy({ by: ['town', 'status'], _count: { _all: true } });
    truth = new Map();
    for (const r of rows) truth.set(r.town, (truth.get(r.town) ?? new Map()).set(r.status, r._count._all));
  });

  it('lets nobody derive a small group from a town\'s total and its active clients', async () => {
    const response = await hub.query('ki', '{ statistics { clientsByTown { town active total } } }');
    expect(response.body.errors).toBeUndefined();
    expect(leaks((response.body.data?.statistics as { clientsByTown: TownRow[] }).clientsByTown, truth)).toEqual([]);
  });

  it('lets nobody derive a small group from all statuses and the total either', async () => {
    const response = await hub.query('ki', '{ statistics { clientsByTown { town active waiting closed total } } }');
    expect(response.body.errors).toBeUndefined();
    const rows = (response.body.data?.statistics as { clientsByTown: TownRow[] }).clientsByTown;
    expect(leaks(rows, truth)).toEqual([]);
    // Not vacuous: most of the county's figures are published.
    expect(rows.filter((r) => r.total !== null).length).toBeGreaterThan(3);
  });
});

describe('referrals and periods', () => {
  it('publishes durations only with a published group of at least 5, and counts never under 5', async () => {
    const response = await hub.query('ki', '{ statistics { referralsByAgency { toAgency sent acknowledged stalled withOutcome overdue medianDaysToFirstContact p90DaysToFirstContact medianDaysToOutcome } } }');
    expect(response.body.errors).toBeUndefined();
    const rows = (response.body.data?.statistics as { referralsByAgency: Record<string, number | string | null>[] }).referralsByAgency;
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      for (const key of ['sent', 'acknowledged', 'stalled', 'withOutcome', 'overdue']) expect(small((r[key] as number | null) ?? 0), `${r.toAgency}.${key}`).toBe(false);
      if (r.medianDaysToFirstContact !== null) expect(r.acknowledged).toBeGreaterThanOrEqual(5);
      if (r.medianDaysToOutcome !== null) expect(r.withOutcome).toBeGreaterThanOrEqual(5);
      if (r.sent !== null && r.acknowledged !== null) expect(small((r.sent as number) - (r.acknowledged as number))).toBe(false);
    }
  });

  it('counts referrals as overdue after KIM_OVERDUE_REFERRAL_DAYS, in the figures and in the team\'s list alike', async () => {
    const response = await hub.query('ki', '{ statistics { referralsByAgency { toAgency overdue } } }');
    expect(response.body.errors).toBeUndefined();
    const rows = (response.body.data?.statistics as { referralsByAgency: { toAgency: string; overdue: number | null }[] }).referralsByAgency;
    const before = new Date(Date.now() - OVERDUE_DAYS * 86_400_000);
    const referrals = await hub.services['case-registry'].prisma.referral.findMany({ where: { firstContactAt: null, outcome: null, sentAt: { lt: before } }, select: { toAgency: true } });
    const published = rows.filter((r) => r.overdue !== null);
    expect(published.length).toBeGreaterThan(0);
    for (const r of published) expect(r.overdue, r.toAgency).toBe(referrals.filter((x) => x.toAgency === r.toAgency).length);
    // The team's list without `days` takes the same threshold.
    const [configured, explicit] = await Promise.all(['{ overdueReferrals { id } }', `{ overdueReferrals(days: ${OVERDUE_DAYS}) { id } }`].map((q) => hub.query('cm-neuss', q)));
    expect(configured.body.errors).toBeUndefined();
    expect(configured.body.data).toEqual(explicit.body.data);
  });

  it('gives intakes and closings per period to the coordinating office only', async () => {
    const response = await hub.query('ki', '{ statistics { intakesAndClosings(period: YEAR) { periods { period intakes closings } closingsByReason { reason count } } } }');
    expect(response.body.errors).toBeUndefined();
    const table = (response.body.data?.statistics as { intakesAndClosings: { periods: { period: string; intakes: number | null }[] } }).intakesAndClosings;
    expect(table.periods.length).toBeGreaterThan(0);
    for (const p of table.periods) expect(small(p.intakes ?? 0)).toBe(false);
    const denied = await hub.query('cm-neuss', '{ statistics { intakesAndClosings(period: YEAR) { periods { period } } } }');
    expect(denied.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('counts the demo\'s closed cases among the closings, each with its date and reason', async () => {
    const closed = await hub.services['case-registry'].prisma.client.findMany({ where: { status: 'CLOSED' }, select: { closedOn: true, closingReason: true } });
    expect(closed.length).toBeGreaterThan(4);
    expect(closed.filter((c) => c.closedOn === null || c.closingReason === null)).toEqual([]);
    const response = await hub.query('ki', '{ statistics { intakesAndClosings(period: YEAR) { closingsByReason { reason count } } } }');
    const byReason = (response.body.data?.statistics as { intakesAndClosings: { closingsByReason: { reason: string; count: number | null }[] } }).intakesAndClosings.closingsByReason;
    // Every published reason's total is the registry's (a suppressed one is null).
    for (const { reason, count } of byReason) if (count !== null) expect(count).toBe(closed.filter((c) => c.closingReason === reason).length);
    expect(byReason.some((r) => r.count !== null && r.count > 0)).toBe(true);
  });
});

describe('naturalisation lead times (the immigration office)', () => {
  const QUERY = '{ naturalisationFigures(period: YEAR) { periods { period submitted decided pending medianDaysToDecision p90DaysToDecision } total { submitted decided pending medianDaysToDecision } } }';
  type Row = { period: string; submitted: number | null; decided: number | null; pending: number | null; medianDaysToDecision: number | null };

  it('gives the coordinating office per-year counts and days to decision from the office\'s own files, with nothing under 5 published', async () => {
    const response = await hub.query('ki', QUERY);
    expect(response.body.errors).toBeUndefined();
    const figures = response.body.data?.naturalisationFigures as { periods: Row[]; total: Row };
    const applications = await hub.services['immigration-office'].prisma.naturalisationApplication.findMany();
    expect(applications.length).toBeGreaterThan(0);
    // What is published is true, and never small.
    for (const row of [...figures.periods, figures.total]) {
      const mine = applications.filter((a) => row.period === undefined || String(a.submittedAt.getUTCFullYear()) === row.period);
      for (const [field, value] of Object.entries(row)) if (typeof value === 'number' && field !== 'medianDaysToDecision') expect(small(value), `${row.period} ${field}`).toBe(false);
      if (row.submitted !== null) expect(row.submitted).toBe(mine.length);
      if (row.decided !== null) expect(row.decided).toBe(mine.filter((a) => a.decidedAt).length);
    }
    expect(figures.total.submitted ?? applications.length).toBe(applications.length);
  });

  it('is for the coordinating office only', async () => {
    for (const [persona, purpose] of [['abh', 'NATURALISATION_PROCEDURE'], ['cm-neuss', undefined], ['dpo', undefined]] as const) {
      const denied = await hub.query(persona, QUERY, undefined, purpose ? { purpose } : undefined);
      expect(denied.body.data ?? null, persona).toBeNull();
      expect(denied.body.errors?.[0]?.extensions?.code, persona).toBe('FORBIDDEN');
    }
  });
});

describe('clients by town, target-group stage, status and period', () => {
  type Block = { period: string; town: string; total: number | null; cells: { stage: number | null; status: string; count: number | null }[] };
  const QUERY = 'query($p: Period!) { statistics { clientsByStage(period: $p) { period town total cells { stage status count } } } }';

  it('per year publishes no count under 5, and no block\'s total minus its published cells gives one', async () => {
    const response = await hub.query('ki', QUERY, { p: 'YEAR' });
    expect(response.body.errors).toBeUndefined();
    const blocks = (response.body.data?.statistics as { clientsByStage: Block[] }).clientsByStage;
    const clients = await hub.services['case-registry'].prisma.client.count();
    // Every client is in exactly one block; the published figures agree with the registry.
    expect(blocks.reduce((a, b) => a + b.cells.reduce((c, cell) => c + (cell.count ?? 0), 0), 0)).toBeLessThanOrEqual(clients);
    const found: string[] = [];
    for (const b of blocks) {
      for (const c of b.cells) if (c.count !== null && small(c.count)) found.push(`${b.period} ${b.town} stage ${c.stage} ${c.status} = ${c.count}`);
      if (b.total !== null && small(b.total)) found.push(`${b.period} ${b.town} total = ${b.total}`);
      if (b.total === null) continue;
      const rest = b.total - b.cells.reduce((a, c) => a + (c.count ?? 0), 0);
      if (small(rest)) found.push(`${b.period} ${b.town}: total − published cells = ${rest}`);
    }
    expect(found).toEqual([]);
    expect(blocks.some((b) => b.total !== null)).toBe(true);
  });

  it.each(['QUARTER', 'MONTH'])('is not published per %s (BAD_USER_INPUT naming the period)', async (period) => {
    const response = await hub.query('ki', QUERY, { p: period });
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'period' });
  });

  it('is for the coordinating office only', async () => {
    for (const persona of ['cm-neuss', 'dpo', 'jobcenter'] as const) {
      const denied = await hub.query(persona, QUERY, { p: 'YEAR' });
      expect(denied.body.data?.statistics ?? null, persona).toBeNull();
      expect(denied.body.errors?.[0]?.extensions?.code, persona).toBe('FORBIDDEN');
    }
  });
});

describe('all client figures of one answer', () => {
  const TABLE = '{ periods { period intakes closings closingsByReason { reason count } } closingsByReason { reason count } }';
  const QUERY = `{ statistics {
    clientsByTown { town active waiting closed total }
    year: intakesAndClosings(period: YEAR) ${TABLE}
    quarter: intakesAndClosings(period: QUARTER) ${TABLE}
    month: intakesAndClosings(period: MONTH) ${TABLE}
    clientsByStage(period: YEAR) { period town total cells { stage status count } }
  } }`;

  it('lets nobody derive a count under 5 by subtracting figures of one field from another\'s (Dormagen 9 − 5 = 4 before)', async () => {
    const response = await hub.query('ki', QUERY);
    expect(response.body.errors).toBeUndefined();
    const statistics = response.body.data?.statistics as {
      clientsByTown: PublishedFigures['clientsByTown'];
      year: NonNullable<PublishedFigures['intakesAndClosings']['YEAR']>;
      quarter: NonNullable<PublishedFigures['intakesAndClosings']['YEAR']>;
      month: NonNullable<PublishedFigures['intakesAndClosings']['YEAR']>;
      clientsByStage: NonNullable<PublishedFigures['clientsByStage']['YEAR']>;
    };
    const published: PublishedFigures = {
      clientsByTown: statistics.clientsByTown,
      intakesAndClosings: { YEAR: statistics.year, QUARTER: statistics.quarter, MONTH: statistics.month },
      clientsByStage: { YEAR: statistics.clientsByStage },
    };
    const clients = await hub.services['case-registry'].prisma.client.findMany({ select: { town: true, status: true, registeredAt: true, eligibilityStage: true, closedOn: true, closingReason: true } });
    expect(derivableSmallCounts(published, clients)).toEqual([]);
    // Not vacuous: the county's year figures are there.
    expect(statistics.year.periods.filter((p) => p.intakes !== null).length).toBeGreaterThan(2);
  });

  it('answers each field asked on its own exactly as in the joint answer', async () => {
    const joint = await hub.query('ki', QUERY);
    const alone = await Promise.all(['clientsByTown { town active waiting closed total }', `month: intakesAndClosings(period: MONTH) ${TABLE}`, 'clientsByStage(period: YEAR) { period town total cells { stage status count } }'].map((field) => hub.query('ki', `{ statistics { ${field} } }`)));
    const jointFigures = joint.body.data?.statistics as Record<string, unknown>;
    for (const answer of alone) {
      const [[field, value]] = Object.entries(answer.body.data?.statistics as Record<string, unknown>) as [[string, unknown]];
      expect(value, field).toEqual(jointFigures[field]);
    }
  });
});

describe('the steering group (Lenkungsgruppe)', () => {
  /** A value of the argument's type: the role is refused before any value is looked at. */
  const sample = (type: GraphQLInputType): unknown => {
    if (isNonNullType(type)) return sample(type.ofType);
    if (isListType(type)) return [sample(type.ofType)];
    if (isEnumType(type)) return type.getValues()[0]!.value;
    if (isInputObjectType(type)) return Object.fromEntries(Object.values(type.getFields()).filter((f) => isNonNullType(f.type)).map((f) => [f.name, sample(f.type)]));
    return { Int: 1, Float: 1, Boolean: true }[type.name] ?? 'K-000001';
  };
  /** One root field with every argument it needs, asking for as little as the type allows. */
  const operation = (kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>) => {
    const args = field.args.filter((a) => isNonNullType(a.type));
    const declared = args.map((a, i) => `$a${i}: ${String(a.type)}`).join(', ');
    const passed = args.map((a, i) => `${a.name}: $a${i}`).join(', ');
    const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
    return {
      query: `${kind}${declared ? ` (${declared})` : ''} { ${field.name}${passed ? `(${passed})` : ''}${selection} }`,
      variables: Object.fromEntries(args.map((a, i) => [`a${i}`, sample(a.type)])),
    };
  };
  const FIGURES = ['statistics', 'naturalisationFigures'];
  // Finding a person is open to every role and scoped: for a role that sees no person (the
  // coordinating office, the steering group) the answer is empty, as for an unknown id.
  const SCOPED = ['client', 'clients'];
  const supergraph = loadSupergraph();
  const roots = (['query', 'mutation'] as const).flatMap((kind) =>
    Object.values((kind === 'query' ? supergraph.getQueryType() : supergraph.getMutationType())!.getFields()).map((field) => ({ kind, field })),
  );

  it('reads every figure the coordinating office reads, with the same values', async () => {
    const QUERY = `{ statistics { clientsByTown { town active waiting closed total } referralsByAgency { toAgency sent overdue } intakesAndClosings(period: MONTH) { periods { period intakes closings } } clientsByStage(period: YEAR) { period town total } }
      naturalisationFigures(period: YEAR) { periods { period submitted decided pending } } }`;
    const [steering, ki] = await Promise.all([hub.query('steering', QUERY), hub.query('ki', QUERY)]);
    expect(steering.body.errors).toBeUndefined();
    expect(steering.body.data).toEqual(ki.body.data);
  });

  it.each(roots.filter((r) => !FIGURES.includes(r.field.name) && !SCOPED.includes(r.field.name)).map((r) => [`${r.kind} ${r.field.name}`, r] as const))('is refused %s (FORBIDDEN)', async (_, { kind, field }) => {
    const { query, variables } = operation(kind, field);
    const response = await hub.query('steering', query, variables);
    expect(response.body.errors?.[0]?.extensions?.code, query).toBe('FORBIDDEN');
    expect((response.body.data as Record<string, unknown> | null | undefined)?.[field.name] ?? null).toBeNull();
  });

  it('finds no person', async () => {
    const response = await hub.query('steering', '{ client(id: "K-000001") { id } clients(first: 5) { totalCount edges { node { id } } } }');
    expect(response.body.data).toEqual({ client: null, clients: { totalCount: 0, edges: [] } });
  });
});
