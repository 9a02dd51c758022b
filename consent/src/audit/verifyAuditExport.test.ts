import { describe, expect, it } from 'vitest';
import { auditVerifyingKey } from './auditKey.ts';
import { auditRecord, buildChain, newAuditKey } from './chainFixture.testSupport.ts';
import { chainHash } from './chainHash.ts';
import { EXPORT_FORMAT, exportMessage, exportedEntry, type AuditExportPayload, type ExportedEntry, type SignedAuditExport } from './exportFormat.ts';
import { verifyAuditExport } from './verifyAuditExport.ts';

const key = newAuditKey();
const publicKey = auditVerifyingKey(key.publicKeyPem);
const chain = buildChain(key, [
  [auditRecord('K-1', 'IDENTITY'), auditRecord('K-2', 'IDENTITY')],
  [auditRecord('K-1', 'EDUCATION_LANGUAGE', { allowed: true, reason: 'GRANT', basis: 'CONSENT', grantId: 'G-1' })],
  [auditRecord('K-2', 'HEALTH'), auditRecord('K-1', 'HEALTH', { requestId: 'req-3' })],
]);
const last = chain.anchors[chain.anchors.length - 1]!;

function payloadFor(clientId: string, entries: ExportedEntry[] = chain.entries.filter((e) => e.kimClientId === clientId).map(exportedEntry)): AuditExportPayload {
  return {
    format: EXPORT_FORMAT,
    clientId,
    exportedAt: '2026-11-25T12:00:00.000Z',
    keyId: key.keyId,
    entries,
    clientHead: { entries: entries.length, hash: entries[entries.length - 1]!.clientHash },
    globalHead: { seq: last.seq.toString(), entries: last.entries.toString(), hash: last.headHash },
    chainVerified: { valid: true, problem: null, firstBrokenSeq: null },
  };
}
const sign = (payload: AuditExportPayload, by = key): SignedAuditExport => ({ payload, signature: { algorithm: 'Ed25519', value: by.sign(exportMessage(payload)) } });
/** A document as a file holds it: parsed JSON, nothing shared with the original objects. */
const asFile = (doc: unknown) => JSON.parse(JSON.stringify(doc)) as { payload: { entries: Record<string, unknown>[] } & Record<string, unknown>; signature: { value: string } };

describe('verifyAuditExport (offline, with the public key only)', () => {
  it('accepts an export as the service signs it, whatever the whitespace of the file', () => {
    const doc = sign(payloadFor('K-1'));
    expect(verifyAuditExport(JSON.parse(JSON.stringify(doc, null, 2)), publicKey)).toEqual({ valid: true, clientId: 'K-1', entries: 3, problems: [] });
  });

  it.each([
    ['an entry edited', (d: ReturnType<typeof asFile>) => void (d.payload.entries[1]!.allowed = false)],
    ['an entry dropped', (d: ReturnType<typeof asFile>) => void d.payload.entries.splice(1, 1)],
    ['the last entry dropped (tail truncated)', (d: ReturnType<typeof asFile>) => void d.payload.entries.pop()],
    ['two entries swapped', (d: ReturnType<typeof asFile>) => void d.payload.entries.reverse()],
    ['an entry added', (d: ReturnType<typeof asFile>) => void d.payload.entries.push({ ...d.payload.entries[0]!, seq: '999' })],
    ['the global head changed', (d: ReturnType<typeof asFile>) => void ((d.payload.globalHead as { seq: string }).seq = '1')],
    ['the client id changed', (d: ReturnType<typeof asFile>) => void (d.payload.clientId = 'K-2')],
    ['the signature changed', (d: ReturnType<typeof asFile>) => void (d.signature.value = key.sign('something else'))],
  ])('refuses a copy with %s', (_what, tamper) => {
    const doc = asFile(sign(payloadFor('K-1')));
    tamper(doc);
    const result = verifyAuditExport(doc, publicKey);
    expect(result.valid).toBe(false);
    expect(result.problems.length).toBeGreaterThan(0);
  });

  it('refuses an export signed with another key, and names both keys', () => {
    const other = newAuditKey();
    const result = verifyAuditExport(asFile(sign({ ...payloadFor('K-1'), keyId: other.keyId }, other)), publicKey);
    expect(result.valid).toBe(false);
    expect(result.problems).toEqual([`signed with key ${other.keyId}, not with the key given (${key.keyId})`]);
  });

  it('recomputes the chain even where the signature holds: an inconsistent trail fails', () => {
    // Only the service can sign; this proves the verifier does not take the signed content on trust.
    const entries = payloadFor('K-2').entries.map((e, i) => (i === 0 ? { ...e, category: 'RESIDENCE' } : e));
    const result = verifyAuditExport(asFile(sign(payloadFor('K-2', entries))), publicKey);
    expect(result.valid).toBe(false);
    expect(result.problems).toEqual([
      `entry ${entries[0]!.seq}: its fields do not give its client hash (altered)`,
      `entry ${entries[0]!.seq}: its fields do not give its hash (altered)`,
    ]);
  });

  it('fails an export in which the service itself reported a broken chain', () => {
    const payload = { ...payloadFor('K-1'), chainVerified: { valid: false, problem: 'BROKEN_LINK' as const, firstBrokenSeq: '3' } };
    expect(verifyAuditExport(asFile(sign(payload)), publicKey).problems).toEqual(['the consent service found the chain broken when exporting (BROKEN_LINK at 3)']);
  });

  it.each([
    ['nothing', null],
    ['an array', []],
    ['a document without payload', { signature: {} }],
    ['another format', { payload: { ...payloadFor('K-1'), format: 'other/1' } }],
    ['entries that are not entries', { payload: { ...payloadFor('K-1'), entries: [{ seq: 1 }] } }],
  ])('says %s is not an audit export', (_what, doc) => {
    const result = verifyAuditExport(doc, publicKey);
    expect(result.valid).toBe(false);
    expect(result.problems[0]).toMatch(/^not an audit export/);
  });

  it('links each entry to its predecessor in the client chain by hash', () => {
    const entries = payloadFor('K-1').entries;
    expect(entries[1]!.clientPrevHash).toBe(entries[0]!.clientHash);
    expect(chainHash(entries[0]!.clientHash, { ...entries[1]!, at: new Date(entries[1]!.at), kimClientId: 'K-1' })).toBe(entries[1]!.clientHash);
  });
});
