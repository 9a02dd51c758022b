// `node scripts/gatewayFootprint.mjs`: what the built gateway (`gateway/dist/index.js`, after
// `npm run build`) loads and how much memory it holds once it is ready. It starts the gateway as
// its own process on a free port with throwaway keys, waits for `/readyz`, and then asks that
// process for every module it has loaded (ES modules through a module hook, CommonJS through
// `require.cache`) and its resident set size. Prints the figures and which of the service kit's
// heavy packages were loaded (the gateway should load none of them). `--json` prints JSON.
//
// Recorded before and after the packages were cut in bench/RESULTS.md ("Gateway footprint").
import { spawn } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './freePort.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'gateway', 'dist', 'index.js');
const SERVICES = ['case-registry', 'immigration-office', 'jobcenter', 'welfare', 'consent'];
/** Packages of the service kit that a gateway has no use for: each is a folder in node_modules. */
const HEAVY = {
  Prisma: ['@prisma/', '.prisma/', 'pglite-prisma-adapter/'],
  '@electric-sql/pglite': ['@electric-sql/pglite/'],
  pg: ['pg/', 'pg-pool/', 'pg-protocol/'],
  'graphql-shield': ['graphql-shield/'],
  dataloader: ['dataloader/'],
};

// Runs in the gateway's process before its entry (`--import`): collects what it loads and
// answers the parent's question over the IPC channel. The hook runs off the main thread and
// posts each loaded URL back.
const probe = `
import { register, createRequire } from 'node:module';
import { MessageChannel } from 'node:worker_threads';
const loaded = new Set();
const { port1, port2 } = new MessageChannel();
port1.on('message', (url) => loaded.add(url));
port1.unref();
const hooks = 'data:text/javascript,' + encodeURIComponent(\`
  let port;
  export function initialize(data) { port = data.port; }
  export async function load(url, context, next) { port.postMessage(url); return next(url, context); }
\`);
register(hooks, { data: { port: port2 }, transferList: [port2] });
process.on('message', async (message) => {
  if (message !== 'report') return;
  // Let the hook thread's last messages arrive.
  await new Promise((resolve) => setTimeout(resolve, 200));
  const cjs = Object.keys(createRequire(process.cwd() + '/').cache).map((p) => 'file://' + p);
  process.send({ modules: [...new Set([...loaded, ...cjs])].filter((u) => u.startsWith('file:')), rss: process.memoryUsage().rss });
});
`;

async function ready(url, child) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the gateway exited with ${child.exitCode} while starting`);
    if (await fetch(url).then((r) => r.ok, () => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the gateway did not become ready at ${url}`);
}

if (!existsSync(entry)) {
  console.error(`${entry} is missing: run \`npm run build\` first`);
  process.exit(1);
}
const port = await freePort();
const { publicKey } = generateKeyPairSync('ed25519');
const env = {
  PATH: process.env.PATH,
  HOST: '127.0.0.1',
  PORT: String(port),
  NODE_ENV: 'production',
  LOG_LEVEL: 'silent',
  KIM_JWT_PUBLIC_KEY: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  ...Object.fromEntries(SERVICES.map((s) => [`KIM_ASSERTION_KEY_${s.toUpperCase().replace(/-/g, '_')}`, randomBytes(32).toString('base64')])),
};
const child = spawn(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(probe)}`, entry], { env, cwd: root, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
try {
  await ready(`http://127.0.0.1:${port}/readyz`, child);
  // Settle: what start-up allocated and let go is collected before RSS is read.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const report = await new Promise((resolve, reject) => {
    child.once('message', resolve);
    child.once('exit', (code) => reject(new Error(`the gateway exited with ${code}`)));
    child.send('report');
  });
  const inNodeModules = (url, folder) => url.includes(`/node_modules/${folder}`);
  const heavy = Object.fromEntries(Object.entries(HEAVY).map(([name, folders]) => [name, report.modules.filter((u) => folders.some((f) => inNodeModules(u, f))).length]));
  const result = { modules: report.modules.length, rssMB: Math.round(report.rss / 2 ** 20), heavy };
  if (process.argv.includes('--json')) console.log(JSON.stringify(result));
  else {
    console.log(`gateway/dist/index.js: ${result.modules} modules loaded, RSS ${result.rssMB} MB after start`);
    for (const [name, count] of Object.entries(heavy)) console.log(`  ${name}: ${count === 0 ? 'not loaded' : `loaded (${count} modules)`}`);
  }
  process.exitCode = Object.values(heavy).some((n) => n > 0) && process.argv.includes('--strict') ? 1 : 0;
} finally {
  child.kill('SIGTERM');
}
