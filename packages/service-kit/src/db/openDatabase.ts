import { mkdirSync } from 'node:fs';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import pg from 'pg';
import { commitCheckedPglite } from './commitCheckedPglite.ts';
import type { SqlExecutor, SqlQueryable, TransactionOptions } from './sqlExecutor.ts';

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
 * Opens a database as its user, e.g. for tools and the benchmark's bare peer (a service uses
 * `openRoleDatabase`). On PostgreSQL a `schema` query parameter in the URL keeps each service in
 * its own schema, so that one test database can hold all of them.
 */
export async function openDatabase(location: DatabaseLocation): Promise<Database> {
  return location.kind === 'postgres' ? openPostgres(location.url, true) : pgliteDatabase(await createPglite(location.dataDir));
}

/** A service's database as it serves requests, and the schema owner's access beside it. */
export interface RoleDatabase {
  /** What the service's own queries run over: as its role, which owns nothing. */
  readonly db: Database;
  /**
   * The schema owner's access, for whoever started the service (tests, tools): never to be
   * handed to resolvers or routes. Closed with `db`.
   */
  readonly owner: Database;
  /** How the role is taken: a login role of its own, or `SET ROLE` by the owner's session. */
  readonly roleBy: 'login' | 'set-role';
}

/**
 * Opens a service's database as the schema's owner, runs `asOwner` (migrations, seeding), and
 * then hands the service a connection that acts as `role`:
 * - with `ownerUrl` (PostgreSQL only): the owner's connection is `ownerUrl`, and `location` is
 *   already a login role in `role`, used as it is;
 * - otherwise (one URL, or PGlite): the owner's session switches to `role` with `SET ROLE`. Its
 *   user can switch back, so this guards against the hub's own mistakes, not against someone who
 *   can send SQL of their choosing; PostgreSQL refuses it when that user may not act as `role`.
 */
export async function openRoleDatabase(
  location: DatabaseLocation,
  options: { role: string; ownerUrl?: string; asOwner: (owner: Database) => Promise<void> },
): Promise<RoleDatabase> {
  const role = roleName(options.role);
  if (options.ownerUrl !== undefined && location.kind !== 'postgres') throw new Error('a migration database URL needs a PostgreSQL database URL');
  if (location.kind === 'pglite') {
    const pglite = await createPglite(location.dataDir);
    const owner = pgliteDatabase(asSessionUser(pglite), pglite);
    await runOrClose(() => options.asOwner(pgliteDatabase(pglite)), owner);
    await runOrClose(() => pglite.exec(`SET ROLE ${role}`), owner, (error) => `cannot act as ${role}: ${messageOf(error)}`);
    return { db: pgliteDatabase(pglite), owner, roleBy: 'set-role' };
  }
  const owner = await openPostgres(options.ownerUrl ?? location.url, true);
  await runOrClose(() => options.asOwner(owner), owner);
  if (options.ownerUrl !== undefined) {
    // INTENTIONAL: the service's own role may not create anything, not even the schema.
    return { db: await openPostgres(location.url, false), owner, roleBy: 'login' };
  }
  await runOrClose(
    () => owner.sql.exec(`BEGIN; SET LOCAL ROLE ${role}; ROLLBACK;`),
    owner,
    (error) =>
      `the database user cannot act as ${role} (${messageOf(error)}): grant it membership in ${role}, ` +
      `or run the service as a login role in ${role} and migrate over the owner's URL (*_MIGRATION_DATABASE_URL)`,
  );
  return { db: await openPostgres(location.url, false, role), owner, roleBy: 'set-role' };
}

function roleName(role: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(role)) throw new Error(`not a plain role name: ${role}`);
  return role;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

async function runOrClose(run: () => Promise<unknown>, owner: Database, explain?: (error: unknown) => string): Promise<void> {
  try {
    await run();
  } catch (error) {
    await owner.close().catch(() => undefined);
    throw explain ? new Error(explain(error), { cause: error }) : error;
  }
}

async function createPglite(dataDir: string): Promise<PGlite> {
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  return PGlite.create(dataDir);
}

/** The part of PGlite that the Prisma adapter and `pgliteDatabase` use. */
type PgliteClient = Pick<PGlite, 'query' | 'exec' | 'transaction'>;

