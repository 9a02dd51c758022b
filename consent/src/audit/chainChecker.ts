import { anchorMessage, type ClientHead, type SignedAnchor } from './anchor.ts';
import type { AuditVerifyingKey } from './auditKey.ts';
import { GENESIS_HASH, entryHashes, type AuditRecord } from './chainHash.ts';

/** What verification can find wrong, in the order a walk along the chain meets it. */
export const CHAIN_PROBLEMS = [
  /** An entry's fields no longer give its hash: it was edited. */
  'ALTERED',
  /** An entry does not follow the one before it: an entry was removed, inserted or moved. */
  'BROKEN_LINK',
  /** The chain does not stand where an anchor recorded it: entries were removed or added. */
  'ANCHOR_MISMATCH',
  /** An anchor is not signed by this service's audit key. */
  'FORGED_ANCHOR',
  /** The chain ends before the position its last anchor records: its tail was cut off. */
  'TRUNCATED',
  /** Entries after the last anchor: appended outside the service, which anchors every batch. */
  'UNANCHORED',
  /** A grant or grant event no longer gives the hash the chain holds for it (see verifyGrants.ts). */
  'GRANT_ALTERED',
] as const;
export type ChainProblem = (typeof CHAIN_PROBLEMS)[number];

/** An audit row as stored: its record, its position, and its links in both chains. */
export interface ChainedEntry extends AuditRecord {
  readonly seq: bigint;
  readonly prevHash: string;
  readonly hash: string;
  readonly clientPrevHash: string;
  readonly clientHash: string;
}

export interface ChainVerification {
  readonly valid: boolean;
  /** Entries found intact before the first problem (all of them when valid). */
  readonly entries: number;
  /** Where the first problem is: the entry that breaks, or the anchor that does not hold. */
  readonly firstBrokenSeq: bigint | null;
  readonly problem: ChainProblem | null;
  /** The last intact entry, and its hash in the chain verified (global or the client's). */
  readonly headSeq: bigint | null;
  readonly headHash: string;
}

interface Failure {
  readonly seq: bigint;
  readonly problem: ChainProblem;
}

const NO_CLIENT_ENTRIES = { entries: 0, headHash: GENESIS_HASH } as const;

/**
 * Checks the whole chain, fed in order of seq: `entry` for each entry, and before each entry
 * `anchor` for every anchor with a smaller seq (the rest after the last entry), then `finish`.
 * Pure: the caller reads the rows, this decides. It stops at the first problem.
 */
export class ChainChecker {
  readonly #key: AuditVerifyingKey;
  #headHash = GENESIS_HASH;
  #headSeq: bigint | null = null;
  #entries = 0;
  readonly #clients = new Map<string, { entries: number; headHash: string }>();
  /** Clients with entries since the last anchor: exactly the ones the next anchor must name. */
  readonly #touched = new Set<string>();
  #firstUnanchored: bigint | null = null;
  /** An anchor whose entry is not there: the next entry breaks, or the chain was cut. */
  #orphanAnchor: bigint | null = null;
  #failure: Failure | null = null;

  constructor(key: AuditVerifyingKey) {
    this.#key = key;
  }

  get failed(): boolean {
    return this.#failure !== null;
  }

