// The case manager's work in the web console, in Debian's Chromium (German, `--lang=de-DE`)
// against a whole hub with demo data: intake with its target-group outcome, the duplicate and bad
// input in plain German; the target-group filter over all pages; the joined view without English
// or raw enum values; the case plan (goal status and due date), notes, the team's overdue
// referrals and closing — each page checked with axe-core (WCAG 2.1 A/AA).
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { column, expectAccessible, field, launchGermanChromium, newGermanPage, SCREENSHOTS, signIn } from './support/consoleBrowser.ts';
import { startTestHub, type TestHub } from './support/testHub.ts';

let hub: TestHub;
let browser: Browser;
let base: string;
const pageErrors: string[] = [];
/** An active Neuss client with goals, the case-plan test's subject. */
let planClient: string;
/** Neuss clients whose joined views the language check reads. */
let neussClients: string[];

/** Raw enum-like tokens: what a person must never read. */
const RAW_TOKEN = /\b[A-Z]{2,}(_[A-Z]+)+\b|\b(ACHIEVED|IN_PROGRESS|RECOGNISED|RECEIVING|PENDING|SUBMITTED|APPLIED|OPEN|DROPPED)\b/;
/** The servers' English reasons (target group, naturalisation readiness) and messages. */
const ENGLISH = /in target group|outside \d|no residence title|had case management|not yet in effect|residence under|does not qualify|language level|benefit status|receives SGB II|valid today|must be|must not|is unknown|already holds/i;

beforeAll(async () => {
  hub = await startTestHub('console-casework', 40, { console: true });
  base = hub.gatewayUrl.replace(/\/graphql$/, '/');
  // Fixed outcomes, whatever the demo's intake found: a third each outcome, a third not checked (registered before intake checks existed) (as the gateway test).
  await hub.services['case-registry'].owner.sql.query(
    `UPDATE "Client" SET "eligibleAtIntake" = CASE WHEN substr(id, 3)::int % 3 = 0 THEN NULL ELSE substr(id, 3)::int % 3 = 1 END, "eligibilityStage" = CASE WHEN substr(id, 3)::int % 3 = 0 THEN NULL ELSE 2 END`,
  );
  const registry = hub.services['case-registry'].prisma;
  const neuss = await registry.client.findMany({ where: { town: 'NEUSS' }, select: { id: true, status: true, goals: { select: { id: true } } }, orderBy: { id: 'asc' } });
  neussClients = neuss.map((c) => c.id);
  planClient = neuss.find((c) => c.status === 'ACTIVE' && c.goals.length > 0)!.id;
  browser = await launchGermanChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await hub?.stop();
});

async function caseManager(): Promise<Page> {
  const page = await newGermanPage(browser, pageErrors);
  await signIn(page, base, 'cm-neuss');
  return page;
}

async function openClient(page: Page, id: string): Promise<void> {
  await page.goto(`${base}#/klienten/${id}`);
  await page.getByRole('heading', { level: 1, name: new RegExp(id) }).waitFor();
  await page.getByRole('region', { name: 'Kommunales Integrationsmanagement' }).waitFor();
}

/** The intake form, fresh (a reload forgets what the page held). */
async function openIntake(page: Page): Promise<void> {
  await page.goto(`${base}#/aufnahme`);
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Aufnahme einer Person' }).waitFor();
}

async function fillIntake(page: Page, person: { given: string; family: string; birth: string; prior: boolean }): Promise<void> {
  await page.getByLabel('Vorname *').fill(person.given);
  await page.getByLabel('Familienname *').fill(person.family);
  await page.getByLabel('Geburtsdatum *').fill(person.birth);
  await page.getByLabel('Staatsangehörigkeit *').fill('Syrien');
  await page.getByLabel('Telefon').fill('02131 123456');
  await page.getByLabel('E-Mail').fill('test@example.org');
  await page.getByLabel('Anschrift').fill('Markt 1, 41460 Neuss');
  await page.getByLabel('Datum des Erstkontakts *').fill('2025-03-03');
  await page.getByLabel('Aufenthaltstitel bei Aufnahme').selectOption({ label: 'Aufenthaltserlaubnis' });
  await page.getByRole('group', { name: /schon ein Case Management/ }).getByLabel(person.prior ? 'ja' : 'nein', { exact: true }).check();
}

