import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SqlExecutor } from './sqlExecutor.ts';

/** One migration in Prisma's folder format: `migrations/<timestamp>_<name>/migration.sql`. */
export interface Migration {
  readonly name: string;
  readonly sql: string;
}

/** Reads a Prisma migrations folder in the order Prisma applies it (by folder name). */
export function readMigrations(migrationsDir: string): Migration[] {
  if (!existsSync(migrationsDir)) return [];
  return readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(migrationsDir, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort()
    .map((name) => ({ name, sql: readFileSync(join(migrationsDir, name, 'migration.sql'), 'utf8') }));
}

const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

/**
 * The migrations not yet applied: a service that may not migrate (it runs as a role that owns
 * nothing) refuses to start on a database behind its code.
 */
export async function pendingMigrations(sql: SqlExecutor, migrations: readonly Migration[]): Promise<string[]> {
  const [table] = await sql.query<{ found: boolean }>(`SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS found`);
  if (!table?.found) return migrations.map((m) => m.name);
  const applied = await sql.query<{ migration_name: string }>(
    'SELECT migration_name FROM "_prisma_migrations" WHERE rolled_back_at IS NULL AND finished_at IS NOT NULL',
  );
  const names = new Set(applied.map((row) => row.migration_name));
  return migrations.map((m) => m.name).filter((name) => !names.has(name));
}

/**
 * Applies the migrations not yet applied, each in its own transaction, and records them in
 * `_prisma_migrations` exactly as `prisma migrate deploy` does, so that either tool can take
 * over a database from the other. A migration whose file changed after it was applied stops the
 * start: the database no longer matches its history.
 * @returns the names of the migrations applied now
 */
export async function applyMigrations(sql: SqlExecutor, migrations: readonly Migration[]): Promise<string[]> {
  await sql.exec(MIGRATIONS_TABLE);
  const applied = await sql.query<{ migration_name: string; checksum: string }>(
    'SELECT migration_name, checksum FROM "_prisma_migrations" WHERE rolled_back_at IS NULL AND finished_at IS NOT NULL',
  );
  const appliedByName = new Map(applied.map((row) => [row.migration_name, row.checksum]));
  const done: string[] = [];
  for (const migration of migrations) {
    const checksum = createHash('sha256').update(migration.sql).digest('hex');
    const previous = appliedByName.get(migration.name);
    if (previous !== undefined) {
      if (previous !== checksum) throw new Error(`migration ${migration.name} was changed after it was applied`);
      continue;
    }
    const id = randomUUID();
    // INTENTIONAL: the script and its record commit together, so a crash leaves neither.
    await sql.exec(
      `BEGIN;\n${migration.sql}\n;INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count) ` +
        `VALUES ('${id}', '${checksum}', now(), '${migration.name.replace(/'/g, "''")}', 1);\nCOMMIT;`,
    );
    done.push(migration.name);
  }
  return done;
}
