import type { Database } from '@kim/service-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openConsentTestDatabase, type ConsentTestDatabase } from '../testDatabase.testSupport.ts';
import { newAuditKey } from '../audit/chainFixture.testSupport.ts';
import { storeGrants } from '../grants/storeGrants.testSupport.ts';
import { sharedClientIds } from './sharedClientIds.ts';

/** On PGlite, or on PostgreSQL when KIM_TEST_DATABASE_URL is set. */
let test: ConsentTestDatabase;
let db: Database;

beforeAll(async () => {
  test = await openConsentTestDatabase('sharedclients');
  db = test.db;
  const base = { grantee: 'JOBCENTER', categories: ['EDUCATION_LANGUAGE'], purposes: ['LABOUR_MARKET_INTEGRATION'] };
  const day = 86_400_000;
  const past = new Date(Date.now() - 30 * day);
  await storeGrants(db.sql, newAuditKey(), [
    { id: 'G-1', kimClientId: 'K-1', ...base, validFrom: past },
    { id: 'G-0', kimClientId: 'K-0', ...base, validFrom: past, validUntil: new Date(Date.now() + day) },
    { id: 'G-2', kimClientId: 'K-2', ...base, validFrom: past, withdrawnAt: new Date(Date.now() - day) },
    { id: 'G-3', kimClientId: 'K-3', ...base, validFrom: past, validUntil: new Date(Date.now() - day) },
    { id: 'G-4', kimClientId: 'K-4', ...base, validFrom: new Date(Date.now() + day) },
    { id: 'G-5', kimClientId: 'K-5', ...base, grantee: 'CARITAS', validFrom: past },
    { id: 'G-6a', kimClientId: 'K-6', ...base, validFrom: past },
    { id: 'G-6b', kimClientId: 'K-6', ...base, categories: ['REFERRAL'], validFrom: past },
    // Refused, and run out but renewed: the events decide.
    { id: 'G-7', kimClientId: 'K-7', ...base, validFrom: past, refused: true },
    { id: 'G-8', kimClientId: 'K-8', ...base, validFrom: past, validUntil: new Date(Date.now() - day), renewedUntil: new Date(Date.now() + day) },
  ]);
});
afterAll(async () => {
  await test?.close();
});

describe('sharedClientIds', () => {
  it('lists each client with an active grant to the agency once, sorted: not revoked, begun, not ended', async () => {
    expect(await sharedClientIds(db.sql, 'JOBCENTER')).toEqual(['K-0', 'K-1', 'K-6', 'K-8']);
    expect(await sharedClientIds(db.sql, 'CARITAS')).toEqual(['K-5']);
    expect(await sharedClientIds(db.sql, 'DRK')).toEqual([]);
  });
});
