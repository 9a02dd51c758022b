import { SPECIAL_CATEGORIES } from '@kim/schema';
import { generatePopulation } from '../population/population.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyChain } from '@kim/consent';
import { chainPendingGrantEvents, deriveState, EVIDENCE_REF, LANGUAGE, loadGrantEvents, newAuditKey, openConsentTestDatabase, SHEET_VERSION, type ConsentTestDatabase } from '@kim/consent/testing';
import { SECRECY_CATEGORIES } from '@kim/schema';
import { seedConsent } from './consent.ts';

// The demo's consent records (`npm start`): every one complete and plausible, and among them
// refusals, expired ones and withdrawals recorded by the recipient agency. PGlite, or PostgreSQL
// when KIM_TEST_DATABASE_URL is set.

const key = newAuditKey();
let test: ConsentTestDatabase;
beforeAll(async () => {
  test = await openConsentTestDatabase('seed');
  await seedConsent(test.prisma, generatePopulation({ count: 240 }));
  await chainPendingGrantEvents(test.db.sql, key);
});
afterAll(async () => {
  await test?.close();
});

describe('the demo consent records', () => {
  it('are each complete and plausible', async () => {
    const grants = await test.prisma.grant.findMany();
    expect(grants.length).toBeGreaterThan(200);
    for (const g of grants) {
      const secret = g.categories.some((c) => SECRECY_CATEGORIES.includes(c as never));
      expect(g, g.id).toMatchObject({ informedOfPurpose: true, informedOfRefusalConsequences: true, informedOfWithdrawalRight: true, legalBasis: 'CONSENT' });
      expect(['WRITTEN', 'ELECTRONIC'], g.id).toContain(g.form);
      expect(g.evidenceRef, g.id).toMatch(EVIDENCE_REF);
      expect(g.informationSheetVersion, g.id).toMatch(SHEET_VERSION);
      expect(g.informationSheetLanguage, g.id).toMatch(LANGUAGE);
      expect(g.validUntil, g.id).not.toBeNull();
      expect(g.validUntil!.getTime(), g.id).toBeGreaterThan(g.validFrom.getTime());
      expect(g.releasingOrganisation !== null, g.id).toBe(secret);
      expect(g.legalRepresentativeName !== null, g.id).toBe(g.legalRepresentativeCapacity !== null);
      // Health data only ever on explicit consent, never on another basis.
      if (g.categories.some((c) => SPECIAL_CATEGORIES.includes(c as never))) expect(g.legalBasis).toBe('CONSENT');
    }
  });

  it('include refusals, expired consents, renewals and withdrawals recorded by the recipient agency, all in a chain that verifies', async () => {
    const grants = await test.prisma.grant.findMany();
    const events = await loadGrantEvents(test.prisma, { grantIds: grants.map((g) => g.id) });
    const now = new Date();
    const states = grants.map((g) => deriveState(g, events.filter((e) => e.grantId === g.id).map((e) => ({ ...e, chained: e.hash !== null })), now).state);
    const count = (s: string) => states.filter((x) => x === s).length;
    expect(count('ACTIVE')).toBeGreaterThan(100);
    expect(count('REFUSED')).toBeGreaterThan(5);
    expect(count('EXPIRED')).toBeGreaterThan(0);
    expect(count('WITHDRAWN')).toBeGreaterThan(5);
    expect(events.some((e) => e.type === 'RENEWED')).toBe(true);
    const byPartner = events.filter((e) => e.type === 'WITHDRAWN' && grants.find((g) => g.id === e.grantId)!.grantee === e.agency);
    expect(byPartner.length).toBeGreaterThan(0);
    expect(events.every((e) => e.hash !== null)).toBe(true);
    expect(await verifyChain(test.prisma, key)).toMatchObject({ valid: true });
  });
});
