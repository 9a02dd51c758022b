import { hubError, isoTime } from '@kim/subgraph-runtime';
import { verifyChain } from '../audit/verifyChain.ts';
import type { ConsentContext } from '../context.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { mayViewGrantsOf } from '../grantScope.ts';
import { grantView } from './grantView.ts';
import { parseInstant } from './parseInput.ts';

export const MAX_AUDIT_PAGE = 500;

interface GrantFilter {
  clientId?: string | null;
  grantee?: string | null;
  from?: string | null;
  to?: string | null;
  includeRevoked?: boolean | null;
}
interface AuditArgs {
  filter: { clientId?: string | null; agency?: string | null; from?: string | null; to?: string | null };
  first?: number | null;
  after?: string | null;
}

function period(from: string | null | undefined, to: string | null | undefined) {
  const gte = parseInstant(from, 'from');
  const lt = parseInstant(to, 'to');
  return gte || lt ? { ...(gte ? { gte } : {}), ...(lt ? { lt } : {}) } : undefined;
}

export const Query = {
  consentGrants: async (_: unknown, { filter }: { filter: GrantFilter }, ctx: ConsentContext) => {
    const where: Prisma.GrantWhereInput = {
      ...(filter.clientId ? { kimClientId: filter.clientId } : {}),
      ...(filter.grantee ? { grantee: filter.grantee } : {}),
      ...(filter.includeRevoked === false ? { revokedAt: null } : {}),
    };
    const recordedAt = period(filter.from, filter.to);
    if (recordedAt) where.recordedAt = recordedAt;
    if (ctx.caller.role !== 'DATA_PROTECTION_OFFICER') {
      if (!filter.clientId) throw hubError('BAD_USER_INPUT', 'clientId is required.', { argument: 'filter.clientId' });
      if (!mayViewGrantsOf(ctx.caller, await ctx.loaders.grantsOfClient.load(filter.clientId))) return [];
    }
    const grants = await ctx.prisma.grant.findMany({ where, orderBy: [{ recordedAt: 'asc' }, { id: 'asc' }], take: 1000 });
    return grants.map((g) => grantView(g));
  },

  auditTrail: async (_: unknown, args: AuditArgs, ctx: ConsentContext) => {
    const first = args.first ?? 50;
    if (!Number.isInteger(first) || first < 1 || first > MAX_AUDIT_PAGE) {
      throw hubError('BAD_USER_INPUT', `first must be between 1 and ${MAX_AUDIT_PAGE}.`, { argument: 'first' });
    }
    let after: bigint | undefined;
    if (args.after) {
      if (!/^\d{1,19}$/.test(args.after)) throw hubError('BAD_USER_INPUT', 'Invalid cursor.', { argument: 'after' });
      after = BigInt(args.after);
    }
    const { filter } = args;
    const at = period(filter.from, filter.to);
    const rows = await ctx.prisma.auditEntry.findMany({
      where: {
        ...(filter.clientId ? { kimClientId: filter.clientId } : {}),
        ...(filter.agency ? { agency: filter.agency } : {}),
        ...(at ? { at } : {}),
        ...(after !== undefined ? { seq: { gt: after } } : {}),
      },
      orderBy: { seq: 'asc' },
      take: first + 1,
    });
    const page = rows.slice(0, first);
    return {
      edges: page.map((r) => ({
        cursor: r.seq.toString(),
        node: { ...r, seq: r.seq.toString(), at: isoTime(r.at), clientId: r.kimClientId },
      })),
      pageInfo: { hasNextPage: rows.length > first, endCursor: page.length ? page[page.length - 1]!.seq.toString() : null },
    };
  },

  verifyAuditChain: async (_: unknown, __: unknown, ctx: ConsentContext) => {
    const result = await verifyChain(ctx.prisma);
    return { ...result, firstBrokenSeq: result.firstBrokenSeq?.toString() ?? null };
  },
};
