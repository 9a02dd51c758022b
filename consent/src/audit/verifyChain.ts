import { auditRefOf } from './pseudonyms.ts';
import type { ConsentPrisma } from '../db.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import type { ClientHead, SignedAnchor } from './anchor.ts';
import type { AuditVerifyingKey } from './auditKey.ts';
import { ChainChecker, ClientChainChecker, anchorIsSigned, type ChainVerification, type ClientAnchor } from './chainChecker.ts';
import { PAGE, inSnapshot, pagesOf, rowsOf } from './snapshot.ts';
import { withGrantCheck, type GrantRef } from './verifyGrants.ts';

export type { ChainVerification } from './chainChecker.ts';

function clientHeadsOf(tx: Prisma.TransactionClient, seq: bigint) {
  return tx.auditClientAnchor.findMany({ where: { seq }, select: { kimClientId: true, entries: true, headHash: true } });
}

async function batchAnchor(tx: Prisma.TransactionClient, seq: bigint): Promise<SignedAnchor | null> {
  const anchor = await tx.auditAnchor.findUnique({ where: { seq } });
  return anchor ? { ...anchor, clients: await clientHeadsOf(tx, seq) } : null;
}

/** Every anchor in order of seq, each with its client heads (read a page of anchors at a time). */
async function* anchorsOf(tx: Prisma.TransactionClient): AsyncGenerator<SignedAnchor> {
  const anchorPages = pagesOf((after) => tx.auditAnchor.findMany({ where: after === undefined ? {} : { seq: { gt: after } }, orderBy: { seq: 'asc' }, take: PAGE }));
  for await (const page of anchorPages) {
    const heads = await tx.auditClientAnchor.findMany({ where: { seq: { gte: page[0]!.seq, lte: page[page.length - 1]!.seq } } });
    const bySeq = new Map<bigint, ClientHead[]>();
    for (const { seq, ...head } of heads) bySeq.set(seq, [...(bySeq.get(seq) ?? []), head]);
    for (const anchor of page) yield { ...anchor, clients: bySeq.get(anchor.seq) ?? [] };
  }
}

/**
 * Walks the whole chain in order of seq and recomputes every link of the global chain and of
 * each client's chain, and checks every anchor: its position, its client heads, its signature.
 */
export function verifyChain(prisma: ConsentPrisma, key: AuditVerifyingKey): Promise<ChainVerification> {
  return inSnapshot(prisma, async (tx) => {
    const checker = new ChainChecker(key);
    const refs: GrantRef[] = [];
    const anchors = anchorsOf(tx);
    let next = await anchors.next();
    const feedAnchorsBefore = async (seq: bigint | null) => {
      while (!next.done && (seq === null || next.value.seq < seq) && !checker.failed) {
        checker.anchor(next.value);
        next = await anchors.next();
      }
    };
    const entries = rowsOf((after) => tx.auditEntry.findMany({ where: after === undefined ? {} : { seq: { gt: after } }, orderBy: { seq: 'asc' }, take: PAGE }));
    for await (const entry of entries) {
      await feedAnchorsBefore(entry.seq);
      checker.entry(entry);
      if (checker.failed) break;
      if (entry.grantEventHash) refs.push({ seq: entry.seq, grantId: entry.grantId, reason: entry.reason, grantEventHash: entry.grantEventHash });
    }
    await feedAnchorsBefore(null);
    return withGrantCheck(tx, checker.finish(), refs);
  });
}

/**
 * Verifies one client's own chain against the latest signed anchor naming the client, reading
 * only that client's entries (by the (kimClientId, seq) index) and that one batch's anchor.
 */
export function verifyClientChain(prisma: ConsentPrisma, key: AuditVerifyingKey, clientId: string): Promise<ChainVerification> {
  return inSnapshot(prisma, (tx) => verifyClientChainIn(tx, key, clientId));
}

/** verifyClientChain inside a snapshot the caller holds (an export reads in the same one). */
export async function verifyClientChainIn(tx: Prisma.TransactionClient, key: AuditVerifyingKey, clientId: string): Promise<ChainVerification> {
  // The chain knows the client by pseudonym only; the grants by id.
  const ref = await auditRefOf(tx, clientId);
  const head = await tx.auditClientAnchor.findFirst({ where: { kimClientId: ref }, orderBy: { seq: 'desc' } });
  let anchor: ClientAnchor | null = null;
  if (head) {
    // A client head whose batch anchor is gone cannot be vouched for: an empty, unsigned batch
    // in its place fails as a forgery.
    const batch = (await batchAnchor(tx, head.seq)) ?? { seq: head.seq, entries: 0n, headHash: '', at: new Date(0), keyId: '', signature: '', clients: [] };
    anchor = { head, batch };
  }
  const checker = new ClientChainChecker(key, ref, anchor);
  const refs: GrantRef[] = [];
  const entries = rowsOf((after) =>
    tx.auditEntry.findMany({ where: { kimClientId: ref, ...(after === undefined ? {} : { seq: { gt: after } }) }, orderBy: { seq: 'asc' }, take: PAGE }),
  );
  for await (const entry of entries) {
    checker.entry(entry);
    if (checker.failed) break;
    if (entry.grantEventHash) refs.push({ seq: entry.seq, grantId: entry.grantId, reason: entry.reason, grantEventHash: entry.grantEventHash });
  }
  return withGrantCheck(tx, checker.finish(), refs, clientId);
}

export interface KnownHead {
  readonly seq: bigint;
  readonly entries: bigint;
  readonly hash: string;
}

/**
 * Whether the chain still holds a head seen earlier (in an export, or a past verification):
 * the one thing that shows a tail cut off together with its anchors. The anchor at that seq must
 * be there, say the same, and carry a valid signature.
 */
export async function holdsKnownHead(prisma: ConsentPrisma, key: AuditVerifyingKey, known: KnownHead): Promise<ChainVerification | null> {
  const anchor = await inSnapshot(prisma, (tx) => batchAnchor(tx, known.seq));
  const failure = (problem: 'TRUNCATED' | 'ANCHOR_MISMATCH' | 'FORGED_ANCHOR') =>
    ({ valid: false, entries: 0, firstBrokenSeq: known.seq, problem, headSeq: null, headHash: known.hash }) satisfies ChainVerification;
  if (!anchor) return failure('TRUNCATED');
  if (anchor.entries !== known.entries || anchor.headHash !== known.hash) return failure('ANCHOR_MISMATCH');
  return anchorIsSigned(key, anchor) ? null : failure('FORGED_ANCHOR');
}
