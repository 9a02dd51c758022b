import { describe, expect, it } from 'vitest';
import { anchorMessage } from './anchor.ts';
import { ClientChainChecker, type ChainVerification } from './chainChecker.ts';
import { chainHash } from './chainHash.ts';
import { auditRecord, buildChain, checkChain, newAuditKey, type BuiltChain } from './chainFixture.testSupport.ts';
import { linkBatch } from './linkBatch.ts';

const key = newAuditKey();
const at = (minute: number) => new Date(Date.UTC(2026, 10, 25, 10, minute));
// Three requests: K-1 and K-2 asked together, then K-1 alone, then K-2 and K-3.
const batches = [
  [auditRecord('K-1', 'IDENTITY', { at: at(1) }), auditRecord('K-2', 'IDENTITY', { at: at(1) }), auditRecord('K-1', 'HEALTH', { at: at(1) })],
  [auditRecord('K-1', 'EDUCATION_LANGUAGE', { at: at(2), allowed: true, reason: 'GRANT', basis: 'CONSENT', grantId: 'G-1' })],
  [auditRecord('K-2', 'BENEFITS', { at: at(3) }), auditRecord('K-3', 'IDENTITY', { at: at(3) })],
];
const fresh = (): BuiltChain => buildChain(key, batches);
const failure = (r: ChainVerification) => ({ problem: r.problem, at: r.firstBrokenSeq });

describe('ChainChecker (the whole chain)', () => {
  it('passes a chain appended as the service appends it, and reports its head', () => {
    const chain = fresh();
    const result = checkChain(key, chain);
    expect(result).toMatchObject({ valid: true, entries: 6, problem: null, firstBrokenSeq: null, headSeq: chain.entries[5]!.seq });
    expect(result.headHash).toBe(chain.anchors[2]!.headHash);
  });

  it('finds an edited entry', () => {
    const chain = fresh();
    chain.entries[1] = { ...chain.entries[1]!, allowed: true };
    expect(failure(checkChain(key, chain))).toEqual({ problem: 'ALTERED', at: chain.entries[1]!.seq });
  });

  it('finds a removed entry at the entry after it', () => {
    const chain = fresh();
    const [removed] = chain.entries.splice(1, 1);
    expect(failure(checkChain(key, chain))).toEqual({ problem: 'BROKEN_LINK', at: removed!.seq + 1n });
  });

  it('finds two entries swapped (reordered)', () => {
    const chain = fresh();
    const [a, b] = [chain.entries[0]!, chain.entries[1]!];
    chain.entries[0] = { ...b, seq: a.seq };
    chain.entries[1] = { ...a, seq: b.seq };
    expect(failure(checkChain(key, chain))).toEqual({ problem: 'BROKEN_LINK', at: a.seq });
  });

  it('finds a tail cut off below its last anchor', () => {
    const chain = fresh();
    chain.entries.splice(4);
    expect(failure(checkChain(key, chain))).toEqual({ problem: 'TRUNCATED', at: chain.anchors[2]!.seq });
  });

  it('finds a removed anchored entry inside the chain', () => {
    const chain = fresh();
    const anchored = chain.entries.findIndex((e) => e.seq === chain.anchors[0]!.seq);
    chain.entries.splice(anchored, 1);
    expect(failure(checkChain(key, chain))).toEqual({ problem: 'BROKEN_LINK', at: chain.entries[anchored]!.seq });
  });

  it('finds a history rewritten consistently (every hash recomputed) by anyone without the key', () => {
    const chain = fresh();
    const records = batches.flat().map((r, i) => (i === 0 ? { ...r, allowed: true, reason: 'GRANT' } : r));
    const relinked = linkBatch({ headHash: chain.entries[0]!.prevHash, entries: 0n, clients: new Map() }, records);
    const rewritten = { entries: relinked.rows.map((row, i) => ({ ...row, seq: chain.entries[i]!.seq })), anchors: chain.anchors };
    expect(failure(checkChain(key, rewritten))).toEqual({ problem: 'ANCHOR_MISMATCH', at: chain.anchors[0]!.seq });
  });

  it('finds an anchor that this key did not sign', () => {
    const chain = fresh();
    const other = newAuditKey();
    const forged = { ...chain.anchors[1]!, keyId: key.keyId };
    chain.anchors[1] = { ...forged, signature: other.sign(anchorMessage(forged)) };
    expect(failure(checkChain(key, chain))).toEqual({ problem: 'FORGED_ANCHOR', at: chain.anchors[1]!.seq });
  });

  it('finds an anchor whose client heads do not match its batch', () => {
    const chain = fresh();
    const wrong = { ...chain.anchors[0]!, clients: chain.anchors[0]!.clients.slice(1) };
    chain.anchors[0] = { ...wrong, signature: key.sign(anchorMessage(wrong)) };
    expect(failure(checkChain(key, chain))).toEqual({ problem: 'ANCHOR_MISMATCH', at: chain.anchors[0]!.seq });
  });

  it('finds entries appended after the last anchor', () => {
    const chain = fresh();
    const last = chain.entries[chain.entries.length - 1]!;
    const extra = auditRecord('K-9', 'IDENTITY');
    chain.entries.push({ ...extra, seq: last.seq + 10n, prevHash: last.hash, hash: chainHash(last.hash, extra), clientPrevHash: '0'.repeat(64), clientHash: chainHash('0'.repeat(64), extra) });
    expect(failure(checkChain(key, chain))).toEqual({ problem: 'UNANCHORED', at: last.seq + 10n });
  });

  it('passes an empty chain', () => {
    expect(checkChain(key, { entries: [], anchors: [] })).toMatchObject({ valid: true, entries: 0, headSeq: null });
  });
});

