// `npm run start:services`: the hub as an operator runs it, on one machine: the gateway, the four
// agencies and the consent service each in its own process from its built JavaScript
// (`node dist/index.js`), talking over HTTP, each on its own database (PostgreSQL where its
// *_DATABASE_URL is set, else a PGlite folder in KIM_DATA_DIR). Before they start, each
// service's `migrate` command runs and the demo population is seeded (as `npm start` does).
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SERVICES, type ServiceName } from '@kim/schema';
import {
  ConfigError,
  DEFAULT_PORTS,
  assertionKeyVariable,
  envPrefix,
  optionalString,
  port,
  runMain,
} from '@kim/core';
import { ensureDemoKeys } from './demoKeys.ts';
import { DEMO_AUDIENCE, DEMO_ISSUER } from './issueToken.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const PACKAGE_DIRS: Record<ServiceName | 'gateway', string> = {
  'case-registry': 'subgraphs/case-registry',
  'immigration-office': 'subgraphs/immigration-office',
  jobcenter: 'subgraphs/jobcenter',
  welfare: 'subgraphs/welfare',
  consent: 'consent',
  gateway: 'gateway',
};

const env = process.env;
const dataDir = optionalString(env, 'KIM_DATA_DIR') ?? '.data';
if (dataDir.startsWith('memory://')) throw new ConfigError('KIM_DATA_DIR', 'must be a folder: each process opens its own PGlite folder');
const reachableHost = ((host) => (host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host))(optionalString(env, 'HOST') ?? '127.0.0.1');
const ports = Object.fromEntries(SERVICES.map((s) => [s, port(env, `${envPrefix(s)}_PORT`, DEFAULT_PORTS[s])])) as Record<ServiceName, number>;
const gatewayPort = port(env, 'PORT', 4000);
for (const [name, value] of [...Object.entries(ports), ['gateway', gatewayPort] as const]) {
  if (value === 0) throw new ConfigError(name === 'gateway' ? 'PORT' : `${envPrefix(name as ServiceName)}_PORT`, 'must be a fixed port here: the processes find each other by it');
}
const base = (s: ServiceName) => `http://${reachableHost}:${ports[s]}`;
const urlOf = (s: ServiceName) => optionalString(env, `${envPrefix(s)}_URL`) ?? `${base(s)}/graphql`;

/** Runs one process of a package's built JavaScript; its output goes to ours. */
function node(pkg: ServiceName | 'gateway', script: 'index' | 'migrate', extraEnv: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, [join(root, PACKAGE_DIRS[pkg], 'dist', `${script}.js`)], { env: { ...env, ...extraEnv }, stdio: ['ignore', 'inherit', 'inherit'] });
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code))));
}

async function migrate(service: ServiceName): Promise<void> {
  const code = await exitOf(node(service, 'migrate', {}));
  if (code !== 0) throw new Error(`${service}: migrate exited with ${code}`);
}

/**
 * Seeds the demo population, once, in a process of its own that ends (it holds every service's
 * code and database meanwhile): `seedDemo.ts`, run the way this file is (tsx).
 */
async function seed(): Promise<void> {
  const child = spawn(process.execPath, [...process.execArgv, join(dirname(fileURLToPath(import.meta.url)), 'seedDemo.ts')], { env, stdio: ['ignore', 'inherit', 'inherit'] });
  const code = await exitOf(child);
  if (code !== 0) throw new Error(`seeding the demo population exited with ${code}`);
}

/** Waits until the process answers `/readyz`, or fails when it exits first. */
async function ready(name: string, child: ChildProcess, url: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode} while starting`);
    const ok = await fetch(`${url}/readyz`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${name} did not become ready at ${url}`);
}

runMain(async () => {
  const keys = await ensureDemoKeys(dataDir);
  const running: { name: string; child: ChildProcess }[] = [];
  let stopping = false;
  const stop = async () => {
    stopping = true;
    // Gateway first, so that no new request reaches a service that is stopping.
    for (const { child } of [...running].reverse()) {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exitOf(child);
    }
  };
  try {
    await Promise.all(SERVICES.map(migrate));
    await seed();

    const start = async (name: ServiceName | 'gateway', extraEnv: NodeJS.ProcessEnv, url: string) => {
      const child = node(name, 'index', extraEnv);
      running.push({ name, child });
      await ready(name, child, url);
    };
    const ownKey = (s: ServiceName) => ({ [`${assertionKeyVariable(s)}_FILE`]: keys.assertion[s] });
    await start('consent', { ...ownKey('consent'), KIM_AUDIT_SIGNING_KEY_FILE: keys.audit.privateKeyFile }, base('consent'));
    const consentUrl = optionalString(env, 'KIM_CONSENT_URL') ?? base('consent');
    await Promise.all(
      SERVICES.filter((s) => s !== 'consent').map((s) => start(s, { ...ownKey(s), KIM_CONSENT_URL: consentUrl, KIM_CONSENT_PUBLIC_KEY_FILE: keys.audit.publicKeyFile }, base(s))),
    );
    const gatewayUrl = `http://${reachableHost}:${gatewayPort}`;
    await start(
      'gateway',
      {
        KIM_JWT_PUBLIC_KEY_FILE: keys.idp.publicKeyFile,
        KIM_JWT_ISSUER: DEMO_ISSUER,
        KIM_JWT_AUDIENCE: DEMO_AUDIENCE,
        ...Object.fromEntries(SERVICES.flatMap((s) => [[`${assertionKeyVariable(s)}_FILE`, keys.assertion[s]], [`${envPrefix(s)}_URL`, urlOf(s)]])),
      },
      gatewayUrl,
    );
    // One process gone means the hub is not whole: stop the rest and say so.
    for (const { name, child } of running) {
      child.once('exit', (code) => {
        if (stopping) return;
        process.stderr.write(`${name} exited (${code}); stopping the hub\n`);
        void stop().then(() => process.exit(1));
      });
    }
    process.stderr.write(
      `\nKIM Hub is running as separate processes: ${gatewayUrl.replace('127.0.0.1', 'localhost')}/graphql\n` +
        `(${running.map(({ name, child }) => `${name} pid ${child.pid}`).join(', ')})\n` +
        `Get a token with: npm run token -- <persona>. Stop with Ctrl-C.\n`,
    );
    return { stop };
  } catch (error) {
    await stop();
    throw error;
  }
});
