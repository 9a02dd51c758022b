import type { Database } from '@kim/subgraph-runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openConsentTestDatabase, type ConsentTestDatabase } from '../testDatabase.testSupport.ts';
import { sharedClientIds } from './sharedClientIds.ts';

/** On PGlite, or on PostgreSQL when KIM_TEST_DATABASE_URL is set. */
let test: ConsentTestDatabase;
let db: Database;

beforeAll(async () => {
  test = await openConsentTestDatabase('sharedclients');
  db = test.db;
  const base = { grantee: 'JOBCENTER', categories: ['EDUCATION_LANGUAGE'], purposes: ['LABOUR_MARKET_INTEGRATION'], legalBasis: 'CONSENT', evidenceRef: 'EV-1', recordedBy: 'test' };
  const day = 86_400_000;
  const past = new Date(Date.now() - 30 * day);
  await test.prisma.grant.createMany({
    data: [
      { id: 'G-1', kimClientId: 'K-1', ...base, validFrom: past },
      { id: 'G-0', kimClientId: 'K-0', ...base, validFrom: past, validUntil: new Date(Date.now() + day) },
      { id: 'G-2', kimClientId: 'K-2', ...base, validFrom: past, revokedAt: new Date(Date.now() - day), revokedBy: 'test', revocationReason: 'withdrawn' },
      { id: 'G-3', kimClientId: 'K-3', ...base, validFrom: past, validUntil: new Date(Date.now() - day) },
      { id: 'G-4', kimClientId: 'K-4', ...base, validFrom: new Date(Date.now() + day) },
      { id: 'G-5', kimClientId: 'K-5', ...base, grantee: 'CARITAS', validFrom: past },
      { id: 'G-6a', kimClientId: 'K-6', ...base, validFrom: past },
      { id: 'G-6b', kimClientId: 'K-6', ...base, categories: ['REFERRAL'], validFrom: past },
    ],
  });
});
afterAll(async () => {
  await test?.close();
});

describe('sharedClientIds', () => {
  it('lists each client with an active grant to the agency once, sorted: not revoked, begun, not ended', async () => {
    expect(await sharedClientIds(db.sql, 'JOBCENTER')).toEqual(['K-0', 'K-1', 'K-6']);
    expect(await sharedClientIds(db.sql, 'CARITAS')).toEqual(['K-5']);
    expect(await sharedClientIds(db.sql, 'DRK')).toEqual([]);
  });
});