  entry(e: ChainedEntry): void {
    if (this.#failure) return;
    const client = this.#clients.get(e.kimClientId) ?? NO_CLIENT_ENTRIES;
    if (e.prevHash !== this.#headHash || e.clientPrevHash !== client.headHash) return this.#fail(e.seq, 'BROKEN_LINK');
    const computed = entryHashes(e);
    if (computed.hash !== e.hash || computed.clientHash !== e.clientHash) return this.#fail(e.seq, 'ALTERED');
    if (this.#orphanAnchor !== null) return this.#fail(this.#orphanAnchor, 'ANCHOR_MISMATCH');
    this.#headHash = e.hash;
    this.#headSeq = e.seq;
    this.#entries += 1;
    this.#clients.set(e.kimClientId, { entries: client.entries + 1, headHash: e.clientHash });
    this.#touched.add(e.kimClientId);
    this.#firstUnanchored ??= e.seq;
  }

  anchor(a: SignedAnchor): void {
    if (this.#failure || this.#orphanAnchor !== null) return;
    if (a.seq !== this.#headSeq) {
      this.#orphanAnchor = a.seq;
      return;
    }
    const clientsHold =
      a.clients.length === this.#touched.size &&
      a.clients.every((c) => {
        const state = this.#clients.get(c.kimClientId);
        return this.#touched.has(c.kimClientId) && state?.entries === c.entries && state.headHash === c.headHash;
      });
    if (a.entries !== BigInt(this.#entries) || a.headHash !== this.#headHash || !clientsHold) return this.#fail(a.seq, 'ANCHOR_MISMATCH');
    if (!anchorIsSigned(this.#key, a)) return this.#fail(a.seq, 'FORGED_ANCHOR');
    this.#touched.clear();
    this.#firstUnanchored = null;
  }

  finish(): ChainVerification {
    if (!this.#failure) {
      if (this.#orphanAnchor !== null) this.#fail(this.#orphanAnchor, 'TRUNCATED');
      else if (this.#firstUnanchored !== null) this.#fail(this.#firstUnanchored, 'UNANCHORED');
    }
    return result(this.#failure, this.#entries, this.#headSeq, this.#headHash);
  }

  #fail(seq: bigint, problem: ChainProblem): void {
    this.#failure = { seq, problem };
  }
}

/** The latest anchor of one client: its own head, and the signed batch anchor that covers it. */
export interface ClientAnchor {
  readonly head: ClientHead;
  readonly batch: SignedAnchor;
}

/**
 * Checks one client's own chain, fed with that client's entries in order of seq, against the
 * latest anchor that names the client: every link and hash of the client's chain, each entry's
 * own global hash, and the signed head at the end. Reads nobody else's entries.
 */
export class ClientChainChecker {
  readonly #key: AuditVerifyingKey;
  readonly #clientId: string;
  readonly #anchor: ClientAnchor | null;
  #headHash = GENESIS_HASH;
  #headSeq: bigint | null = null;
  #entries = 0;
  #firstUnanchored: bigint | null = null;
  #failure: Failure | null = null;

  constructor(key: AuditVerifyingKey, clientId: string, anchor: ClientAnchor | null) {
    this.#key = key;
    this.#clientId = clientId;
    this.#anchor = anchor;
  }

  get failed(): boolean {
    return this.#failure !== null;
  }

  entry(e: ChainedEntry): void {
    if (this.#failure) return;
    if (this.#anchor === null || e.seq > this.#anchor.batch.seq) {
      this.#firstUnanchored ??= e.seq;
      return;
    }
    if (e.kimClientId !== this.#clientId || e.clientPrevHash !== this.#headHash) return this.#fail(e.seq, 'BROKEN_LINK');
    const computed = entryHashes(e);
    if (computed.hash !== e.hash || computed.clientHash !== e.clientHash) return this.#fail(e.seq, 'ALTERED');
    this.#headHash = e.clientHash;
    this.#headSeq = e.seq;
    this.#entries += 1;
  }

  finish(): ChainVerification {
    const anchor = this.#anchor;
    if (!this.#failure && anchor) {
      const { head, batch } = anchor;
      const named = batch.clients.some((c) => c.kimClientId === head.kimClientId && c.entries === head.entries && c.headHash === head.headHash);
      if (!named || !anchorIsSigned(this.#key, batch)) this.#fail(batch.seq, 'FORGED_ANCHOR');
      else if (this.#entries < head.entries) this.#fail(batch.seq, 'TRUNCATED');
      else if (this.#entries !== head.entries || this.#headHash !== head.headHash) this.#fail(batch.seq, 'ANCHOR_MISMATCH');
    }
    if (!this.#failure && this.#firstUnanchored !== null) this.#fail(this.#firstUnanchored, 'UNANCHORED');
    return result(this.#failure, this.#entries, this.#headSeq, this.#headHash);
  }

  #fail(seq: bigint, problem: ChainProblem): void {
    this.#failure = { seq, problem };
  }
}

/** Whether this service's audit key signed exactly this anchor. */
export function anchorIsSigned(key: AuditVerifyingKey, anchor: SignedAnchor): boolean {
  return anchor.keyId === key.keyId && key.verify(anchorMessage(anchor), anchor.signature);
}

function result(failure: Failure | null, entries: number, headSeq: bigint | null, headHash: string): ChainVerification {
  return { valid: failure === null, entries, firstBrokenSeq: failure?.seq ?? null, problem: failure?.problem ?? null, headSeq, headHash };
}
