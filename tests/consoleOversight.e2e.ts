// Issue 16, the console's second round, in a real browser (Debian's Chromium) against a whole hub
// with demo data: the Art. 15 letter (officer and case manager) and that only it prints; the audit
// trail paged, the signed export and the public key downloaded and verified offline; the partner's
// referrals with their client (acknowledged and closed by the client's id) and the file lookup;
// keyboard-only use, focus, reflow at 320 px and axe on sign-in, error and not-found pages; blob
// URLs gone after sign-out; a subgraph down; the review queue's sections; no CSP violation
// anywhere. And the new fields attacked through the gateway by those who must not use them.
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { auditVerifyingKey, verifyAuditExport } from '@kim/consent';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, field, launchChromium, newPage as newBrowserPage, openClient as openClientAt, pageProblems, SCREENSHOTS, signIn as signInAs } from './support/consoleBrowser.ts';
import { consentInput } from './support/consentRecord.ts';
import { proxiesFor } from './support/faultProxy.ts';
import { errorCodes, startTestHub, type TestHub } from './support/testHub.ts';

const CLIENT = 'K-000001';
const ROOT = join(import.meta.dirname, '..');
const RECORD = 'mutation($input: RecordConsentInput!) { recordConsent(input: $input) { id } }';
const SEND = 'mutation($clientId: ID!, $toAgency: Agency!, $reason: ReferralReason!, $note: String) { sendReferral(clientId: $clientId, toAgency: $toAgency, reason: $reason, note: $note) { id } }';
const LABOUR = 'LABOUR_MARKET_INTEGRATION';

let hub: TestHub;
let browser: Browser;
let base: string;
const proxies = proxiesFor();
const problems = pageProblems();

/** Clients of Neuss referred to the jobcenter in beforeAll: with a note it may read, and with a health reason it may not. */
const referred = { withNote: '', withHealthReason: '' };
/** Grants recorded for the review queue. */
const queued = { interpreter: '', sharedEvidence: [] as string[], expiring: '' };

const newPage = (viewport?: { width: number; height: number }, options?: { bypassCSP?: boolean }): Promise<Page> => newBrowserPage(browser, problems, viewport, options);
const signIn = (page: Page, persona: string, purpose?: string) => signInAs(page, base, persona, purpose);
const openClient = (page: Page, id: string) => openClientAt(page, base, id);
const idOf = (response: Awaited<ReturnType<TestHub['query']>>, field: string) => (response.body.data?.[field] as { id: string } | null)?.id ?? '';

