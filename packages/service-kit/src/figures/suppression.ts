import { solve, type Constraint } from 'yalps';

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
 * The most a hidden cell can be, as an attacker who knows every published cell and every sum of
 * the answer works it out: an integer program over the hidden cells (counts are whole and not
 * negative). Whatever combination of sums and differences the attacker tries, a small cell whose
 * largest possible value is still under the threshold is disclosed as small — an exact sum of
 * several hidden cells under the threshold bounds each of them so too.
 */
export function largestPossible(table: CountTable, hidden: ReadonlySet<string>, key: string): number {
  const constraints: Record<string, Constraint> = {};
  const variables: Record<string, Record<string, number>> = {};
  const value = (k: string) => table.cells.get(k) ?? 0;
  for (const [i, e] of table.equations.entries()) {
    // total − Σ parts = 0, with the published cells moved to the right-hand side.
    let constant = 0;
    const coefficient = (k: string, c: number) => {
      if (!hidden.has(k)) constant -= c * value(k);
      else (variables[k] ??= {})[`e${i}`] = ((variables[k] ??= {})[`e${i}`] ?? 0) + c;
    };
    coefficient(e.total, 1);
    for (const p of e.parts) coefficient(p, -1);
    constraints[`e${i}`] = { equal: constant };
  }
  (variables[key] ??= {}).objective = 1;
  const solution = solve({ direction: 'maximize', objective: 'objective', constraints, variables, integers: true });
  if (solution.status === 'unbounded') return Infinity;
  // The true counts are always a solution: anything else is the solver's failure, so hide more.
  if (solution.status !== 'optimal') return -Infinity;
  return solution.result;
}

/**
 * The cells to publish as null: every count from 1 to min − 1 (primary), and as many more as it
 * takes (complementary) that every hidden small count could still be min or more for all that is
 * published. Each round suppresses the smallest published cell sharing an equation with an
 * exposed one; it ends, since cells are only ever added.
 * `unpublished`: cells in the equations that the answer does not show at all.
 */
export function suppressedCells(table: CountTable, min = MIN_CELL, unpublished: readonly string[] = []): Set<string> {
  // Cells the answer never shows (a total nobody asked for) are unknowns from the start.
  const suppressed = new Set([...unpublished, ...[...table.cells].filter(([, n]) => sensitive(n, min)).map(([k]) => k)]);
  for (;;) {
    const exposed = [...suppressed].find((k) => sensitive(table.cells.get(k) ?? 0, min) && largestPossible(table, suppressed, k) < min);
    if (exposed === undefined) return suppressed;
    // First the cells summed with the exposed one, else any published cell summed with a hidden one.
    const around = (touches: (e: Equation) => boolean) =>
      table.equations
        .filter(touches)
        .flatMap((e) => [...e.parts, e.total])
        .filter((k) => !suppressed.has(k))
        .sort((a, b) => (table.cells.get(a) ?? 0) - (table.cells.get(b) ?? 0) || (a < b ? -1 : 1));
    const near = around((e) => [e.total, ...e.parts].includes(exposed));
    const candidates = near.length > 0 ? near : around((e) => [e.total, ...e.parts].some((k) => suppressed.has(k)));
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
