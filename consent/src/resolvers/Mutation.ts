import { randomUUID } from 'node:crypto';
import { hubError } from '@kim/subgraph-runtime';
import { holderOf, type ConsentContext } from '../context.ts';
import { mayRecordGrantsOf, mayWithdrawGrantsOf } from '../grantScope.ts';
import { grantView } from './grantView.ts';
import { checkGrantRecord, type RecordConsentInput } from '../grants/grantRecord.ts';

export const Mutation = {
  recordConsent: async (_: unknown, { input }: { input: RecordConsentInput }, ctx: ConsentContext) => {
    const record = checkGrantRecord(input, new Date(), ctx.settings.defaultValidityDays);
    // Only the team that holds the client (as the case registry told it) or a data-protection
    // officer records consent, whatever the grantee, the team itself included. A client of
    // another team gets the same answer as an id nobody knows.
    if (!mayRecordGrantsOf(ctx.caller, await holderOf(ctx, input.clientId))) {
      throw hubError('NOT_FOUND', 'No such client with your team.');
    }
    const grant = await ctx.prisma.grant.create({
      data: { id: randomUUID(), ...record, legalBasis: 'CONSENT', recordedBy: ctx.caller.subject },
    });
    ctx.log.info({ grantId: grant.id, grantee: grant.grantee }, 'consent recorded');
    return grantView(grant);
  },

  revokeConsent: async (_: unknown, { id, reason }: { id: string; reason?: string | null }, ctx: ConsentContext) => {
    const grant = await ctx.prisma.grant.findUnique({ where: { id } });
    if (!grant || !mayWithdrawGrantsOf(ctx.caller, await holderOf(ctx, grant.kimClientId))) {
      throw hubError('NOT_FOUND', 'No such grant.');
    }
    if (reason && reason.length > 500) throw hubError('BAD_USER_INPUT', 'reason is too long.', { argument: 'reason' });
    // INTENTIONAL: updateMany with revokedAt null, so two revocations racing record only the first.
    await ctx.prisma.grant.updateMany({
      where: { id, revokedAt: null },
      data: { revokedAt: new Date(), revokedBy: ctx.caller.subject, revocationReason: reason ?? null },
    });
    const revoked = await ctx.prisma.grant.findUniqueOrThrow({ where: { id } });
    ctx.log.info({ grantId: id }, 'consent revoked');
    return grantView(revoked);
  },
};
