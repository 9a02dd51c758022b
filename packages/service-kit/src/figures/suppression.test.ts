import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MIN_CELL, suppressedCells, type CountTable } from './suppression.ts';

/** A rows × columns table with row totals, column totals and a grand total, as figures are published. */
function crossTable(counts: number[][]): CountTable {
  const cells = new Map<string, number>();
  const equations: { total: string; parts: string[] }[] = [];
  const rows = counts.length;
  const cols = counts[0]!.length;
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) cells.set(`${r}:${c}`, counts[r]![c]!);
  for (let r = 0; r < rows; r++) {
    cells.set(`${r}:*`, counts[r]!.reduce((a, b) => a + b, 0));
    equations.push({ total: `${r}:*`, parts: counts[r]!.map((_, c) => `${r}:${c}`) });
  }
  for (let c = 0; c < cols; c++) {
    cells.set(`*:${c}`, counts.reduce((a, row) => a + row[c]!, 0));
    equations.push({ total: `*:${c}`, parts: counts.map((_, r) => `${r}:${c}`) });
  }
  cells.set('*:*', [...cells].filter(([k]) => k.endsWith(':*') && !k.startsWith('*')).reduce((a, [, n]) => a + n, 0));
  equations.push({ total: '*:*', parts: counts.map((_, r) => `${r}:*`) });
  equations.push({ total: '*:*', parts: counts[0]!.map((_, c) => `*:${c}`) });
  return { cells, equations };
}

/**
 * The attacker of the property, written apart from the suppressor: it substitutes what is
 * published, then keeps solving any equation left with one unknown, and subtracts equations from
 * each other where one's unknowns are a subset of another's — the differencing of published
 * figures the issue names. Returns the small values and sums it found.
 */
function attack(table: CountTable, hidden: ReadonlySet<string>): string[] {
  const known = new Map([...table.cells].filter(([k]) => !hidden.has(k)));
  const leaks: string[] = [];
  const note = (what: string, n: number) => {
    if (n > 0 && n < MIN_CELL) leaks.push(`${what} = ${n}`);
  };
  for (let changed = true; changed; ) {
    changed = false;
    const open = table.equations.map((e) => {
      const unknown = [e.total, ...e.parts].filter((k) => !known.has(k));
      // total − Σ parts = 0, with knowns moved right: signed unknowns = constant.
      let constant = 0;
      if (known.has(e.total)) constant -= known.get(e.total)!;
      for (const p of e.parts) if (known.has(p)) constant += known.get(p)!;
      return { unknown, totalUnknown: !known.has(e.total), constant, e };
    });
    for (const o of open) {
      if (o.unknown.length === 1) {
        const k = o.unknown[0]!;
        const v = o.totalUnknown ? -o.constant : o.constant;
        known.set(k, Math.abs(v));
        note(k, Math.abs(v));
        changed = true;
      } else if (o.unknown.length > 1 && !o.totalUnknown) {
        note(`sum(${o.unknown.join('+')})`, o.constant);
      }
    }
    for (const a of open) {
      for (const b of open) {
        if (a === b || a.totalUnknown || b.totalUnknown || a.unknown.length === 0) continue;
        if (a.unknown.length < b.unknown.length && a.unknown.every((k) => b.unknown.includes(k))) note(`sum(${b.unknown.filter((k) => !a.unknown.includes(k)).join('+')})`, b.constant - a.constant);
      }
    }
  }
  return [...new Set(leaks)].concat(exactSmallSums(table, hidden));
}

/**
 * The differencing no ordering of equations hides: every set of up to four hidden cells whose sum
 * follows exactly from what is published (its indicator lies in the row space of the equations
 * over the hidden cells), when that sum is under the threshold. Exact rational elimination.
 */
