import { generatePopulation } from '../population/population.ts';
import { describe, expect, it } from 'vitest';
import { jobcenterRows } from './jobcenter.ts';

const population = generatePopulation({ count: 60 });

describe('jobcenterRows', () => {
  it('gives a benefit case, with the jobcenter\'s own number, to exactly the clients the jobcenter knows', () => {
    const rows = jobcenterRows(population);
    const known = population.filter((c) => c.jobcenter !== null);
    expect(known.length).toBeGreaterThan(0);
    expect(known.length).toBeLessThan(population.length);
    expect(rows.benefitCases.map((b) => [b.kimClientId, b.id])).toEqual(known.map((c) => [c.id, c.jobcenter?.benefitCaseId]));
  });

  it('stores nothing at all for a client the jobcenter does not know', () => {
    const unknown = new Set(population.filter((c) => c.jobcenter === null).map((c) => c.id));
    const rows = jobcenterRows(population);
    const all = [...rows.benefitCases, ...rows.cooperationPlans, ...rows.measures, ...rows.placements];
    expect(all.filter((r) => unknown.has(r.kimClientId))).toEqual([]);
  });

  it('derives the same unique ids from the same population', () => {
    const first = jobcenterRows(population);
    const again = jobcenterRows(generatePopulation({ count: 60 }));
    expect(again).toEqual(first);
    for (const table of Object.values(first)) {
      const ids = table.map((r) => r.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('stores calendar dates as UTC midnight and an open end as null', () => {
    const client = population.find((c) => c.jobcenter?.measures.some((m) => m.endDate === null) || c.jobcenter?.placements.some((p) => p.endDate === null));
    expect(client).toBeDefined();
    const rows = jobcenterRows([client!]);
    const [benefitCase] = rows.benefitCases;
    expect(benefitCase?.since.toISOString()).toBe(`${client!.jobcenter!.since}T00:00:00.000Z`);
    expect([...rows.measures, ...rows.placements].some((r) => r.endDate === null)).toBe(true);
  });
});
