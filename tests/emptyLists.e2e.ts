import type { DataCategory, Purpose } from '@kim/schema';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { removeGrants, storeGrants } from '../consent/src/grants/storeGrants.testSupport.ts';
import { startTestHub, type TestHub } from './support/testHub.ts';

/**
 * Issue 14, item 1: `[]` is an answer too. A list field of a client must answer the same for a
 * client with no rows of its category whatever the client has in other categories — else an
 * empty list where another client gets `null` tells that hidden rows exist (counselling, under
 * professional secrecy, or a benefit case).
 */
let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub('empty-lists', 30);
});
afterAll(async () => {
  await hub?.stop();
});

const GRANT_PREFIX = 'EMPTY-';
beforeEach(async () => {
  await removeGrants(hub.services.consent.owner.sql, GRANT_PREFIX);
});

/** A grant of `categories` of each client to the immigration office for naturalisation. */
async function grantToOffice(clientIds: readonly string[], categories: readonly DataCategory[], purpose: Purpose = 'NATURALISATION_PROCEDURE') {
  await storeGrants(
    hub.services.consent.owner.sql,
    hub.auditKey,
    clientIds.map((kimClientId, i) => ({
      id: `${GRANT_PREFIX}${i}-${kimClientId}`,
      kimClientId,
      grantee: 'IMMIGRATION_OFFICE',
      categories: [...categories],
      purposes: [purpose],
      validFrom: new Date(Date.now() - 86_400_000),
    })),
  );
}

type Clients = Record<string, Record<string, unknown> | null>;

async function askOffice(query: string): Promise<Clients> {
  const response = await hub.query('abh', query, undefined, { purpose: 'NATURALISATION_PROCEDURE' });
  expect(response.status).toBe(200);
  return response.body.data as Clients;
}

describe('an empty list (issue 14, item 1)', () => {
  it('does not tell the immigration office that a client is in counselling', async () => {
    // K-000018 has no welfare record at all; K-000006 only counselling contacts (secret to the office).
    await grantToOffice(['K-000018', 'K-000006'], ['EDUCATION_LANGUAGE']);
    const data = await askOffice('{ a: client(id: "K-000018") { id languageCourses { id } } b: client(id: "K-000006") { id languageCourses { id } } }');
    expect(data).toEqual({ a: { id: 'K-000018', languageCourses: null }, b: { id: 'K-000006', languageCourses: null } });
  });

  it('does not tell a housing reader that a health need exists', async () => {
    // K-000001 has a health need and no housing need; K-000018 has neither.
    await grantToOffice(['K-000018', 'K-000001'], ['HOUSING']);
    const data = await askOffice('{ a: client(id: "K-000018") { id housingNeeds { id } } b: client(id: "K-000001") { id housingNeeds { id } } }');
    expect(data).toEqual({ a: { id: 'K-000018', housingNeeds: null }, b: { id: 'K-000001', housingNeeds: null } });
  });

  it('does not tell an employment reader that a benefit case exists', async () => {
    // K-000006 has a benefit case without measures or placements; K-000002 no case at all.
    await grantToOffice(['K-000002', 'K-000006'], ['EMPLOYMENT']);
    const data = await askOffice(
      '{ a: client(id: "K-000002") { id measures { type } placements { kind } } b: client(id: "K-000006") { id measures { type } placements { kind } } }',
    );
    expect(data).toEqual({ a: { id: 'K-000002', measures: null, placements: null }, b: { id: 'K-000006', measures: null, placements: null } });
  });

  it('still answers the rows where there are some', async () => {
    // K-000001: two language courses, a measure.
    await grantToOffice(['K-000001'], ['EDUCATION_LANGUAGE', 'EMPLOYMENT']);
    const data = await askOffice('{ c: client(id: "K-000001") { languageCourses { id } measures { type } } }');
    expect((data.c?.languageCourses as unknown[]).length).toBeGreaterThan(0);
    expect((data.c?.measures as unknown[]).length).toBeGreaterThan(0);
  });
});
