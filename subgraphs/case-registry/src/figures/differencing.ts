import { CLOSING_REASONS, TOWNS, type Period } from '@kim/schema';
import { MIN_CELL, periodOf } from '@kim/service-kit';
import type { ClientFigureRow } from './figures.ts';

// Test support (the unit property and tests/figures.e2e.ts), not used by the service: an attacker
// on the steering figures written apart from the suppressor. It knows every figure published in
// any answer and every sum that holds between them, within an answer and across answers, and
// finds each hidden count that those sums pin to an exact value under the threshold.

/** What one caller can collect from `statistics`, by field and period argument. */
export interface PublishedFigures {
  readonly clientsByTown: readonly { town: string; active: number | null; waiting: number | null; closed: number | null; total: number | null }[];
  readonly clientsByStage: Partial<Record<Period, readonly { period: string; town: string; total: number | null; cells: readonly { stage: number | null; status: string; count: number | null }[] }[]>>;
  readonly intakesAndClosings: Partial<
    Record<Period, { periods: readonly { period: string; intakes: number | null; closings: number | null; closingsByReason: readonly { reason: string; count: number | null }[] }[]; closingsByReason: readonly { reason: string; count: number | null }[] }>
  >;
}

const STATUSES = ['ACTIVE', 'WAITING', 'CLOSED'] as const;
/** A count the answer does not list at all is known to be 0; a listed null is hidden. */
const listed = (entry: { count: number | null } | undefined) => (entry === undefined ? 0 : entry.count);
const GRANULARITIES: readonly Period[] = ['YEAR', 'QUARTER', 'MONTH'];
/** The period one step coarser: a month's quarter, a quarter's year. */
const coarser = (p: string) => (p.includes('-Q') ? p.slice(0, 4) : `${p.slice(0, 4)}-Q${Math.ceil(Number(p.slice(5)) / 3)}`);

/** A linear equation Σ coefficient × cell = 0 over cell keys. */
type Sum = Map<string, number>;

/**
 * The counts under the threshold that the published figures give away: published themselves, or
 * hidden (null) but pinned by the sums — each hidden cell, each pair of hidden cells in one sum,
 * and the hidden parts of each sum together (a total minus its published parts), whose indicator
 * lies in the row space of the sums over the hidden cells (exact elimination modulo a large prime). Also reports a published figure that is not the true count.
 */
