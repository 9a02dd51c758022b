import http from 'node:http';
import https from 'node:https';

/** A JSON answer: its status and its parsed body (undefined when it had none). */
export interface JsonResponse {
  readonly status: number;
  readonly ok: boolean;
  readonly body: unknown;
}

/**
 * POSTs `body` as JSON (nothing when undefined) and reads the answer; rejects on a network error,
 * the timeout, or a successful answer whose body is not JSON.
 */
export type PostJson = (url: string, headers: Readonly<Record<string, string>>, body: unknown, timeoutMs: number) => Promise<JsonResponse>;

/** Below Node's default server keep-alive (5 s), for servers that announce none. */
const IDLE_SOCKET_MS = 4_000;

/**
 * The consent calls' HTTP client: node:http(s) over one keep-alive agent per service.
 *
 * INTENTIONAL: not `fetch`. Every subgraph fetch makes a consent call, and on the benchmark's
 * machine Node 20's fetch cost about 0.6 ms more CPU per call than `http.request` (a `GET
 * /healthz` 1.0 against 0.38 ms, a decision call of 75 questions 5.2 against 4.1 ms, client and
 * service in one process): the WHATWG Request, Response, Headers and streams it builds each time.
 * Instrumentation sees the calls on node:http's diagnostics channels
 * (`http.client.request.start`, `http.client.response.finish`).
 */
export function createPostJson(): PostJson {
  // An agent without `timeout` ignores the server's `Keep-Alive: timeout=` hint and keeps idle
  // sockets forever: a call could then go out on a socket the server is just closing and fail.
  // With one, Node frees an idle socket a second before the server's hint, or after
  // IDLE_SOCKET_MS when the server gives none. It does not limit a call in flight (the signal does).
  const options = { keepAlive: true, timeout: IDLE_SOCKET_MS };
  const agents = { http: new http.Agent(options), https: new https.Agent(options) };
  return (url, headers, body, timeoutMs) =>
    new Promise<JsonResponse>((resolve, reject) => {
      const target = new URL(url);
      const secure = target.protocol === 'https:';
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const request = (secure ? https : http).request(
        target,
        {
          method: 'POST',
          agent: secure ? agents.https : agents.http,
          headers: { ...headers, ...(payload === undefined ? { 'content-length': '0' } : { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)) }) },
          signal: AbortSignal.timeout(timeoutMs),
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', reject);
          response.on('aborted', () => reject(new Error('response aborted')));
          response.on('end', () => {
            const status = response.statusCode ?? 0;
            const ok = status >= 200 && status < 300;
            const text = Buffer.concat(chunks).toString('utf8');
            try {
              resolve({ status, ok, body: text.length === 0 ? undefined : JSON.parse(text) });
            } catch (error) {
              // A refusal's body is not read by anyone; an answer's must be JSON.
              if (ok) reject(error);
              else resolve({ status, ok, body: undefined });
            }
          });
        },
      );
      request.on('error', reject);
      request.end(payload);
    });
}
