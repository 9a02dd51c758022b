import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { ensureDemoKeys, readPem } from '@kim/demo';
import { SERVICES } from '@kim/schema';
import { generatePopulation } from '@kim/demo/population';
import { openDatabase } from '@kim/service-kit';
import { AUDIT_ROWS, CLIENTS, DATA_VERSION, SMALL_AUDIT_ROWS, type BenchData } from './dataSet.ts';
import { generateAudit, signingKey } from './generateAudit.ts';
import { seedServices } from './seedServices.ts';

/**
 * The benchmark's data set on PGlite (`--pglite`): the same data as on PostgreSQL, seeded by the
 * same code into PGlite folders under bench/.data/<version>/pglite/seed (one per service, as
 * KIM_DATA_DIR lays them out), plus `consent-small`, a copy of the seeded consent folder given
 * SMALL_AUDIT_ROWS audit rows instead. Kept and reused like the PostgreSQL schemas (marker
 * files; `fresh` rebuilds). A PGlite folder can be opened by one process only, so every side
 * gets a copy of its own of the seeded folders before the run, removed after it.
 */
export async function preparePgliteData(benchDir: string, fresh: boolean, say: (m: string) => void): Promise<BenchData> {
  const keysDir = join(benchDir, '.data', DATA_VERSION, 'keys');
  const root = join(benchDir, '.data', DATA_VERSION, 'pglite');
  const seedDir = join(root, 'seed');
  const smallConsentDir = join(root, 'consent-small');
  const sidesDir = join(root, 'sides');
  // Two markers as on PostgreSQL: services seeded, audit rows written.
  const seeded = join(root, 'seeded');
  const ready = join(root, 'ready');
  mkdirSync(keysDir, { recursive: true });
  const keys = await ensureDemoKeys(keysDir);
  const data: BenchData = {
    where: 'PGlite, a copy of the seeded folders per side',
    keysDir,
    forSide: async (side, smallAudit) => {
      const dataDir = join(sidesDir, side);
      await rm(dataDir, { recursive: true, force: true });
      for (const s of SERVICES) {
        const from = s === 'consent' && smallAudit ? smallConsentDir : join(seedDir, s);
        await cp(from, join(dataDir, s), { recursive: true });
      }
      return { dataDir };
    },
    release: () => rm(sidesDir, { recursive: true, force: true }),
    drop: () => rm(root, { recursive: true, force: true }),
  };
  if (existsSync(ready) && !fresh) {
    say(`reusing data set ${DATA_VERSION} (PGlite folders in ${root})`);
    return data;
  }
  if (fresh || !existsSync(seeded)) {
    await data.drop();
    const started = Date.now();
    say(`seeding ${CLIENTS} clients through the services' seed functions into PGlite …`);
    await seedServices(generatePopulation({ count: CLIENTS }), { dataDir: seedDir, keysDir });
    // The same grants for the small audit table: the folder, closed, copied before any audit row.
    await cp(join(seedDir, 'consent'), smallConsentDir, { recursive: true });
    writeFileSync(seeded, '');
    say(`  seeded in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
  const key = signingKey(readPem(keys.audit.privateKeyFile));
  for (const [dataDir, rows] of [
    [join(seedDir, 'consent'), AUDIT_ROWS],
    [smallConsentDir, SMALL_AUDIT_ROWS],
  ] as const) {
    const t = Date.now();
    // As the folder's owner (PGlite's own user), which the services migrated as.
    const db = await openDatabase({ kind: 'pglite', dataDir });
    try {
      await generateAudit(db.sql, 'public', rows, key);
    } finally {
      await db.close();
    }
    say(`  ${rows} audit rows in ${dataDir} in ${((Date.now() - t) / 1000).toFixed(0)} s`);
  }
  writeFileSync(ready, '');
  return data;
}
