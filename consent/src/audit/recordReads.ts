import type { Caller, SqlExecutor } from '@kim/service-kit';
import DataLoader from 'dataloader';
import { TAKE_CHAIN_LOCK, appendAudit, chainHeadRows, chainHeads, type ChainHeadRow } from './appendAudit.ts';
import type { AuditSigningKey } from './auditKey.ts';
import type { AuditRecord } from './chainHash.ts';

/** The reason of an entry that records a read of a client's consent record (not a decision; category empty). */
export const CONSENT_RECORD_READ = 'CONSENT_RECORD_READ';

/**
 * Appends audit records in a transaction of their own under the chain lock, with a signed anchor,
 * at the database's time: for what is audited apart from the decision path (reads of consent
 * records). Resolves only after the commit.
 */
export async function appendAuditRecords(sql: SqlExecutor, key: AuditSigningKey, build: (at: Date) => readonly AuditRecord[]): Promise<void> {
  await sql.transaction(
    async (tx) => {
      const [clock] = await tx.query<{ now: Date }>('SELECT now() AS "now"');
      const records = build(clock!.now);
      if (records.length === 0) return;
      const heads = await tx.query<ChainHeadRow>(chainHeadRows('$1'), [[...new Set(records.map((r) => r.kimClientId))]]);
      await appendAudit(tx, key, clock!.now, records, chainHeads(heads));
    },
    { timeoutMs: 10_000, opening: TAKE_CHAIN_LOCK },
  );
}

/**
 * A per-request loader that records, once per client and request, that the caller read the
 * client's consent record: every client read in the same tick in one transaction. A resolver
 * awaits it before it answers, so a read that cannot be recorded discloses nothing.
 */
export function consentRecordReads(sql: SqlExecutor, key: AuditSigningKey, caller: Caller): DataLoader<string, true> {
  return new DataLoader<string, true>(async (clientIds) => {
    await appendAuditRecords(sql, key, (at) =>
      clientIds.map((kimClientId) => ({
        at,
        requestId: caller.requestId,
        subject: caller.subject,
        agency: caller.agency,
        role: caller.role,
        purpose: caller.purpose,
        service: 'consent',
        kimClientId,
        category: '',
        allowed: true,
        reason: CONSENT_RECORD_READ,
        basis: null,
        grantId: null,
      })),
    );
    return clientIds.map(() => true as const);
  });
}
