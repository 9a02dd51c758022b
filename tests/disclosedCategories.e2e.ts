import type { DataCategory } from '@kim/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeGrants } from '../consent/src/grants/storeGrants.testSupport.ts';
import { errorCodes, startTestHub, type TestHub } from './support/testHub.ts';

/**
 * Issue 14, item 4: a field carries every category its value discloses. The jobcenter's statutory
 * access to RESIDENCE data (§ 50 SGB II with § 69 SGB X) must not show the asylum history, which
 * the statute does not list: the statute a title was issued under ("§ 55 AsylG") and the history
 * of titles (a past Aufenthaltsgestattung) are ASYLUM_PROCEDURE data too. Likewise the jobcenter's
 * record id is the benefit case's number: it tells that a case exists (BENEFITS).
 */
let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub('disclosed-categories', 30);
});
afterAll(async () => {
  await hub?.stop();
});

let grants = 0;
/** A consent of one client to Caritas for one category, for migration counselling. */
async function grantToCaritas(kimClientId: string, category: DataCategory) {
  grants += 1;
  await storeGrants(hub.services.consent.owner.sql, hub.auditKey, [
    { id: `DISCLOSED-${grants}`, kimClientId, grantee: 'CARITAS', categories: [category], purposes: ['MIGRATION_COUNSELLING'], validFrom: new Date(Date.now() - 86_400_000) },
  ]);
}

describe('fields that disclose another category (issue 14, item 4)', () => {
  it('keep the asylum history from a jobcenter that may read residence data only', async () => {
    // K-000001 came as an asylum seeker (a Gestattung under § 55 AsylG), holds an Aufenthaltserlaubnis now.
    // KIM Neuss, with the client's consent to residence and asylum data, sees the history.
    const kim = await hub.query('cm-neuss', '{ client(id: "K-000001") { residenceTitles { titleType legalBasis } } }');
    const history = (kim.body.data?.client as { residenceTitles: { titleType: string; legalBasis: string }[] }).residenceTitles;
    expect(history.map((t) => t.legalBasis)).toContain('§ 55 AsylG');

    // The jobcenter reads residence data only on the client's consent since issue 13 dropped the
    // statutory entry without a norm (§ 50 SGB II with § 69 SGB X): a consent to residence data
    // alone, not to asylum data.
    await storeGrants(hub.services.consent.owner.sql, hub.auditKey, [
      { id: 'DISCLOSED-RESIDENCE', kimClientId: 'K-000001', grantee: 'JOBCENTER', categories: ['RESIDENCE'], purposes: ['BENEFITS_ADMINISTRATION'], validFrom: new Date(Date.now() - 86_400_000) },
    ]);
    const response = await hub.query(
      'jobcenter',
      '{ client(id: "K-000001") { currentResidenceTitleType workPermitted currentResidenceTitle { titleType legalBasis validFrom } residenceTitles { titleType legalBasis } asylumProcedure { state } } }',
      undefined,
      { purpose: 'BENEFITS_ADMINISTRATION' },
    );
    const client = response.body.data?.client as Record<string, unknown>;
    // What residence data covers still comes: the current title and whether it permits work.
    expect(client.currentResidenceTitleType).toBe('AUFENTHALTSERLAUBNIS');
    expect(client.workPermitted).not.toBeNull();
    expect(client.currentResidenceTitle).toMatchObject({ titleType: 'AUFENTHALTSERLAUBNIS', legalBasis: null });
    expect(client.residenceTitles).toBeNull();
    expect(client.asylumProcedure).toBeNull();
    expect(errorCodes(response)).toEqual(
      expect.arrayContaining([
        { code: 'CONSENT_REQUIRED', path: 'client.currentResidenceTitle.legalBasis', category: 'ASYLUM_PROCEDURE' },
        { code: 'CONSENT_REQUIRED', path: 'client.residenceTitles', category: 'ASYLUM_PROCEDURE' },
        { code: 'CONSENT_REQUIRED', path: 'client.asylumProcedure', category: 'ASYLUM_PROCEDURE' },
      ]),
    );
    const text = JSON.stringify(response.body);
    expect(text).not.toMatch(/AsylG|AUFENTHALTSGESTATTUNG/);
  });

  it('keep the existence of a benefit case from a reader of identity data', async () => {
    // K-000006 has a benefit case; Caritas gets the client's identity data only.
    await grantToCaritas('K-000006', 'IDENTITY');
    const response = await hub.query('welfare-caritas', '{ client(id: "K-000006") { id givenName jobcenterRecordId } }', undefined, { purpose: 'MIGRATION_COUNSELLING' });
    const client = response.body.data?.client as Record<string, unknown>;
    expect(client.givenName).not.toBeNull();
    expect(client.jobcenterRecordId).toBeNull();
    expect(errorCodes(response)).toEqual([{ code: 'CONSENT_REQUIRED', path: 'client.jobcenterRecordId', category: 'BENEFITS' }]);
  });

  it('keep who manages the client from a reader of case notes only', async () => {
    // A note's author is a case manager's id, as caseManager.id: case-management data.
    await grantToCaritas('K-000001', 'CASE_NOTES');
    const response = await hub.query('welfare-caritas', '{ client(id: "K-000001") { notes { text author } caseManager { id } } }', undefined, { purpose: 'MIGRATION_COUNSELLING' });
    const notes = (response.body.data?.client as { notes: { text: string; author: string | null }[] }).notes;
    expect(notes.length).toBeGreaterThan(0);
    expect(notes.every((n) => n.text.length > 0 && n.author === null)).toBe(true);
    expect(errorCodes(response).every((e) => e.code === 'CONSENT_REQUIRED' && e.category === 'CASE_MANAGEMENT')).toBe(true);
    expect(JSON.stringify(response.body)).not.toMatch(/cm-neuss/);
  });
});