function exactSmallSums(table: CountTable, hidden: ReadonlySet<string>): string[] {
  const unknowns = [...hidden];
  const col = new Map(unknowns.map((k, i) => [k, i]));
  const rows = table.equations.map((e) => {
    const row = new Array<number>(unknowns.length).fill(0);
    const add = (k: string, c: number) => {
      const i = col.get(k);
      if (i !== undefined) row[i]! += c;
    };
    add(e.total, 1);
    for (const p of e.parts) add(p, -1);
    return row;
  });
  const rank = (m: number[][]) => {
    const a = m.map((r) => r.map((x) => x));
    let r = 0;
    for (let c = 0; c < unknowns.length && r < a.length; c++) {
      const p = a.findIndex((row, i) => i >= r && Math.abs(row[c]!) > 1e-9);
      if (p < 0) continue;
      [a[r], a[p]] = [a[p]!, a[r]!];
      for (let i = 0; i < a.length; i++) {
        if (i === r) continue;
        const f = a[i]![c]! / a[r]![c]!;
        if (f !== 0) for (let j = 0; j < unknowns.length; j++) a[i]![j]! -= f * a[r]![j]!;
      }
      r++;
    }
    return r;
  };
  const base = rank(rows);
  const leaks: string[] = [];
  const subsets = (start: number, chosen: number[]) => {
    if (chosen.length > 0) {
      const sum = chosen.reduce((a, i) => a + (table.cells.get(unknowns[i]!) ?? 0), 0);
      const indicator = unknowns.map((_, i) => (chosen.includes(i) ? 1 : 0));
      if (sum > 0 && sum < MIN_CELL && rank([...rows, indicator]) === base) leaks.push(`exact sum(${chosen.map((i) => unknowns[i]).join('+')}) = ${sum}`);
    }
    if (chosen.length === 4) return;
    for (let i = start; i < unknowns.length; i++) subsets(i + 1, [...chosen, i]);
  };
  subsets(0, []);
  return leaks;
}

describe('complementary suppression', () => {
  it('hides a small cell and what would give it away: total 7, active 5 must not publish both', () => {
    const table = crossTable([[5, 2]]);
    const hidden = suppressedCells(table);
    expect(hidden.has('0:1')).toBe(true);
    expect(attack(table, hidden)).toEqual([]);
  });

  it('leaves a table without small cells as it is', () => {
    expect(suppressedCells(crossTable([[5, 6], [7, 8]])).size).toBe(0);
  });

  it('lets nobody derive a count under the threshold by differencing, whatever the counts (property)', () => {
    const counts = fc.integer({ min: 1, max: 4 }).chain((rows) =>
      fc.integer({ min: 1, max: 4 }).chain((cols) => fc.array(fc.array(fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 40 })), { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows })),
    );
    fc.assert(
      fc.property(counts, (c) => {
        const table = crossTable(c);
        const hidden = suppressedCells(table);
        expect(attack(table, hidden)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('lets nobody derive a small count from figures per period with totals over all periods (property)', () => {
    // Per period: submitted = decided + pending; over all periods: each kind's total. Rows of
    // decided and pending counts per period, as the naturalisation figures publish them.
    const periods = fc.array(fc.tuple(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 9 })), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(periods, (counts) => {
        const cells = new Map<string, number>();
        const equations: { total: string; parts: string[] }[] = [];
        const keys = counts.map((_, i) => `p${i}`).concat('*');
        const rows = [...counts, counts.reduce(([d, p], [a, b]) => [d + a, p + b], [0, 0])];
        keys.forEach((k, i) => {
          const [decided, pending] = rows[i]!;
          cells.set(`${k}:decided`, decided!);
          cells.set(`${k}:pending`, pending!);
          cells.set(`${k}:submitted`, decided! + pending!);
          equations.push({ total: `${k}:submitted`, parts: [`${k}:decided`, `${k}:pending`] });
        });
        for (const kind of ['submitted', 'decided', 'pending']) equations.push({ total: `*:${kind}`, parts: counts.map((_, i) => `p${i}:${kind}`) });
        const table: CountTable = { cells, equations };
        expect(attack(table, suppressedCells(table))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('catches what suppressing only the small cells leaves open (the attacker is not toothless)', () => {
    const table = crossTable([[5, 2], [9, 8]]);
    const primaryOnly = new Set([...table.cells].filter(([, n]) => n > 0 && n < MIN_CELL).map(([k]) => k));
    expect(attack(table, primaryOnly)).toContain('0:1 = 2');
  });
});
