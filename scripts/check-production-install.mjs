// `node scripts/check-production-install.mjs` (after `npm run build`): a deployable runs on its
// production dependencies alone, installed as the image's `deps` stage installs them. In scratch
// copies of the repository (the files git tracks, as they are in the working tree, and every
// built dist/), one per deployable:
//   npm ci --omit=dev --omit=optional --ignore-scripts --workspace @kim/<name>
// for the gateway and for welfare (standing for the agencies and consent, which share the service
// kit); then welfare's `migrate` on a fresh PGlite folder, its start until /readyz answers 200,
// and a clean stop on SIGTERM; the gateway started the same way; and none of the service kit's
// database packages in the gateway's install, while welfare's has them (so the search is shown to
// find them). Prints what each step took and the installs' sizes; exits 1 on the first failure.
// Needs the npm registry (or npm's cache); starts nothing but its own processes on free ports.
import { execFileSync, spawn } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { accessSync, constants, copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DEPLOYABLES } from './deployables.mjs';
import { freePort } from './freePort.mjs';

const root = join(import.meta.dirname, '..');
const INSTALL = ['ci', '--omit=dev', '--omit=optional', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'];
const SERVICES = ['case-registry', 'immigration-office', 'jobcenter', 'welfare', 'consent'];
/** What the gateway's install must not hold: the service kit's database packages. */
const DATABASE_PACKAGES = ['@prisma/client', '@prisma/adapter-pg', 'prisma', 'pg', '@electric-sql/pglite', 'pglite-prisma-adapter'];
/** What welfare's must hold, for the search above to mean anything. */
const WELFARE_NEEDS = ['@prisma/client', 'pg', '@electric-sql/pglite'];
const READY_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 20_000;

const started = Date.now();
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
const step = (message) => console.log(`[${seconds(started)}] ${message}`);

/** A copy of the repository as an image build sees it: tracked files and the built dist/ folders. */
function copyTree(to) {
  const files = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const file of files) {
    // A tracked file deleted in the working tree is not part of what is checked.
    if (!existsSync(join(root, file))) continue;
    mkdirSync(dirname(join(to, file)), { recursive: true });
    copyFileSync(join(root, file), join(to, file));
  }
  for (const { dir } of Object.values(DEPLOYABLES)) cpSync(join(root, dir, 'dist'), join(to, dir, 'dist'), { recursive: true });
}

/** The environment of what this starts: only what it sets, never a database URL of the caller's. */
function childEnv(extra) {
  return { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'production', LOG_LEVEL: 'info', ...extra };
}

/** Runs a command to its end; fails with its output unless it exits 0. */
function run(command, args, cwd, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => void (output += chunk));
    child.stderr.on('data', (chunk) => void (output += chunk));
    child.once('error', reject);
    child.once('exit', (code, signal) => (code === 0 ? resolve(output) : reject(new Error(`${command} ${args.join(' ')} ended with ${code ?? signal}:\n${output}`))));
  });
}

/** Installs one deployable's production dependencies in its copy; npm's own variables of a caller (`npm run`) are not passed on. */
async function install(copy, name) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
  const since = Date.now();
  await run('npm', [...INSTALL, '--workspace', `@kim/${name}`], copy, env);
  step(`${name}: npm ${INSTALL.join(' ')} --workspace @kim/${name} in ${seconds(since)}, node_modules ${megabytes(copy)} MB`);
}

/** The size of every node_modules in the copy, in MB (the outermost ones: each holds its nested ones). */
function megabytes(copy) {
  const folders = nodeModulesFolders(copy);
  const outermost = folders.filter((f) => !folders.some((o) => f.startsWith(`${o}/`)));
  const out = execFileSync('du', ['-sk', ...outermost], { encoding: 'utf8' });
  return Math.round(out.split('\n').filter(Boolean).reduce((sum, line) => sum + Number(line.split('\t')[0]), 0) / 1024);
}

/** Every node_modules folder below `dir`, nested ones included; links (the workspace packages) not followed. */
function nodeModulesFolders(dir) {
  const found = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name === '.git') continue;
    const path = join(dir, entry.name);
    if (entry.name === 'node_modules') found.push(path);
    found.push(...nodeModulesFolders(path));
  }
  return found;
}

/** The names of the packages installed anywhere in the copy. */
function installedPackages(copy) {
  const names = new Set();
  for (const folder of nodeModulesFolders(copy)) {
    for (const entry of readdirSync(folder)) {
      if (entry.startsWith('@')) {
        for (const scoped of readdirSync(join(folder, entry))) names.add(`${entry}/${scoped}`);
      } else if (!entry.startsWith('.')) {
        names.add(entry);
      }
    }
  }
  return names;
}

function ramDisk() {
  try {
    accessSync('/dev/shm', constants.W_OK);
    return '/dev/shm';
  } catch {
    return null;
  }
}

const running = new Set();