/** Records a complete consent of a Neuss client through the API, as the holding team. */
let evidence = 0;
async function record(fields: Parameters<typeof consentInput>[0]): Promise<string> {
  // Each declaration its own filing reference (one shared by two clients is what the review queue flags).
  evidence += 1;
  const response = await hub.query('cm-neuss', RECORD, { input: consentInput({ evidenceRef: `EV-2026-${700000 + evidence}`, ...fields }) });
  expect(response.body.errors).toBeUndefined();
  return idOf(response, 'recordConsent');
}

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  hub = await startTestHub('console-oversight', 30, { console: true, interpose: proxies.interpose });
  base = hub.gatewayUrl.replace(/\/graphql$/, '/');
  browser = await launchChromium();

  // Two Neuss clients (not the showcase ones) consent to the jobcenter for case management, one
  // also for the team's notes, and are referred there: with a note, and for a health reason.
  const list = await hub.query('cm-neuss', '{ clients(first: 50, filter: { status: ACTIVE }) { edges { node { id } } } }');
  const candidates = (list.body.data?.clients as { edges: { node: { id: string } }[] }).edges.map((e) => e.node.id).filter((id) => id > 'K-000003');
  for (const id of candidates) {
    const slot = !referred.withNote ? 'withNote' : !referred.withHealthReason ? 'withHealthReason' : null;
    if (!slot) break;
    await record({ clientId: id, grantee: 'JOBCENTER', categories: slot === 'withNote' ? ['CASE_MANAGEMENT', 'CASE_NOTES'] : ['CASE_MANAGEMENT'], purposes: [LABOUR] });
    const sent = await hub.query('cm-neuss', SEND, {
      clientId: id,
      toAgency: 'JOBCENTER',
      reason: slot === 'withNote' ? 'JOB_SEARCH' : 'PSYCHOSOCIAL_COUNSELLING',
      note: 'Bitte einen Termin in der Woche anbieten.',
    });
    // A client who has not consented to the team's own case management cannot be referred.
    if (!sent.body.errors) referred[slot] = id;
  }
  expect(referred.withNote && referred.withHealthReason).toBeTruthy();
  // The showcase client, whose grant to the jobcenter covers no case management.
  expect((await hub.query('cm-neuss', SEND, { clientId: CLIENT, toAgency: 'JOBCENTER', reason: 'LANGUAGE_COURSE' })).body.errors).toBeUndefined();

  // The review queue: explained through an interpreter but the sheet in German only; one filing
  // reference for two clients; a grant that ends in ten days.
  const [a, b] = candidates.slice(-2) as [string, string];
  queued.interpreter = await record({ clientId: a, grantee: 'CARITAS', categories: ['HOUSING'], purposes: ['MIGRATION_COUNSELLING'], interpreterLanguage: 'ar', informationSheetLanguage: 'de', evidenceRef: 'EV-2026-424242' });
  queued.sharedEvidence = [
    await record({ clientId: a, grantee: 'DIAKONIE', categories: ['HOUSING'], purposes: ['MIGRATION_COUNSELLING'], evidenceRef: 'EV-2026-515151' }),
    await record({ clientId: b, grantee: 'DIAKONIE', categories: ['HOUSING'], purposes: ['MIGRATION_COUNSELLING'], evidenceRef: 'EV-2026-515151' }),
  ];
  queued.expiring = await record({ clientId: b, grantee: 'AWO', categories: ['HOUSING'], purposes: ['MIGRATION_COUNSELLING'], evidenceRef: 'EV-2026-616161', validUntil: new Date(Date.now() + 10 * 86_400_000).toISOString() });

  // More than a page (100) of audit entries for the showcase client.
  const JOINED = `{ client(id: "${CLIENT}") { givenName contact { email } status notes { text } healthNotes { text } currentResidenceTitleType receivesBenefits languageLevel counsellingContacts { topic } } }`;
  for (let i = 0; i < 40; i += 1) {
    await hub.query(i % 2 ? 'cm-neuss' : 'jobcenter', JOINED, undefined, i % 2 ? {} : { purpose: LABOUR });
    const entries = Number(((await hub.query('dpo', `{ verifyAuditChain(clientId: "${CLIENT}") { entries } }`)).body.data?.verifyAuditChain as { entries: string }).entries);
    if (entries > 130) break;
  }
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await hub?.stop();
  await proxies.closeAll();
});

