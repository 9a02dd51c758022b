import { describe, expect, it } from 'vitest';
import type { JobcenterContext } from '../context.ts';
import { Prisma, type BenefitCase } from '../generated/prisma/client.ts';
import { benefitCaseView, Client, cooperationPlanView, periodView, receivesBenefits } from './Client.ts';

const day = (d: string) => new Date(`${d}T00:00:00Z`);

const benefitCase: BenefitCase = {
  id: 'BG-2023-000001',
  kimClientId: 'K-000001',
  office: 'NEUSS',
  status: 'RECEIVING',
  since: day('2023-04-01'),
  householdId: '33201//0004711',
  householdSize: 3,
  monthlyBenefitEuro: new Prisma.Decimal('1234.50'),
};

/** A context whose loaders answer from fixed rows and count what they were asked. */
function fakeContext(rows: { benefitCase?: BenefitCase | null } = {}) {
  const asked: string[] = [];
  const loader = <T>(name: string, value: T) => ({
    load: async (key: string) => {
      asked.push(`${name}:${key}`);
      return value;
    },
  });
  const ctx = {
    loaders: {
      benefitCase: loader('benefitCase', rows.benefitCase ?? null),
      cooperationPlan: loader('cooperationPlan', null),
      measures: loader('measures', []),
      placements: loader('placements', []),
    },
  } as unknown as JobcenterContext;
  return { ctx, asked };
}

async function resolveAll(ctx: JobcenterContext, id: string) {
  const client = await Client.__resolveReference({ id }, ctx);
  return {
    id: client.id,
    jobcenterRecordId: Client.jobcenterRecordId(client),
    benefitCase: Client.benefitCase(client),
    receivesBenefits: Client.receivesBenefits(client),
    cooperationPlan: await Client.cooperationPlan(client, {}, ctx),
    measures: await Client.measures(client, {}, ctx),
    placements: await Client.placements(client, {}, ctx),
  };
}

describe('receivesBenefits', () => {
  it.each([
    ['RECEIVING', true],
    ['APPLIED', false],
    ['ENDED', false],
  ])('is %s → %s', (status, expected) => {
    expect(receivesBenefits({ status })).toBe(expected);
  });

  it('is false, not null, when the jobcenter has no case', () => {
    expect(receivesBenefits(null)).toBe(false);
  });
});

describe('Client', () => {
  it('answers false for benefits and null for everything else when the jobcenter does not know the client', async () => {
    const { ctx, asked } = fakeContext();
    expect(await resolveAll(ctx, 'K-000404')).toEqual({
      id: 'K-000404',
      jobcenterRecordId: null,
      benefitCase: null,
      receivesBenefits: false,
      cooperationPlan: null,
      measures: null,
      placements: null,
    });
    // Nothing is looked up beyond the case that was not there.
    expect(asked).toEqual(['benefitCase:K-000404']);
  });

  it('answers the case, and null rather than empty lists, for a client the jobcenter knows (an empty list would disclose the case)', async () => {
    const { ctx } = fakeContext({ benefitCase });
    expect(await resolveAll(ctx, 'K-000001')).toEqual({
      id: 'K-000001',
      jobcenterRecordId: 'BG-2023-000001',
      benefitCase: {
        id: 'BG-2023-000001',
        kimClientId: 'K-000001',
        office: 'NEUSS',
        status: 'RECEIVING',
        since: '2023-04-01',
        householdId: '33201//0004711',
        householdSize: 3,
        monthlyBenefitEuro: 1234.5,
      },
      receivesBenefits: true,
      cooperationPlan: null,
      measures: null,
      placements: null,
    });
  });

  it('reads nothing of a representation but its id', async () => {
    const { ctx } = fakeContext();
    const representation = { id: 'K-000404', receivesBenefits: true, kimClientId: 'K-000001' };
    expect(await Client.__resolveReference(representation, ctx)).toEqual({ id: 'K-000404', benefitCase: null });
  });
});

describe('nested views', () => {
  it('keep kimClientId, so that the field guard finds the client', () => {
    expect(benefitCaseView(benefitCase).kimClientId).toBe('K-000001');
    expect(cooperationPlanView({ id: 'KP-1', kimClientId: 'K-000001', agreedAt: day('2023-05-02'), steps: ['B1 course'] })).toEqual({
      id: 'KP-1',
      kimClientId: 'K-000001',
      agreedAt: '2023-05-02',
      steps: ['B1 course'],
    });
  });

  it('write dates as YYYY-MM-DD and an open end as null', () => {
    const measure = { id: 'M-1', kimClientId: 'K-000001', type: 'Berufssprachkurs', provider: 'VHS Neuss', startDate: day('2024-01-08'), endDate: null };
    expect(periodView(measure)).toEqual({ ...measure, startDate: '2024-01-08', endDate: null });
  });
});
