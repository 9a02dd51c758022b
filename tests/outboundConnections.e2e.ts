import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from './support/testHub.ts';

/**
 * The hub talks to its own services and databases and to nothing else: no telemetry to a library's
 * vendor, no probing of cloud metadata addresses, no page that has a browser fetch scripts from a
 * CDN. Every socket this process opens passes through `net.Socket#connect` (node:http, undici's
 * fetch and pg alike), so it is watched there from before the hub starts.
 */
const attempts: string[] = [];
const realConnect = net.Socket.prototype.connect;

/** Where a `Socket#connect` call goes: `net.connect` hands it its normalised arguments as one array. */
function target(args: readonly unknown[]): string {
  const first = Array.isArray(args[0]) ? (args[0] as unknown[])[0] : args[0];
  if (typeof first === 'object' && first !== null) {
    const options = first as { host?: string; port?: number | string; path?: string };
    return options.path ? `unix:${options.path}` : `${options.host ?? 'localhost'}:${options.port}`;
  }
  if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) return `${typeof args[1] === 'string' ? args[1] : 'localhost'}:${first}`;
  return `unix:${String(first)}`;
}

const THIS_MACHINE = /^(unix:|127\.\d+\.\d+\.\d+:|localhost:|::1:|\[::1\]:|::ffff:127\.\d+\.\d+\.\d+:)/;
/** TEST-NET-1 (RFC 5737): an address outside, reserved for documentation, that nothing answers. */
const CONTROL = '192.0.2.1:9';

let hub: TestHub;
beforeAll(async () => {
  net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
    attempts.push(target(args));
    return (realConnect as (...a: unknown[]) => net.Socket).apply(this, args);
  } as typeof realConnect;
  hub = await startTestHub('outbound');
});
afterAll(async () => {
  await hub?.stop();
  net.Socket.prototype.connect = realConnect;
});

describe('the hub connects to this machine only', () => {
  it('(the watch sees a connection that leaves the machine)', () => {
    const socket = net.connect({ host: '192.0.2.1', port: 9 });
    socket.on('error', () => undefined);
    socket.destroy();
    expect(attempts).toContain(CONTROL);
  });

  it('from its start through a joined view, every connection it opens is local', async () => {
    const response = await hub.query('cm-neuss', '{ client(id: "K-000001") { id givenName currentResidenceTitleType } }');
    expect(response.body.data?.client).toMatchObject({ id: 'K-000001' });
    // Apollo's gateway started its cloud probes in its constructor, long before this; give any
    // late one time to show.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const made = attempts.filter((a) => a !== CONTROL);
    // The gateway reached its subgraphs, and they the consent service, over loopback: the watch saw them.
    expect(made.length).toBeGreaterThan(0);
    expect(made.filter((a) => !THIS_MACHINE.test(a))).toEqual([]);
  });
});

describe('a browser pointed at an endpoint', () => {
  it.each(['gateway', 'welfare', 'consent'] as const)('%s: gets no page, so nothing to load from anywhere', async (where) => {
    const url = where === 'gateway' ? hub.gatewayUrl : hub.serviceUrls[where];
    const response = await fetch(url, { headers: { accept: 'text/html' } });
    const body = await response.text();
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type') ?? '').not.toContain('text/html');
    expect(body).not.toMatch(/<script|apollographql\.com/i);
  });

  it('gateway: every answer forbids loading anything into a page', async () => {
    const response = await fetch(hub.gatewayUrl, { headers: { accept: 'text/html' } });
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
  });
});