describe('the new fields, attacked through the gateway', () => {
  const INCOMING = '{ incomingReferrals { id clientId reason healthReason note } }';
  const incoming = async (persona: 'jobcenter' | 'jobcenter-dormagen' | 'abh' | 'abh-neuss' | 'welfare-caritas', purpose?: string) =>
    hub.query(persona, INCOMING, undefined, purpose ? { purpose: purpose as never } : {});

  it("Referral.clientId names the client only where the referral's client shares case management with the reader", async () => {
    const response = await incoming('jobcenter', LABOUR);
    const rows = response.body.data?.incomingReferrals as { id: string; clientId: string | null; note: string | null; healthReason: string | null }[];
    const clients = rows.map((r) => r.clientId);
    expect(clients).toEqual(expect.arrayContaining([referred.withNote, referred.withHealthReason]));
    // The showcase client's grant to the jobcenter covers no case management: its referral is not
    // the jobcenter's to act on, so it is not listed at all (it would null the list: ids are non-null).
    expect(clients).not.toContain(CLIENT);
    expect(errorCodes(response).filter((e) => e.path.endsWith('.clientId') || e.path.endsWith('.id'))).toEqual([]);
    // The note under CASE_NOTES, the health reason under HEALTH: each only where the grant says so.
    const noted = rows.find((r) => r.clientId === referred.withNote)!;
    expect(noted.note).toBe('Bitte einen Termin in der Woche anbieten.');
    const health = rows.findIndex((r) => r.clientId === referred.withHealthReason);
    expect(rows[health]!.note).toBeNull();
    expect(rows[health]!.healthReason).toBeNull();
    expect(errorCodes(response).filter((e) => e.path.startsWith(`incomingReferrals.${health}.`))).toEqual([
      { code: 'CONSENT_REQUIRED', path: `incomingReferrals.${health}.healthReason`, category: 'HEALTH' },
      { code: 'CONSENT_REQUIRED', path: `incomingReferrals.${health}.note`, category: 'CASE_NOTES' },
    ]);
  });

  it.each(['abh', 'abh-neuss', 'jobcenter-dormagen', 'welfare-caritas'] as const)('%s learns no client of a referral addressed to another agency or outside its team', async (persona) => {
    const response = await incoming(persona);
    const text = JSON.stringify(response.body.data);
    for (const id of [referred.withNote, referred.withHealthReason]) expect(text).not.toContain(id);
  });

  it('another town\'s case manager reaches no referral\'s client through the referral', async () => {
    const response = await hub.query('cm-dormagen', `{ client(id: "${referred.withNote}") { referrals { clientId } } overdueReferrals(days: 1) { clientId } }`);
    expect(response.body.data?.client).toBeNull();
    const text = JSON.stringify(response.body.data);
    for (const id of [referred.withNote, referred.withHealthReason, CLIENT]) expect(text).not.toContain(id);
  });

  it.each(['dpo', 'ki', 'cm-neuss'] as const)('incomingReferrals (and so Referral.clientId) is refused to %s', async (persona) => {
    const response = await hub.query(persona, INCOMING);
    expect(response.body.data ?? null).toBeNull();
    expect(errorCodes(response).map((e) => e.code)).toEqual(['FORBIDDEN']);
  });

  it('auditPublicKey is the officer\'s: the key the exports are signed with; refused to every other role', async () => {
    const response = await hub.query('dpo', `{ auditPublicKey { keyId pem } auditExport(clientId: "${CLIENT}") { keyId } }`);
    const key = response.body.data?.auditPublicKey as { keyId: string; pem: string };
    expect(key.pem).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    expect(key.pem).not.toMatch(/PRIVATE/);
    expect(auditVerifyingKey(key.pem).keyId).toBe(key.keyId);
    expect((response.body.data?.auditExport as { keyId: string }).keyId).toBe(key.keyId);
    for (const persona of ['cm-neuss', 'abh', 'abh-neuss', 'jobcenter', 'jobcenter-dormagen', 'welfare-caritas', 'ki'] as const) {
      const refused = await hub.query(persona, '{ auditPublicKey { keyId pem } }');
      expect(refused.body.data ?? null).toBeNull();
      expect(errorCodes(refused).map((e) => e.code)).toEqual(['FORBIDDEN']);
    }
  });
});

