import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newAuditKey } from '../audit/chainFixture.testSupport.ts';
import { verifyChain } from '../audit/verifyChain.ts';
import { loadGrantEvents } from '../context.ts';
import { openConsentTestDatabase, type ConsentTestDatabase } from '../testDatabase.testSupport.ts';
import { chainPendingGrantEvents } from './grantEvents.ts';
import { deriveState } from './grantState.ts';

// A database of the version before the event log, with grants as they were kept then (a revoked
// one among them), upgraded: no history lost, the state the same, every event in the chain.
// On PGlite, or on PostgreSQL when KIM_TEST_DATABASE_URL is set.

const key = newAuditKey();
let test: ConsentTestDatabase;
const day = 86_400_000;
const recorded = new Date(Date.now() - 60 * day);
const revoked = new Date(Date.now() - 2 * day);

beforeAll(async () => {
  test = await openConsentTestDatabase('grantmigration', { before: '20261207121533_grant_events' });
  const old = `INSERT INTO "Grant" ("id", "kimClientId", "grantee", "categories", "purposes", "legalBasis", "evidenceRef", "validFrom", "validUntil", "revokedAt", "revokedBy", "revocationReason", "recordedBy", "recordedAt")
    VALUES ($1, $2, 'JOBCENTER', ARRAY['EDUCATION_LANGUAGE'], ARRAY['LABOUR_MARKET_INTEGRATION'], 'CONSENT', 'EV-2025-1', $3, $4, $5, $6, $7, 'cm-neuss-1', $3)`;
  await test.db.sql.query(old, ['G-OLD-1', 'K-1', recorded.toISOString(), null, null, null, null]);
  await test.db.sql.query(old, ['G-OLD-2', 'K-2', recorded.toISOString(), null, revoked.toISOString(), 'cm-neuss-2', 'Klient hat widerrufen']);
  await test.db.sql.query(old, ['G-OLD-3', 'K-2', recorded.toISOString(), new Date(Date.now() - day).toISOString(), null, null, null]);
  await test.migrateRest();
});
afterAll(async () => {
  await test?.close();
});

describe('upgrading grants of before the event log', () => {
  it('turns each into events — recorded, and withdrawn with who, when and why — that the service chains at start', async () => {
    const events = await loadGrantEvents(test.prisma, { clientIds: ['K-1', 'K-2'] });
    expect(events.map((e) => [e.grantId, e.type, e.at.toISOString(), e.subject, e.reason, e.hash])).toEqual([
      ['G-OLD-1', 'RECORDED', recorded.toISOString(), 'cm-neuss-1', null, null],
      ['G-OLD-2', 'RECORDED', recorded.toISOString(), 'cm-neuss-1', null, null],
      ['G-OLD-3', 'RECORDED', recorded.toISOString(), 'cm-neuss-1', null, null],
      ['G-OLD-2', 'WITHDRAWN', revoked.toISOString(), 'cm-neuss-2', 'Klient hat widerrufen', null],
    ]);
    expect(await chainPendingGrantEvents(test.db.sql, key)).toBe(4);
    expect(await chainPendingGrantEvents(test.db.sql, key)).toBe(0);
    const chained = await loadGrantEvents(test.prisma, { clientIds: ['K-1', 'K-2'] });
    expect(chained.every((e) => e.hash !== null)).toBe(true);
    const grants = await test.prisma.grant.findMany({ orderBy: { id: 'asc' } });
    const now = new Date();
    expect(grants.map((g) => deriveState(g, chained.filter((e) => e.grantId === g.id).map((e) => ({ ...e, chained: true })), now).state)).toEqual(['ACTIVE', 'WITHDRAWN', 'EXPIRED']);
    expect(await verifyChain(test.prisma, key)).toMatchObject({ valid: true, entries: 4 });
  });
});
