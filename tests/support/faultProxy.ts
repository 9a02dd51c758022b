import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** `rewrite` passes the request on and hands the answer's body to the test to change. */
export type FaultMode = 'pass' | 'refuse' | 'hang' | 'drop' | { delayMs: number } | { rewrite: (path: string, body: string) => string };

/**
 * An HTTP proxy in front of one service that a test can break on purpose: answer 503, hang,
 * drop the connection, pass requests on (after a delay), or garble the answers. Counts the
 * requests it received.
 */
export interface FaultProxy {
  readonly url: string;
  mode: FaultMode;
  readonly received: ReceivedRequest[];
  close(): Promise<void>;
}

/** A request the proxy received: its headers and, once read, its body (to replay it as an attacker could). */
export interface ReceivedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  body: string;
}

export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const targetUrl = new URL(target);
  const hanging = new Set<ServerResponse>();
  const proxy: { mode: FaultMode; received: ReceivedRequest[] } = { mode: 'pass', received: [] };
  const forward = (req: IncomingMessage, res: ServerResponse, received: ReceivedRequest, rewrite?: (path: string, body: string) => string) => {
    const upstream = request(
      { hostname: targetUrl.hostname, port: targetUrl.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        if (!rewrite) {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
          return;
        }
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('end', () => {
          const body = rewrite(req.url ?? '', Buffer.concat(chunks).toString('utf8'));
          const { 'content-length': _length, 'transfer-encoding': _encoding, ...headers } = answer.headers;
          res.writeHead(answer.statusCode ?? 502, { ...headers, 'content-length': Buffer.byteLength(body) });
          res.end(body);
        });
      },
    );
    upstream.on('error', () => res.destroy());
    // Read beside the pipe, not before it: a listener attached earlier would drain the body a
    // delayed forward still has to send.
    req.on('data', (chunk: Buffer) => void (received.body += chunk.toString('utf8')));
    req.pipe(upstream);
  };
  const server = createServer((req, res) => {
    const received: ReceivedRequest = { method: req.method ?? '', path: req.url ?? '', headers: { ...req.headers }, body: '' };
    proxy.received.push(received);
    const mode = proxy.mode;
    if (mode === 'refuse') {
      res.writeHead(503, { 'content-type': 'text/plain' }).end('down for the test');
    } else if (mode === 'drop') {
      req.socket.destroy();
    } else if (mode === 'hang') {
      hanging.add(res);
    } else if (mode === 'pass') {
      forward(req, res, received);
    } else if ('rewrite' in mode) {
      forward(req, res, received, mode.rewrite);
    } else {
      setTimeout(() => forward(req, res, received), mode.delayMs);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  return {
    url: `${base}${targetUrl.pathname === '/' ? '' : targetUrl.pathname}`,
    get mode() {
      return proxy.mode;
    },
    set mode(value: FaultMode) {
      proxy.mode = value;
    },
    received: proxy.received,
    close: async () => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * A proxy in front of every service a hub interposes (its GraphQL endpoints, and the consent
 * service's internal API as `consent:consent-api`), each reachable by name, all passing at first.
 */
export function proxiesFor(): { interpose: (service: string, url: string) => Promise<string>; get(key: string): FaultProxy; passAll(): void; closeAll(): Promise<void> } {
  const proxies = new Map<string, FaultProxy>();
  return {
    interpose: async (service, url) => {
      const p = await startFaultProxy(url);
      proxies.set(`${service}:${url.endsWith('/graphql') ? 'graphql' : 'consent-api'}`, p);
      return p.url;
    },
    get: (key) => {
      const p = proxies.get(key);
      if (!p) throw new Error(`no proxy ${key}`);
      return p;
    },
    passAll: () => {
      for (const p of proxies.values()) p.mode = 'pass';
    },
    closeAll: async () => {
      for (const p of proxies.values()) await p.close();
    },
  };
}
