import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from './openDatabase.ts';

/** `sql.transaction` on PGlite, and on PostgreSQL when KIM_TEST_DATABASE_URL is set (a schema of its own). */
const PG = process.env.KIM_TEST_DATABASE_URL;
const schema = `sqltx_${process.pid}_${Date.now()}`;
/** This file's own schema on PostgreSQL. */
const pgUrl = PG ? `${PG}${PG.includes('?') ? '&' : '?'}schema=${schema}` : '';
let db: Database;

beforeAll(async () => {
  db = await openDatabase(PG ? { kind: 'postgres', url: pgUrl } : { kind: 'pglite', dataDir: 'memory://' });
  await db.sql.exec('CREATE TABLE "Item" ("id" TEXT PRIMARY KEY, "n" BIGINT NOT NULL)');
});
afterAll(async () => {
  if (PG) await db?.sql.exec(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await db?.close();
});

const ids = async () => (await db.sql.query<{ id: string }>('SELECT "id" FROM "Item" ORDER BY "id"')).map((r) => r.id);

describe(`sql.transaction on ${PG ? 'PostgreSQL' : 'PGlite'}`, () => {
  it('commits what its work wrote, and answers what the work returned', async () => {
    const result = await db.sql.transaction(async (tx) => {
      await tx.query('INSERT INTO "Item" SELECT * FROM unnest($1::text[], $2::bigint[])', [['a', 'b'], [1n, 2n]]);
      return (await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM "Item"'))[0]!.n;
    }, { timeoutMs: 5000 });
    expect(result).toBe(2);
    expect(await ids()).toEqual(['a', 'b']);
  });

  it('rolls everything back when the work throws, and the connection serves the next transaction', async () => {
    await expect(
      db.sql.transaction(async (tx) => {
        await tx.query(`INSERT INTO "Item" VALUES ('c', 3)`);
        throw new Error('work failed');
      }, { timeoutMs: 5000 }),
    ).rejects.toThrow('work failed');
    await expect(db.sql.transaction((tx) => tx.query(`INSERT INTO "Item" VALUES ('a', 9)`), { timeoutMs: 5000 })).rejects.toThrow(/duplicate key/);
    expect(await ids()).toEqual(['a', 'b']);
    await db.sql.transaction((tx) => tx.query(`INSERT INTO "Item" VALUES ('d', 4)`), { timeoutMs: 5000 });
    expect(await ids()).toEqual(['a', 'b', 'd']);
  });

  it('runs the opening statement first, inside the transaction: committed or rolled back with the work', async () => {
    const seen = await db.sql.transaction(async (tx) => (await tx.query<{ id: string }>(`SELECT "id" FROM "Item" WHERE "id" = 'o1'`)).map((r) => r.id), {
      timeoutMs: 5000,
      opening: `INSERT INTO "Item" VALUES ('o1', 1)`,
    });
    expect(seen).toEqual(['o1']);
    await expect(
      db.sql.transaction(async () => {
        throw new Error('work failed');
      }, { timeoutMs: 5000, opening: `INSERT INTO "Item" VALUES ('o2', 2)` }),
    ).rejects.toThrow('work failed');
    expect(await ids()).toEqual(['a', 'b', 'd', 'o1']);
    await db.sql.exec(`DELETE FROM "Item" WHERE "id" = 'o1'`);
  });

  // PostgreSQL only: PGlite is one session, so nothing else can hold a lock this one waits for.
  if (PG) it('ends an opening statement that waits for a lock longer than the timeout', async () => {
    await whileAnotherSessionHolds(4343, async () => {
      const started = Date.now();
      let ran = false;
      await expect(
        db.sql.transaction(async () => {
          ran = true;
        }, { timeoutMs: 300, opening: 'SELECT pg_advisory_xact_lock(4343)' }),
      ).rejects.toThrow(/statement timeout/);
      expect(ran).toBe(false);
      expect(Date.now() - started).toBeLessThan(5000);
    });
  });

  if (PG) it('ends a statement that waits for a lock longer than the timeout, and rolls back', async () => {
    await whileAnotherSessionHolds(4242, async () => {
      const started = Date.now();
      await expect(
        db.sql.transaction(async (tx) => {
          await tx.query(`INSERT INTO "Item" VALUES ('e', 5)`);
          await tx.query('SELECT pg_advisory_xact_lock(4242)');
        }, { timeoutMs: 300 }),
      ).rejects.toThrow(/statement timeout/);
      expect(Date.now() - started).toBeLessThan(5000);
    });
    expect(await ids()).toEqual(['a', 'b', 'd']);
  });
});

/** Runs `check` while a second PostgreSQL session holds the advisory lock `key` in a transaction. */
async function whileAnotherSessionHolds(key: number, check: () => Promise<void>): Promise<void> {
  const other = await openDatabase({ kind: 'postgres', url: pgUrl });
  try {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let locked!: () => void;
    const isLocked = new Promise<void>((r) => (locked = r));
    const holder = other.sql.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1::bigint)', [key]);
      locked();
      await held;
    }, { timeoutMs: 10_000 });
    await isLocked;
    try {
      await check();
    } finally {
      release();
      await holder;
    }
  } finally {
    await other.close();
  }
}
