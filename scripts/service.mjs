// The container's entry point: `node scripts/service.mjs [start|migrate|health]` runs the
// deployable named by KIM_SERVICE (the image's build argument) from its dist/: its service, its
// migrate command, or a readiness probe for HEALTHCHECK (exit 0 when /readyz answers 200).
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEPLOYABLES } from './deployables.mjs';

const service = process.env.KIM_SERVICE ?? '';
const command = process.argv[2] ?? 'start';
const deployable = DEPLOYABLES[service];
if (!deployable) {
  console.error(`KIM_SERVICE: is not a deployable: "${service}" (one of ${Object.keys(DEPLOYABLES).join(', ')})`);
  process.exit(1);
}
const root = join(import.meta.dirname, '..');
if (command === 'health') {
  const port = process.env[deployable.portVariable] || deployable.defaultPort;
  const ok = await fetch(`http://127.0.0.1:${port}/readyz`, { signal: AbortSignal.timeout(3000) }).then((r) => r.ok, () => false);
  process.exit(ok ? 0 : 1);
} else if ((command === 'start' || command === 'migrate') && deployable.entries.includes(command === 'start' ? 'index' : 'migrate')) {
  await import(pathToFileURL(join(root, deployable.dir, 'dist', command === 'start' ? 'index.js' : 'migrate.js')).href);
} else {
  console.error(`unknown command "${command}" for ${service}: start${deployable.entries.includes('migrate') ? ', migrate' : ''} or health`);
  process.exit(1);
}