/**
 * PGlite has one session: once it has switched to the service's role, the owner's statements run
 * each in a transaction of their own that switches back for that transaction alone
 * (`SET LOCAL ROLE NONE`). PGlite runs a transaction exclusively, so no statement of the service
 * runs as the owner meanwhile, and the switch ends with the transaction, however it ends.
 */
function asSessionUser(db: PGlite): PgliteClient {
  const inOwnTransaction = <T>(run: (tx: Transaction) => Promise<T>) =>
    db.transaction(async (tx) => {
      await tx.exec('SET LOCAL ROLE NONE');
      return run(tx);
    });
  return {
    query: ((text: string, params?: unknown[], options?: object) => inOwnTransaction((tx) => tx.query(text, params, options))) as PGlite['query'],
    exec: ((script: string, options?: object) => inOwnTransaction((tx) => tx.exec(script, options))) as PGlite['exec'],
    transaction: ((run: (tx: Transaction) => Promise<unknown>) => inOwnTransaction(run)) as PGlite['transaction'],
  };
}

/** A Database over PGlite or a view of it (`client`); closing it closes `pglite`. */
function pgliteDatabase(client: PgliteClient, pglite: PGlite = client as PGlite): Database {
  let closed = false;
  return {
    kind: 'pglite',
    adapter: commitCheckedPglite(client),
    sql: {
      exec: async (script) => {
        try {
          await client.exec(script);
        } catch (error) {
          // A failed script may leave its transaction open; close it so the next one starts clean.
          await client.exec('ROLLBACK').catch(() => undefined);
          throw error;
        }
      },
      query: rowsOf(client),
      // INTENTIONAL: no timeout. PGlite is one session in this process: its transactions run one
      // at a time, so no other session can hold a lock this one waits for.
      transaction: (work, { opening }) =>
        client.transaction(async (tx) => {
          if (opening) await tx.exec(opening);
          return work({ query: rowsOf(tx) });
        }),
    },
    ping: async () => {
      if (closed) return false;
      try {
        await client.query('SELECT 1');
        return true;
      } catch {
        return false;
      }
    },
    close: async () => {
      if (closed) return;
      closed = true;
      if (!pglite.closed) await pglite.close();
    },
  };
}

/** `role`: every connection acts as it from its start (`-c role=…`, i.e. `SET ROLE`). */
async function openPostgres(rawUrl: string, createSchema: boolean, role?: string): Promise<Database> {
  const url = new URL(rawUrl);
  const schema = url.searchParams.get('schema') ?? 'public';
  url.searchParams.delete('schema');
  const connectionString = url.toString();
  const options = `-c search_path="${schema.replace(/"/g, '')}"${role ? ` -c role=${roleName(role)}` : ''}`;
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
      query: rowsOf(pool),
      transaction: (work, options) => pgTransaction(pool, work, options),
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

/**
 * A transaction on one pooled connection. The limits come with `BEGIN`, in the same round trip
 * (and the opening statement after them): no statement may run (or wait for a lock) longer than
 * `timeoutMs`, nor may the transaction sit idle that long, e.g. if this process stalls while
 * holding a lock; PostgreSQL ends either. (Since PostgreSQL 13 the statement timeout applies to
 * each statement of a multi-statement message separately, the opening one included.)
 */
async function pgTransaction<T>(pool: pg.Pool, work: (tx: SqlQueryable) => Promise<T>, { timeoutMs, opening }: TransactionOptions): Promise<T> {
  const ms = Math.max(1, Math.floor(timeoutMs));
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query(`BEGIN; SET LOCAL statement_timeout = ${ms}; SET LOCAL idle_in_transaction_session_timeout = ${ms}${opening ? `; ${opening}` : ''}`);
    const result = await work({ query: rowsOf(client) });
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch((rollbackError: unknown) => {
      // The connection is gone or unusable: the pool must not hand it out again.
      broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
    });
    throw error;
  } finally {
    client.release(broken);
  }
}

/** A statement's rows through anything with a `query` of text and values: PGlite, its transactions, a pg pool or client. */
function rowsOf(client: { query(text: string, values: unknown[]): Promise<{ rows: unknown[] }> }): SqlQueryable['query'] {
  return async <Row extends Record<string, unknown>>(text: string, params: readonly unknown[] = []) => (await client.query(text, params as unknown[])).rows as Row[];
}
