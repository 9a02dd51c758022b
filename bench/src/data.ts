import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ensureDemoKeys, readPem } from '@kim/demo';
import { SERVICES, type ServiceName } from '@kim/schema';
import { generatePopulation } from '@kim/demo/population';
import pg from 'pg';
import { AUDIT_ROWS, CLIENTS, DATA_VERSION, SMALL_AUDIT_ROWS, type BenchData } from './dataSet.ts';
import { generateAudit, signingKey } from './generateAudit.ts';
import { seedServices } from './seedServices.ts';

function schemaUrl(base: string, schema: string): string {
  const url = new URL(base);
  url.searchParams.set('schema', schema);
  return url.toString();
}

/**
 * The benchmark's data set on PostgreSQL: one schema per service (as tests/support/testHub.ts
 * does), seeded through the services' own seed functions with CLIENTS clients, plus AUDIT_ROWS
 * audit rows chained exactly as appendAudit chains them. Schemas are named after DATA_VERSION and
 * reused when a marker says a previous run finished seeding them (seeding takes minutes, runs
 * should not); `fresh` drops and rebuilds. Every side works on the same schemas.
 */
export async function prepareData(base: string, benchDir: string, fresh: boolean, say: (m: string) => void): Promise<BenchData> {
  const keysDir = join(benchDir, '.data', DATA_VERSION, 'keys');
  mkdirSync(keysDir, { recursive: true });
  const schemas = Object.fromEntries(SERVICES.map((s) => [s, `bench_${DATA_VERSION}_${s.replace(/-/g, '_')}`])) as Record<ServiceName, string>;
  const small = `bench_${DATA_VERSION}_consent_small`;
  // Two markers: services seeded (minutes), audit rows written; a run stopped in between resumes.
  const seeded = `bench_${DATA_VERSION}_seeded`;
  const marker = `bench_${DATA_VERSION}_ready`;
  const all = [...Object.values(schemas), small, seeded, marker];
  const client = new pg.Client({ connectionString: base });
  await client.connect();
  const drop = async () => {
    const c = new pg.Client({ connectionString: base });
    await c.connect();
    for (const s of all) await c.query(`DROP SCHEMA IF EXISTS "${s}" CASCADE`);
    await c.end();
  };
  const urls = Object.fromEntries(SERVICES.map((s) => [s, schemaUrl(base, schemas[s])])) as Record<ServiceName, string>;
  const smallConsentUrl = schemaUrl(base, small);
  const data: BenchData = {
    where: `PostgreSQL at ${new URL(base).host}`,
    keysDir,
    forSide: async (_side, smallAudit) => ({ urls: smallAudit ? { ...urls, consent: smallConsentUrl } : urls }),
    release: async () => undefined,
    drop,
  };
  try {
    const ready = await client.query(`SELECT 1 FROM information_schema.schemata WHERE schema_name = $1`, [marker]);
    const keys = await ensureDemoKeys(keysDir);
    if (ready.rowCount === 1 && !fresh) {
      say(`reusing data set ${DATA_VERSION} (schemas bench_${DATA_VERSION}_*)`);
      return data;
    }
    const hasSeeded = (await client.query(`SELECT 1 FROM information_schema.schemata WHERE schema_name = $1`, [seeded])).rowCount === 1;
    if (fresh || !hasSeeded) {
      await drop();
      const started = Date.now();
      say(`seeding ${CLIENTS} clients through the services' seed functions …`);
      // consent_small gets the same grants (the other services are seeded already and skipped),
      // and fewer audit rows below.
      const population = generatePopulation({ count: CLIENTS });
      for (const consentUrl of [urls.consent, smallConsentUrl]) {
        await seedServices(population, { dataDir: 'memory://', keysDir, databaseUrls: { ...urls, consent: consentUrl } });
      }
      await client.query(`CREATE SCHEMA "${seeded}"`);
      say(`  seeded in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    }
    const key = signingKey(readPem(keys.audit.privateKeyFile));
    const sql = { query: async <Row extends Record<string, unknown>>(text: string, params?: readonly unknown[]) => (await client.query(text, params as unknown[])).rows as Row[] };
    for (const [schema, rows] of [
      [schemas.consent, AUDIT_ROWS],
      [small, SMALL_AUDIT_ROWS],
    ] as const) {
      const t = Date.now();
      await generateAudit(sql, schema, rows, key);
      say(`  ${rows} audit rows in ${schema} in ${((Date.now() - t) / 1000).toFixed(0)} s`);
    }
    await client.query(`CREATE SCHEMA "${marker}"`);
    return data;
  } finally {
    await client.end();
  }
}
