import { spawn, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { freePorts } from './processes.ts';

/** The Redis the machine runs (as CI's and the developers' machines do). */
export const DEFAULT_TEST_REDIS_URL = 'redis://127.0.0.1:6379';

export interface TestRedis {
  readonly url: string;
  /** Where a TCP relay (tcpProxy) reaches it. */
  readonly host: string;
  readonly port: number;
  /** Stops the redis-server this started; nothing for one that was running already. */
  stop(): Promise<void>;
}

export interface TestRedisOptions {
  /** `KIM_TEST_REDIS_URL`: used as it is, never replaced by another. */
  readonly url?: string | undefined;
  /** Tried when no URL is given; when it does not answer, a redis-server of our own is started. */
  readonly defaultUrl?: string;
  /** The server to start (a name looked up on PATH). */
  readonly redisServer?: string;
}

/**
 * A Redis for the tests that share state between replicas, so that `npm ci && npm test` needs no
 * set-up: `KIM_TEST_REDIS_URL` if set, else the one at 127.0.0.1:6379 if it answers, else a
 * `redis-server` started on a free port, keeping nothing on disk, and stopped by `stop()`.
 */
export async function testRedis(options: TestRedisOptions = { url: process.env.KIM_TEST_REDIS_URL }): Promise<TestRedis> {
  // An explicit URL is the developer's choice: a wrong one fails the tests, it is not worked around.
  if (options.url) return running(options.url);
  const fallback = options.defaultUrl ?? DEFAULT_TEST_REDIS_URL;
  const { hostname, port } = new URL(fallback);
  if (await answers(hostname, Number(port || 6379))) return running(fallback);
  return startRedisServer(options.redisServer ?? 'redis-server', fallback);
}

function running(url: string): TestRedis {
  const parsed = new URL(url);
  return { url, host: parsed.hostname, port: Number(parsed.port || 6379), stop: async () => undefined };
}

/** Whether a Redis answers PING there (an error reply, e.g. NOAUTH, is an answer too). */
export function answers(host: string, port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, host);
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => done(/^[+-]/.test(data.toString('utf8'))));
  });
}

async function startRedisServer(command: string, tried: string): Promise<TestRedis> {
  const port = (await freePorts(1))[0]!;
  const host = '127.0.0.1';
  let child: ChildProcess;
  let output = '';
  try {
    child = await new Promise<ChildProcess>((resolve, reject) => {
      // Nothing on disk: no snapshots, no append-only file.
      const c = spawn(command, ['--bind', host, '--port', String(port), '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
      c.once('spawn', () => resolve(c));
      c.once('error', reject);
    });
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new Error(
      missing
        ? `no Redis for the replica tests: nothing answers at ${tried}, and ${command} is not on PATH. Install Redis (Debian: apt-get install redis-server), start one at ${tried}, or set KIM_TEST_REDIS_URL.`
        : `could not start ${command}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  child.stdout?.on('data', (chunk: Buffer) => void (output += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => void (output += chunk.toString('utf8')));
  // Never left behind by a test run that ends without its afterAll.
  const kill = () => child.kill('SIGKILL');
  process.once('exit', kill);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    process.off('exit', kill);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  for (let waited = 0; !(await answers(host, port)); waited += 100) {
    if (child.exitCode !== null || waited > 10_000) {
      await stop();
      throw new Error(`${command} on port ${port} did not answer:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { url: `redis://${host}:${port}`, host, port, stop };
}
