import pg from 'pg';
import type { DatabaseLocation } from './openDatabase.ts';

/**
 * The advisory lock `prisma migrate deploy` takes (its key, database-wide): replicas and `migrate`
 * jobs that start at once apply migrations one after another, and either tool waits for the other.
 */
export const MIGRATION_LOCK_KEY = 72707369;

/**
 * Runs `work` (reading which migrations are applied, applying the rest) while holding the
 * migration lock on PostgreSQL: a session lock on a connection of its own, released when `work`
 * ends or, if this process dies, with its session. A PGlite folder is one process's alone.
 */
export async function withMigrationLock<T>(location: DatabaseLocation, work: () => Promise<T>): Promise<T> {
  if (location.kind === 'pglite') return work();
  const url = new URL(location.url);
  url.searchParams.delete('schema');
  const client = new pg.Client({ connectionString: url.toString() });
  // A dropped connection while waiting must not crash the process; the query reports it.
  client.on('error', () => undefined);
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    return await work();
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await client.end().catch(() => undefined);
  }
}
