import type { ConsentPrisma } from '../db.ts';
import type { Prisma } from '../generated/prisma/client.ts';

/**
 * Runs read-only work on one consistent snapshot: on PostgreSQL a repeatable-read transaction,
 * so that a batch committed meanwhile is either wholly in it (entries and anchor) or wholly out;
 * PGlite has a single connection, so any transaction is a snapshot there. Long chains take long
 * to read, hence the generous timeout.
 */
export function inSnapshot<T>(prisma: ConsentPrisma, work: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  return prisma.$transaction(work, { isolationLevel: 'RepeatableRead', maxWait: 10_000, timeout: 300_000 });
}

export const PAGE = 5000;

/** Reads rows page by page in order of seq; `read` gets the last seq of the page before. */
export async function* pagesOf<T extends { seq: bigint }>(read: (after: bigint | undefined) => Promise<T[]>): AsyncGenerator<T[]> {
  let after: bigint | undefined;
  for (;;) {
    const page = await read(after);
    if (page.length > 0) yield page;
    if (page.length < PAGE) return;
    after = page[page.length - 1]!.seq;
  }
}

/** Reads rows one by one in order of seq, a page at a time. */
export async function* rowsOf<T extends { seq: bigint }>(read: (after: bigint | undefined) => Promise<T[]>): AsyncGenerator<T> {
  for await (const page of pagesOf(read)) yield* page;
}
