import { isoDate, rowsOrNull } from '@kim/service-kit';
import type { JobcenterContext } from '../context.ts';
import type { BenefitCase, CooperationPlan, Measure, Placement } from '../generated/prisma/client.ts';

/**
 * A client as this subgraph resolves it: the KIM id, and the jobcenter's benefit case, which is
 * the jobcenter's record of the person. `benefitCase: null` means the jobcenter does not know
 * the client; every field then answers null, except `receivesBenefits`, whose true answer is no.
 */
export interface JobcenterClient {
  readonly id: string;
  readonly benefitCase: BenefitCase | null;
}

/** Whether SGB II benefits are being paid now: only a case in status RECEIVING pays. */
export function receivesBenefits(benefitCase: Pick<BenefitCase, 'status'> | null): boolean {
  return benefitCase?.status === 'RECEIVING';
}

// Every object returned for a nested type keeps `kimClientId`: the field guard finds the client there.

export function benefitCaseView(row: BenefitCase) {
  return { ...row, since: isoDate(row.since), monthlyBenefitEuro: row.monthlyBenefitEuro.toNumber() };
}

export function cooperationPlanView(row: CooperationPlan) {
  return { ...row, agreedAt: isoDate(row.agreedAt) };
}

export function periodView<Row extends Measure | Placement>(row: Row) {
  return { ...row, startDate: isoDate(row.startDate), endDate: isoDate(row.endDate) };
}

export const Client = {
  // INTENTIONAL: only `ref.id` is read. Whatever else a representation carries came from the
  // caller's side of the gateway and decides nothing here.
  __resolveReference: async (ref: { id: string }, ctx: JobcenterContext): Promise<JobcenterClient> => ({
    id: ref.id,
    benefitCase: await ctx.loaders.benefitCase.load(ref.id),
  }),
  jobcenterRecordId: (c: JobcenterClient) => c.benefitCase?.id ?? null,
  benefitCase: (c: JobcenterClient) => (c.benefitCase ? benefitCaseView(c.benefitCase) : null),
  receivesBenefits: (c: JobcenterClient) => receivesBenefits(c.benefitCase),
  // The field's rule has checked the request's arguments and had it decided and audited.
  benefitReceipt: (c: JobcenterClient) => receivesBenefits(c.benefitCase),
  cooperationPlan: async (c: JobcenterClient, _: unknown, ctx: JobcenterContext) => {
    if (!c.benefitCase) return null;
    const plan = await ctx.loaders.cooperationPlan.load(c.id);
    return plan ? cooperationPlanView(plan) : null;
  },
  // Null, never [], without rows: `[]` would tell an EMPLOYMENT reader that a benefit case exists.
  measures: async (c: JobcenterClient, _: unknown, ctx: JobcenterContext) =>
    c.benefitCase ? rowsOrNull((await ctx.loaders.measures.load(c.id)).map(periodView)) : null,
  placements: async (c: JobcenterClient, _: unknown, ctx: JobcenterContext) =>
    c.benefitCase ? rowsOrNull((await ctx.loaders.placements.load(c.id)).map(periodView)) : null,
};
