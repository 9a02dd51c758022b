import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostJson } from './postJson.ts';

let url: string;
let connections = 0;
const seen: { path: string; headers: IncomingMessage['headers']; body: string }[] = [];
const server = createServer((req: IncomingMessage, res: ServerResponse) => {
  let body = '';
  req.on('data', (c: Buffer) => (body += c.toString('utf8')));
  req.on('end', () => {
    seen.push({ path: req.url ?? '', headers: req.headers, body });
    if (req.url === '/echo') res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ got: JSON.parse(body || 'null') }));
    else if (req.url === '/garbled') res.writeHead(200).end('not json');
    else if (req.url === '/refused') res.writeHead(503).end('no');
    else if (req.url === '/empty') res.writeHead(204).end();
    // Announces a short keep-alive, as a server about to close idle connections does.
    else if (req.url === '/short-keep-alive') res.writeHead(200, { 'content-type': 'application/json', 'keep-alive': 'timeout=2' }).end('{}');
    // '/slow' never answers
  });
});
server.on('connection', () => (connections += 1));

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('createPostJson', () => {
  const post = createPostJson();

  it('sends JSON with the given headers and reads JSON, on one kept-alive connection', async () => {
    const before = connections;
    expect(await post(`${url}/echo`, { 'x-kim-assertion': 'a' }, { questions: [1] }, 1000)).toEqual({ status: 200, ok: true, body: { got: { questions: [1] } } });
    expect(await post(`${url}/echo`, {}, { again: true }, 1000)).toMatchObject({ ok: true, body: { got: { again: true } } });
    expect(connections - before).toBe(1);
    const first = seen.find((s) => s.body === '{"questions":[1]}')!;
    expect(first.headers['x-kim-assertion']).toBe('a');
    expect(first.headers['content-type']).toBe('application/json');
  });

  it('sends no body when there is none, and reads an empty answer as none', async () => {
    expect(await post(`${url}/empty`, {}, undefined, 1000)).toEqual({ status: 204, ok: true, body: undefined });
    expect(seen.at(-1)).toMatchObject({ path: '/empty', body: '' });
  });

  it('rejects an answer that is not JSON, but passes a refusal on whatever its body', async () => {
    await expect(post(`${url}/garbled`, {}, {}, 1000)).rejects.toThrow(SyntaxError);
    expect(await post(`${url}/refused`, {}, {}, 1000)).toEqual({ status: 503, ok: false, body: undefined });
  });

  // Reusing a connection the server is closing fails the call (ECONNRESET, "socket hang up"), and
  // a consent call that fails discloses nothing: under load that refused whole requests.
  it('does not reuse a connection longer than the server said it keeps it open', async () => {
    await post(`${url}/short-keep-alive`, {}, {}, 1000);
    const before = connections;
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await post(`${url}/short-keep-alive`, {}, {}, 1000);
    expect(connections - before).toBe(1);
  });

  it('rejects when the answer does not come in time, or the service is not there', async () => {
    await expect(post(`${url}/slow`, {}, {}, 100)).rejects.toThrow();
    await expect(post('http://127.0.0.1:1/echo', {}, {}, 1000)).rejects.toThrow();
  });
});