/** Starts a deployable's `node dist/index.js`, waits for /readyz 200, and returns its stop. */
async function serve(copy, name, port, env) {
  const since = Date.now();
  const child = spawn(process.execPath, [join(DEPLOYABLES[name].dir, 'dist', 'index.js')], { cwd: copy, env: childEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let output = '';
  child.stdout.on('data', (chunk) => void (output += chunk));
  child.stderr.on('data', (chunk) => void (output += chunk));
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  const url = `http://127.0.0.1:${port}/readyz`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode} while starting:\n${output}`);
    if (Date.now() - since > READY_TIMEOUT_MS) throw new Error(`${name} was not ready at ${url} within ${READY_TIMEOUT_MS / 1000} s:\n${output}`);
    if (await fetch(url).then((r) => r.status === 200, () => false)) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  step(`${name}: node ${DEPLOYABLES[name].dir}/dist/index.js ready in ${seconds(since)}`);
  return async () => {
    const stopping = Date.now();
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    const code = await exited;
    clearTimeout(timer);
    running.delete(child);
    if (code !== 0) throw new Error(`${name} ended with ${code} on SIGTERM:\n${output}`);
    step(`${name}: stopped on SIGTERM in ${seconds(stopping)} (exit 0)`);
  };
}

const missing = Object.values(DEPLOYABLES).map(({ dir }) => join(dir, 'dist')).filter((dist) => !existsSync(join(root, dist)));
if (missing.length > 0) {
  console.error(`${missing.join(', ')} missing: run \`npm run build\` first`);
  process.exit(1);
}

// On a RAM disk where there is one: the two installs write ~25,000 files, and removing them from
// this machine's disk took over a minute (measured: 66 s) when it was busy.
const scratch = mkdtempSync(join(ramDisk() ?? tmpdir(), 'kim-production-install-'));
const copies = { gateway: join(scratch, 'gateway'), welfare: join(scratch, 'welfare') };
try {
  for (const copy of Object.values(copies)) copyTree(copy);
  step(`copied the tracked files and dist/ folders to ${scratch}`);
  // One after the other: two at once save little on two cores and share npm's cache.
  await install(copies.gateway, 'gateway');
  await install(copies.welfare, 'welfare');

  const inGateway = installedPackages(copies.gateway);
  const forbidden = DATABASE_PACKAGES.filter((p) => inGateway.has(p));
  if (forbidden.length > 0) throw new Error(`the gateway's production install holds ${forbidden.join(', ')}: it must depend on @kim/core alone`);
  const inWelfare = installedPackages(copies.welfare);
  const lacking = WELFARE_NEEDS.filter((p) => !inWelfare.has(p));
  if (lacking.length > 0) throw new Error(`welfare's production install lacks ${lacking.join(', ')}: the package search is broken, or welfare's dependencies are`);
  step(`gateway's install: none of ${DATABASE_PACKAGES.join(', ')} (welfare's has ${WELFARE_NEEDS.join(', ')})`);

  const keys = Object.fromEntries(SERVICES.map((s) => [`KIM_ASSERTION_KEY_${s.toUpperCase().replace(/-/g, '_')}`, randomBytes(32).toString('base64')]));
  // No *_DATABASE_URL: a PGlite folder of its own, created and migrated by `migrate`, as a
  // service started as its own process refuses an unmigrated database.
  const welfareDb = { KIM_DATA_DIR: join(scratch, 'data') };
  const migrating = Date.now();
  await run(process.execPath, [join(DEPLOYABLES.welfare.dir, 'dist', 'migrate.js')], copies.welfare, childEnv(welfareDb));
  step(`welfare: node ${DEPLOYABLES.welfare.dir}/dist/migrate.js on a fresh PGlite folder in ${seconds(migrating)}`);
  const [welfarePort, gatewayPort, nowhere] = [await freePort(), await freePort(), await freePort()];
  const stopWelfare = await serve(copies.welfare, 'welfare', welfarePort, {
    ...welfareDb,
    HOST: '127.0.0.1',
    WELFARE_PORT: String(welfarePort),
    KIM_ASSERTION_KEY_WELFARE: keys.KIM_ASSERTION_KEY_WELFARE,
    // Readiness is the service's own database; consent is asked per request only.
    KIM_CONSENT_URL: `http://127.0.0.1:${nowhere}`,
  });
  const stopGateway = await serve(copies.gateway, 'gateway', gatewayPort, {
    HOST: '127.0.0.1',
    PORT: String(gatewayPort),
    KIM_JWT_PUBLIC_KEY: generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    ...keys,
    ...Object.fromEntries(SERVICES.map((s) => [`${s.toUpperCase().replace(/-/g, '_')}_URL`, `http://127.0.0.1:${s === 'welfare' ? welfarePort : nowhere}/graphql`])),
  });
  await stopGateway();
  await stopWelfare();
  step('production install checked');
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  for (const child of running) child.kill('SIGKILL');
  const removing = Date.now();
  rmSync(scratch, { recursive: true, force: true });
  step(`removed ${scratch} in ${seconds(removing)}`);
}
