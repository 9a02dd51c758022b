import { fileURLToPath } from 'node:url';
import { applyMigrations, openDatabase, readMigrations, type Database } from '@kim/service-kit';
import { createPrisma, type ConsentPrisma } from './db.ts';

/** A migrated consent database for one test file, and how to end it. */
export interface ConsentTestDatabase {
  readonly db: Database;
  readonly prisma: ConsentPrisma;
  /**
   * Another connection pool to the same database on PostgreSQL (as a second consent process
   * would have); on PGlite, which opens once per process, the same one.
   */
  openAnother(): Promise<Database>;
  /** Applies the migrations held back by `before` (see openConsentTestDatabase). */
  migrateRest(): Promise<string[]>;
  close(): Promise<void>;
}

/**
 * PGlite in memory, or PostgreSQL when KIM_TEST_DATABASE_URL is set — then in a schema of its
 * own (named after `name`), dropped on close.
 */
export async function openConsentTestDatabase(name: string, options: { before?: string } = {}): Promise<ConsentTestDatabase> {
  const pg = process.env.KIM_TEST_DATABASE_URL;
  const schema = `${name}_${process.pid}_${Date.now()}`;
  const open = () => openDatabase(pg ? { kind: 'postgres', url: `${pg}${pg.includes('?') ? '&' : '?'}schema=${schema}` } : { kind: 'pglite', dataDir: 'memory://' });
  const db = await open();
  // `before`: only the migrations named before it, as a database of an older version holds them.
  const migrations = readMigrations(fileURLToPath(new URL('../prisma/migrations', import.meta.url)));
  await applyMigrations(db.sql, options.before ? migrations.filter((m) => m.name < options.before!) : migrations);
  const prisma = createPrisma(db.adapter);
  return {
    db,
    prisma,
    openAnother: async () => (pg ? open() : db),
    migrateRest: () => applyMigrations(db.sql, migrations),
    close: async () => {
      await prisma.$disconnect();
      if (pg) await db.sql.exec(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await db.close();
    },
  };
}
