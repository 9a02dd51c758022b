import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openConsentTestDatabase, type ConsentTestDatabase } from '../testDatabase.testSupport.ts';
import { TAKE_CHAIN_LOCK, appendAudit, chainHeadRows, chainHeads, type ChainHeadRow } from './appendAudit.ts';
import { auditRecord, buildChain, newAuditKey } from './chainFixture.testSupport.ts';
import { verifyChain, verifyClientChain } from './verifyChain.ts';

// A database of the version before pseudonyms, whose audit rows name clients by their id,
// upgraded: no history lost, every chain still verifies, and those clients' chains continue under
// their id while a new client is chained under a random pseudonym. On PGlite, or on PostgreSQL
// when KIM_TEST_DATABASE_URL is set.

const key = newAuditKey();
let test: ConsentTestDatabase;

beforeAll(async () => {
  test = await openConsentTestDatabase('pseudonymmigration', { before: '20261207150628_audit_pseudonyms' });
  const old = buildChain(key, [[auditRecord('K-1', 'IDENTITY'), auditRecord('K-2', 'IDENTITY')], [auditRecord('K-1', 'HEALTH')]]);
  await test.prisma.auditEntry.createMany({ data: old.entries.map((e) => ({ ...e, grantEventHash: null })) });
  await test.prisma.auditAnchor.createMany({ data: old.anchors.map(({ clients: _, ...a }) => a) });
  await test.prisma.auditClientAnchor.createMany({ data: old.anchors.flatMap((a) => a.clients.map((c) => ({ seq: a.seq, ...c }))) });
  await test.db.sql.query(`SELECT setval(pg_get_serial_sequence('"AuditEntry"', 'seq'), (SELECT max("seq") FROM "AuditEntry"))`);
  await test.migrateRest();
});
afterAll(async () => {
  await test?.close();
});

describe('upgrading an audit log of before pseudonyms', () => {
  it('keeps every row and its hashes, and each chain verifies', async () => {
    expect(await test.prisma.auditEntry.count()).toBe(3);
    expect(await verifyChain(test.prisma, key)).toMatchObject({ valid: true, entries: 3 });
    expect(await verifyClientChain(test.prisma, key, 'K-1')).toMatchObject({ valid: true, entries: 2 });
    expect(await test.prisma.auditPseudonym.findMany({ orderBy: { kimClientId: 'asc' }, select: { kimClientId: true, pseudonym: true } })).toEqual([
      { kimClientId: 'K-1', pseudonym: 'K-1' },
      { kimClientId: 'K-2', pseudonym: 'K-2' },
    ]);
  });

  it('continues an old client\'s chain under its id, and chains a new client under a random pseudonym', async () => {
    const at = new Date();
    await test.db.sql.transaction(
      async (tx) => {
        const heads = await tx.query<ChainHeadRow>(chainHeadRows('$1'), [['K-1', 'K-3']]);
        await appendAudit(tx, key, at, [auditRecord('K-1', 'CASE_MANAGEMENT', { at }), auditRecord('K-3', 'IDENTITY', { at })], chainHeads(heads));
      },
      { timeoutMs: 5_000, opening: TAKE_CHAIN_LOCK },
    );
    const rows = (await test.prisma.auditEntry.findMany({ orderBy: { seq: 'desc' }, take: 2, select: { kimClientId: true } })).reverse();
    expect(rows[0]!.kimClientId).toBe('K-1');
    expect(rows[1]!.kimClientId).toMatch(/^P-[0-9a-f-]{36}$/);
    expect(await verifyChain(test.prisma, key)).toMatchObject({ valid: true, entries: 5 });
    expect(await verifyClientChain(test.prisma, key, 'K-1')).toMatchObject({ valid: true, entries: 3 });
    expect(await verifyClientChain(test.prisma, key, 'K-3')).toMatchObject({ valid: true, entries: 1 });
  });
});