describe('the console, for the data-protection officer', () => {
  it('pages through the audit trail, downloads the export and the public key, and the offline verifier finds them valid', async () => {
    const page = await newPage();
    await signIn(page, 'dpo');
    await page.getByRole('link', { name: 'Prüfprotokoll' }).click();
    await page.getByLabel('KIM-Nummer').fill(CLIENT);
    await page.getByRole('button', { name: 'Protokoll anzeigen' }).click();
    await page.getByRole('status').filter({ hasText: 'Kette geprüft: unverändert' }).waitFor();
    const total = Number(/\((\d+) Einträge\)/.exec((await page.getByRole('status').filter({ hasText: 'Kette geprüft' }).textContent()) ?? '')?.[1]);
    expect(total).toBeGreaterThan(100);
    await expect.poll(() => page.getByRole('heading', { level: 3, name: /^Einträge/ }).textContent()).toBe(`Einträge 1–100 von ${total.toLocaleString('de-DE')}`);
    expect(await page.getByRole('table', { name: /^Einträge 1–100/ }).locator('tbody tr').count()).toBe(100);
    const firstPage = await page.locator('tbody tr td:first-child').allTextContents();
    await page.getByRole('button', { name: 'Nächste Seite' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 3, name: /^Einträge/ }).textContent()).toMatch(/^Einträge 101–\d+ von /);
    const secondPage = await page.locator('tbody tr td:first-child').allTextContents();
    expect(Math.min(...secondPage.map(Number))).toBeGreaterThan(Math.max(...firstPage.map(Number)));
    await page.getByRole('button', { name: 'Vorherige Seite' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 3, name: /^Einträge/ }).textContent()).toMatch(/^Einträge 1–100 /);

    // The instructions, step by step, with the command and what its answer means.
    await page.getByText('So prüfen Sie den Export selbst').click();
    const steps = page.locator('ol.steps');
    await expect.poll(() => steps.textContent()).toContain('npm run audit:verify --');
    expect(await steps.locator('li').count()).toBeGreaterThanOrEqual(5);
    await expectAccessible(page);

    const [exportDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export herunterladen' }).click()]);
    const [keyDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Öffentlichen Prüfschlüssel herunterladen' }).click()]);
    expect(exportDownload.suggestedFilename()).toBe(`pruefprotokoll-${CLIENT}.json`);
    expect(keyDownload.suggestedFilename()).toMatch(/^kim-pruefschluessel-[0-9a-f]{16}\.pem$/);
    const exportFile = (await exportDownload.path())!;
    const keyFile = (await keyDownload.path())!;
    const key = auditVerifyingKey(readFileSync(keyFile, 'utf8'));
    expect(verifyAuditExport(JSON.parse(readFileSync(exportFile, 'utf8')), key)).toMatchObject({ valid: true, clientId: CLIENT, problems: [] });
    // The command the instructions give, as the officer would run it.
    const { stdout } = await promisify(execFile)('npm', ['run', '--silent', 'audit:verify', '--', exportFile, keyFile], { cwd: ROOT });
    expect(stdout).toMatch(new RegExp(`^valid: \\d+ audit entries of client ${CLIENT}, signed by audit key ${key.keyId}`));
    await page.context().close();
  });

  it('opens the Art. 15 report as a German letter, which alone is printed', async () => {
    const page = await newPage();
    await signIn(page, 'dpo');
    await page.goto(`${base}#/protokoll`);
    await page.getByLabel('KIM-Nummer').fill(CLIENT);
    await page.getByRole('button', { name: 'Protokoll anzeigen' }).click();
    await page.getByRole('link', { name: /Auskunft nach Art\. 15 DSGVO/ }).click();
    const letter = page.getByRole('article', { name: /Auskunft nach Art\. 15 DSGVO/ });
    await expect.poll(() => letter.textContent()).toContain('Jobcenter Rhein-Kreis Neuss');
    const text = (await letter.textContent()) ?? '';
    // The controller, from the configuration (the demo: the county), and the date.
    expect(text).toContain('Rhein-Kreis Neuss – Der Landrat');
    expect(text).toContain('Oberstraße 91');
    expect(text).toMatch(/Datum: \d{1,2}\.\d{1,2}\.\d{4}/);
    // Art. 15 (1)(a)–(h), each in plain German.
    for (const item of ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']) expect(text).toContain(`Art. 15 Abs. 1 Buchst. ${item}`);
    expect(text).toContain('3 Jahren nach dem Ende Ihrer Begleitung');
    expect(text).toContain('Landesbeauftragte für Datenschutz und Informationsfreiheit Nordrhein-Westfalen');
    expect(text).toMatch(/berichtigen.*löschen.*eingeschränkt.*widersprechen/s);
    expect(text).toContain('nicht automatisiert entschieden');
    // The consent record: the seeded consents of the showcase client.
    await expect.poll(() => letter.getByRole('table', { name: /Einwilligungen, Ablehnungen/ }).locator('tbody tr').count()).toBeGreaterThan(0);
    expect(text).toContain('Einwilligung erfasst');
    await expectAccessible(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'dpo-art15-letter.png'), fullPage: true });

    // Printing: the letter and nothing else (no header, navigation, page title or buttons).
    await page.emulateMedia({ media: 'print' });
    expect(await letter.isVisible()).toBe(true);
    for (const other of [page.locator('header.top'), page.getByRole('navigation', { name: 'Hauptnavigation' }), page.getByRole('heading', { level: 1 }), page.getByRole('button', { name: 'Brief drucken' })]) {
      expect(await other.isVisible()).toBe(false);
    }
    await page.emulateMedia({ media: 'screen' });
    // The print button prints (the browser's dialog is stubbed).
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => void ((window as unknown as { printed: number }).printed += 1);
    });
    await page.getByRole('button', { name: 'Brief drucken' }).click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    // Leaving the letter, the audit page prints as a page again.
    await page.getByRole('link', { name: 'Zurück' }).click();
    await page.getByRole('heading', { level: 1, name: 'Prüfprotokoll' }).waitFor();
    expect(await page.evaluate(() => document.body.classList.contains('print-letter'))).toBe(false);
    await page.context().close();
  });

  it('review queue: the weak-evidence and expiring sections list the grants recorded through the API', async () => {
    const page = await newPage();
    await signIn(page, 'dpo');
    const weak = page.getByRole('region', { name: /schwachem Nachweis/ });
    await expect.poll(() => weak.textContent()).toContain(queued.interpreter);
    const weakText = (await weak.textContent()) ?? '';
    expect(weakText).toContain(`${queued.interpreter} `);
    expect(weakText).toContain('mit Dolmetscher erklärt, Informationsblatt nur auf Deutsch');
    for (const id of queued.sharedEvidence) expect(weakText).toContain(id);
    expect(weakText).toContain('Ablagezeichen EV-2026-515151 auch für');
    const expiring = page.getByRole('region', { name: /in 30 Tagen ablaufen/ });
    await expect.poll(() => expiring.textContent()).toContain(queued.expiring);
    expect(await expiring.textContent()).not.toContain(queued.interpreter);
    await expectAccessible(page);
    await page.context().close();
  });

  it('signing out revokes the downloads the page offered: a blob URL made before no longer fetches', async () => {
    // The console's CSP refuses fetch() of blob: URLs (connect-src 'self'); this test's page alone
    // goes without it, to try the URLs as any script of the page could have kept them.
    const page = await newPage(undefined, { bypassCSP: true });
    await signIn(page, 'dpo');
    await page.goto(`${base}#/protokoll`);
    await page.getByLabel('KIM-Nummer').fill(CLIENT);
    await page.getByRole('button', { name: 'Protokoll anzeigen' }).click();
    const urls = await Promise.all(
      ['Export herunterladen', 'Öffentlichen Prüfschlüssel herunterladen'].map(async (name) => {
        const link = page.getByRole('link', { name });
        await link.waitFor();
        return (await link.getAttribute('href'))!;
      }),
    );
    const fetchable = (url: string) => page.evaluate(async (u) => fetch(u).then(async (r) => r.ok && (await r.text()).length > 0, () => false), url);
    for (const url of urls) {
      expect(url).toMatch(/^blob:/);
      expect(await fetchable(url)).toBe(true);
    }
    await page.getByRole('button', { name: 'Abmelden' }).click();
    await page.getByRole('heading', { name: 'Anmelden (Demo)' }).waitFor();
    for (const url of urls) expect(await fetchable(url)).toBe(false);
    await page.context().close();
  });
});

