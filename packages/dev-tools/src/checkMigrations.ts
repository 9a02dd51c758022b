// Usage: tsx checkMigrations.ts <service folder>…
// Fails when a service's migrations do not produce exactly the schema in its prisma/schema.prisma.
import { openDatabase, readMigrations } from '@kim/service-kit';
import { diffMigrationsToDatamodel, openSchemaEngine } from './schemaEngine.ts';
import { serviceFiles } from './serviceFiles.ts';

const dirs = process.argv.slice(2);
let failed = false;
for (const dir of dirs.length > 0 ? dirs : ['.']) {
  const files = serviceFiles(dir);
  const db = await openDatabase({ kind: 'pglite', dataDir: 'memory://' });
  const engine = await openSchemaEngine(files.datamodel, db.adapter);
  const sql = await diffMigrationsToDatamodel(engine, readMigrations(files.migrationsDir), files.datamodel);
  await db.close();
  if (sql !== '') {
    console.error(`${files.schemaPath} differs from its migrations; create a migration:\n${sql}`);
    failed = true;
  } else {
    console.log(`${files.dir}: migrations match schema.prisma`);
  }
}
process.exit(failed ? 1 : 0);
