// Runs `prisma generate` for every service that has a Prisma schema.
// INTENTIONAL: PRISMA_SCHEMA_ENGINE_BINARY points at this very file. The Prisma CLI insists on a
// native schema engine before it will generate, and cannot download one where only the npm
// registry is reachable; `generate` only checks that the file exists, and Prisma Client 7 needs
// no native engine at run time (see README, "Why these packages").
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const services = ['subgraphs/case-registry', 'subgraphs/immigration-office', 'subgraphs/jobcenter', 'subgraphs/welfare', 'consent'];
let prismaCli;
try {
  prismaCli = createRequire(join(root, 'package.json')).resolve('prisma/build/index.js');
} catch {
  // The workspace packages that depend on prisma are not installed yet (e.g. a partial install).
  process.exit(0);
}
for (const service of services) {
  const schema = join(root, service, 'prisma', 'schema.prisma');
  if (!existsSync(schema)) continue;
  execFileSync(process.execPath, [prismaCli, 'generate', '--schema', schema], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: fileURLToPath(import.meta.url), CHECKPOINT_DISABLE: '1', PRISMA_HIDE_UPDATE_MESSAGE: '1' },
  });
}
