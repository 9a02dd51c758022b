import type { JobcenterContext } from '../context.ts';
import type { JobcenterClient } from './Client.ts';

export const Query = {
  // Only the caller's team's cases are found, so another team's case answers like a missing one.
  clientByBenefitCase: async (_: unknown, { caseId }: { caseId: string }, ctx: JobcenterContext): Promise<JobcenterClient | null> => {
    const benefitCase = await ctx.prisma.benefitCase.findFirst({ where: { id: caseId, ...ctx.cases } });
    if (!benefitCase) return null;
    ctx.loaders.benefitCase.prime(benefitCase.kimClientId, benefitCase);
    return { id: benefitCase.kimClientId, benefitCase };
  },
};
