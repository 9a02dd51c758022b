import type { AuditVerifyingKey } from './auditKey.ts';
import { GENESIS_HASH, entryHashes } from './chainHash.ts';
import { grantEventDocumentHash } from './grantEventHash.ts';
import { EXPORT_FORMAT, exportMessage, type AuditExportPayload, type ExportedEntry } from './exportFormat.ts';

export interface ExportVerification {
  readonly valid: boolean;
  readonly clientId: string | null;
  readonly entries: number;
  /** What is wrong, one line each, for people; empty when valid. */
  readonly problems: readonly string[];
}

const HASH = /^[0-9a-f]{64}$/;
const SEQ = /^\d{1,19}$/;
const MAX_PROBLEMS = 20;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const isNullableString = (v: unknown): v is string | null => v === null || typeof v === 'string';

const ENTRY_STRINGS = ['seq', 'at', 'requestId', 'subject', 'agency', 'role', 'purpose', 'service', 'clientId', 'category', 'reason', 'prevHash', 'hash', 'clientPrevHash', 'clientHash'] as const;

function isEntry(v: unknown): v is ExportedEntry {
  return (
    isObject(v) && ENTRY_STRINGS.every((k) => isString(v[k])) && typeof v.allowed === 'boolean' && isNullableString(v.basis) && isNullableString(v.grantId) &&
    (v.grantEventHash === undefined || isString(v.grantEventHash)) &&
    (v.transferReason === undefined || isNullableString(v.transferReason)) && (v.fileReference === undefined || isNullableString(v.fileReference))
  );
}

/**
 * Each exported grant event must give, recomputed from its document, the hash that its own chain
 * entry in the export holds; and every decision that names a grant event must name one of the
 * exported events of its grant.
 */
function grantEventProblems(payload: AuditExportPayload): string[] {
  const events = payload.grantEvents ?? [];
  if (!Array.isArray(events)) return ['grantEvents are malformed'];
  const problems: string[] = [];
  const entryBySeq = new Map(payload.entries.map((e) => [e.seq, e]));
  const hashesOfGrant = new Map<string, Set<string>>();
  for (const ev of events) {
    if (!isObject(ev) || !isObject(ev.document) || !isObject(ev.document.event)) {
      problems.push('a grant event is malformed');
      continue;
    }
    const computed = grantEventDocumentHash(ev.document);
    const grantId = String(ev.document.event.grantId);
    hashesOfGrant.set(grantId, (hashesOfGrant.get(grantId) ?? new Set()).add(computed));
    const entry = isString(ev.auditSeq) ? entryBySeq.get(ev.auditSeq) : undefined;
    if (!entry) problems.push(`grant event ${String(ev.seq)}: no entry of the chain holds it`);
    else if (entry.grantEventHash !== computed || ev.hash !== computed) problems.push(`grant event ${String(ev.seq)}: its content does not give the hash the chain holds (altered)`);
  }
  for (const e of payload.entries) {
    if (!e.grantEventHash || e.reason.startsWith('GRANT_')) continue;
    if (!e.grantId || !hashesOfGrant.get(e.grantId)?.has(e.grantEventHash)) problems.push(`entry ${e.seq}: rests on a grant event the export does not hold as it was`);
  }
  return problems.slice(0, MAX_PROBLEMS);
}

/** The payload's shape, checked field by field: the document comes from outside. */
function shapeProblem(payload: unknown): string | null {
  if (!isObject(payload)) return 'payload is missing';
  if (payload.format !== EXPORT_FORMAT) return `format is not ${EXPORT_FORMAT}`;
  if (!isString(payload.clientId) || !isString(payload.exportedAt) || !isString(payload.keyId)) return 'clientId, exportedAt or keyId is missing';
  if (payload.pseudonym !== undefined && !isString(payload.pseudonym)) return 'pseudonym is malformed';
  if (!Array.isArray(payload.entries) || !payload.entries.every(isEntry)) return 'entries are malformed';
  const { clientHead, globalHead, chainVerified } = payload;
  if (!isObject(clientHead) || !Number.isInteger(clientHead.entries) || !isString(clientHead.hash)) return 'clientHead is malformed';
  if (!isObject(globalHead) || !isString(globalHead.seq) || !SEQ.test(globalHead.seq) || !isString(globalHead.entries) || !SEQ.test(globalHead.entries) || !isString(globalHead.hash)) {
    return 'globalHead is malformed';
  }
  if (!isObject(chainVerified) || typeof chainVerified.valid !== 'boolean') return 'chainVerified is malformed';
  return null;
}

