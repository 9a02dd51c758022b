import { ConfigError, optionalString } from '../config/readEnv.ts';

/** Where replicas share state (`REDIS_URL`): the gateway's budgets, the services' used assertions. */
export interface SharedStoreConfig {
  readonly url: string;
  /** Prepended to every key, so that several hubs (or test runs) can share one Redis (`KIM_REDIS_KEY_PREFIX`). */
  readonly keyPrefix: string;
}

/** Reads `REDIS_URL` and `KIM_REDIS_KEY_PREFIX`; null when replicas share nothing. Throws naming the variable. */
export function sharedStoreConfig(env: NodeJS.ProcessEnv): SharedStoreConfig | null {
  const raw = optionalString(env, 'REDIS_URL');
  if (raw === undefined) return null;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError('REDIS_URL', 'is not a URL');
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') throw new ConfigError('REDIS_URL', 'must be a redis:// or rediss:// URL');
  const keyPrefix = optionalString(env, 'KIM_REDIS_KEY_PREFIX') ?? 'kim:';
  if (!/^[\w:.-]{1,64}$/.test(keyPrefix)) throw new ConfigError('KIM_REDIS_KEY_PREFIX', 'letters, digits and _ : . - only, at most 64');
  return Object.freeze({ url: raw, keyPrefix });
}

/**
 * The part of an ioredis client a start needs. The caller passes its own constructor: the core
 * does not depend on ioredis, whose copy differs per package (another package of the tree pins the
 * hoisted one to v5), so that a bundle of the gateway finds the client where its package has it.
 */
export interface StoreClient {
  connect(): Promise<void>;
  disconnect(): void;
  on(event: 'error', listener: (error: Error) => void): unknown;
  off(event: 'error', listener: (error: Error) => void): unknown;
  once(event: 'ready', listener: () => void): unknown;
}

/** The ioredis options a start sets. */
export interface StoreClientOptions {
  readonly lazyConnect: true;
  readonly enableOfflineQueue: false;
  readonly connectTimeout: number;
  readonly commandTimeout: number;
  readonly maxRetriesPerRequest: 0;
  readonly retryStrategy: (attempt: number) => number;
}

/** How long one connection attempt may take, a start may keep trying, and a request waits for an answer. */
const CONNECT_TIMEOUT_MS = 5_000;
const START_TIMEOUT_MS = 10_000;
const COMMAND_TIMEOUT_MS = 1_000;

/**
 * Connects to the shared store, or fails the start: a process configured to share state does not
 * serve with state of its own. Afterwards it reconnects by itself; meanwhile whatever needs the
 * store refuses (fails closed). `what` names the use in the start's error.
 */
export async function connectSharedStore<R extends StoreClient>(config: SharedStoreConfig, what: string, create: (url: string, options: StoreClientOptions) => R): Promise<R> {
  const redis = create(config.url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    connectTimeout: CONNECT_TIMEOUT_MS,
    commandTimeout: COMMAND_TIMEOUT_MS,
    maxRetriesPerRequest: 0,
    // Reconnect soon, and keep trying: the shared state comes back with the store.
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
  });
  // Without a listener an unreachable Redis is an unhandled 'error' event; the refusals and
  // /readyz report it.
  redis.on('error', () => undefined);
  // A failed attempt is retried (retryStrategy) until the start's time is up: a store that is
  // slow to answer while a busy machine starts is not a store that is not there.
  let lastError = 'no answer';
  const onError = (error: Error) => void (lastError = error.message);
  redis.on('error', onError);
  try {
    await new Promise<void>((resolve, reject) => {
      const cancel = responsiveTimeout(START_TIMEOUT_MS, () => reject(new Error(lastError)));
      redis.once('ready', () => {
        cancel();
        resolve();
      });
      redis.connect().catch((error: Error) => void (lastError = error.message));
    });
  } catch (error) {
    redis.disconnect();
    throw new Error(`REDIS_URL: cannot reach the ${what} (${(error as Error).message})`);
  } finally {
    redis.off('error', onError);
  }
  return redis;
}

const TICK_MS = 100;

/**
 * Calls `onTimeout` once `ms` have passed in which this process could have seen an answer: a stall
 * of the event loop counts as at most two ticks, not its length. Services started together in one
 * process (the demo, the tests) stall each other for seconds on a busy machine, and a plain timer
 * then fires before the store's answer, already waiting in the socket, is read.
 * @returns a function that cancels it
 */
export function responsiveTimeout(ms: number, onTimeout: () => void, now: () => number = () => performance.now()): () => void {
  let waited = 0;
  let last = now();
  const timer = setInterval(() => {
    const at = now();
    waited += Math.min(at - last, 2 * TICK_MS);
    last = at;
    if (waited < ms) return;
    clearInterval(timer);
    onTimeout();
  }, TICK_MS);
  return () => clearInterval(timer);
}
