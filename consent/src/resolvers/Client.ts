import type { ConsentContext } from '../context.ts';
import { mayViewGrantsOf } from '../grantScope.ts';
import { grantView } from './grantView.ts';

export const Client = {
  __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
  consents: async (client: { id: string }, _: unknown, ctx: ConsentContext) => {
    const grants = await ctx.loaders.grantsOfClient.load(client.id);
    return mayViewGrantsOf(ctx.caller, grants) ? grants.map((g) => grantView(g)) : null;
  },
};
