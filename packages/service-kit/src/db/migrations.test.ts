import { describe, expect, it } from 'vitest';
import { applyMigrations, pendingMigrations } from './migrations.ts';
import { openDatabase } from './openDatabase.ts';

const init = { name: '20260101000000_init', sql: 'CREATE TABLE "Thing" ("id" TEXT PRIMARY KEY);' };
const next = { name: '20260102000000_more', sql: 'ALTER TABLE "Thing" ADD COLUMN "n" INTEGER;' };

describe('applyMigrations', () => {
  it('applies each migration once and records it as prisma migrate does', async () => {
    const db = await openDatabase({ kind: 'pglite', dataDir: 'memory://' });
    expect(await applyMigrations(db.sql, [init])).toEqual([init.name]);
    expect(await applyMigrations(db.sql, [init, next])).toEqual([next.name]);
    expect(await applyMigrations(db.sql, [init, next])).toEqual([]);
    const rows = await db.sql.query<{ migration_name: string; applied_steps_count: number }>(
      'SELECT migration_name, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name',
    );
    expect(rows).toEqual([
      { migration_name: init.name, applied_steps_count: 1 },
      { migration_name: next.name, applied_steps_count: 1 },
    ]);
    await db.close();
  });

  it('names the migrations a database still lacks', async () => {
    const db = await openDatabase({ kind: 'pglite', dataDir: 'memory://' });
    await applyMigrations(db.sql, [init]);
    expect(await pendingMigrations(db.sql, [init, next])).toEqual([next.name]);
    await applyMigrations(db.sql, [init, next]);
    expect(await pendingMigrations(db.sql, [init, next])).toEqual([]);
    await db.close();
  });

  it('refuses to go on when an applied migration was changed', async () => {
    const db = await openDatabase({ kind: 'pglite', dataDir: 'memory://' });
    await applyMigrations(db.sql, [init]);
    await expect(applyMigrations(db.sql, [{ ...init, sql: `${init.sql} -- edited` }])).rejects.toThrow(/changed after it was applied/);
    await db.close();
  });

  it('leaves nothing behind of a migration that fails', async () => {
    const db = await openDatabase({ kind: 'pglite', dataDir: 'memory://' });
    const broken = { name: '20260103000000_broken', sql: 'CREATE TABLE "Half" ("id" TEXT); SELECT * FROM "Missing";' };
    await expect(applyMigrations(db.sql, [broken])).rejects.toThrow();
    const tables = await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name = 'Half'`);
    expect(tables).toEqual([{ n: 0 }]);
    await db.close();
  });
});
