import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateAssertionSecret, migrateService, readMigrationConfig, readServiceConfig, readMigrations } from '@kim/service-kit';
import { startWelfare, welfare } from '@kim/welfare';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { dropSchemas, schemaUrl, uniqueSuffix } from './support/pgSchemas.ts';

// Migrations are each service's own command; the service itself only checks that they were run.
const base = process.env.KIM_TEST_DATABASE_URL;
const dataDirs: string[] = [];
afterAll(() => {
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
});

function welfareEnv(): NodeJS.ProcessEnv {
  const dir = mkdtempSync(join(tmpdir(), 'kim-migrate-'));
  dataDirs.push(dir);
  return { KIM_DATA_DIR: dir, WELFARE_PORT: '0', KIM_ASSERTION_KEY_WELFARE: generateAssertionSecret(), LOG_LEVEL: 'silent' };
}

describe('a service started as its own process (migrations: require)', () => {
  it('refuses an unmigrated database, naming the command to run, and starts once migrate ran', async () => {
    const env = welfareEnv();
    await expect(startWelfare(readServiceConfig('welfare', env), { migrations: 'require' })).rejects.toThrow(
      /welfare: the database is not migrated \(lacks .*_init.*\): run the service's migrate command first/,
    );
    expect(await migrateService(welfare, readMigrationConfig('welfare', env))).toEqual(readMigrations(welfare.migrationsDir).map((m) => m.name));
    expect(await migrateService(welfare, readMigrationConfig('welfare', env))).toEqual([]);
    const service = await startWelfare(readServiceConfig('welfare', env), { migrations: 'require' });
    try {
      expect((await fetch(`${service.url}/readyz`)).status).toBe(200);
    } finally {
      await service.stop();
    }
  });
});

// Several sessions exist only on a PostgreSQL server: added when the suite runs there (CI does).
if (base) describe('migrate, run by several replicas at once (PostgreSQL)', () => {
  it('applies each migration exactly once, the others waiting on the migration lock', async () => {
    const schema = `t_${uniqueSuffix('mig')}`;
    const url = schemaUrl(base!, schema);
    try {
      const runs = await Promise.all(Array.from({ length: 4 }, () => migrateService(welfare, readMigrationConfig('welfare', { WELFARE_DATABASE_URL: url, LOG_LEVEL: 'silent' }))));
      const names = readMigrations(welfare.migrationsDir).map((m) => m.name);
      expect(runs.flat().sort()).toEqual(names);
      const client = new pg.Client({ connectionString: base });
      await client.connect();
      try {
        const { rows } = await client.query(`SELECT migration_name, count(*)::int AS n FROM "${schema}"."_prisma_migrations" GROUP BY 1 ORDER BY 1`);
        expect(rows).toEqual(names.map((migration_name) => ({ migration_name, n: 1 })));
      } finally {
        await client.end();
      }
    } finally {
      await dropSchemas(base!, [schema]);
    }
  });
});