export function derivableSmallCounts(published: PublishedFigures, clients: readonly ClientFigureRow[]): string[] {
  const truth = countsOf(clients);
  const known = new Map<string, number>();
  const found: string[] = [];
  const show = (key: string, value: number | null) => {
    if (value === null) return;
    const actual = truth.get(key) ?? 0;
    if (value !== actual) found.push(`${key} published as ${value}, is ${actual}`);
    if (value > 0 && value < MIN_CELL) found.push(`${key} = ${value} is published`);
    known.set(key, value);
  };
  const sums: Sum[] = [];
  const sum = (total: string, parts: readonly string[]) => {
    const s: Sum = new Map([[total, 1]]);
    for (const p of parts) s.set(p, (s.get(p) ?? 0) - 1);
    sums.push(s);
  };

  for (const row of published.clientsByTown) {
    show(`town|${row.town}|ACTIVE`, row.active);
    show(`town|${row.town}|WAITING`, row.waiting);
    show(`town|${row.town}|CLOSED`, row.closed);
    show(`town|${row.town}|*`, row.total);
  }
  for (const town of TOWNS) sum(`town|${town}|*`, STATUSES.map((s) => `town|${town}|${s}`));

  const stageGranularities = GRANULARITIES.filter((g) => published.clientsByStage[g]);
  const ioGranularities = GRANULARITIES.filter((g) => published.intakesAndClosings[g]);
  const stages = [...new Set(stageGranularities.flatMap((g) => published.clientsByStage[g]!.flatMap((b) => b.cells.map((c) => c.stage))))];
  const periodsOf = new Map<Period, string[]>();
  for (const g of GRANULARITIES) {
    const listed = [...(published.clientsByStage[g] ?? []).map((b) => b.period), ...(published.intakesAndClosings[g]?.periods ?? []).map((p) => p.period)];
    periodsOf.set(g, [...new Set(listed)].sort());
  }
  const blockKey = (g: Period, p: string, town: string) => `stage|${g}|${p}|${town}`;
  const cellKey = (g: Period, p: string, town: string, stage: number | null, status: string) => `${blockKey(g, p, town)}|${stage ?? '-'}|${status}`;
  const cellsOfBlock = (g: Period, p: string, town: string) => stages.flatMap((stage) => STATUSES.map((status) => cellKey(g, p, town, stage, status)));

  for (const g of stageGranularities) {
    const blocks = published.clientsByStage[g]!;
    for (const p of periodsOf.get(g)!) {
      for (const town of TOWNS) {
        const block = blocks.find((b) => b.period === p && b.town === town);
        // A block the answer does not list has no clients: every count of it is known to be 0.
        show(`${blockKey(g, p, town)}|*`, block ? block.total : 0);
        for (const stage of stages) for (const status of STATUSES) show(cellKey(g, p, town, stage, status), listed(block?.cells.find((c) => c.stage === stage && c.status === status)));
        sum(`${blockKey(g, p, town)}|*`, cellsOfBlock(g, p, town));
      }
    }
    // Across answers: a town's total and statuses are its blocks summed over the periods.
    for (const town of TOWNS) {
      sum(`town|${town}|*`, periodsOf.get(g)!.map((p) => `${blockKey(g, p, town)}|*`));
      for (const status of STATUSES) sum(`town|${town}|${status}`, periodsOf.get(g)!.flatMap((p) => stages.map((stage) => cellKey(g, p, town, stage, status))));
    }
    // A period's intakes are its blocks summed over the towns.
    if (ioGranularities.includes(g)) for (const p of periodsOf.get(g)!) sum(`io|${g}|${p}|intakes`, TOWNS.map((town) => `${blockKey(g, p, town)}|*`));
  }

  const measures = ['intakes', 'closings', ...CLOSING_REASONS];
  for (const g of ioGranularities) {
    const table = published.intakesAndClosings[g]!;
    for (const p of periodsOf.get(g)!) {
      const row = table.periods.find((r) => r.period === p);
      show(`io|${g}|${p}|intakes`, row ? row.intakes : 0);
      show(`io|${g}|${p}|closings`, row ? row.closings : 0);
      for (const reason of CLOSING_REASONS) show(`io|${g}|${p}|${reason}`, listed(row?.closingsByReason.find((r) => r.reason === reason)));
      sum(`io|${g}|${p}|closings`, CLOSING_REASONS.map((r) => `io|${g}|${p}|${r}`));
    }
    for (const { reason, count } of table.closingsByReason) show(`io|*|${reason}`, count);
    for (const reason of CLOSING_REASONS) sum(`io|*|${reason}`, periodsOf.get(g)!.map((p) => `io|${g}|${p}|${reason}`));
  }

  // Across granularities: a year is its quarters, a quarter its months — blocks, cells and periods.
  for (const [fine, coarse] of [['QUARTER', 'YEAR'], ['MONTH', 'QUARTER']] as const) {
    const finer = periodsOf.get(fine)!;
    for (const p of periodsOf.get(coarse)!) {
      const within = finer.filter((f) => coarser(f) === p);
      if (stageGranularities.includes(fine) && stageGranularities.includes(coarse)) {
        for (const town of TOWNS) {
          sum(`${blockKey(coarse, p, town)}|*`, within.map((f) => `${blockKey(fine, f, town)}|*`));
          for (const stage of stages) for (const status of STATUSES) sum(cellKey(coarse, p, town, stage, status), within.map((f) => cellKey(fine, f, town, stage, status)));
        }
      }
      if (ioGranularities.includes(fine) && ioGranularities.includes(coarse)) for (const m of measures) sum(`io|${coarse}|${p}|${m}`, within.map((f) => `io|${fine}|${f}|${m}`));
    }
  }

  // Closing sets status CLOSED and the date and reason together: where the data bears that out,
  // the closed clients of all towns are the closings of all reasons.
  const closedAlike = clients.every((c) => (c.status === 'CLOSED') === (c.closedOn !== null && c.closingReason !== null));
  if (closedAlike && ioGranularities.length > 0) {
    const s: Sum = new Map();
    for (const town of TOWNS) s.set(`town|${town}|CLOSED`, 1);
    for (const reason of CLOSING_REASONS) s.set(`io|*|${reason}`, -1);
    sums.push(s);
  }

  return [...found, ...pinned(sums, known, truth)];
}

