// What the console's browser tests share: Debian's Chromium through playwright-core (German where
// a test needs it), a page that records script errors and CSP violations, the axe check (WCAG 2.1
// A/AA), and the demo sign-in.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';

export const CHROMIUM = process.env.KIM_CHROMIUM ?? '/usr/bin/chromium';
export const SCREENSHOTS = join(import.meta.dirname, '..', '..', 'console', 'screenshots');

/**
 * Chromium in German, as the people using the console have it: date inputs show TT.MM.JJJJ.
 * That takes the German locale file (Debian's `chromium-l10n`, which .ci/run installs), `--lang`,
 * and LANG/LANGUAGE in the browser's environment (headless Chromium formats dates by those).
 */
export async function launchGermanChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install chromium (.ci/run does)`);
  if (CHROMIUM === '/usr/bin/chromium' && !existsSync('/usr/lib/chromium/locales/de.pak')) {
    throw new Error('Chromium has no German locale: apt-get install chromium-l10n (.ci/run does)');
  }
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--lang=de-DE'], env: { ...process.env, LANG: 'de_DE.UTF-8', LANGUAGE: 'de' } });
}

/** A fresh context (nothing kept from another test); script errors go to `errors`. */
export async function newGermanPage(browser: Browser, errors: string[]): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'de-DE', timezoneId: 'Europe/Berlin' });
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  return page;
}

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install chromium (.ci/run does)`);
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
}

/** What went wrong in any page of a test file: the console must show German errors, never crash or break its CSP. */
export interface PageProblems {
  readonly pageErrors: string[];
  readonly cspViolations: string[];
}

export function pageProblems(): PageProblems {
  return { pageErrors: [], cspViolations: [] };
}

/**
 * A new page in a fresh context (nothing shared with other pages), German, Berlin time. Script
 * errors and `securitypolicyviolation` events are recorded into `problems`.
 */
export async function newPage(browser: Browser, problems: PageProblems, viewport = { width: 1280, height: 900 }, options: { bypassCSP?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'de-DE', timezoneId: 'Europe/Berlin', acceptDownloads: true, ...options });
  await context.exposeBinding('__kimCspViolation', (_source, text: string) => problems.cspViolations.push(text));
  // Injected by the browser's debugging protocol, outside the page's CSP (which would refuse an inline script).
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      void (window as unknown as { __kimCspViolation: (text: string) => Promise<void> }).__kimCspViolation(`${e.violatedDirective} ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.pageErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) problems.cspViolations.push(m.text());
  });
  return page;
}

/** No WCAG 2.1 A/AA violation on the page as it stands. */
export async function expectAccessible(page: Page): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(result.violations.map((v) => ({ rule: v.id, nodes: v.nodes.map((n) => n.target.join(' ')) }))).toEqual([]);
}

/** Demo sign-in as a persona (and one of its role's purposes, by its German label). */
export async function signIn(page: Page, base: string, persona: string, purpose?: string): Promise<void> {
  await page.goto(base);
  await page.getByRole('heading', { name: 'Anmelden (Demo)' }).waitFor();
  await page.getByLabel(`(${persona})`, { exact: false }).check();
  if (purpose) await page.getByLabel('Zweck der Verarbeitung').selectOption({ label: purpose });
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await page.getByRole('button', { name: 'Abmelden' }).waitFor();
}

export async function openClient(page: Page, base: string, id: string): Promise<void> {
  await page.goto(`${base}#/klienten/${id}`);
  await page.getByRole('heading', { level: 1, name: new RegExp(id) }).waitFor();
}

/** The joined view's value (or reason) for a field of a group. */
export function field(page: Page, group: string, name: string) {
  return page.getByRole('region', { name: group }).locator('dt', { hasText: new RegExp(`^${name.replace(/[()]/g, '\\$&')}$`) }).locator('xpath=following-sibling::dd[1]');
}

/** The texts of a column of the first table on the page (1-based). */
export function column(page: Page, n: number): Promise<string[]> {
  return page.getByRole('table').first().locator(`tbody tr td:nth-child(${n})`).allTextContents();
}
