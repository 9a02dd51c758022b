import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import type { SqlExecutor } from './sqlExecutor.ts';

/** Where a service keeps its data: a PostgreSQL URL, or a PGlite folder (`memory://` for none). */
export type DatabaseLocation = { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string };

/** One service's database: a Prisma driver adapter over it, plus raw access for migrations. */
export interface Database {
  readonly kind: DatabaseLocation['kind'];
  readonly adapter: SqlMigrationAwareDriverAdapterFactory;
  readonly sql: SqlExecutor;
  /** True when the database answers a trivial query. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export function databaseLocation(databaseUrl: string | undefined, pgliteDir: string): DatabaseLocation {
  return databaseUrl ? { kind: 'postgres', url: databaseUrl } : { kind: 'pglite', dataDir: pgliteDir };
}

/**
 * Opens a service's database. On PostgreSQL a `schema` query parameter in the URL keeps each
 * service in its own schema, so that one test database can hold all of them.
 */
export async function openDatabase(location: DatabaseLocation, options: { createSchema?: boolean } = {}): Promise<Database> {
  return location.kind === 'postgres' ? openPostgres(location.url, options.createSchema ?? true) : openPglite(location.dataDir);
}

async function openPglite(dataDir: string): Promise<Database> {
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir);
  let closed = false;
  return {
    kind: 'pglite',
    adapter: new PrismaPGlite(db),
    sql: {
      exec: async (script) => {
        try {
          await db.exec(script);
        } catch (error) {
          // A failed script may leave its transaction open; close it so the next one starts clean.
          await db.exec('ROLLBACK').catch(() => undefined);
          throw error;
        }
      },
      query: async <Row extends Record<string, unknown>>(text: string, params: readonly unknown[] = []) =>
        (await db.query<Row>(text, params as unknown[])).rows,
    },
    ping: async () => {
      if (closed) return false;
      try {
        await db.query('SELECT 1');
        return true;
      } catch {
        return false;
      }
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await db.close();
    },
  };
}

async function openPostgres(rawUrl: string, createSchema: boolean): Promise<Database> {
  const url = new URL(rawUrl);
  const schema = url.searchParams.get('schema') ?? 'public';
  url.searchParams.delete('schema');
  const connectionString = url.toString();
  const options = `-c search_path="${schema.replace(/"/g, '')}"`;
  const pool = new pg.Pool({ connectionString, options, max: 10 });
  // A pool error (server restart) must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  if (createSchema && schema !== 'public') await pool.query(`CREATE SCHEMA IF NOT EXISTS "${schema.replace(/"/g, '')}"`);
  return {
    kind: 'postgres',
    adapter: new PrismaPg({ connectionString, options, max: 10 }, { schema }),
    sql: {
      exec: async (script) => {
        // One connection for the whole script, so that a failure is rolled back where it happened.
        const client = await pool.connect();
        try {
          await client.query(script);
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw error;
        } finally {
          client.release();
        }
      },
      query: async <Row extends Record<string, unknown>>(text: string, params: readonly unknown[] = []) =>
        (await pool.query(text, params as unknown[])).rows as Row[],
    },
    ping: async () => {
      try {
        await pool.query('SELECT 1');
        return true;
      } catch {
        return false;
      }
    },
    close: async () => {
      if (pool.ended) return;
      await pool.end();
    },
  };
}
