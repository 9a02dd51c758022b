import { randomUUID } from 'node:crypto';
import { hubError } from '@kim/subgraph-runtime';
import { holderOf, type ConsentContext } from '../context.ts';
import { refuseBarredGrant } from '../decisions/legalBars.ts';
import { mayRecordGrantsOf, mayWithdrawGrantsOf } from '../grantScope.ts';
import { grantView } from './grantView.ts';
import { parseInstant } from './parseInput.ts';

interface RecordConsentInput {
  clientId: string;
  grantee: string;
  categories: string[];
  purposes: string[];
  evidenceRef: string;
  validFrom?: string | null;
  validUntil?: string | null;
}

const CLIENT_ID = /^[A-Za-z0-9-]{1,64}$/;

export const Mutation = {
  recordConsent: async (_: unknown, { input }: { input: RecordConsentInput }, ctx: ConsentContext) => {
    if (!CLIENT_ID.test(input.clientId)) throw hubError('BAD_USER_INPUT', 'clientId is malformed.', { argument: 'input.clientId' });
    if (input.categories.length === 0) throw hubError('BAD_USER_INPUT', 'categories must not be empty.', { argument: 'input.categories' });
    if (input.purposes.length === 0) throw hubError('BAD_USER_INPUT', 'purposes must not be empty.', { argument: 'input.purposes' });
    const evidenceRef = input.evidenceRef.trim();
    if (evidenceRef.length === 0 || evidenceRef.length > 200) {
      throw hubError('BAD_USER_INPUT', 'evidenceRef must name the signed consent (1–200 characters).', { argument: 'input.evidenceRef' });
    }
    const validFrom = parseInstant(input.validFrom, 'input.validFrom') ?? new Date();
    const validUntil = parseInstant(input.validUntil, 'input.validUntil') ?? null;
    if (validUntil && validUntil <= validFrom) throw hubError('BAD_USER_INPUT', 'validUntil must be after validFrom.', { argument: 'input.validUntil' });
    // Only the team that holds the client (as the case registry told it) or a data-protection
    // officer records consent, whatever the grantee, the team itself included. A client of
    // another team gets the same answer as an id nobody knows.
    if (!mayRecordGrantsOf(ctx.caller, await holderOf(ctx, input.clientId))) {
      throw hubError('NOT_FOUND', 'No such client with your team.');
    }
    // After the scope check, so that an outside client still answers as an unknown id.
    refuseBarredGrant(input.grantee, input.categories);
    const grant = await ctx.prisma.grant.create({
      data: {
        id: randomUUID(),
        kimClientId: input.clientId,
        grantee: input.grantee,
        categories: [...new Set(input.categories)],
        purposes: [...new Set(input.purposes)],
        legalBasis: 'CONSENT',
        evidenceRef,
        validFrom,
        validUntil,
        recordedBy: ctx.caller.subject,
      },
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