describe('the console, for the case manager', () => {
  it('prints the Art. 15 letter of a client the team holds, addressed by name; another team gets nothing', async () => {
    const page = await newPage();
    await signIn(page, 'cm-neuss');
    await openClient(page, CLIENT);
    await page.getByRole('link', { name: 'Auskunft nach Art. 15 DSGVO als Brief' }).click();
    const letter = page.getByRole('article', { name: /Auskunft nach Art\. 15 DSGVO/ });
    await expect.poll(() => letter.textContent()).toContain('Guten Tag Lina');
    expect(await letter.textContent()).toContain('Einwilligung erfasst');
    await expectAccessible(page);
    await page.context().close();

    const other = await newPage();
    await signIn(other, 'cm-dormagen');
    await other.goto(`${base}#/auskunft/${CLIENT}`);
    await other.getByRole('status').filter({ hasText: 'keine Einwilligungen und keine Übermittlungen' }).waitFor();
    expect(await other.getByRole('article').textContent()).toContain('Es sind keine Einwilligungen von Ihnen erfasst.');
    expect(await other.getByRole('article').textContent()).not.toContain('Lina');
    await expectAccessible(other);
    await other.context().close();
  });

  it('keyboard only: skip link to the content, sign in, open a client by its number; focus is visible and follows the route', async () => {
    const page = await newPage();
    await page.goto(base);
    await page.getByRole('heading', { name: 'Anmelden (Demo)' }).waitFor();
    await expectAccessible(page);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Zum Inhalt springen');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('inhalt');
    // The first persona (cm-neuss) by Space, its first purpose, then sign in with Enter.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe('cm-neuss');
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('purpose');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Anmelden');
    // The focus ring: a dark inner ring (≥ 3:1 on white) and a yellow outer one.
    const ring = await page.evaluate(() => {
      const style = getComputedStyle(document.activeElement!);
      return { outline: style.outlineColor, width: style.outlineWidth, shadow: style.boxShadow };
    });
    expect(ring.width).toBe('3px');
    expect(contrastOnWhite(ring.outline)).toBeGreaterThanOrEqual(3);
    expect(ring.shadow).toContain('rgb(255, 191, 71)');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Klientinnen und Klienten des Teams' }).waitFor();
    // The route changed: focus is on the new page's main landmark, and Tab goes on from there.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('inhalt');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search');
    await page.keyboard.type(CLIENT);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: new RegExp(CLIENT) }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('inhalt');
    await expect.poll(() => field(page, 'Kommunales Integrationsmanagement', 'Vorname').textContent()).toBe('Lina');
    await page.context().close();
  });

  it('a subgraph that is down: the joined view says "Dienst nicht erreichbar" for its fields, the rest comes', async () => {
    proxies.get('welfare:graphql').mode = 'refuse';
    try {
      const page = await newPage();
      await signIn(page, 'cm-neuss');
      await openClient(page, CLIENT);
      await expect.poll(() => field(page, 'Wohlfahrtsverbände (Migrationsberatung)', 'Beratungskontakte').textContent()).toBe('Dienst nicht erreichbar');
      await expect.poll(() => field(page, 'Kommunales Integrationsmanagement', 'Vorname').textContent()).toBe('Lina');
      await expectAccessible(page);
      await page.context().close();
    } finally {
      proxies.passAll();
    }
  });
});

