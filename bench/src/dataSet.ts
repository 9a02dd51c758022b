import { fileURLToPath } from 'node:url';
import type { ServiceName } from '@kim/schema';

/** The `bench/` folder: its `.data`, results and RESULTS.md. */
export const BENCH_DIR = fileURLToPath(new URL('..', import.meta.url));

/** The PostgreSQL database the bench keeps its data set in: KIM_BENCH_DATABASE_URL, else the tests', else the CI's. */
export const BENCH_DATABASE_URL = process.env.KIM_BENCH_DATABASE_URL ?? process.env.KIM_TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';

/** Bump when the generated data changes: a new version gets new schemas and folders, an old one is reused. */
export const DATA_VERSION = 'd3';
export const CLIENTS = 10_000;
export const AUDIT_ROWS = 1_000_000;
/** The audit table workload 4 is compared against. */
export const SMALL_AUDIT_ROWS = 10_000;
/**
 * The client whose trail workload 4 reads: a Dormagen client (never in cm-neuss's scope), given
 * the same 400 rows at the start of both audit tables, so that the trail and its verification do
 * the same work on 10,000 and on 1,000,000 rows (plus ~100 random rows in the large one).
 */
export const HOT_CLIENT = 'K-000003';

/** Where one side's services keep their data: a PostgreSQL URL per service, or a PGlite KIM_DATA_DIR of its own. */
export type SideDatabases = { readonly urls: Record<ServiceName, string> } | { readonly dataDir: string };

/** The seeded data set, on PostgreSQL (data.ts) or PGlite (pgliteData.ts). */
export interface BenchData {
  /** For the results' machine line, e.g. "PostgreSQL at 127.0.0.1:5432". */
  readonly where: string;
  readonly keysDir: string;
  /**
   * The databases of one side; with `smallAudit` its consent service gets the audit table of
   * SMALL_AUDIT_ROWS rows (w4's comparison).
   */
  forSide(side: string, smallAudit: boolean): Promise<SideDatabases>;
  /** After the run: whatever the sides needed for themselves alone. */
  release(): Promise<void>;
  /** Removes the data set itself (`--drop`). */
  drop(): Promise<void>;
}