/** Recomputes the client's chain from the genesis hash: every link, both hashes of every entry. */
function chainProblems(payload: AuditExportPayload): string[] {
  const problems: string[] = [];
  let clientHash = GENESIS_HASH;
  let lastSeq = -1n;
  for (const e of payload.entries) {
    if (problems.length >= MAX_PROBLEMS) break;
    const at = new Date(e.at);
    if (!SEQ.test(e.seq) || Number.isNaN(at.getTime()) || at.toISOString() !== e.at || !HASH.test(e.hash) || !HASH.test(e.clientHash)) {
      problems.push(`entry ${e.seq}: malformed`);
      continue;
    }
    const seq = BigInt(e.seq);
    if (seq <= lastSeq) problems.push(`entry ${e.seq}: out of order`);
    if (e.clientId !== (payload.pseudonym ?? payload.clientId)) problems.push(`entry ${e.seq}: belongs to another client`);
    const record = { ...e, at, kimClientId: e.clientId, grantEventHash: e.grantEventHash ?? null };
    if (e.clientPrevHash !== clientHash) problems.push(`entry ${e.seq}: does not follow the entry before it in the client's chain`);
    const computed = entryHashes(record);
    if (computed.clientHash !== e.clientHash) problems.push(`entry ${e.seq}: its fields do not give its client hash (altered)`);
    if (computed.hash !== e.hash) problems.push(`entry ${e.seq}: its fields do not give its hash (altered)`);
    clientHash = e.clientHash;
    lastSeq = seq;
  }
  if (payload.clientHead.entries !== payload.entries.length || payload.clientHead.hash !== clientHash) {
    problems.push(`the client head says ${payload.clientHead.entries} entries ending in ${payload.clientHead.hash.slice(0, 12)}…; the entries give ${payload.entries.length} ending in ${clientHash.slice(0, 12)}…`);
  }
  if (payload.entries.length > 0 && BigInt(payload.globalHead.seq) < lastSeq) problems.push('the global head is older than the last entry');
  return problems;
}

/**
 * Verifies an audit export offline, with nothing but the consent service's public key: the
 * signature over the canonical payload, then every hash and link of the client's chain, recomputed.
 * Pure: no database, no network. Any change to the document (an entry edited, dropped, added or
 * moved, a head changed) fails it.
 */
export function verifyAuditExport(document: unknown, key: AuditVerifyingKey): ExportVerification {
  const doc = isObject(document) ? document : {};
  const shape = shapeProblem(doc.payload);
  if (shape) return { valid: false, clientId: null, entries: 0, problems: [`not an audit export: ${shape}`] };
  const payload = doc.payload as unknown as AuditExportPayload;
  const problems: string[] = [];
  const signature = isObject(doc.signature) ? doc.signature : {};
  if (payload.keyId !== key.keyId) problems.push(`signed with key ${payload.keyId}, not with the key given (${key.keyId})`);
  else if (signature.algorithm !== 'Ed25519' || !isString(signature.value) || !key.verify(exportMessage(payload), signature.value)) {
    problems.push('the signature does not match the content: the export was changed after signing, or not signed by this key');
  }
  if (!payload.chainVerified.valid) problems.push(`the consent service found the chain broken when exporting (${String(payload.chainVerified.problem)} at ${String(payload.chainVerified.firstBrokenSeq)})`);
  problems.push(...chainProblems(payload));
  problems.push(...grantEventProblems(payload));
  return { valid: problems.length === 0, clientId: payload.clientId, entries: payload.entries.length, problems };
}
