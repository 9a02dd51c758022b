import type { ClientHead } from './anchor.ts';
import { GENESIS_HASH, canonicalRecord, linkHash, type AuditRecord } from './chainHash.ts';

/** Where the chain stands before a batch: the global head, and the heads of the batch's clients. */
export interface ChainHeads {
  readonly headHash: string;
  readonly entries: bigint;
  readonly clients: ReadonlyMap<string, ClientHead>;
}

export interface LinkedRecord extends AuditRecord {
  readonly prevHash: string;
  readonly hash: string;
  readonly clientPrevHash: string;
  readonly clientHash: string;
}

export interface LinkedBatch {
  readonly rows: readonly LinkedRecord[];
  readonly headHash: string;
  readonly entries: bigint;
  /** The new head of every client in the batch, in order of first appearance. */
  readonly clients: readonly ClientHead[];
}

/**
 * Links a batch of records into the global chain and into each client's own chain, in order.
 * Pure: the appender reads the heads and writes the rows; tests build chains with it.
 */
export function linkBatch(before: ChainHeads, records: readonly AuditRecord[]): LinkedBatch {
  let headHash = before.headHash;
  let entries = before.entries;
  const clients = new Map<string, ClientHead>();
  const rows = records.map((record) => {
    const client = clients.get(record.kimClientId) ?? before.clients.get(record.kimClientId) ?? { kimClientId: record.kimClientId, entries: 0, headHash: GENESIS_HASH };
    const canonical = canonicalRecord(record);
    const row = { ...record, prevHash: headHash, hash: linkHash(headHash, canonical), clientPrevHash: client.headHash, clientHash: linkHash(client.headHash, canonical) };
    headHash = row.hash;
    entries += 1n;
    clients.set(record.kimClientId, { kimClientId: record.kimClientId, entries: client.entries + 1, headHash: row.clientHash });
    return row;
  });
  return { rows, headHash, entries, clients: [...clients.values()] };
}
