import { describe, it, expect } from 'vitest';
import { AGENCIES, TOWNS, WELFARE_ASSOCIATIONS, type Agency } from '@kim/schema';
import { CASE_MANAGERS, ageOn, generatePopulation, type DemoClient, type DemoConsent } from './population.ts';

const TODAY = '2026-11-25';
const population = generatePopulation();
const byId = new Map(population.map((c) => [c.id, c]));
const client = (id: string): DemoClient => {
  const found = byId.get(id);
  if (!found) throw new Error(`no client ${id}`);
  return found;
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const KIM_FORM = ['IDENTITY', 'CONTACT', 'RESIDENCE', 'ASYLUM_PROCEDURE', 'BENEFITS', 'EMPLOYMENT', 'EDUCATION_LANGUAGE', 'HOUSING', 'COUNSELLING', 'NATURALISATION'];
const isWelfare = (a: Agency): boolean => (WELFARE_ASSOCIATIONS as readonly string[]).includes(a);
const kimConsent = (c: DemoClient): DemoConsent | undefined => c.consents.find((k) => k.grantee === `KIM_${c.town}`);
const share = (f: (c: DemoClient) => boolean): number => population.filter(f).length / population.length;

describe('ageOn', () => {
  it('counts whole years; the birthday itself counts', () => {
    expect(ageOn('2000-06-15', '2020-06-14')).toBe(19);
    expect(ageOn('2000-06-15', '2020-06-15')).toBe(20);
    expect(ageOn('2004-02-29', '2025-02-28')).toBe(20);
    expect(ageOn('2004-02-29', '2025-03-01')).toBe(21);
  });
});

describe('generatePopulation: determinism and shape', () => {
  it('returns the same population for the same options', () => {
    expect(generatePopulation()).toEqual(population);
    expect(generatePopulation({ count: 50, seed: 7 })).toEqual(generatePopulation({ count: 50, seed: 7 }));
  });

  it('returns a different population for a different seed, but the same showcase client', () => {
    const other = generatePopulation({ seed: 42 });
    expect(other).not.toEqual(population);
    expect(other[0]).toEqual(population[0]);
  });

  it('honours count, with ids K-000001… unique and in order', () => {
    expect(population).toHaveLength(240);
    expect(population.map((c) => c.id)).toEqual(Array.from({ length: 240 }, (_, i) => `K-${String(i + 1).padStart(6, '0')}`));
    expect(generatePopulation({ count: 0 })).toEqual([]);
    expect(generatePopulation({ count: 2 }).map((c) => c.town)).toEqual(['NEUSS', 'NEUSS']);
    expect(generatePopulation({ count: 1000 })).toHaveLength(1000);
  });

  it('rejects malformed options', () => {
    expect(() => generatePopulation({ count: -1 })).toThrow(RangeError);
    expect(() => generatePopulation({ count: 1.5 })).toThrow(RangeError);
    expect(() => generatePopulation({ today: '2026-02-30' })).toThrow(RangeError);
    expect(() => generatePopulation({ today: '25.11.2026' })).toThrow(RangeError);
  });

  it('keeps record ids of other agencies unique', () => {
    const big = generatePopulation({ count: 3000 });
    for (const ids of [
      big.map((c) => c.abhRecordId),
      big.flatMap((c) => (c.asylum ? [c.asylum.bamfFileNumber] : [])),
      big.flatMap((c) => (c.jobcenter ? [c.jobcenter.benefitCaseId] : [])),
      big.flatMap((c) => (c.jobcenter ? [c.jobcenter.householdId] : [])),
      big.flatMap((c) => c.consents.map((k) => k.evidenceRef.split(' ')[0])),
    ]) {
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('generates large populations with unique ids (the benchmark seeds 10,000)', () => {
    const large = generatePopulation({ count: 10_000, seed: 99 });
    expect(new Set(large.map((c) => c.id)).size).toBe(10_000);
  });
});

describe('case managers and towns', () => {
  it('has six positions covering every town exactly once, Neuss on its own', () => {
    expect(CASE_MANAGERS).toHaveLength(6);
    expect(CASE_MANAGERS.flatMap((cm) => cm.towns).sort()).toEqual([...TOWNS].sort());
    expect(new Set(CASE_MANAGERS.map((cm) => cm.id)).size).toBe(6);
    expect(CASE_MANAGERS.find((cm) => cm.id === 'cm-neuss-1')?.towns).toEqual(['NEUSS']);
  });

  it('gives every town at least 5 clients and Neuss the most (≥ 40)', () => {
    for (const seed of [20210127, 1, 2, 3]) {
      const counts = new Map<string, number>();
      for (const c of generatePopulation({ seed })) counts.set(c.town, (counts.get(c.town) ?? 0) + 1);
      for (const town of TOWNS) expect(counts.get(town) ?? 0, `${town} (seed ${seed})`).toBeGreaterThanOrEqual(5);
      expect(counts.get('NEUSS')).toBeGreaterThanOrEqual(40);
      expect(Math.max(...counts.values())).toBe(counts.get('NEUSS'));
    }
  });

  it('assigns each client the case manager of their town', () => {
    for (const c of population) {
      expect(CASE_MANAGERS.find((cm) => cm.id === c.caseManagerId)?.towns, c.id).toContain(c.town);
    }
  });
});

describe('invariants of every client', () => {
  it('uses well-formed dates and timestamps, all events before today', () => {
    for (const c of population) {
      for (const d of [c.birthDate, c.arrivalDate, c.registeredAt]) expect(d).toMatch(DATE);
      expect(c.registeredAt < TODAY && c.arrivalDate < c.registeredAt, c.id).toBe(true);
      const stamps = [
        ...c.referrals.flatMap((r) => [r.sentAt, r.firstContactAt, r.outcomeAt]),
        ...c.notes.map((n) => n.createdAt),
        ...c.welfare.needs.map((n) => n.recordedAt),
        ...c.consents.map((k) => k.revokedAt),
      ].filter((s): s is string => s !== null);
      for (const s of stamps) {
        expect(s).toMatch(TIMESTAMP);
        expect(s < TODAY, `${c.id}: ${s}`).toBe(true);
      }
    }
  });

  it('has clients aged 16–45, most of them 18–35', () => {
    const ages = population.map((c) => ageOn(c.birthDate, TODAY));
    expect(Math.min(...ages)).toBeGreaterThanOrEqual(16);
    expect(Math.max(...ages)).toBeLessThanOrEqual(45);
    expect(ages.filter((a) => a >= 18 && a <= 35).length / ages.length).toBeGreaterThan(0.65);
  });

  it('has residence histories that are ordered, contiguous, start after arrival and end in a current title', () => {
    for (const c of population) {
      const titles = c.residence;
      expect(titles.length, c.id).toBeGreaterThan(0);
      expect(titles[0]!.validFrom >= c.arrivalDate, c.id).toBe(true);
      titles.forEach((t, i) => {
        expect(t.validFrom).toMatch(DATE);
        if (t.validUntil !== null) expect(t.validFrom <= t.validUntil, c.id).toBe(true);
        if (i > 0) {
          const prev = titles[i - 1]!;
          expect(prev.validUntil, c.id).not.toBeNull();
          expect(prev.validUntil! < t.validFrom, `${c.id}: overlap`).toBe(true);
        }
      });
      const current = titles[titles.length - 1]!;
      expect(current.validFrom <= TODAY, c.id).toBe(true);
      expect(current.validUntil === null || current.validUntil > TODAY, c.id).toBe(true);
    }
  });

  it('ties residence paths to the asylum procedure', () => {
    for (const c of population) {
      const types = new Set(c.residence.map((t) => t.titleType));
      // An asylum procedure always starts with a Gestattung; without one, nobody ever had one.
      expect(types.has('AUFENTHALTSGESTATTUNG'), c.id).toBe(c.asylum !== null);
      if (types.has('DULDUNG')) expect(c.asylum?.state, c.id).toBe('REJECTED');
      if (c.asylum?.state === 'PENDING') expect(c.residence.at(-1)!.titleType).toBe('AUFENTHALTSGESTATTUNG');
      if (c.asylum) expect(c.asylum.decidedAt === null).toBe(c.asylum.state === 'PENDING');
      if (c.residence.some((t) => t.legalBasis.startsWith('§ 24 '))) expect(c.nationality).toBe('Ukraine');
    }
    const current = population.map((c) => c.residence.at(-1)!);
    expect(current.filter((t) => t.titleType === 'DULDUNG').filter((t) => !t.workPermitted).length).toBeGreaterThan(current.filter((t) => t.titleType === 'DULDUNG').length / 2);
  });

  it('orders referral times and keeps some referrals stalled', () => {
    const referrals = population.flatMap((c) => c.referrals);
    for (const r of referrals) {
      if (r.firstContactAt !== null) expect(r.firstContactAt > r.sentAt).toBe(true);
      if (r.outcomeAt !== null) expect(r.outcomeAt > (r.firstContactAt ?? r.sentAt)).toBe(true);
      expect(r.outcome === null).toBe(r.outcomeAt === null);
    }
    expect(referrals.some((r) => r.firstContactAt === null && r.outcome === null)).toBe(true);
    for (const c of population) {
      expect(c.referrals.length).toBeLessThanOrEqual(4);
      expect(c.goals.length).toBeLessThanOrEqual(4);
      expect(c.notes.length).toBeLessThanOrEqual(3);
      for (const r of c.referrals) {
        expect(AGENCIES).toContain(r.toAgency);
        if (r.toAgency === 'JMD') expect(ageOn(c.birthDate, r.sentAt.slice(0, 10))).toBeLessThan(27);
      }
      for (const n of c.notes) expect(n.author).toBe(c.caseManagerId);
    }
  });

  it('records consents consistently', () => {
    const consents = population.flatMap((c) => c.consents.map((k) => ({ c, k })));
    for (const { c, k } of consents) {
      expect(k.legalBasis).toBe('CONSENT');
      expect(k.recordedBy).toBe(c.caseManagerId);
      expect(k.evidenceRef).toMatch(/^EV-\d{4}-\d{6} \(.+\)$/);
      expect(k.validFrom).toMatch(DATE);
      expect(k.validFrom >= c.registeredAt && k.validFrom < TODAY, c.id).toBe(true);
      if (k.validUntil !== null) expect(k.validUntil > k.validFrom).toBe(true);
      expect(k.revokedBy === null).toBe(k.revokedAt === null);
      if (k.revokedAt !== null) {
        expect(k.revokedAt.slice(0, 10) <= TODAY).toBe(true);
        expect(k.revokedAt.slice(0, 10) > k.validFrom).toBe(true);
        expect(k.revokedBy).toBe(c.caseManagerId);
      }
      if (k.grantee.startsWith('KIM_')) {
        expect(k.grantee).toBe(`KIM_${c.town}`);
        expect(k.categories.filter((cat) => cat !== 'HEALTH')).toEqual(KIM_FORM);
        expect(k.purposes).toEqual(['CASE_MANAGEMENT', 'REFERRAL', 'NATURALISATION_PROCEDURE']);
      } else if (k.grantee === 'JOBCENTER') {
        expect(c.jobcenter).not.toBeNull();
        expect(k.categories).toEqual(['EDUCATION_LANGUAGE', 'COUNSELLING']);
        expect(k.purposes).toEqual(['LABOUR_MARKET_INTEGRATION']);
      } else if (isWelfare(k.grantee)) {
        expect(c.welfare.contacts.map((x) => x.association)).toContain(k.grantee);
        expect(k.purposes).toEqual(['MIGRATION_COUNSELLING']);
      } else {
        expect(k.grantee).toBe('IMMIGRATION_OFFICE');
        expect(k.categories).toEqual(['EDUCATION_LANGUAGE']);
        expect(k.purposes).toEqual(['NATURALISATION_PROCEDURE']);
      }
    }
    const revoked = consents.filter(({ k }) => k.revokedAt !== null).length / consents.length;
    expect(revoked).toBeGreaterThan(0.03);
    expect(revoked).toBeLessThan(0.15);
    expect(consents.some(({ k }) => k.revokedAt === null && k.validUntil !== null && k.validUntil < TODAY)).toBe(true);
  });

  it('keeps jobcenter and welfare records plausible', () => {
    for (const c of population) {
      const jc = c.jobcenter;
      if (jc) {
        expect(jc.since >= c.arrivalDate && jc.since < TODAY, c.id).toBe(true);
        expect(jc.monthlyBenefitEuro > 0).toBe(jc.status === 'RECEIVING');
        expect(jc.householdSize).toBeGreaterThanOrEqual(1);
        for (const m of [...jc.measures, ...jc.placements]) {
          expect(m.startDate >= jc.since && m.startDate < TODAY).toBe(true);
          if (m.endDate !== null) expect(m.endDate > m.startDate && m.endDate < TODAY).toBe(true);
        }
      }
      for (const x of c.welfare.contacts) {
        expect(x.date >= c.arrivalDate && x.date < TODAY).toBe(true);
        expect(x.service === 'YOUTH_MIGRATION_SERVICE').toBe(x.association === 'JMD');
      }
      for (const course of c.welfare.courses) {
        if (course.certificateLevel !== null) expect(course.completedAt).not.toBeNull();
        if (course.completedAt !== null) expect(course.completedAt > course.startedAt).toBe(true);
      }
    }
  });

  it('matches the intended shares roughly', () => {
    const big = generatePopulation({ count: 4000, seed: 5 });
    const part = (f: (c: DemoClient) => boolean): number => big.filter(f).length / big.length;
    expect(part((c) => c.jobcenter !== null)).toBeCloseTo(0.7, 1);
    expect(part((c) => c.welfare.contacts.length > 0)).toBeCloseTo(0.85, 1);
    expect(part((c) => c.welfare.courses.length > 0)).toBeCloseTo(0.6, 1);
    expect(part((c) => c.welfare.needs.some((n) => n.kind === 'HEALTH'))).toBeCloseTo(0.15, 1);
    expect(part((c) => c.welfare.needs.some((n) => n.kind === 'HOUSING'))).toBeCloseTo(0.25, 1);
    expect(part((c) => c.naturalisation !== null)).toBeCloseTo(0.08, 1);
    // Every case under way rests on the client's consent to the team; some clients registered in
    // the last eight weeks, with neither plan nor referral yet, have not given it yet.
    const eightWeeksAgo = new Date(Date.parse(`${TODAY}T00:00:00Z`) - 56 * 86_400_000).toISOString().slice(0, 10);
    const withoutConsent = big.filter((c) => kimConsent(c) === undefined);
    expect(withoutConsent.length).toBeGreaterThan(0);
    expect(withoutConsent.every((c) => c.status === 'ACTIVE' && c.registeredAt >= eightWeeksAgo && c.goals.length === 0 && c.referrals.length === 0)).toBe(true);
    expect(part((c) => c.consents.some((k) => k.grantee === 'JOBCENTER'))).toBeCloseTo(0.45, 1);
    expect(part((c) => c.consents.some((k) => isWelfare(k.grantee)))).toBeCloseTo(0.3, 1);
    expect(part((c) => c.consents.some((k) => k.grantee === 'IMMIGRATION_OFFICE'))).toBeCloseTo(0.25, 1);
    expect(share((c) => c.status === 'ACTIVE')).toBeGreaterThan(0.5);
  });
});

describe('showcase clients', () => {
  it('K-000001 is the documented showcase', () => {
    const c = client('K-000001');
    expect(c.town).toBe('NEUSS');
    expect(c.status).toBe('ACTIVE');
    expect(c.caseManagerId).toBe('cm-neuss-1');
    expect(c.residence.length).toBeGreaterThan(1);
    expect(c.residence.at(-1)!.titleType).toBe('AUFENTHALTSERLAUBNIS');
    expect(c.jobcenter?.status).toBe('RECEIVING');
    expect(c.welfare.contacts.some((x) => x.association === 'CARITAS')).toBe(true);
    expect(c.welfare.courses.some((x) => x.certificateLevel === 'B1')).toBe(true);
    expect(c.welfare.needs.some((n) => n.kind === 'HEALTH')).toBe(true);

    const kim = c.consents.find((k) => k.grantee === 'KIM_NEUSS');
    expect(kim).toBeDefined();
    expect(kim!.revokedAt).toBeNull();
    expect(kim!.validUntil).toBeNull();
    expect([...kim!.categories].sort()).toEqual([...KIM_FORM, 'HEALTH'].sort());
    expect(kim!.purposes).toEqual(['CASE_MANAGEMENT', 'REFERRAL', 'NATURALISATION_PROCEDURE']);

    const jc = c.consents.find((k) => k.grantee === 'JOBCENTER');
    expect(jc).toMatchObject({ categories: ['EDUCATION_LANGUAGE', 'COUNSELLING'], purposes: ['LABOUR_MARKET_INTEGRATION'], revokedAt: null });

    expect(c.consents.some((k) => k.grantee === 'CARITAS' || k.grantee === 'IMMIGRATION_OFFICE')).toBe(false);
  });

  it('K-000001 keeps its story under another `today`', () => {
    const c = generatePopulation({ count: 1, today: '2030-03-01' })[0]!;
    expect(c.residence.at(-1)!.titleType).toBe('AUFENTHALTSERLAUBNIS');
    expect(c.residence.at(-1)!.validUntil! > '2030-03-01').toBe(true);
    expect(ageOn(c.birthDate, '2030-03-01')).toBe(ageOn(client('K-000001').birthDate, TODAY));
  });

  it('K-000002 lives in Neuss and has revoked its KIM consent', () => {
    for (const seed of [20210127, 1, 2, 3, 4]) {
      const c = generatePopulation({ count: 3, seed })[1]!;
      expect(c.town).toBe('NEUSS');
      const kim = kimConsent(c);
      expect(kim?.revokedAt).not.toBeNull();
      expect(kim!.revokedAt! < TODAY).toBe(true);
      expect(kim!.revokedBy).toBe('cm-neuss-1');
    }
  });

  it('K-000003 lives in Dormagen', () => {
    expect(client('K-000003').town).toBe('DORMAGEN');
    expect(client('K-000003').caseManagerId).toBe(CASE_MANAGERS.find((cm) => cm.towns.includes('DORMAGEN'))!.id);
  });
});
