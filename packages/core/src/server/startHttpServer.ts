import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';

/** How long requests in flight may take, once the port is closed, before their connections are cut. */
export const DEFAULT_SHUTDOWN_TIMEOUT_MS = 10_000;

export interface StopOptions {
  /**
   * How long to go on serving, with `/readyz` answering 503, before the port closes: a load
   * balancer's time to see the replica is going and send no more (default 0).
   */
  readonly delayMs?: number;
  /** Then how long requests in flight may take before their connections are closed (default 10 s). */
  readonly timeoutMs?: number;
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  /**
   * Drains: `/readyz` answers 503 and every response closes its connection; after `delayMs` the
   * port closes, requests in flight finish (cut after `timeoutMs`), then the service's own stop.
   */
  stop(options?: StopOptions): Promise<void>;
}

const DRAINING = Symbol('kim.draining');

/** Whether the server that took `req` is stopping: its `/readyz` then answers 503. */
export function isDraining(req: IncomingMessage): boolean {
  return (req as IncomingMessage & { [DRAINING]?: true })[DRAINING] === true;
}

/** Listens on `port` (0 for a free one) on `host` and reports the URL it got. */
export async function startHttpServer(app: Express, port: number, host: string, onStop: () => Promise<void>): Promise<RunningServer> {
  let draining = false;
  const server: Server = createServer((req, res) => {
    if (draining) {
      (req as IncomingMessage & { [DRAINING]?: true })[DRAINING] = true;
      // A kept-alive client (a proxy's pool) opens its next connection elsewhere.
      res.setHeader('connection', 'close');
    }
    app(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const actual = (server.address() as AddressInfo).port;
  let stopping: Promise<void> | undefined;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${actual}`,
    port: actual,
    // Idempotent: a test may stop one service early, and the launcher stops everything later.
    stop: (options = {}) =>
      (stopping ??= (async () => {
        draining = true;
        if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
        await new Promise<void>((resolve) => {
          // A request that outlasts the timeout (a hung subgraph, a slow client) does not hold the stop.
          const cut = setTimeout(() => server.closeAllConnections(), options.timeoutMs ?? DEFAULT_SHUTDOWN_TIMEOUT_MS);
          server.close(() => {
            clearTimeout(cut);
            resolve();
          });
          server.closeIdleConnections();
        });
        await onStop();
      })()),
  };
}
