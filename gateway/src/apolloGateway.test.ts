import net from 'node:net';
import { readFileSync } from 'node:fs';
import { SUPERGRAPH_PATH } from '@kim/schema';
import { afterEach, describe, expect, it } from 'vitest';
import { apolloGatewayWithoutTelemetry } from './apolloGateway.ts';

const SWITCH = 'APOLLO_TELEMETRY_DISABLED';
const realConnect = net.Socket.prototype.connect;
const original = process.env[SWITCH];

afterEach(() => {
  net.Socket.prototype.connect = realConnect;
  if (original === undefined) delete process.env[SWITCH];
  else process.env[SWITCH] = original;
});

const construct = () => apolloGatewayWithoutTelemetry({ supergraphSdl: readFileSync(SUPERGRAPH_PATH, 'utf8') });

describe('apolloGatewayWithoutTelemetry', () => {
  it('opens no connection while it is built (Apollo would probe four cloud metadata addresses)', async () => {
    let connections = 0;
    net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
      connections++;
      return (realConnect as (...a: unknown[]) => net.Socket).apply(this, args);
    } as typeof realConnect;
    construct();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(connections).toBe(0);
  });

  it.each([undefined, 'false', 'true'])('leaves the environment as it found it (%s)', (before) => {
    if (before === undefined) delete process.env[SWITCH];
    else process.env[SWITCH] = before;
    construct();
    expect(process.env[SWITCH]).toBe(before);
  });
});
