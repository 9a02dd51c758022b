import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  /** Stops accepting connections, lets requests in flight finish, then closes. */
  stop(): Promise<void>;
}

/** Listens on `port` (0 for a free one) on `host` and reports the URL it got. */
export async function startHttpServer(app: Express, port: number, host: string, onStop: () => Promise<void>): Promise<RunningServer> {
  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(port, host, (error?: Error) => (error ? reject(error) : resolve(s)));
  });
  const actual = (server.address() as AddressInfo).port;
  let stopping: Promise<void> | undefined;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${actual}`,
    port: actual,
    // Idempotent: a test may stop one service early, and the launcher stops everything later.
    stop: () =>
      (stopping ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeIdleConnections();
        });
        await onStop();
      })()),
  };
}
