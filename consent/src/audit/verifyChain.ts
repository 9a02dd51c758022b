import type { ConsentPrisma } from '../db.ts';
import { GENESIS_HASH, chainHash } from './chainHash.ts';

export interface ChainVerification {
  readonly valid: boolean;
  readonly entries: number;
  /** The first row whose link does not hold (edited, or its predecessor removed or moved). */
  readonly firstBrokenSeq: bigint | null;
  readonly headHash: string;
}

const PAGE = 5000;

/** Walks the whole chain in order of seq and recomputes every link. */
export async function verifyChain(prisma: ConsentPrisma): Promise<ChainVerification> {
  let prevHash = GENESIS_HASH;
  let entries = 0;
  let after: bigint | undefined;
  for (;;) {
    const page = await prisma.auditEntry.findMany({ where: after === undefined ? {} : { seq: { gt: after } }, orderBy: { seq: 'asc' }, take: PAGE });
    for (const row of page) {
      if (row.prevHash !== prevHash || chainHash(prevHash, row) !== row.hash) {
        return { valid: false, entries: entries + 1, firstBrokenSeq: row.seq, headHash: prevHash };
      }
      prevHash = row.hash;
      entries += 1;
    }
    if (page.length < PAGE) return { valid: true, entries, firstBrokenSeq: null, headHash: prevHash };
    after = page[page.length - 1]!.seq;
  }
}
