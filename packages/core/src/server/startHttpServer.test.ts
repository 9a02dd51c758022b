import express, { type Response } from 'express';
import { describe, expect, it, vi } from 'vitest';
import { isDraining, startHttpServer } from './startHttpServer.ts';

/** An app with `/readyz` as the services have it, and `/held`, answered when the test says. */
function app() {
  const held: Response[] = [];
  let arrived: () => void = () => undefined;
  const app = express();
  app.get('/readyz', (req, res) => {
    res.status(isDraining(req) ? 503 : 200).json({ status: isDraining(req) ? 'draining' : 'ready' });
  });
  app.get('/held', (_req, res) => {
    held.push(res);
    arrived();
  });
  return { app, held, arrival: () => new Promise<void>((resolve) => (arrived = resolve)) };
}

describe('startHttpServer', () => {
  it('while it drains answers /readyz 503 and closes each connection after its response, lets requests in flight finish, then closes the port', async () => {
    const { app: served, held, arrival } = app();
    const onStop = vi.fn(async () => undefined);
    const server = await startHttpServer(served, 0, '127.0.0.1', onStop);
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    const arrived = arrival();
    const inFlight = fetch(`${server.url}/held`);
    await arrived;

    // As on SIGTERM with KIM_SHUTDOWN_DELAY_SECONDS: served on meanwhile, but not ready.
    const stopped = server.stop({ delayMs: 2000 });
    const draining = await fetch(`${server.url}/readyz`);
    expect(draining.status).toBe(503);
    expect(await draining.json()).toEqual({ status: 'draining' });
    expect(draining.headers.get('connection')).toBe('close');

    held[0]!.json({ done: true });
    expect(await (await inFlight).json()).toEqual({ done: true });
    await stopped;
    expect(onStop).toHaveBeenCalledOnce();
    await expect(fetch(`${server.url}/readyz`)).rejects.toThrow();
  });

  it('closes the connections of requests that outlast the timeout, then stops', async () => {
    const { app: served, arrival } = app();
    const onStop = vi.fn(async () => undefined);
    const server = await startHttpServer(served, 0, '127.0.0.1', onStop);
    const arrived = arrival();
    const hung = fetch(`${server.url}/held`);
    await arrived;
    await server.stop({ timeoutMs: 100 });
    await expect(hung).rejects.toThrow();
    expect(onStop).toHaveBeenCalledOnce();
  });
});
