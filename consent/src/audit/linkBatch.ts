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

/** How one record is linked: its canonical form (what both hashes read) and its place in both chains. */
export interface ChainLink {
  readonly canonical: string;
  readonly prevHash: string;
  readonly hash: string;
  readonly clientPrevHash: string;
  readonly clientHash: string;
}

interface Heads {
  readonly headHash: string;
  readonly entries: bigint;
  /** The new head of every client in the batch, in order of first appearance. */
  readonly clients: readonly ClientHead[];
}

export interface LinkedBatch extends Heads {
  readonly rows: readonly LinkedRecord[];
}

/**
 * Links a batch of records into the global chain and into each client's own chain, in order.
 * Pure: the appender reads the heads and writes the rows; tests build chains with it.
 */
export function linkBatch(before: ChainHeads, records: readonly AuditRecord[]): LinkedBatch {
  const { links, ...heads } = chainLinks(before, records);
  const rows = records.map((record, i) => {
    const { canonical: _, ...link } = links[i]!;
    return { ...record, ...link };
  });
  return { rows, ...heads };
}

/**
 * `linkBatch` without building row objects: what the appender needs on the path of every
 * decision. A group's records share one timestamp, so its ISO form is computed once.
 */
export function chainLinks(before: ChainHeads, records: readonly AuditRecord[]): Heads & { readonly links: readonly ChainLink[] } {
  let headHash = before.headHash;
  let entries = before.entries;
  const clients = new Map<string, ClientHead>();
  let at: Date | undefined;
  let atIso = '';
  const links = records.map((record): ChainLink => {
    const client = clients.get(record.kimClientId) ?? before.clients.get(record.kimClientId) ?? { kimClientId: record.kimClientId, entries: 0, headHash: GENESIS_HASH };
    if (record.at !== at) {
      at = record.at;
      atIso = at.toISOString();
    }
    const canonical = canonicalRecord(record, atIso);
    const link = { canonical, prevHash: headHash, hash: linkHash(headHash, canonical), clientPrevHash: client.headHash, clientHash: linkHash(client.headHash, canonical) };
    headHash = link.hash;
    entries += 1n;
    clients.set(record.kimClientId, { kimClientId: record.kimClientId, entries: client.entries + 1, headHash: link.clientHash });
    return link;
  });
  return { links, headHash, entries, clients: [...clients.values()] };
}
