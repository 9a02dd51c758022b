import type { ImmigrationOfficeContext } from '../context.ts';

export const Query = {
  // Only the caller's team's files are found, so another team's file answers like a missing one.
  clientByImmigrationRecord: async (_: unknown, { recordId }: { recordId: string }, ctx: ImmigrationOfficeContext) => {
    const person = await ctx.prisma.personRecord.findFirst({ where: { id: recordId, ...ctx.files } });
    if (!person) return null;
    ctx.loaders.person.prime(person.kimClientId, person);
    return { id: person.kimClientId, person };
  },
};
