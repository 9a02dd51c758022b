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

/** Which equations each cell is in: the audit reads only the equations around the hidden cells. */
function equationsByCell(table: CountTable): Map<string, number[]> {
  const byCell = new Map<string, number[]>();
  for (const [i, e] of table.equations.entries()) for (const k of new Set([e.total, ...e.parts])) byCell.set(k, [...(byCell.get(k) ?? []), i]);
  return byCell;
}

/** The equations linked to `key` through hidden cells: all that bears on what `key` can be. */
function componentOf(table: CountTable, hidden: ReadonlySet<string>, key: string, byCell: ReadonlyMap<string, readonly number[]>): Set<number> {
  const reached = new Set([key]);
  const equations = new Set<number>();
  for (const queue = [key]; queue.length > 0; ) {
    for (const i of byCell.get(queue.pop()!) ?? []) {
      if (equations.has(i)) continue;
      equations.add(i);
      const e = table.equations[i]!;
      for (const k of [e.total, ...e.parts]) {
        if (hidden.has(k) && !reached.has(k)) {
          reached.add(k);
          queue.push(k);
        }
      }
    }
  }
  return equations;
}

/**
 * The integer program an attacker solves about `key`: a variable per hidden cell linked to it
 * through sums with other hidden cells (its component; nothing else bears on it, so a joint table
 * of many answers stays a set of small programs), each sum an equality with the published cells
 * moved to the right-hand side; counts whole and not negative.
 */
function programAbout(table: CountTable, hidden: ReadonlySet<string>, key: string, byCell: ReadonlyMap<string, readonly number[]>) {
  const constraints: Record<string, Constraint> = {};
  const variables: Record<string, Record<string, number>> = { [key]: {} };
  const value = (k: string) => table.cells.get(k) ?? 0;
  for (const i of componentOf(table, hidden, key, byCell)) {
    const e = table.equations[i]!;
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
  return { constraints, variables };
}

/**
 * The most a hidden cell can be, as an attacker who knows every published cell and every sum of
 * the answer works it out: the maximum of `key` in its integer program (programAbout). Whatever
 * combination of sums and differences the attacker tries, a small cell whose largest possible
 * value is still under the threshold is disclosed as small — an exact sum of several hidden cells
 * under the threshold bounds each of them so too.
 */
export function largestPossible(table: CountTable, hidden: ReadonlySet<string>, key: string, byCell = equationsByCell(table)): number {
  const { constraints, variables } = programAbout(table, hidden, key, byCell);
  variables[key]!.objective = 1;
  const solution = solve({ direction: 'maximize', objective: 'objective', constraints, variables, integers: true });
  if (solution.status === 'unbounded') return Infinity;
  // The true counts are always a solution: anything else is the solver's failure, so hide more.
  if (solution.status !== 'optimal') return -Infinity;
  return solution.result;
}

/**
 * Counts for the hidden cells around `key` that fit every sum with `key` at `min` or more — the
 * proof that `key` could be that large, and for every other cell it puts at `min` or more too —
 * or null when there are none (`key`'s largest possible value is under `min`): largestPossible's
 * program, maximised no further than `min`.
 */
function witnessAtLeast(table: CountTable, hidden: ReadonlySet<string>, key: string, min: number, byCell: ReadonlyMap<string, readonly number[]>): Map<string, number> | null {
  const { constraints, variables } = programAbout(table, hidden, key, byCell);
  // Maximising up to min: the search ends as soon as a solution reaches it.
  variables[key]!.objective = 1;
  constraints.objective = { max: min };
  const solution = solve({ direction: 'maximize', objective: 'objective', constraints, variables, integers: true });
  // Under min is exposed; a solver failure is taken alike (hide more).
  return solution.status === 'optimal' && solution.result >= min - 1e-6 ? new Map(solution.variables) : null;
}

/**
 * The cells to publish as null: every count from 1 to min − 1 (primary), and as many more as it
 * takes (complementary) that every hidden small count could still be min or more for all that is
 * published. Each round suppresses the smallest published cell sharing an equation with an
 * exposed one; it ends, since cells are only ever added.
 * `unpublished`: cells in the equations that the answer does not show at all.
 * A hidden cell found safe stays safe as more cells are hidden (every solution of the sums before
 * is one after, with the newly hidden cell at its count), so each is proved safe once — by any
 * solution that puts it at min or more.
 */
export function suppressedCells(table: CountTable, min = MIN_CELL, unpublished: readonly string[] = []): Set<string> {
  // Cells the answer never shows (a total nobody asked for) are unknowns from the start.
  const suppressed = new Set([...unpublished, ...[...table.cells].filter(([, n]) => sensitive(n, min)).map(([k]) => k)]);
  const byCell = equationsByCell(table);
  const safe = new Set<string>();
  for (;;) {
    const exposed = [...suppressed].find((k) => {
      if (safe.has(k) || !sensitive(table.cells.get(k) ?? 0, min)) return false;
      const witness = witnessAtLeast(table, suppressed, k, min, byCell);
      if (witness === null) return true;
      // One solution proves every small cell it puts at min or more, not only k.
      for (const [cell, n] of witness) if (n >= min - 1e-6 && sensitive(table.cells.get(cell) ?? 0, min)) safe.add(cell);
      safe.add(k);
      return false;
    });
    if (exposed === undefined) return suppressed;
    // First the cells summed with the exposed one, else any published cell of a sum linked to it.
    const around = (equations: Iterable<number>) =>
      [...equations]
        .flatMap((i) => [...table.equations[i]!.parts, table.equations[i]!.total])
        .filter((k) => !suppressed.has(k))
        .sort((a, b) => (table.cells.get(a) ?? 0) - (table.cells.get(b) ?? 0) || (a < b ? -1 : 1));
    const near = around(byCell.get(exposed) ?? []);
    const candidates = near.length > 0 ? near : around(componentOf(table, suppressed, exposed, byCell));
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