describe('ClientChainChecker (one client, without the rest)', () => {
  const clientCheck = (chain: BuiltChain, clientId: string) => {
    const anchor = [...chain.anchors].reverse().find((a) => a.clients.some((c) => c.kimClientId === clientId));
    const checker = new ClientChainChecker(key, clientId, anchor ? { head: anchor.clients.find((c) => c.kimClientId === clientId)!, batch: anchor } : null);
    for (const e of chain.entries.filter((x) => x.kimClientId === clientId)) checker.entry(e);
    return checker.finish();
  };

  it('passes each client\'s own chain', () => {
    const chain = fresh();
    expect(clientCheck(chain, 'K-1')).toMatchObject({ valid: true, entries: 3 });
    expect(clientCheck(chain, 'K-2')).toMatchObject({ valid: true, entries: 2 });
    expect(clientCheck(chain, 'K-404')).toMatchObject({ valid: true, entries: 0 });
  });

  it('finds a client\'s entry removed, edited, or its tail cut off', () => {
    const removed = fresh();
    const k1 = removed.entries.filter((e) => e.kimClientId === 'K-1');
    removed.entries.splice(removed.entries.indexOf(k1[1]!), 1);
    expect(failure(clientCheck(removed, 'K-1'))).toEqual({ problem: 'BROKEN_LINK', at: k1[2]!.seq });

    const edited = fresh();
    const i = edited.entries.findIndex((e) => e.kimClientId === 'K-2');
    edited.entries[i] = { ...edited.entries[i]!, purpose: 'RESIDENCE_PROCEDURE' };
    expect(failure(clientCheck(edited, 'K-2'))).toEqual({ problem: 'ALTERED', at: edited.entries[i]!.seq });

    const cut = fresh();
    const lastOfK1 = cut.entries.filter((e) => e.kimClientId === 'K-1').pop()!;
    cut.entries.splice(cut.entries.indexOf(lastOfK1), 1);
    expect(failure(clientCheck(cut, 'K-1'))).toEqual({ problem: 'TRUNCATED', at: lastOfK1.seq });
  });

  it('refuses a client head whose batch anchor was not signed by the key', () => {
    const chain = fresh();
    chain.anchors[2] = { ...chain.anchors[2]!, signature: newAuditKey().sign(anchorMessage(chain.anchors[2]!)) };
    expect(failure(clientCheck(chain, 'K-3'))).toEqual({ problem: 'FORGED_ANCHOR', at: chain.anchors[2]!.seq });
  });
});
