import type { Prisma } from '../generated/prisma/client.ts';
import { GENESIS_HASH, chainHash, type AuditRecord } from './chainHash.ts';

/**
 * Appends records to the chain inside the caller's transaction. A transaction-scoped advisory
 * lock makes appenders take turns for the few statements between reading the head and writing
 * after it; it is released by the commit, so the chain never forks.
 */
export async function appendAudit(tx: Prisma.TransactionClient, records: readonly AuditRecord[]): Promise<void> {
  if (records.length === 0) return;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(7428190311)`;
  const head = await tx.auditEntry.findFirst({ orderBy: { seq: 'desc' }, select: { hash: true } });
  let prevHash = head?.hash ?? GENESIS_HASH;
  const rows = records.map((record) => {
    const hash = chainHash(prevHash, record);
    const row = { ...record, prevHash, hash };
    prevHash = hash;
    return row;
  });
  // INTENTIONAL: one INSERT; PostgreSQL assigns the serial seq in the order of the rows given.
  await tx.auditEntry.createMany({ data: rows });
}
