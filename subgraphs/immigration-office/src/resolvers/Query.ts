import type { Period } from '@kim/schema';
import type { ImmigrationOfficeContext } from '../context.ts';
import { naturalisationFigures } from '../figures/naturalisationFigures.ts';

export const Query = {
  // Only the caller's team's files are found, so another team's file answers like a missing one.
  clientByImmigrationRecord: async (_: unknown, { recordId }: { recordId: string }, ctx: ImmigrationOfficeContext) => {
    const person = await ctx.prisma.personRecord.findFirst({ where: { id: recordId, ...ctx.files } });
    if (!person) return null;
    ctx.loaders.person.prime(person.kimClientId, person);
    return { id: person.kimClientId, person };
  },

  // Steering figures over every application the office holds: no person, counts suppressed.
  naturalisationFigures: async (_: unknown, { period }: { period: Period }, ctx: ImmigrationOfficeContext) =>
    naturalisationFigures(await ctx.prisma.naturalisationApplication.findMany({ select: { submittedAt: true, decidedAt: true } }), period),
};
