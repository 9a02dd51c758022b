import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consentInput } from './support/consentRecord.ts';
import { errorCodes, startTestHub, type TestHub } from './support/testHub.ts';
import { auditRefOf } from './support/auditRows.ts';

// Issue 13, section 2: the client's receipt — a German document that prints to A4, with the
// recipient by name, categories in plain German, purposes, validity, how to withdraw and whom to
// ask — under the same scope as the consent record itself.

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub('consent-receipt', 20);
});
afterAll(async () => {
  await hub?.stop();
});

const RECEIPT = 'query($id: ID!) { consentReceipt(grantId: $id) { grantId mediaType fileName html } }';
type Receipt = { grantId: string; mediaType: string; fileName: string; html: string } | null;

async function record(input: Record<string, unknown>, mutation = 'recordConsent'): Promise<string> {
  const response = await hub.query('cm-neuss', `mutation($input: RecordConsentInput!) { ${mutation}(input: $input) { id } }`, { input });
  expect(response.body.errors).toBeUndefined();
  return (Object.values(response.body.data!)[0] as { id: string }).id;
}
const receipt = async (persona: 'cm-neuss' | 'cm-dormagen' | 'dpo', id: string) => (await hub.query(persona, RECEIPT, { id })).body.data?.consentReceipt as Receipt;

describe('the consent receipt', () => {
  it('says in German who may receive what, what for, until when, how to withdraw and whom to ask, and prints to A4', async () => {
    const id = await record(
      consentInput({
        clientId: 'K-000001',
        grantee: 'JOBCENTER',
        categories: ['EDUCATION_LANGUAGE', 'COUNSELLING'],
        purposes: ['LABOUR_MARKET_INTEGRATION'],
        releasingOrganisation: 'DIAKONIE',
        interpreterLanguage: 'ar',
        legalRepresentative: { name: 'Mira <script>alert(1)</script> Haddad', capacity: 'GUARDIAN' },
        validFrom: '2026-03-01',
        validUntil: '2027-02-28',
      }),
    );
    const r = (await receipt('cm-neuss', id))!;
    expect(r).toMatchObject({ grantId: id, mediaType: 'text/html; charset=utf-8', fileName: `Einwilligung-${id}.html` });
    for (const text of [
      '<html lang="de">',
      '@page { size: A4',
      'Jobcenter Rhein-Kreis Neuss',
      'Schule, Sprache und Sprachkurse',
      'Beratung bei einem Wohlfahrtsverband',
      'Ihre Unterstützung bei Arbeit und Ausbildung',
      '01.03.2026',
      '28.02.2027',
      'Diakonie Rhein-Kreis Neuss',
      'Arabisch (ar)',
      'Vormund',
      'jederzeit ohne Angabe von Gründen widerrufen',
      'Kommunales Integrationsmanagement Neuss',
      'Datenschutzbeauftragte des Rhein-Kreises Neuss',
      'Einwilligung erfasst',
    ]) {
      expect(r.html, text).toContain(text);
    }
    // Whatever a record holds is text, never markup; the document loads nothing from anywhere.
    expect(r.html).toContain('Mira &lt;script&gt;alert(1)&lt;/script&gt; Haddad');
    expect(r.html).not.toMatch(/<script|<link|src=|https?:\/\//);
    // Reading the receipt is reading the record: audited.
    const reads = await hub.consentOwnerPrisma().auditEntry.count({ where: { kimClientId: await auditRefOf(hub.consentOwnerPrisma(), 'K-000001'), reason: 'CONSENT_RECORD_READ', subject: 'cm-neuss-1' } });
    expect(reads).toBeGreaterThan(0);
  });

  it('tells a withdrawal and a refusal for what they are', async () => {
    const base = consentInput({ clientId: 'K-000001', grantee: 'CARITAS', categories: ['IDENTITY'], purposes: ['MIGRATION_COUNSELLING'] });
    const withdrawn = await record(base);
    await hub.query('cm-neuss', 'mutation($id: ID!) { withdrawConsent(id: $id, reason: "Widerruf im Gespräch") { state } }', { id: withdrawn });
    const w = (await receipt('dpo', withdrawn))!;
    expect(w.html).toContain('Einwilligung widerrufen');
    expect(w.html).toContain('Widerruf im Gespräch');
    const refused = (await receipt('cm-neuss', await record(base, 'recordConsentRefusal')))!;
    expect(refused.html).toContain('Sie haben nicht eingewilligt');
    expect(refused.html).not.toContain('Wie Sie widerrufen können');
  });

  it('is for the holding team and the data-protection officer only: another team gets what an unknown id gets', async () => {
    const id = await record(consentInput({ clientId: 'K-000001', grantee: 'CARITAS', categories: ['IDENTITY'], purposes: ['MIGRATION_COUNSELLING'] }));
    const outside = await hub.query('cm-dormagen', RECEIPT, { id });
    const unknown = await hub.query('cm-dormagen', RECEIPT, { id: 'G-NOBODY' });
    expect(outside.body).toEqual({ data: { consentReceipt: null } });
    expect(outside.body).toEqual(unknown.body);
    const partner = await hub.query('jobcenter', RECEIPT, { id });
    expect(errorCodes(partner).map((e) => e.code)).toEqual(['FORBIDDEN']);
    const bad = await hub.query('cm-neuss', RECEIPT, { id: "x' OR 1=1" });
    expect(bad.body.errors?.map((e) => [e.extensions?.code, e.extensions?.argument])).toEqual([['BAD_USER_INPUT', 'grantId']]);
  });
});
