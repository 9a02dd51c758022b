import type { ConsentPrisma } from '@kim/consent';
import { caseEndsOf, loadGrantEvents } from '../../consent/src/context.ts';
import { deriveState, type GrantState } from '../../consent/src/grants/grantState.ts';

type StoredGrant = Awaited<ReturnType<ConsentPrisma['grant']['findMany']>>[number];

/** Every grant (matching `where`) with the state its events give now, and its withdrawal time. */
export async function grantsWithState(
  prisma: ConsentPrisma,
  where: Parameters<ConsentPrisma['grant']['findMany']>[0] extends infer A ? (A extends { where?: infer W } ? W : never) : never = {},
): Promise<(StoredGrant & { state: GrantState; withdrawnAt: Date | null; effectiveUntil: Date | null })[]> {
  const grants = await prisma.grant.findMany({ where, orderBy: { id: 'asc' } });
  const events = await loadGrantEvents(prisma, { grantIds: grants.map((g) => g.id) });
  const ends = await caseEndsOf(prisma, grants.map((g) => g.kimClientId));
  const now = new Date();
  return grants.map((g) => {
    const own = events.filter((e) => e.grantId === g.id).map((e) => ({ type: e.type, at: e.at, validUntil: e.validUntil, chained: e.hash !== null }));
    const derived = deriveState(g, own, now, ends.get(g.kimClientId));
    return { ...g, state: derived.state, withdrawnAt: derived.withdrawal?.at ?? null, effectiveUntil: derived.validUntil };
  });
}

/** The ids of clients with an active grant to `grantee`. */
export async function sharedWith(prisma: ConsentPrisma, grantee: string): Promise<Set<string>> {
  return new Set((await grantsWithState(prisma, { grantee })).filter((g) => g.state === 'ACTIVE').map((g) => g.kimClientId));
}
