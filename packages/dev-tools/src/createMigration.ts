// Usage: tsx createMigration.ts <service folder> <name>
// Writes prisma/migrations/<timestamp>_<name>/migration.sql with the SQL that takes the existing
// migrations to prisma/schema.prisma (what `prisma migrate dev --create-only` would write).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase, readMigrations } from '@kim/service-kit';
import { diffMigrationsToDatamodel, openSchemaEngine } from './schemaEngine.ts';
import { serviceFiles } from './serviceFiles.ts';

const [serviceDir, name] = process.argv.slice(2);
if (!serviceDir || !name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('usage: createMigration <service folder> <snake_case_name>');
  process.exit(1);
}
const files = serviceFiles(serviceDir);
const db = await openDatabase({ kind: 'pglite', dataDir: 'memory://' });
const engine = await openSchemaEngine(files.datamodel, db.adapter);
const sql = await diffMigrationsToDatamodel(engine, readMigrations(files.migrationsDir), files.datamodel);
if (sql === '') {
  console.log('schema.prisma matches the migrations: nothing to write');
} else {
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  const dir = join(files.migrationsDir, `${stamp}_${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'migration.sql'), `${sql}\n`);
  writeFileSync(join(files.migrationsDir, 'migration_lock.toml'), 'provider = "postgresql"\n');
  console.log(`wrote ${dir}/migration.sql`);
}
await db.close();
process.exit(0);
