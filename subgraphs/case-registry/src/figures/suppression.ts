/** Counts below this identify people too easily: they are never published, nor derivable. */
export const MIN_CELL = 5;

/** A published total and the cells it is the sum of (a row, a column, a grand total). */
export interface Equation {
  readonly total: string;
  readonly parts: readonly string[];
}

/** Counts by cell key, and the sums that hold between them in one answer. */
export interface CountTable {
  readonly cells: ReadonlyMap<string, number>;
  readonly equations: readonly Equation[];
}

const sensitive = (n: number, min: number) => n > 0 && n < min;

/**
 * Row-reduces the equations over the suppressed cells (published cells substituted) and returns
 * what an attacker can derive: each row whose unknowns all have the same coefficient fixes their
 * sum — one unknown, its value. Exact arithmetic: the coefficients stay small integers.
 */
export function derivable(table: CountTable, suppressed: ReadonlySet<string>): { keys: string[]; sum: number }[] {
  const unknowns = [...suppressed];
  const index = new Map(unknowns.map((k, i) => [k, i]));
  const value = (k: string) => table.cells.get(k) ?? 0;
  // Each equation as coefficients over unknowns = constant: total - parts = 0.
  const rows: number[][] = table.equations.map((e) => {
    const row = new Array<number>(unknowns.length + 1).fill(0);
    const add = (k: string, c: number) => {
      const i = index.get(k);
      if (i === undefined) row[unknowns.length]! -= c * value(k);
      else row[i]! += c;
    };
    add(e.total, 1);
    for (const p of e.parts) add(p, -1);
    return row;
  });
  // Gauss–Jordan with fractions avoided: eliminate with integer multiples (rows stay small here).
  let pivotRow = 0;
  for (let col = 0; col < unknowns.length && pivotRow < rows.length; col++) {
    const found = rows.findIndex((r, i) => i >= pivotRow && r[col] !== 0);
    if (found < 0) continue;
    [rows[pivotRow], rows[found]] = [rows[found]!, rows[pivotRow]!];
    const p = rows[pivotRow]!;
    for (let i = 0; i < rows.length; i++) {
      if (i === pivotRow || rows[i]![col] === 0) continue;
      const r = rows[i]!;
      const f = r[col]!;
      const g = p[col]!;
      for (let j = 0; j <= unknowns.length; j++) r[j] = r[j]! * g - p[j]! * f;
      const d = r.reduce((acc, x) => gcd(acc, Math.abs(x)), 0) || 1;
      for (let j = 0; j <= unknowns.length; j++) r[j] = r[j]! / d;
    }
    pivotRow++;
  }
  const found: { keys: string[]; sum: number }[] = [];
  for (const r of rows) {
    const nonzero = unknowns.flatMap((k, i) => (r[i] !== 0 ? [{ k, c: r[i]! }] : []));
    if (nonzero.length === 0) continue;
    const c = nonzero[0]!.c;
    if (nonzero.every((n) => n.c === c)) found.push({ keys: nonzero.map((n) => n.k), sum: r[unknowns.length]! / c });
  }
  return found;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/**
 * The cells to publish as null: every count from 1 to min − 1 (primary), and as many more as it
 * takes (complementary) that no sum an attacker can derive from what is published — one cell or
 * several together — lies between 1 and min − 1. Each round suppresses the smallest published
 * cell sharing an equation with what was derivable; it ends, since cells are only ever added.
 * `unpublished`: cells in the equations that the answer does not show at all.
 */
export function suppressedCells(table: CountTable, min = MIN_CELL, unpublished: readonly string[] = []): Set<string> {
  // Cells the answer never shows (a total nobody asked for) are unknowns from the start.
  const suppressed = new Set([...unpublished, ...[...table.cells].filter(([, n]) => sensitive(n, min)).map(([k]) => k)]);
  for (;;) {
    const leak = derivable(table, suppressed).find((d) => sensitive(d.sum, min));
    if (!leak) return suppressed;
    const touching = table.equations.filter((e) => [e.total, ...e.parts].some((k) => leak.keys.includes(k)));
    const candidates = touching
      .flatMap((e) => [...e.parts, e.total])
      .filter((k) => !suppressed.has(k))
      .sort((a, b) => (table.cells.get(a) ?? 0) - (table.cells.get(b) ?? 0) || (a < b ? -1 : 1));
    // Prefer a non-zero cell: hiding a zero adds no uncertainty.
    const next = candidates.find((k) => (table.cells.get(k) ?? 0) > 0) ?? candidates[0];
    if (next === undefined) {
      // Nothing left to hide around it: hide everything in the answer (it cannot leak then).
      for (const k of table.cells.keys()) suppressed.add(k);
      return suppressed;
    }
    suppressed.add(next);
  }
}

/** The published value of a cell: the count, or null where suppressed. */
export function publish(table: CountTable, suppressed: ReadonlySet<string>, key: string): number | null {
  return suppressed.has(key) ? null : (table.cells.get(key) ?? 0);
}
