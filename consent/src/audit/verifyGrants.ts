import type { Prisma } from '../generated/prisma/client.ts';
import type { ChainVerification } from './chainChecker.ts';
import { backsLink } from '../grants/chainedEvents.ts';
import { grantEventHash, isGrantEventReason, type GrantContent, type GrantEventContent } from './grantEventHash.ts';

/** An audit entry that names a grant event's hash: a grant event's own entry, or a decision that rested on a grant. */
export interface GrantRef {
  readonly seq: bigint;
  readonly grantId: string | null;
  readonly reason: string;
  readonly grantEventHash: string;
}

type StoredEvent = GrantEventContent & { readonly seq: bigint };
type Link = { readonly eventSeq: bigint; readonly auditSeq: bigint; readonly hash: string };

/**
 * Checks the grants against the chain, pure: every event's hash recomputed from the event and its
 * grant's record must be the one its own chain entry holds (and its link names); every event must
 * be chained, each link backed by its event's own entry; every decision that rested on a grant must name a hash one of that grant's events
 * gives now. An edited grant (HEALTH added, a withdrawal removed, an end moved) fails one of them.
 * Returns where the first problem is (the entry's seq; null for an event no entry names), or
 * undefined when all hold. An entry naming an erased grant (`erased`: deleted with its client's
 * data after the retention period) is not checked against the grant: there is nothing left to
 * recompute, and the entry's own hashes still hold it in the chain.
 */
export function firstGrantProblem(
  refs: readonly GrantRef[],
  events: readonly StoredEvent[],
  grants: ReadonlyMap<string, GrantContent>,
  links: readonly Link[],
  erased: ReadonlySet<string> = new Set(),
): bigint | null | undefined {
  const computed = new Map<bigint, string>();
  const hashesOfGrant = new Map<string, Set<string>>();
  for (const e of events) {
    const grant = grants.get(e.grantId);
    const h = grant ? grantEventHash(e, grant) : 'grant missing';
    computed.set(e.seq, h);
    const set = hashesOfGrant.get(e.grantId) ?? new Set<string>();
    set.add(h);
    hashesOfGrant.set(e.grantId, set);
  }
  const eventBySeq = new Map(events.map((e) => [e.seq, e]));
  const linkOfAudit = new Map(links.map((l) => [l.auditSeq, l]));
  for (const ref of refs) {
    if (ref.grantId !== null && erased.has(ref.grantId)) continue;
    if (isGrantEventReason(ref.reason)) {
      const link = linkOfAudit.get(ref.seq);
      const event = link ? eventBySeq.get(link.eventSeq) : undefined;
      if (!link || !event || event.grantId !== ref.grantId || link.hash !== ref.grantEventHash || computed.get(event.seq) !== ref.grantEventHash) return ref.seq;
    } else if (ref.grantId === null || !hashesOfGrant.get(ref.grantId)?.has(ref.grantEventHash)) {
      return ref.seq;
    }
  }
  // Every link must be backed by its event's own entry (chainedEvents.ts): a link row alone, which
  // the service's role can insert, would otherwise make an event count without any entry.
  const grantEventRefs = new Map(refs.filter((r) => isGrantEventReason(r.reason)).map((r) => [r.seq, r]));
  for (const link of links) {
    const event = eventBySeq.get(link.eventSeq);
    if (event && !backsLink(event, link, grantEventRefs.get(link.auditSeq))) return null;
  }
  const linked = new Set(links.map((l) => l.eventSeq));
  if (events.some((e) => !linked.has(e.seq))) return null;
  return undefined;
}

/**
 * `firstGrantProblem` over the database, inside the verification's snapshot: all grants, or one
 * client's. A chain already found broken is returned as it is.
 */
export async function withGrantCheck(tx: Prisma.TransactionClient, chain: ChainVerification, refs: readonly GrantRef[], clientId?: string): Promise<ChainVerification> {
  if (!chain.valid) return chain;
  const where = clientId === undefined ? {} : { kimClientId: clientId };
  const [events, grants] = await Promise.all([tx.grantEvent.findMany({ where, orderBy: { seq: 'asc' } }), tx.grant.findMany({ where })]);
  const links = events.length === 0 ? [] : await tx.grantEventLink.findMany({ where: clientId === undefined ? {} : { eventSeq: { in: events.map((e) => e.seq) } } });
  const named = [...new Set(refs.flatMap((r) => (r.grantId === null ? [] : [r.grantId])))];
  const erased = named.length === 0 ? [] : await tx.erasedGrant.findMany({ where: { grantId: { in: named } }, select: { grantId: true } });
  const problem = firstGrantProblem(refs, events, new Map(grants.map((g) => [g.id, g])), links, new Set(erased.map((e) => e.grantId)));
  if (problem === undefined) return chain;
  return { ...chain, valid: false, problem: 'GRANT_ALTERED', firstBrokenSeq: problem };
}