describe('the case manager in the web console', () => {
  it('runs in German: the document is lang="de", the browser de-DE', async () => {
    const page = await caseManager();
    expect(await page.evaluate(() => [document.documentElement.lang, navigator.language])).toEqual(['de', 'de-DE']);
    await page.context().close();
  });

  it('intake: every field, the target-group outcome with its reason, the duplicate and bad input in plain German', async () => {
    const page = await caseManager();
    await page.getByRole('link', { name: 'Aufnahme' }).click();
    await page.getByRole('heading', { level: 1, name: 'Aufnahme einer Person' }).waitFor();
    await expectAccessible(page);

    // The question the graph takes as non-null is asked here, by name.
    await page.getByRole('button', { name: 'Person aufnehmen' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('„bisheriges Case Management“');
    // Bad input: the graph names the argument; the console says which field, in German.
    await page.getByRole('group', { name: /schon ein Case Management/ }).getByLabel('nein', { exact: true }).check();
    await page.getByRole('button', { name: 'Person aufnehmen' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toBe('Eingabe ungültig im Feld „Geburtsdatum“. Bitte prüfen Sie die Angabe.');
    expect(await page.getByLabel('Geburtsdatum *').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page);
    await page.getByLabel('Geburtsdatum *').fill('2000-05-01');
    await page.getByRole('button', { name: 'Person aufnehmen' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toBe('Eingabe ungültig im Feld „Vorname“. Bitte prüfen Sie die Angabe.');

    await openIntake(page);
    await fillIntake(page, { given: 'Amal', family: 'Testaufnahme', birth: '2000-05-01', prior: false });
    await page.screenshot({ path: join(SCREENSHOTS, 'case-manager-intake.png'), fullPage: true });
    await page.getByRole('button', { name: 'Person aufnehmen' }).click();
    const done = page.getByRole('status').filter({ hasText: 'Aufgenommen als' });
    await done.waitFor();
    expect(await done.textContent()).toMatch(/Aufgenommen als K-\d{6}\.Zielgruppe am 3\.3\.2025: ja \(Stufe 2\)$/);
    const clientId = /K-\d{6}/.exec((await done.textContent()) ?? '')![0];
    await expectAccessible(page);

    // Outside the target group, with the reason in German.
    await openIntake(page);
    await fillIntake(page, { given: 'Bilal', family: 'Testaufnahme', birth: '1999-02-02', prior: true });
    await page.getByRole('button', { name: 'Person aufnehmen' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Aufgenommen als' }).textContent()).toMatch(/nein \(Stufe 2\) – hatte bereits ein Case Management$/);

    // The same person again: refused, in plain German, naming nothing of the record.
    await openIntake(page);
    await fillIntake(page, { given: 'amal', family: 'TESTAUFNAHME', birth: '2000-05-01', prior: false });
    await page.getByRole('button', { name: 'Person aufnehmen' }).click();
    const duplicate = page.getByRole('alert').filter({ hasText: 'bereits registriert' });
    await duplicate.waitFor();
    expect(await duplicate.textContent()).not.toContain(clientId);
    expect(await duplicate.textContent()).not.toMatch(ENGLISH);
    await expectAccessible(page);

    // The new client is in the team's list at once.
    await page.getByRole('link', { name: 'Klientinnen und Klienten' }).click();
    await page.getByLabel('Name oder KIM-Nummer').fill(clientId);
    await expect.poll(() => column(page, 1)).toEqual([clientId]);

    // The next step, offered by the intake: the client's consent to the team's own case
    // management (the team's own team is the recipient the form starts with); then the team reads
    // the client's data.
    await page.goto(`${base}#/einwilligung/neu/${clientId}`);
    await page.getByRole('heading', { name: `Einwilligung erfassen für ${clientId}` }).waitFor();
    expect(await page.getByLabel('Empfangende Stelle').inputValue()).toBe('KIM_NEUSS');
    const categories = page.getByRole('group', { name: 'Datenkategorien' });
    for (const name of ['Personalien', 'Kontaktdaten', 'Fallmanagement']) await categories.getByLabel(name, { exact: true }).check();
    await page.getByRole('group', { name: 'Zwecke' }).getByLabel('Fallmanagement', { exact: true }).check();
    await page.getByLabel('den Zweck der Übermittlung').check();
    await page.getByLabel('die Folgen einer Verweigerung').check();
    await page.getByLabel('das Recht, jederzeit').check();
    await page.getByLabel('Ablagezeichen').fill('EV-2026-000778');
    await page.getByRole('button', { name: 'Einwilligung erfassen' }).click();
    await page.getByRole('status').filter({ hasText: 'erfasst' }).waitFor();
    await openClient(page, clientId);
    await expect.poll(() => page.getByRole('region', { name: 'Kommunales Integrationsmanagement' }).textContent()).toContain('Amal');
    await page.context().close();
  });

  it('filters the list by the target group at intake in the graph, over all pages', async () => {
    const page = await caseManager();
    await page.getByRole('table').waitFor();
    await expect.poll(() => page.getByRole('columnheader').allTextContents()).toContain('Zielgruppe (bei Aufnahme)');
    const all = Number(/^(\d+)/.exec((await page.getByRole('status').filter({ hasText: 'insgesamt' }).textContent()) ?? '')?.[1]);
    await page.getByLabel('Zielgruppe (bei Aufnahme)').selectOption({ label: 'gehörte zur Zielgruppe' });
    await page.getByRole('status').filter({ hasText: /\d+ Treffer/ }).waitFor();
    await expect.poll(async () => { const c = await column(page, 5); return c.length > 0 && c.every((t) => t === 'ja (Stufe 2)'); }).toBe(true);
    const yes = Number(/^(\d+) Treffer/.exec((await page.getByRole('status').filter({ hasText: /Treffer/ }).textContent()) ?? '')?.[1]);
    await page.getByLabel('Zielgruppe (bei Aufnahme)').selectOption({ label: 'gehörte nicht zur Zielgruppe' });
    await expect.poll(async () => { const c = await column(page, 5); return c.length > 0 && c.every((t) => t.startsWith('nein')); }).toBe(true);
    const no = Number(/^(\d+) Treffer/.exec((await page.getByRole('status').filter({ hasText: /Treffer/ }).textContent()) ?? '')?.[1]);
    // Over all the team's clients, not the loaded page: those not checked are in neither.
    expect(yes + no).toBeLessThan(all);
    expect(yes).toBeGreaterThan(0);
    await expectAccessible(page);
    await page.context().close();
  });

  it('shows the joined view in German: no raw enum value, no English reason', async () => {
    const page = await caseManager();
    for (const id of neussClients.slice(0, 10)) {
      await openClient(page, id);
      await expect.poll(() => field(page, 'Kommunales Integrationsmanagement', 'Zielgruppe (heute)').textContent()).not.toBe('');
      const text = await page.locator('main').innerText();
      expect({ id, raw: RAW_TOKEN.exec(text)?.[0] ?? null, english: ENGLISH.exec(text)?.[0] ?? null }).toEqual({ id, raw: null, english: null });
    }
    await openClient(page, planClient);
    await expect.poll(() => field(page, 'Kommunales Integrationsmanagement', 'Zielgruppe (bei Aufnahme)').textContent()).toMatch(/^(ja|nein) \(Stufe 2\), geprüft am \d{1,2}\.\d{1,2}\.\d{4}$|^nicht geprüft|^keine Einwilligung/);
    await page.context().close();
  });

  it('case plan: a goal\'s status and due date; notes; the team\'s overdue referrals; closing', async () => {
    const page = await caseManager();
    await openClient(page, planClient);
    const goals = field(page, 'Kommunales Integrationsmanagement', 'Ziele (Förderplan)');
    const goalTitle = ((await page.getByLabel('Welches Ziel').locator('option').first().textContent()) ?? '').replace(/ \([^)]*\)$/, '');
    await page.getByLabel('Neuer Status').selectOption({ label: 'erreicht' });
    await page.getByLabel('Neues Fälligkeitsdatum (optional)').fill('2030-06-30');
    await page.getByRole('button', { name: 'Ziel speichern' }).click();
    await page.getByRole('status').filter({ hasText: `Ziel „${goalTitle}“: erreicht, fällig am 30.6.2030.` }).waitFor();
    await expect.poll(() => goals.textContent()).toContain(`${goalTitle} (erreicht, bis 30.6.2030`);
    await page.getByLabel('Neuer Status').selectOption({ label: 'in Arbeit' });
    await page.getByRole('button', { name: 'Ziel speichern' }).click();
    await expect.poll(() => goals.textContent()).toContain(`${goalTitle} (in Arbeit, bis 30.6.2030`);

    // Notes: a case note under Fallnotizen, a health note only under Gesundheitsnotizen.
    await page.getByLabel('Art', { exact: true }).selectOption({ label: 'Fallnotiz' });
    await page.getByLabel('Text', { exact: true }).fill('Termin beim Jobcenter vereinbart.');
    await page.getByRole('button', { name: 'Notiz speichern' }).click();
    await expect.poll(() => field(page, 'Kommunales Integrationsmanagement', 'Fallnotizen').textContent()).toContain('Termin beim Jobcenter vereinbart.');
    await page.getByLabel('Art', { exact: true }).selectOption({ label: 'Gesundheit (besonders geschützt)' });
    await page.getByLabel('Text', { exact: true }).fill('Facharzttermin organisiert.');
    await page.getByRole('button', { name: 'Notiz speichern' }).click();
    await expect.poll(() => field(page, 'Kommunales Integrationsmanagement', 'Gesundheitsnotizen').textContent()).toContain('Facharzttermin organisiert.');
    expect(await field(page, 'Kommunales Integrationsmanagement', 'Fallnotizen').textContent()).not.toContain('Facharzttermin');
    // Bad input names the field in German, never the server's English.
    await page.getByLabel('Text', { exact: true }).fill('x'.repeat(4001));
    await page.getByRole('button', { name: 'Notiz speichern' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toBe('Eingabe ungültig im Feld „Text“. Bitte prüfen Sie die Angabe.');
    await expectAccessible(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'case-manager-casework.png'), fullPage: true });

    // The team's overdue referrals, each opening its client.
    await page.getByRole('link', { name: 'Überfällige Verweisungen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Überfällige Verweisungen des Teams' }).waitFor();
    await page.getByLabel(/seit mehr als \(Tage\)/).fill('1');
    await page.getByRole('button', { name: 'Anzeigen' }).click();
    await page.getByRole('status').filter({ hasText: /mehr als 1 Tag/ }).waitFor();
    const overdue = await column(page, 1);
    expect(overdue.length).toBeGreaterThan(0);
    expect(overdue.every((id) => neussClients.includes(id))).toBe(true);
    expect(await page.locator('main').innerText()).not.toMatch(RAW_TOKEN);
    await expectAccessible(page);

    // Closing: the case is closed with its date and reason.
    await openClient(page, planClient);
    await page.getByLabel('Grund', { exact: true }).selectOption({ label: 'verzogen' });
    await page.getByRole('button', { name: 'Fall abschließen' }).click();
    await page.getByRole('status').filter({ hasText: 'Fall abgeschlossen.' }).waitFor();
    expect(await hub.services['case-registry'].prisma.client.findUnique({ where: { id: planClient }, select: { status: true, closingReason: true } })).toEqual({ status: 'CLOSED', closingReason: 'MOVED_AWAY' });
    // Closing ends the client's consents to the team: the view now says so, field by field.
    await expect.poll(() => field(page, 'Kommunales Integrationsmanagement', 'Status').textContent()).toBe('keine Einwilligung für Fallmanagement');
    expect(await page.locator('main').innerText()).not.toMatch(ENGLISH);
    await expectAccessible(page);
    await page.context().close();
    expect(pageErrors).toEqual([]);
  });
});
