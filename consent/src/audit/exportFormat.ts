import type { ChainProblem, ChainedEntry } from './chainChecker.ts';
import { canonicalJson } from './canonicalJson.ts';
import type { grantEventDocument } from './grantEventHash.ts';

/** The format tag of an audit export; also the prefix of what its signature covers. */
export const EXPORT_FORMAT = 'kim-audit-export/1';

/** One audit entry as exported: every stored field, times as ISO strings, seq as a decimal string. */
export interface ExportedEntry {
  readonly seq: string;
  readonly at: string;
  readonly requestId: string;
  readonly subject: string;
  readonly agency: string;
  readonly role: string;
  readonly purpose: string;
  readonly service: string;
  readonly clientId: string;
  readonly category: string;
  readonly allowed: boolean;
  readonly reason: string;
  readonly basis: string | null;
  readonly grantId: string | null;
  /** Only where the entry has one (see AuditRecord.grantEventHash). */
  readonly grantEventHash?: string;
  /** Only on the entry of a request in the individual case. */
  readonly transferReason?: string | null;
  readonly fileReference?: string | null;
  readonly prevHash: string;
  readonly hash: string;
  readonly clientPrevHash: string;
  readonly clientHash: string;
}

/** What the consent service signs: one client's whole trail, and where both chains stood. */
export interface AuditExportPayload {
  readonly format: typeof EXPORT_FORMAT;
  readonly clientId: string;
  /**
   * The pseudonym the client's entries carry (`AuditPseudonym`), absent where they carry the id
   * itself (entries from before pseudonyms). Signed with the rest: the export ties the two.
   */
  readonly pseudonym?: string;
  readonly exportedAt: string;
  /** The audit key that signs this export (see AuditVerifyingKey.keyId). */
  readonly keyId: string;
  readonly entries: readonly ExportedEntry[];
  /**
   * The client's consent record: every event of every grant, each with its grant's record as it
   * stands now and the hash the chain holds for it (the offline verifier recomputes each).
   */
  readonly grantEvents?: readonly ExportedGrantEvent[];
  /** The client's chain after the last entry: how many entries, and the last clientHash. */
  readonly clientHead: { readonly entries: number; readonly hash: string };
  /** The whole chain at export time, from its latest anchor: keep it to check later that the chain still holds it. */
  readonly globalHead: { readonly seq: string; readonly entries: string; readonly hash: string };
  /** The service's own verification of the client's chain, done in the same snapshot. */
  readonly chainVerified: { readonly valid: boolean; readonly problem: ChainProblem | null; readonly firstBrokenSeq: string | null };
}

/** One grant event as exported: the document its hash covers (see grantEventHash.ts), and that hash. */
export interface ExportedGrantEvent {
  readonly seq: string;
  readonly auditSeq: string | null;
  readonly hash: string | null;
  readonly document: ReturnType<typeof grantEventDocument>;
}

export interface SignedAuditExport {
  readonly payload: AuditExportPayload;
  readonly signature: { readonly algorithm: 'Ed25519'; readonly value: string };
}

/** What an export's signature covers: the format tag, then the payload as canonical JSON. */
export function exportMessage(payload: AuditExportPayload): string {
  return `${EXPORT_FORMAT}\n${canonicalJson(payload)}`;
}

/** An entry as exported: the stored row with its seq and time as strings. */
export function exportedEntry(row: ChainedEntry): ExportedEntry {
  return {
    seq: row.seq.toString(),
    at: row.at.toISOString(),
    requestId: row.requestId,
    subject: row.subject,
    agency: row.agency,
    role: row.role,
    purpose: row.purpose,
    service: row.service,
    clientId: row.kimClientId,
    category: row.category,
    allowed: row.allowed,
    reason: row.reason,
    basis: row.basis,
    grantId: row.grantId,
    ...(row.grantEventHash ? { grantEventHash: row.grantEventHash } : {}),
    ...(row.transferReason != null || row.fileReference != null ? { transferReason: row.transferReason ?? null, fileReference: row.fileReference ?? null } : {}),
    prevHash: row.prevHash,
    hash: row.hash,
    clientPrevHash: row.clientPrevHash,
    clientHash: row.clientHash,
  };
}