describe('the console, for partner agencies', () => {
  it('jobcenter: the referrals say whom they are about, with the note and health reason only as consented; acknowledged and closed by client id', async () => {
    const page = await newPage();
    await signIn(page, 'jobcenter', 'Arbeitsmarktintegration');
    await page.getByRole('link', { name: 'Eingehende Verweisungen' }).click();
    const row = (clientId: string) => page.getByRole('row').filter({ has: page.getByRole('link', { name: clientId, exact: true }) });
    await row(referred.withNote).waitFor();
    expect(await row(referred.withNote).textContent()).toContain('Bitte einen Termin in der Woche anbieten.');
    expect(await row(referred.withNote).textContent()).toContain('Arbeitssuche und Vermittlung');
    expect(await row(referred.withHealthReason).textContent()).toContain('keine Einwilligung für Gesundheitsdaten');
    expect(await row(referred.withHealthReason).textContent()).toContain('keine Einwilligung für Fallnotizen');
    expect(await page.getByRole('link', { name: CLIENT, exact: true }).count()).toBe(0);
    await expectAccessible(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'partner-referrals.png'), fullPage: true });

    const target = row(referred.withNote);
    const referralId = ((await target.locator('td').first().textContent()) ?? '').trim();
    await target.getByRole('button', { name: /Erstkontakt heute erfassen/ }).click();
    await page.getByRole('status').filter({ hasText: `Erstkontakt zur Verweisung ${referralId} erfasst.` }).waitFor();
    await expect.poll(() => row(referred.withNote).locator('td').nth(5).textContent()).toMatch(/^\d{1,2}\.\d{1,2}\.\d{4}$/);
    await row(referred.withNote).getByLabel(`Ergebnis der Verweisung ${referralId}`).selectOption({ label: 'Unterstützung begonnen' });
    await row(referred.withNote).getByRole('button', { name: /Ergebnis erfassen/ }).click();
    await page.getByRole('status').filter({ hasText: `Ergebnis zur Verweisung ${referralId} erfasst.` }).waitFor();
    // The list shows open referrals: this one is closed now, and the registry has its outcome.
    await expect.poll(() => row(referred.withNote).count()).toBe(0);
    const stored = await hub.services['case-registry'].prisma.referral.findUniqueOrThrow({ where: { id: referralId } });
    expect(stored).toMatchObject({ outcome: 'SUPPORT_STARTED' });
    expect(stored.firstContactAt).not.toBeNull();
    await page.context().close();
  });

  it.each([
    ['jobcenter', 'Fallnummer des Jobcenters', null],
    ['jobcenter-dormagen', 'Fallnummer des Jobcenters', 'DORMAGEN'],
    ['abh', 'Aktenzeichen der Ausländerbehörde', null],
    ['abh-neuss', 'Aktenzeichen der Ausländerbehörde', 'NEUSS'],
  ] as const)('%s opens a client by its own file number (a team\'s caseworker: one of the team\'s files); an unknown number says so', async (persona, labelText, office) => {
    const jobcenter = persona.startsWith('jobcenter');
    const file = jobcenter
      ? await hub.services.jobcenter.prisma.benefitCase.findFirstOrThrow({ where: office ? { office } : { kimClientId: CLIENT } })
      : await hub.services['immigration-office'].prisma.personRecord.findFirstOrThrow({ where: office ? { office } : { kimClientId: CLIENT } });
    const page = await newPage();
    await signIn(page, persona);
    await page.getByLabel(labelText).fill('UNBEKANNT-0');
    await page.getByRole('button', { name: 'Akte öffnen' }).click();
    await page.getByRole('alert').filter({ hasText: 'Keine Akte mit dieser Nummer in Ihrem Team.' }).waitFor();
    await expectAccessible(page);
    await page.getByLabel(labelText).fill(file.id);
    await page.getByRole('button', { name: 'Akte öffnen' }).click();
    // The joined view, reached through the file: the agency's own part at least.
    await page.getByRole('heading', { level: 1, name: new RegExp(file.kimClientId) }).waitFor();
    expect(page.url()).toBe(`${base}#/akte/${encodeURIComponent(file.id)}`);
    const group = jobcenter ? 'Jobcenter Rhein-Kreis Neuss' : 'Ausländerbehörde Rhein-Kreis Neuss';
    await expect.poll(() => field(page, group, jobcenter ? 'Fallnummer' : 'Aktenzeichen').textContent()).toBe(file.id);
    await expectAccessible(page);
    if (office) {
      // Another team's file answers as an unknown one.
      const foreign = jobcenter
        ? await hub.services.jobcenter.prisma.benefitCase.findFirstOrThrow({ where: { office: { not: office } } })
        : await hub.services['immigration-office'].prisma.personRecord.findFirstOrThrow({ where: { office: { not: office } } });
      await page.goto(`${base}#/akte/${encodeURIComponent(foreign.id)}`);
      await page.getByRole('alert').filter({ hasText: 'Keine Akte mit dieser Nummer in Ihrem Team.' }).waitFor();
      expect(await page.locator('main').textContent()).not.toContain(foreign.kimClientId);
    }
    await page.context().close();
  });
});

