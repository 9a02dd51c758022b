import { hubError } from '@kim/subgraph-runtime';
import type { CaseRegistryContext } from '../context.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { statistics } from './statistics.ts';

export const MAX_PAGE_SIZE = 100;

interface ClientsArgs {
  first?: number | null;
  after?: string | null;
  filter?: { town?: string | null; caseManagerId?: string | null; status?: string | null } | null;
}

export const Query = {
  client: (_: unknown, { id }: { id: string }, ctx: CaseRegistryContext) => ctx.loaders.client.load(id),

  clients: async (_: unknown, args: ClientsArgs, ctx: CaseRegistryContext) => {
    const first = args.first ?? 20;
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
      throw hubError('BAD_USER_INPUT', `first must be between 1 and ${MAX_PAGE_SIZE}.`, { argument: 'first' });
    }
    const filter = args.filter ?? {};
    const where: Prisma.ClientWhereInput = {
      AND: [
        await ctx.scopeWhere(),
        {
          ...(filter.town ? { town: filter.town } : {}),
          ...(filter.caseManagerId ? { caseManagerId: filter.caseManagerId } : {}),
          ...(filter.status ? { status: filter.status } : {}),
        },
      ],
    };
    const after = args.after ? decodeCursor(args.after) : undefined;
    const [rows, totalCount] = await Promise.all([
      ctx.prisma.client.findMany({ where: after ? { AND: [where, { id: { gt: after } }] } : where, orderBy: { id: 'asc' }, take: first + 1 }),
      ctx.prisma.client.count({ where }),
    ]);
    const page = rows.slice(0, first);
    for (const row of page) ctx.loaders.client.prime(row.id, row);
    return {
      edges: page.map((node) => ({ cursor: encodeCursor(node.id), node })),
      pageInfo: { hasNextPage: rows.length > first, endCursor: page.length > 0 ? encodeCursor(page[page.length - 1]!.id) : null },
      totalCount,
    };
  },

  statistics: (_: unknown, __: unknown, ctx: CaseRegistryContext) => statistics(ctx.prisma),
};
