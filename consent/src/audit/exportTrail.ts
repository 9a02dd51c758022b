import type { ConsentPrisma } from '../db.ts';
import type { AuditSigningKey } from './auditKey.ts';
import { auditRefOf } from './pseudonyms.ts';
import { GENESIS_HASH } from './chainHash.ts';
import { EXPORT_FORMAT, exportMessage, exportedEntry, type AuditExportPayload, type ExportedEntry, type SignedAuditExport } from './exportFormat.ts';
import { grantEventDocument } from './grantEventHash.ts';
import { PAGE, inSnapshot, rowsOf } from './snapshot.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import type { ExportedGrantEvent } from './exportFormat.ts';
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
    const pseudonym = await auditRefOf(tx, clientId);
    const entries: ExportedEntry[] = [];
    const rows = rowsOf((after) =>
      tx.auditEntry.findMany({ where: { kimClientId: pseudonym, ...(after === undefined ? {} : { seq: { gt: after } }) }, orderBy: { seq: 'asc' }, take: PAGE }),
    );
    for await (const row of rows) entries.push(exportedEntry(row));
    const grantEvents = await exportedGrantEvents(tx, clientId);
    const payload: AuditExportPayload = {
      format: EXPORT_FORMAT,
      clientId,
      ...(pseudonym === clientId ? {} : { pseudonym }),
      exportedAt: now.toISOString(),
      keyId: key.keyId,
      entries,
      grantEvents,
      clientHead: { entries: entries.length, hash: entries[entries.length - 1]?.clientHash ?? GENESIS_HASH },
      globalHead: { seq: (global?.seq ?? 0n).toString(), entries: (global?.entries ?? 0n).toString(), hash: global?.headHash ?? GENESIS_HASH },
      chainVerified: { valid: verification.valid, problem: verification.problem, firstBrokenSeq: verification.firstBrokenSeq?.toString() ?? null },
    };
    return { payload, signature: { algorithm: 'Ed25519', value: key.sign(exportMessage(payload)) } };
  });
}

/** The client's grant events with their grants' records and chain hashes (GDPR Art. 15: the consent record is the client's data too). */
async function exportedGrantEvents(tx: Prisma.TransactionClient, clientId: string): Promise<ExportedGrantEvent[]> {
  const [events, grants] = await Promise.all([
    tx.grantEvent.findMany({ where: { kimClientId: clientId }, orderBy: { seq: 'asc' } }),
    tx.grant.findMany({ where: { kimClientId: clientId } }),
  ]);
  const links = events.length === 0 ? [] : await tx.grantEventLink.findMany({ where: { eventSeq: { in: events.map((e) => e.seq) } } });
  const grantOf = new Map(grants.map((g) => [g.id, g]));
  const linkOf = new Map(links.map((l) => [l.eventSeq, l]));
  return events.flatMap((e) => {
    const grant = grantOf.get(e.grantId);
    if (!grant) return [];
    const link = linkOf.get(e.seq);
    return [{ seq: e.seq.toString(), auditSeq: link?.auditSeq.toString() ?? null, hash: link?.hash ?? null, document: grantEventDocument(e, grant) }];
  });
}
