// Test support: chains built in memory the way appendAudit builds them in the database.
import { generateKeyPairSync } from 'node:crypto';
import { anchorMessage, type ClientHead, type SignedAnchor } from './anchor.ts';
import { auditSigningKey, type AuditSigningKey } from './auditKey.ts';
import { ChainChecker, type ChainVerification, type ChainedEntry } from './chainChecker.ts';
import { GENESIS_HASH, type AuditRecord } from './chainHash.ts';
import { linkBatch } from './linkBatch.ts';

export function newAuditKey(): AuditSigningKey {
  const { privateKey } = generateKeyPairSync('ed25519');
  return auditSigningKey(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
}

export function auditRecord(clientId: string, category: string, overrides: Partial<AuditRecord> = {}): AuditRecord {
  return {
    at: new Date('2026-11-25T10:00:00.000Z'),
    requestId: 'req-1',
    subject: 'jc-1',
    agency: 'JOBCENTER',
    role: 'JOBCENTER_CASEWORKER',
    purpose: 'LABOUR_MARKET_INTEGRATION',
    service: 'welfare',
    kimClientId: clientId,
    category,
    allowed: false,
    reason: 'NO_BASIS',
    basis: null,
    grantId: null,
    ...overrides,
  };
}

export interface BuiltChain {
  readonly entries: ChainedEntry[];
  readonly anchors: SignedAnchor[];
}

/** Appends batches as the service does: links, seqs (with a gap after each batch, as rollbacks leave), one signed anchor per batch. */
export function buildChain(key: AuditSigningKey, batches: readonly (readonly AuditRecord[])[]): BuiltChain {
  const entries: ChainedEntry[] = [];
  const anchors: SignedAnchor[] = [];
  let heads = { headHash: GENESIS_HASH, entries: 0n, clients: new Map<string, ClientHead>() };
  let seq = 0n;
  for (const records of batches) {
    const batch = linkBatch(heads, records);
    for (const row of batch.rows) entries.push({ ...row, seq: ++seq });
    const unsigned = { seq, entries: batch.entries, headHash: batch.headHash, at: records[0]!.at, keyId: key.keyId, clients: batch.clients };
    anchors.push({ ...unsigned, signature: key.sign(anchorMessage(unsigned)) });
    heads = { headHash: batch.headHash, entries: batch.entries, clients: new Map([...heads.clients, ...batch.clients.map((c) => [c.kimClientId, c] as const)]) };
    seq += 1n;
  }
  return { entries, anchors };
}

/** Feeds a chain to the checker the way verifyChain reads it from the database. */
export function checkChain(key: AuditSigningKey, chain: BuiltChain): ChainVerification {
  const checker = new ChainChecker(key);
  const entries = [...chain.entries].sort((a, b) => (a.seq < b.seq ? -1 : a.seq > b.seq ? 1 : 0));
  const anchors = [...chain.anchors].sort((a, b) => (a.seq < b.seq ? -1 : a.seq > b.seq ? 1 : 0));
  let next = 0;
  for (const entry of entries) {
    while (next < anchors.length && anchors[next]!.seq < entry.seq) checker.anchor(anchors[next++]!);
    checker.entry(entry);
  }
  while (next < anchors.length) checker.anchor(anchors[next++]!);
  return checker.finish();
}