describe('accessibility beyond the main paths', () => {
  it('axe on the sign-in page\'s error state and the not-found page', async () => {
    const page = await newPage();
    await page.route('**/demo/sign-in', (route) => route.fulfill({ status: 503, body: '{}' }));
    await page.goto(base);
    await page.getByLabel('(dpo)', { exact: false }).check();
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.getByRole('alert').filter({ hasText: 'Anmeldung fehlgeschlagen' }).waitFor();
    await expectAccessible(page);
    await page.unroute('**/demo/sign-in');
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.getByRole('button', { name: 'Abmelden' }).waitFor();
    await page.goto(`${base}#/auskunft`);
    await page.getByRole('heading', { level: 1, name: 'Seite nicht gefunden' }).waitFor();
    await expectAccessible(page);
    await page.context().close();
  });

  it('at 320 CSS pixels the pages reflow (no page-wide horizontal scrolling) and pass axe', async () => {
    const fits = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    const dpo = await newPage({ width: 320, height: 800 });
    await signIn(dpo, 'dpo');
    await dpo.goto(`${base}#/protokoll`);
    await dpo.getByLabel('KIM-Nummer').fill(CLIENT);
    await dpo.getByRole('button', { name: 'Protokoll anzeigen' }).click();
    await dpo.getByRole('heading', { level: 3, name: /^Einträge/ }).waitFor();
    expect(await fits(dpo)).toBe(true);
    await expectAccessible(dpo);
    await dpo.goto(`${base}#/auskunft/${CLIENT}`);
    await dpo.getByRole('article').waitFor();
    expect(await fits(dpo)).toBe(true);
    await expectAccessible(dpo);
    await dpo.context().close();

    const cm = await newPage({ width: 320, height: 800 });
    await signIn(cm, 'cm-neuss');
    await openClient(cm, CLIENT);
    await expect.poll(() => field(cm, 'Kommunales Integrationsmanagement', 'Vorname').textContent()).toBe('Lina');
    expect(await fits(cm)).toBe(true);
    await expectAccessible(cm);
    await cm.screenshot({ path: join(SCREENSHOTS, 'case-manager-client-320.png'), fullPage: true });
    // The team's list and its overdue referrals: their tables scroll in their own area.
    await cm.goto(`${base}#/klienten`);
    await cm.getByRole('table').first().waitFor();
    expect(await fits(cm)).toBe(true);
    await expectAccessible(cm);
    await cm.goto(`${base}#/ueberfaellig`);
    await cm.getByRole('heading', { level: 1 }).waitFor();
    expect(await fits(cm)).toBe(true);
    await expectAccessible(cm);
    await cm.context().close();
  });

  it('no page of this file met a script error or a CSP violation', () => {
    expect(problems.pageErrors).toEqual([]);
    expect(problems.cspViolations).toEqual([]);
  });
});

/** WCAG contrast of an `rgb(…)` colour against white. */
function contrastOnWhite(rgb: string): number {
  const [r, g, b] = (rgb.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return 1.05 / (luminance + 0.05);
}