/** The true count of every cell the attacker names, from the clients themselves. */
function countsOf(clients: readonly ClientFigureRow[]): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  for (const c of clients) {
    add(`town|${c.town}|${c.status}`);
    add(`town|${c.town}|*`);
    for (const g of GRANULARITIES) {
      const p = periodOf(c.registeredAt, g);
      add(`stage|${g}|${p}|${c.town}|*`);
      add(`stage|${g}|${p}|${c.town}|${c.eligibilityStage ?? '-'}|${c.status}`);
      add(`io|${g}|${p}|intakes`);
      if (c.closedOn && c.closingReason) {
        const q = periodOf(c.closedOn, g);
        add(`io|${g}|${q}|closings`);
        add(`io|${g}|${q}|${c.closingReason}`);
      }
    }
    if (c.closedOn && c.closingReason) add(`io|*|${c.closingReason}`);
  }
  return counts;
}

const PRIME = 1_000_003;
const mod = (a: number) => ((a % PRIME) + PRIME) % PRIME;
function inverse(a: number): number {
  // Fermat: a^(p−2) mod p; products stay below 2^53.
  let result = 1;
  let base = mod(a);
  for (let e = PRIME - 2; e > 0; e = Math.floor(e / 2)) {
    if (e % 2 === 1) result = (result * base) % PRIME;
    base = (base * base) % PRIME;
  }
  return result;
}

/** Hidden cells, and pairs of hidden cells in one sum, whose small value the sums pin exactly. */
function pinned(sums: readonly Sum[], known: ReadonlyMap<string, number>, truth: ReadonlyMap<string, number>): string[] {
  const value = (k: string) => truth.get(k) ?? 0;
  // Each sum over the hidden cells only (the published ones are constants an attacker moves right).
  const rows = sums.map((s) => new Map([...s].filter(([k, c]) => !known.has(k) && mod(c) !== 0).map(([k, c]) => [k, mod(c)]))).filter((r) => r.size > 0);
  // Gauss–Jordan elimination into rows each led by a pivot cell that no other row holds.
  const pivots = new Map<string, Map<string, number>>();
  // row −= c × other, dropping the cells that become 0.
  const subtract = (row: Map<string, number>, c: number, other: ReadonlyMap<string, number>) => {
    for (const [j, v] of other) {
      const next = mod((row.get(j) ?? 0) - c * v);
      if (next === 0) row.delete(j);
      else row.set(j, next);
    }
  };
  const reduce = (row: Map<string, number>) => {
    for (const [k, pivotRow] of pivots) {
      const c = row.get(k);
      if (c !== undefined) subtract(row, c, pivotRow);
    }
    return row;
  };
  for (const r of rows) {
    const row = reduce(new Map(r));
    const first = row.keys().next();
    if (first.done) continue;
    const lead = first.value;
    const scale = inverse(row.get(lead)!);
    for (const [j, v] of row) row.set(j, (v * scale) % PRIME);
    for (const other of pivots.values()) {
      const c = other.get(lead);
      if (c !== undefined) subtract(other, c, row);
    }
    pivots.set(lead, row);
  }
  const determined = (cells: readonly string[]) => reduce(new Map(cells.map((k) => [k, 1]))).size === 0;
  const hidden = [...new Set(rows.flatMap((r) => [...r.keys()]))];
  const found: string[] = [];
  for (const k of hidden) if (value(k) > 0 && value(k) < MIN_CELL && determined([k])) found.push(`${k} = ${value(k)} (hidden, derivable)`);
  const seen = new Set<string>();
  for (const r of rows) {
    const cells = [...r.keys()];
    for (let i = 0; i < cells.length; i++) {
      for (let j = i + 1; j < cells.length; j++) {
        const [a, b] = [cells[i]!, cells[j]!].sort() as [string, string];
        const total = value(a) + value(b);
        if (seen.has(`${a}+${b}`) || total === 0 || total >= MIN_CELL) continue;
        seen.add(`${a}+${b}`);
        if (determined([a, b])) found.push(`${a} + ${b} = ${total} (hidden, derivable)`);
      }
    }
    // The plainest difference: a total minus its published parts is the sum of its hidden parts.
    const parts = cells.filter((k) => r.get(k) === PRIME - 1);
    const rest = parts.reduce((a, k) => a + value(k), 0);
    if (parts.length > 2 && rest > 0 && rest < MIN_CELL && determined(parts)) found.push(`${parts.join(' + ')} = ${rest} (hidden, derivable)`);
  }
  return found;
}
