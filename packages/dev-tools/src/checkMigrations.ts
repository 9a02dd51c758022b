// Usage: tsx checkMigrations.ts <service folder>
// Fails when the migrations do not produce exactly the schema in prisma/schema.prisma.
import { openDatabase, readMigrations } from '@kim/service-kit';
import { diffMigrationsToDatamodel, openSchemaEngine } from './schemaEngine.ts';
import { serviceFiles } from './serviceFiles.ts';

const files = serviceFiles(process.argv[2] ?? '.');
const db = await openDatabase({ kind: 'pglite', dataDir: 'memory://' });
const engine = await openSchemaEngine(files.datamodel, db.adapter);
const sql = await diffMigrationsToDatamodel(engine, readMigrations(files.migrationsDir), files.datamodel);
await db.close();
if (sql !== '') {
  console.error(`${files.schemaPath} differs from its migrations; create a migration:\n${sql}`);
  process.exit(1);
}
console.log(`${files.dir}: migrations match schema.prisma`);
process.exit(0);
