import { SPECIAL_CATEGORIES } from '@kim/schema';
import { generatePopulation } from '../population/population.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyChain } from '@kim/consent';
import { chainPendingGrantEvents, deriveState, EVIDENCE_REF, LANGUAGE, loadGrantEvents, newAuditKey, openConsentTestDatabase, SHEET_VERSION, type ConsentTestDatabase } from '@kim/consent/testing';
import { SECRECY_CATEGORIES } from '@kim/schema';
import { adultFromOf, isoDate } from '@kim/service-kit';
import type { DemoClient } from '../population/population.ts';
import { seedConsent } from './consent.ts';

// The demo's consent records (`npm start`): every one complete and plausible, and among them
// refusals, expired ones and withdrawals recorded by the recipient agency. PGlite, or PostgreSQL
// when KIM_TEST_DATABASE_URL is set.

const key = newAuditKey();
const population = generatePopulation({ count: 240 });
const clientOf = new Map<string, DemoClient>(population.map((c) => [c.id, c]));
let test: ConsentTestDatabase;
beforeAll(async () => {
  test = await openConsentTestDatabase('seed');
  await seedConsent(test.prisma, population);
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

  it('carry the legal representative wherever the client was a minor on the record date, a parent or guardian', async () => {
    const grants = await test.prisma.grant.findMany();
    // By the population's birth dates, not by what the seed computed.
    const minors = grants.filter((g) => {
      const [y, m, d] = clientOf.get(g.kimClientId)!.birthDate.split('-').map(Number) as [number, number, number];
      return new Date(Date.UTC(y + 18, m - 1, d)) > g.recordedAt;
    });
    expect(minors.length).toBeGreaterThan(5);
    const refusedByMinors = await test.prisma.grantEvent.count({ where: { type: 'REFUSED', grantId: { in: minors.map((g) => g.id) } } });
    expect(refusedByMinors).toBeGreaterThan(0);
    for (const g of minors) {
      expect(g.legalRepresentativeName, g.id).toMatch(/^\S.{1,199}$/);
      expect(['PARENT', 'GUARDIAN'], g.id).toContain(g.legalRepresentativeCapacity);
      expect(g.legalRepresentativeName, g.id).not.toMatch(/\(Mutter\)/);
    }
    for (const g of grants.filter((x) => !minors.includes(x))) expect(g.legalRepresentativeName, g.id).toBeNull();
  });

  it('name as releasing association only one the client has counselling with, and leave counselling out otherwise', async () => {
    for (const g of await test.prisma.grant.findMany()) {
      const associations = clientOf.get(g.kimClientId)!.welfare.contacts.map((k) => k.association as string);
      if (g.releasingOrganisation !== null) expect(associations, g.id).toContain(g.releasingOrganisation);
      if (associations.length === 0) expect(g.categories.filter((c) => SECRECY_CATEGORIES.includes(c as never)), g.id).toEqual([]);
    }
  });

  it('tell the consent service the day each client comes of age with the holder, never the birth date', async () => {
    const rows = await test.prisma.clientTeamEvent.findMany();
    for (const r of rows) {
      const told = r.adultFrom === null ? null : isoDate(r.adultFrom);
      expect(told, `${r.kimClientId} ${r.team}`).toBe(r.team === null ? null : adultFromOf(clientOf.get(r.kimClientId)!.birthDate));
    }
    expect(Object.keys(rows[0]!)).not.toContain('birthDate');
  });

  it('give a demo database from before the day was sent the day, once', async () => {
    const old = await openConsentTestDatabase('seed-old');
    try {
      const few = population.slice(0, 5);
      await old.prisma.clientTeamEvent.createMany({ data: few.map((c) => ({ kimClientId: c.id, team: `KIM_${c.town}`, recordedBy: 'case-registry' })) });
      await seedConsent(old.prisma, few);
      await seedConsent(old.prisma, few);
      const rows = await old.prisma.clientTeamEvent.findMany({ orderBy: { seq: 'asc' } });
      expect(rows.map((r) => [r.kimClientId, r.team, r.adultFrom && isoDate(r.adultFrom)])).toEqual([
        ...few.map((c) => [c.id, `KIM_${c.town}`, null]),
        ...few.map((c) => [c.id, `KIM_${c.town}`, adultFromOf(c.birthDate)]),
      ]);
    } finally {
      await old.close();
    }
  });
});
