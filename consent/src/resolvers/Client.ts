import { auditRecordRead, holderOf, type ConsentContext } from '../context.ts';
import { mayViewGrantsOf } from '../grantScope.ts';
import { grantView } from './grantView.ts';

export const Client = {
  __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
  consents: async (client: { id: string }, _: unknown, ctx: ConsentContext) => {
    if (!mayViewGrantsOf(ctx.caller, await holderOf(ctx, client.id))) return null;
    const [grants, events, ends] = await Promise.all([
      ctx.loaders.grantsOfClient.load(client.id),
      ctx.loaders.eventsOfClient.load(client.id),
      ctx.loaders.caseEndsOfClient.load(client.id),
    ]);
    await auditRecordRead(ctx, [client.id]);
    const now = new Date();
    return grants.map((g) => grantView(g, events, now, ends.map((e) => e.at)));
  },
};
