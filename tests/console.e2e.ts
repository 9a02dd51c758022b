// The web console in a real browser (Debian's Chromium through playwright-core) against a whole
// hub with demo data: each role's main path, an accessibility check on every page (axe-core,
// WCAG 2.1 A/AA), the console's CSP, and personas on pages that are not theirs.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startGateway } from '@kim/gateway';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_DIST } from '@kim/console/build';
import { expectAccessible, field, launchChromium, newPage as newBrowserPage, openClient as openClientAt, pageProblems, SCREENSHOTS, signIn as signInAs } from './support/consoleBrowser.ts';
import { startFakeOidcProvider } from './support/fakeOidcProvider.ts';
import { startTestHub, type TestHub } from './support/testHub.ts';

const CLIENT = 'K-000001';

let hub: TestHub;
let browser: Browser;
let base: string;
/** Script errors and CSP violations of every page: the console must show German errors, never crash. */
const problems = pageProblems();
const pageErrors = problems.pageErrors;

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  hub = await startTestHub('console', 40, { console: true });
  base = hub.gatewayUrl.replace(/\/graphql$/, '/');
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await hub?.stop();
});

const newPage = (): Promise<Page> => newBrowserPage(browser, problems);
const signIn = (page: Page, persona: string, purpose?: string) => signInAs(page, base, persona, purpose);
const openClient = (page: Page, id: string) => openClientAt(page, base, id);

/** The texts of a column of the client list's table (1: KIM id, 2: name, 3: town, 4: status). */
function column(page: Page, n: number): Promise<string[]> {
  return page.getByRole('table').locator(`tbody tr td:nth-child(${n})`).allTextContents();
}

