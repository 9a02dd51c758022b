import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { collectDefaultMetrics, Registry } from 'prom-client';

export interface RunningMetrics {
  /** `http://host:port/metrics`. */
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * A registry of one deployable's metrics (not prom-client's global one: the demo and the tests
 * run every service in one process, and each must count only its own), with the process's
 * defaults (CPU, memory, event loop lag) under `prefix`.
 */
export function createMetricsRegistry(prefix: string): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix });
  return registry;
}

/**
 * Serves `GET /metrics` of `registry` on a port of its own, apart from the service's public one,
 * so that a deployment exposes the API and keeps its metrics internal. Anything else is 404.
 */
export async function startMetricsServer(registry: Registry, port: number, host: string): Promise<RunningMetrics> {
  const server: Server = createServer((req, res) => {
    if (req.method !== 'GET' || req.url !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    registry.metrics().then(
      (text) => res.writeHead(200, { 'content-type': registry.contentType, 'cache-control': 'no-store' }).end(text),
      () => res.writeHead(500, { 'content-type': 'text/plain' }).end('metrics failed\n'),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const actual = (server.address() as AddressInfo).port;
  let stopping: Promise<void> | undefined;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${actual}/metrics`,
    stop: () =>
      (stopping ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      })),
  };
}
