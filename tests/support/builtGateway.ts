import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { REPO_ROOT } from './processes.ts';

/** Bundles the gateway from this checkout's sources (under a second), as `npm run build` does. */
export async function buildGateway(): Promise<void> {
  await promisify(execFile)(process.execPath, ['scripts/build.mjs', 'gateway'], { cwd: REPO_ROOT });
}

export interface BuiltGateway {
  /** Its `/graphql`. */
  readonly url: string;
  readonly metricsUrl: string;
  readonly child: ChildProcess;
  /** Its exit code (null: ended by a signal). */
  readonly exited: Promise<number | null>;
  /** SIGTERM, then its exit. */
  stop(): Promise<void>;
}

/**
 * `node gateway/dist/index.js`, as a deployment starts it, with `env` (keys, subgraph URLs,
 * budgets) on free ports; resolves once it logs that it listens.
 */
export async function startBuiltGateway(env: NodeJS.ProcessEnv): Promise<BuiltGateway> {
  const child = spawn(process.execPath, ['gateway/dist/index.js'], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...env, PORT: '0', HOST: '127.0.0.1', GATEWAY_METRICS_PORT: '0', LOG_LEVEL: 'info' },
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  let metricsUrl: string | undefined;
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the gateway exited (${code})`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const event = JSON.parse(line) as { msg?: string; url?: string };
      // Logged before `gateway listening`.
      if (event.msg === 'gateway metrics listening') metricsUrl = event.url;
      if (event.msg === 'gateway listening' && event.url) resolve(event.url);
    });
  }).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  if (!metricsUrl) throw new Error('the gateway did not say where its metrics are');
  return { url, metricsUrl, child, exited, stop };
}
