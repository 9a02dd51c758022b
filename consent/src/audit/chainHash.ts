import { hash } from 'node:crypto';

/** The hash a chain starts from. */
export const GENESIS_HASH = '0'.repeat(64);

/** What an audit row says; never a data value, only who, what category, which decision, why. */
export interface AuditRecord {
  readonly at: Date;
  readonly requestId: string;
  readonly subject: string;
  readonly agency: string;
  readonly role: string;
  readonly purpose: string;
  readonly service: string;
  readonly kimClientId: string;
  readonly category: string;
  readonly allowed: boolean;
  readonly reason: string;
  readonly basis: string | null;
  readonly grantId: string | null;
  /**
   * A grant event's entry: the event's hash; a decision that rested on a grant: its latest
   * event's hash. Absent (null) otherwise, and then not part of the canonical form, so that rows
   * from before the field keep their hashes.
   */
  readonly grantEventHash?: string | null;
}

/**
 * Every field of a row in a fixed order, as the hashes read it: a JSON array. `atIso` is
 * `r.at.toISOString()`, passed in by callers that have it already.
 */
export function canonicalRecord(r: AuditRecord, atIso: string = r.at.toISOString()): string {
  const fields = [
    atIso,
    r.requestId,
    r.subject,
    r.agency,
    r.role,
    r.purpose,
    r.service,
    r.kimClientId,
    r.category,
    r.allowed,
    r.reason,
    r.basis,
    r.grantId,
  ];
  if (r.grantEventHash) fields.push(r.grantEventHash);
  return JSON.stringify(fields);
}

/**
 * The link of one row: SHA-256 over the previous row's hash and every field of this row in a
 * fixed order. Changing, removing or reordering any row changes every hash after it.
 */
export function chainHash(prevHash: string, r: AuditRecord): string {
  return linkHash(prevHash, canonicalRecord(r));
}

/**
 * `chainHash` for a row's canonical form computed once: each row is linked into two chains
 * (global and its client's), over the same fields. One-shot `hash` (not createHash → update →
 * digest: a third of the CPU per row here); the bytes hashed are the same.
 */
export function linkHash(prevHash: string, canonical: string): string {
  return hash('sha256', `${prevHash}\n${canonical}`, 'hex');
}

/**
 * The hash and client hash an entry's fields give after its two links (its canonical form built
 * once): what a checker compares with the hashes the entry carries.
 */
export function entryHashes(e: AuditRecord & { readonly prevHash: string; readonly clientPrevHash: string }): { hash: string; clientHash: string } {
  const canonical = canonicalRecord(e);
  return { hash: linkHash(e.prevHash, canonical), clientHash: linkHash(e.clientPrevHash, canonical) };
}
