import type { DataCategory } from '@kim/schema';
import { consentUnavailable, fieldTag, hubError } from '@kim/service-kit';
import { isObjectType, type GraphQLResolveInfo } from 'graphql';
import type { CaseRegistryContext } from '../context.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { statistics } from '../figures/figures.ts';

// 200 lets the benchmark show that a page costs the same number of SQL statements at any size;
// the gateway's cost limit still stops three such pages in one request.
export const MAX_PAGE_SIZE = 200;

interface ClientsArgs {
  first?: number | null;
  after?: string | null;
  filter?: { town?: string | null; caseManagerId?: string | null; status?: string | null } | null;
}

type ClientsFilter = NonNullable<ClientsArgs['filter']>;

/** The Client field each filter matches on. */
const FILTER_FIELDS: Record<keyof ClientsFilter, string> = { town: 'town', caseManagerId: 'caseManager', status: 'status' };

/** The categories a filter discloses of each client it lets through: its fields' `@category` tags. */
function filterCategories(info: GraphQLResolveInfo, filter: ClientsFilter): DataCategory[] {
  const client = info.schema.getType('Client');
  if (!isObjectType(client)) throw new Error('the schema has no Client type');
  const categories = new Set<DataCategory>();
  for (const key of Object.keys(FILTER_FIELDS) as (keyof ClientsFilter)[]) {
    if (!filter[key]) continue;
    const field = client.getFields()[FILTER_FIELDS[key]];
    const tag = field ? fieldTag(field) : undefined;
    if (tag?.kind !== 'category') throw new Error(`Client.${FILTER_FIELDS[key]} has no @category`);
    categories.add(tag.category);
  }
  return [...categories];
}

/**
 * A filter discloses the filtered field of every client it lets through ("residence title =
 * Duldung" is itself a disclosure): it lets through only clients whose filtered categories the
 * caller may see, each decision asked (and audited) like any field's.
 *
 * INTENTIONAL (issue 14, item 2): the decisions are asked for every client of the caller's
 * scope, not for the matching ones. Asking only for the matches made the work — a consent round
 * trip and an audit row per hidden match — depend on how many clients have the hidden value, and
 * the timing told the jobcenter the status split of its clients. Now the work depends on the
 * scope alone (which the caller may know: it is what `totalCount` without a filter counts), and
 * the filter is applied only among the clients whose field the caller may see.
 */
async function seeableIds(ctx: CaseRegistryContext, scope: Prisma.ClientWhereInput, categories: readonly DataCategory[]): Promise<string[]> {
  const inScope = await ctx.prisma.client.findMany({ where: scope, select: { id: true } });
  const decisions = await ctx.consent.loadMany(inScope.flatMap(({ id }) => categories.map((category) => ({ clientId: id, category }))));
  if (decisions.some((d) => d instanceof Error)) throw consentUnavailable();
  const denied = new Set(decisions.flatMap((d) => (d instanceof Error || d.allowed ? [] : [d.clientId])));
  return inScope.map((c) => c.id).filter((id) => !denied.has(id));
}

export const Query = {
  client: (_: unknown, { id }: { id: string }, ctx: CaseRegistryContext) => ctx.loaders.client.load(id),

  clients: async (_: unknown, args: ClientsArgs, ctx: CaseRegistryContext, info: GraphQLResolveInfo) => {
    const first = args.first ?? 20;
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
      throw hubError('BAD_USER_INPUT', `first must be between 1 and ${MAX_PAGE_SIZE}.`, { argument: 'first' });
    }
    const filter = args.filter ?? {};
    const scope = await ctx.scopeWhere();
    const matching: Prisma.ClientWhereInput = {
      AND: [
        scope,
        {
          ...(filter.town ? { town: filter.town } : {}),
          ...(filter.caseManagerId ? { caseManagerId: filter.caseManagerId } : {}),
          ...(filter.status ? { status: filter.status } : {}),
        },
      ],
    };
    const categories = filterCategories(info, filter);
    const where: Prisma.ClientWhereInput = categories.length > 0 ? { AND: [matching, { id: { in: await seeableIds(ctx, scope, categories) } }] } : matching;
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