describe('the web console', () => {
  let grantId = '';

  it('is served beside /graphql with its own CSP, while the API keeps its strict one', async () => {
    const page = await fetch(base);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('content-security-policy')).not.toContain('unsafe-inline');
    const html = await page.text();
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    const api = await fetch(hub.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{__typename}"}' });
    expect(api.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
  });

  it('offers no sign-in (and no console) on a gateway the demo launcher did not wire', async () => {
    const bare = await startGateway({ ...hub.gatewayConfig, port: 0 });
    try {
      expect((await fetch(`${bare.url}/demo/personas`)).status).toBe(404);
      expect((await fetch(`${bare.url}/demo/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"persona":"dpo"}' })).status).toBe(404);
      expect((await fetch(`${bare.url}/`)).status).toBe(404);
    } finally {
      await bare.stop();
    }
  });

  it('production: signs in through the identity provider (authorisation code with PKCE), no demo sign-in', async () => {
    const idp = await startFakeOidcProvider(hub.idpPrivateKeyPem, 'jobcenter', 'kim-console');
    const gateway = await startGateway(
      { ...hub.gatewayConfig, port: 0, consoleDir: CONSOLE_DIST, consoleOidc: { authority: idp.url, clientId: 'kim-console', scope: 'openid' } },
    );
    try {
      expect((await fetch(`${gateway.url}/demo/personas`)).status).toBe(404);
      expect((await fetch(`${gateway.url}/`)).headers.get('content-security-policy')).toContain(`connect-src 'self' ${idp.url};`);
      const page = await newPage();
      await page.goto(`${gateway.url}/`);
      await page.getByRole('button', { name: 'Über den Identitätsanbieter anmelden' }).click();
      await page.getByRole('button', { name: 'Abmelden' }).waitFor();
      await expect.poll(() => page.locator('header .who').textContent()).toContain('Teamleitung Jobcenter');
      await page.getByRole('table').waitFor();
      expect(page.url()).toBe(`${gateway.url}/#/klienten`);
      expect(idp.refusedVerifiers).toBe(0);
      expect(await page.evaluate(() => localStorage.length)).toBe(0);
      await expectAccessible(page);
      await page.getByRole('button', { name: 'Abmelden' }).click();
      await page.getByRole('button', { name: 'Über den Identitätsanbieter anmelden' }).waitFor();
      expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
      // This provider offers no end_session_endpoint: the sign-out stays in the tab.
      expect(idp.signOuts).toEqual([]);
      expect(new URL(page.url()).origin).toBe(gateway.url);
      await page.context().close();
    } finally {
      await gateway.stop();
      await idp.stop();
    }
  });

  it('production: signing out ends the session at the identity provider too, when it offers end_session_endpoint', async () => {
    const idp = await startFakeOidcProvider(hub.idpPrivateKeyPem, 'welfare-caritas', 'kim-console', { endSession: true });
    const gateway = await startGateway(
      { ...hub.gatewayConfig, port: 0, consoleDir: CONSOLE_DIST, consoleOidc: { authority: idp.url, clientId: 'kim-console', scope: 'openid' } },
    );
    try {
      const page = await newPage();
      await page.goto(`${gateway.url}/`);
      await page.getByRole('button', { name: 'Über den Identitätsanbieter anmelden' }).click();
      await page.getByRole('button', { name: 'Abmelden' }).waitFor();
      await page.getByRole('table').waitFor();
      await page.getByRole('button', { name: 'Abmelden' }).click();
      // To the provider's end-session endpoint with the ID token it issued, and back to the console.
      await page.getByRole('status').filter({ hasText: 'auch beim Identitätsanbieter' }).waitFor();
      expect(idp.signOuts).toEqual([{ knownIdToken: true, postLogoutRedirectUri: `${gateway.url}/`, withState: true }]);
      expect(page.url()).toBe(`${gateway.url}/`);
      expect(await page.evaluate(() => [sessionStorage.length, localStorage.length])).toEqual([0, 0]);
      await page.getByRole('button', { name: 'Über den Identitätsanbieter anmelden' }).waitFor();
      await expectAccessible(page);
      await page.context().close();
    } finally {
      await gateway.stop();
      await idp.stop();
    }
  });

  it('case manager: finds the client, sees the joined view, records a consent and prints its receipt', async () => {
    const page = await newPage();
    await signIn(page, 'cm-neuss');
    await page.getByRole('heading', { name: 'Klientinnen und Klienten des Teams' }).waitFor();
    await page.getByRole('table').waitFor();
    await expectAccessible(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'case-manager-list.png'), fullPage: true });
    // The search runs in the graph, over all pages: by any part of a name, combined with the status…
    const search = page.getByLabel('Name oder KIM-Nummer');
    await search.fill('hadd');
    await expect.poll(async () => (await column(page, 2)).every((n) => /Haddad/.test(n)) && (await column(page, 1)).includes(CLIENT)).toBe(true);
    await page.getByRole('status').filter({ hasText: /\d+ Treffer/ }).waitFor();
    await page.getByLabel('Status').selectOption({ label: 'aktiv' });
    await expect.poll(async () => (await column(page, 4)).every((s) => s === 'aktiv') && (await column(page, 2)).every((n) => /Haddad/.test(n))).toBe(true);
    await page.getByLabel('Status').selectOption({ label: 'alle' });
    // …or by the start of the KIM id.
    await search.fill('k-00000');
    await expect.poll(async () => { const ids = await column(page, 1); return ids.length > 0 && ids.every((id) => id.startsWith('K-00000')); }).toBe(true);
    await search.fill('Haddad');
    await expect.poll(async () => (await column(page, 2)).every((n) => /Haddad/.test(n))).toBe(true);
    await page.getByRole('link', { name: CLIENT }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(CLIENT) }).waitFor();
    await page.getByRole('table').first().waitFor();
    await expect.poll(() => field(page, 'Kommunales Integrationsmanagement', 'Vorname').textContent()).toBe('Lina');
    // The purpose is on screen and only the role's purposes can be chosen.
    const purposes = await page.getByLabel('Zweck der Verarbeitung:').locator('option').allTextContents();
    expect(purposes).toEqual(['Fallmanagement', 'Verweisberatung', 'Einbürgerungsverfahren']);
    await expectAccessible(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'case-manager-client.png'), fullPage: true });

    await page.getByRole('link', { name: 'Einwilligung erfassen' }).click();
    await page.getByRole('heading', { name: `Einwilligung erfassen für ${CLIENT}` }).waitFor();
    await expectAccessible(page);
    await page.getByLabel('Empfangende Stelle').selectOption('JOBCENTER');
    const categories = page.getByRole('group', { name: 'Datenkategorien' });
    await categories.getByLabel('Kontaktdaten').check();
    await categories.getByLabel('Fallmanagement').check();
    await page.getByRole('group', { name: 'Zwecke' }).getByLabel('Arbeitsmarktintegration').check();
    await page.getByLabel('den Zweck der Übermittlung').check();
    await page.getByLabel('die Folgen einer Verweigerung').check();
    await page.getByLabel('das Recht, jederzeit').check();
    await page.getByLabel('Ablagezeichen').fill('EV-2026-000777');
    await page.getByRole('button', { name: 'Einwilligung erfassen' }).click();
    const done = page.getByRole('status').filter({ hasText: 'erfasst' });
    await done.waitFor();
    grantId = /Einwilligung (\S+) für/.exec((await done.textContent()) ?? '')?.[1] ?? '';
    expect(grantId).not.toBe('');

    await page.getByRole('link', { name: 'Quittung für die Person drucken' }).click();
    await page.getByRole('heading', { level: 1, name: `Quittung zur Einwilligung ${grantId}` }).waitFor();
    await expect.poll(() => page.locator('article.receipt').textContent()).toContain('Jobcenter');
    await expect.poll(() => page.getByRole('link', { name: /Herunterladen/ }).getAttribute('download')).toMatch(/\.html$/);
    await expectAccessible(page);

    // A referral to the jobcenter, for the partner to acknowledge.
    await openClient(page, CLIENT);
    await page.getByLabel('An', { exact: true }).selectOption('JOBCENTER');
    await page.getByLabel('Anlass').selectOption('JOB_SEARCH');
    await page.getByRole('button', { name: 'Verweisung senden' }).click();
    await page.getByRole('status').filter({ hasText: 'Verweisung an Jobcenter' }).waitFor();
    await page.context().close();
  });

  it('partner: sees the new category under the consented purpose only, and acknowledges the referral', async () => {
    const page = await newPage();
    await signIn(page, 'jobcenter', 'Arbeitsmarktintegration');
    await expectAccessible(page);
    // The jobcenter may not read the client's name: the name finds nobody, the KIM id finds the client.
    await page.getByLabel('Name oder KIM-Nummer').fill('Haddad');
    await page.getByRole('status').filter({ hasText: /^0 Treffer/ }).waitFor();
    await page.getByLabel('Name oder KIM-Nummer').fill(CLIENT);
    await expect.poll(() => column(page, 1)).toEqual([CLIENT]);
    await openClient(page, CLIENT);
    await expect.poll(() => field(page, 'Kommunales Integrationsmanagement', 'E-Mail').textContent()).toContain('@');
    await expect.poll(() => field(page, 'Kommunales Integrationsmanagement', 'Gesundheitsnotizen').textContent()).toBe('keine Einwilligung für Gesundheitsdaten');
    await expectAccessible(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'partner-client.png'), fullPage: true });

    // Another purpose of the role: the grant does not cover it.
    await page.getByLabel('Zweck der Verarbeitung:').selectOption({ label: 'Leistungsgewährung' });
    await expect.poll(() => field(page, 'Kommunales Integrationsmanagement', 'E-Mail').textContent()).toBe('keine Einwilligung für Kontaktdaten');
    await page.getByLabel('Zweck der Verarbeitung:').selectOption({ label: 'Arbeitsmarktintegration' });

    await page.getByRole('link', { name: 'Eingehende Verweisungen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Eingehende Verweisungen' }).waitFor();
    const acknowledge = page.getByRole('button', { name: /Erstkontakt heute erfassen/ }).last();
    await acknowledge.waitFor();
    await expectAccessible(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'partner-referrals.png'), fullPage: true });
    await acknowledge.click();
    await page.getByRole('status').filter({ hasText: 'Erstkontakt zur Verweisung' }).waitFor();
    await page.context().close();
  });

  it('case manager withdraws the consent; the partner\'s next request no longer sees the category', async () => {
    const page = await newPage();
    await signIn(page, 'cm-neuss');
    await openClient(page, CLIENT);
    await page.getByRole('button', { name: `Einwilligung ${grantId} widerrufen` }).click();
    await page.getByLabel('Grund des Widerrufs').fill('Die Klientin hat mündlich widerrufen.');
    await page.getByRole('button', { name: 'Widerruf erfassen' }).click();
    await page.getByRole('status').filter({ hasText: `Widerruf der Einwilligung ${grantId}` }).waitFor();
    await page.getByRole('button', { name: 'Abmelden' }).click();
    await page.getByRole('heading', { name: 'Anmelden (Demo)' }).waitFor();
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);

    await signIn(page, 'jobcenter', 'Arbeitsmarktintegration');
    await openClient(page, CLIENT);
    await expect.poll(() => field(page, 'Kommunales Integrationsmanagement', 'E-Mail').textContent()).toBe('keine Einwilligung für Kontaktdaten');
    await page.context().close();
  });

  it('immigration office: a field barred by law says so, with the norm; a request under § 87 AufenthG', async () => {
    const page = await newPage();
    await signIn(page, 'abh');
    await page.getByRole('table').waitFor();
    await page.getByRole('table').getByRole('link').first().click();
    await page.getByRole('region', { name: 'Wohlfahrtsverbände (Migrationsberatung)' }).waitFor();
    await expect.poll(() => field(page, 'Wohlfahrtsverbände (Migrationsberatung)', 'Beratungskontakte').textContent()).toBe('gesetzlich ausgeschlossen (§ 203 StGB, § 88 AufenthG)');
    // The request in the individual case, with its reason and the office's file reference.
    await page.getByLabel('Grund der Anfrage').fill('Verlängerung der Aufenthaltserlaubnis: Lebensunterhalt prüfen');
    await page.getByLabel('Aktenzeichen der Ausländerbehörde').fill('ABH-2026-4711');
    await page.getByRole('button', { name: 'Anfrage stellen' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: /SGB II/ }).textContent()).toMatch(/^(Ja|Nein): Die Person bezieht derzeit/);
    await expectAccessible(page);
    await page.context().close();
  });

  it('data-protection officer: review queue, grants with their events, the audit trail verified, the export', async () => {
    const page = await newPage();
    await signIn(page, 'dpo');
    // The review queue: the immigration office's request and its refusals by legal bar (above).
    await page.getByRole('heading', { level: 1, name: 'Prüfliste' }).waitFor();
    await expect.poll(() => page.getByRole('region', { name: /Anfragen nach § 87 AufenthG/ }).textContent()).toContain('ABH-2026-4711');
    await expect.poll(() => page.getByRole('region', { name: /gesetzlichen Ausschlusses/ }).locator('li').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await expectAccessible(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'dpo-review.png') });
    await page.getByRole('link', { name: 'Einwilligungen' }).click();
    await page.getByLabel('KIM-Nummer').fill(CLIENT);
    await page.getByRole('button', { name: 'Anzeigen' }).click();
    await expect.poll(() => page.getByRole('row').filter({ hasText: grantId }).textContent()).toContain('widerrufen');
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Prüfprotokoll' }).click();
    await page.getByLabel('KIM-Nummer').fill(CLIENT);
    await page.getByRole('button', { name: 'Protokoll anzeigen' }).click();
    await page.getByRole('status').filter({ hasText: 'Kette geprüft: unverändert' }).waitFor();
    await page.getByRole('link', { name: 'Export herunterladen' }).waitFor();
    await expect.poll(() => page.getByRole('row').count()).toBeGreaterThan(5);
    await expectAccessible(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'dpo-audit.png') });
    // The Art. 15 letter names the jobcenter, which read the client's data above.
    await page.getByRole('link', { name: /Auskunft nach Art\. 15 DSGVO/ }).click();
    await expect.poll(() => page.getByRole('article', { name: /Art\. 15 DSGVO/ }).textContent()).toContain('Jobcenter Rhein-Kreis Neuss');
    await page.context().close();
  });

  it('coordinating office: figures as tables and a chart, suppressed cells marked, CSV', async () => {
    const page = await newPage();
    await signIn(page, 'ki');
    await page.getByRole('heading', { level: 1, name: 'Kennzahlen' }).waitFor();
    await page.locator('.chart svg').first().waitFor();
    expect(await page.locator('.chart svg rect, .chart svg path').count()).toBeGreaterThan(8);
    // Four charts: by town, by year, by town and stage over the intake years, referral durations per agency.
    await expect.poll(() => page.locator('.chart svg').count()).toBe(4);
    await page.getByRole('heading', { level: 2, name: /Zielgruppen-Stufe/ }).waitFor();
    await expect.poll(() => page.getByRole('table', { name: /Stufe der Förderrichtlinie/ }).textContent()).toMatch(/Stufe|unterdrückt/);
    await expect.poll(() => page.getByRole('table').first().textContent()).toContain('Neuss');
    await expect.poll(() => page.getByText('unterdrückt (< 5)', { exact: true }).count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByRole('link', { name: /CSV/ }).first().getAttribute('download')).toBe('kim-klienten-nach-ort.csv');
    // Each chart says which of its points are suppressed (a marker on the axis, named in the caption), never a silent gap.
    const captions = await page.locator('figure figcaption').allTextContents();
    expect(captions).toHaveLength(4);
    expect(captions.every((c) => c === 'Keine Werte unterdrückt.' || /mit Dreieck markiert \(unterdrückt \(< 5\)\): .+/.test(c))).toBe(true);
    // Clients by town and stage over the intake years (per year only: README, Figures for steering),
    // one town by stage, as a chart, a table and CSV.
    const stage = page.getByRole('region', { name: /Zielgruppen-Stufe/ });
    await expect.poll(() => stage.getByRole('table').locator('tbody th').first().textContent()).toMatch(/^\d{4}$/);
    await stage.getByLabel('Diagramm').selectOption({ label: 'Neuss nach Stufe' });
    await expect.poll(() => stage.locator('.chart svg').textContent()).toContain('Stufe 1');
    const stageCaption = (await stage.locator('figcaption').textContent()) ?? '';
    const stageTable = (await stage.getByRole('table').textContent()) ?? '';
    // A year of 40 clients has small cells: suppressed in the table, and marked in the chart.
    expect(stageTable).toContain('unterdrückt (< 5)');
    expect(stageCaption).toMatch(/mit Dreieck markiert/);
    expect(await stage.locator('.chart svg').textContent()).toContain('unterdrückt (< 5)');
    const csvLink = stage.getByRole('link', { name: /CSV/ });
    expect(await csvLink.getAttribute('download')).toBe('kim-klienten-nach-stufe-jahr.csv');
    const [download] = await Promise.all([page.waitForEvent('download'), csvLink.click()]);
    const csv = readFileSync((await download.path())!, 'utf8').replace(/^\ufeff/, '');
    expect(csv.split('\r\n')[0]).toBe('"Aufnahmejahr";"Ort";"gesamt";"Stufe 1";"Stufe 2";"ohne Stufe"');
    expect(csv).toContain('unterdrückt');
    // Referral durations per agency: a chart beside the table.
    const durations = page.getByRole('region', { name: 'Verweisungen nach Stelle' });
    await expect.poll(() => durations.locator('.chart svg').textContent()).toContain('Median Tage bis Erstkontakt');
    await expectAccessible(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'ki-figures.png'), fullPage: true });
    await page.context().close();
  });

  it('a persona on another role\'s page gets a German refusal, never data and never a crash', { timeout: 120_000 }, async () => {
    const page = await newPage();
    await signIn(page, 'ki');
    await page.goto(`${base}#/protokoll`);
    await page.getByLabel('KIM-Nummer').fill(CLIENT);
    await page.getByRole('button', { name: 'Protokoll anzeigen' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('nicht freigegeben');
    await openClient(page, CLIENT);
    await expect.poll(() => page.getByRole('alert').first().textContent()).toMatch(/nicht sichtbar|nicht freigegeben/);
    await expectAccessible(page);
    await page.context().close();

    const other = await newPage();
    await signIn(other, 'cm-dormagen');
    await openClient(other, CLIENT);
    await expect.poll(() => other.getByRole('alert').first().textContent()).toBe('Nicht gefunden – oder für Sie nicht sichtbar.');
    await other.goto(`${base}#/quittung/${grantId}`);
    await expect.poll(() => other.getByRole('alert').first().textContent()).toMatch(/nicht sichtbar|nicht freigegeben/);
    await other.goto(`${base}#/einwilligungen`);
    await other.getByRole('button', { name: 'Anzeigen' }).click();
    await expect.poll(() => other.getByRole('alert').first().textContent()).toMatch(/nicht freigegeben|Eingabe ungültig|nicht sichtbar/);
    // Nothing of a client in the browser's durable stores.
    expect(await other.evaluate(() => localStorage.length)).toBe(0);
    expect(await other.evaluate(async () => (await indexedDB.databases()).length)).toBe(0);
    await other.context().close();
    expect(pageErrors).toEqual([]);
    expect(problems.cspViolations).toEqual([]);
  });
});
