import type { ConsentPrisma } from '../db.ts';
import type { AuditSigningKey } from './auditKey.ts';
import { GENESIS_HASH } from './chainHash.ts';
import { EXPORT_FORMAT, exportMessage, exportedEntry, type AuditExportPayload, type ExportedEntry, type SignedAuditExport } from './exportFormat.ts';
import { PAGE, inSnapshot, rowsOf } from './snapshot.ts';
import { verifyClientChainIn } from './verifyChain.ts';

/**
 * One client's whole audit trail, signed: the entries, the client's chain head, the global head
 * of the latest anchor, and the service's own verification of the client's chain, all read in
 * one snapshot. A broken chain is exported as it is and says so: the officer needs the trail most
 * when something is wrong with it.
 */
export function exportTrail(prisma: ConsentPrisma, key: AuditSigningKey, clientId: string): Promise<SignedAuditExport> {
  return inSnapshot(prisma, async (tx) => {
    const [{ now }] = (await tx.$queryRaw<{ now: Date }[]>`SELECT now() AS now`) as [{ now: Date }];
    const verification = await verifyClientChainIn(tx, key, clientId);
    const global = await tx.auditAnchor.findFirst({ orderBy: { seq: 'desc' }, select: { seq: true, entries: true, headHash: true } });
    const entries: ExportedEntry[] = [];
    const rows = rowsOf((after) =>
      tx.auditEntry.findMany({ where: { kimClientId: clientId, ...(after === undefined ? {} : { seq: { gt: after } }) }, orderBy: { seq: 'asc' }, take: PAGE }),
    );
    for await (const row of rows) entries.push(exportedEntry(row));
    const payload: AuditExportPayload = {
      format: EXPORT_FORMAT,
      clientId,
      exportedAt: now.toISOString(),
      keyId: key.keyId,
      entries,
      clientHead: { entries: entries.length, hash: entries[entries.length - 1]?.clientHash ?? GENESIS_HASH },
      globalHead: { seq: (global?.seq ?? 0n).toString(), entries: (global?.entries ?? 0n).toString(), hash: global?.headHash ?? GENESIS_HASH },
      chainVerified: { valid: verification.valid, problem: verification.problem, firstBrokenSeq: verification.firstBrokenSeq?.toString() ?? null },
    };
    return { payload, signature: { algorithm: 'Ed25519', value: key.sign(exportMessage(payload)) } };
  });
}
