import { describe, expect, it } from 'vitest';
import { canonicalRecord, chainHash, entryHashes, linkHash, type AuditRecord } from './chainHash.ts';

const record: AuditRecord = {
  at: new Date('2026-11-25T22:00:00.123Z'),
  requestId: 'r-1',
  subject: 'cm-neuss',
  agency: 'KIM_NEUSS',
  role: 'CASE_MANAGER',
  purpose: 'CASE_MANAGEMENT',
  service: 'case-registry',
  kimClientId: 'K-000001',
  category: 'IDENTITY',
  allowed: true,
  reason: 'OWNER',
  basis: 'SGB_XII_KIM',
  grantId: null,
};

describe('chainHash', () => {
  it('gives the hashes every chain written so far holds (values fixed before the one-shot hash)', () => {
    // Computed with the createHash → update(prev) → update('\n') → update(canonical) version:
    // a change here would make every stored chain fail its verification.
    expect(chainHash('0'.repeat(64), record)).toBe('97792d4d6afda8ba3e96a1bd0b4cc347e1d1fe0bd614ec326f785cbb1cea001d');
    expect(chainHash('ab'.repeat(32), { ...record, allowed: false, reason: 'NO_BASIS', basis: null, grantId: 'G-ü' })).toBe(
      '313123ff490280373925d0ff0f1fe6e85f23450035b3ee661750ad2b7b03db77',
    );
  });

  it('links a canonical form computed once exactly as it links the record', () => {
    expect(linkHash('cd'.repeat(32), canonicalRecord(record))).toBe(chainHash('cd'.repeat(32), record));
    expect(entryHashes({ ...record, prevHash: 'cd'.repeat(32), clientPrevHash: '0'.repeat(64) })).toEqual({
      hash: chainHash('cd'.repeat(32), record),
      clientHash: '97792d4d6afda8ba3e96a1bd0b4cc347e1d1fe0bd614ec326f785cbb1cea001d',
    });
  });
});
