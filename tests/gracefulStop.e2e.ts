import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { issueToken } from '@kim/demo';
import { SERVICES } from '@kim/schema';
import { assertionKeyVariable, envPrefix } from '@kim/service-kit';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildGateway, startBuiltGateway } from './support/builtGateway.ts';
import { freePorts } from './support/processes.ts';

/**
 * A process stopped by SIGTERM drains (runMain, startHttpServer): with KIM_SHUTDOWN_DELAY_SECONDS
 * it goes on serving while `/readyz` says it is going, then closes and exits 0. The built gateway
 * in production mode, as a deployment runs it: there Apollo Server would otherwise stop itself on
 * the signal at once and re-raise it (its stopOnTerminationSignals), refusing requests during the
 * drain. `{ __typename }` asks no subgraph, so none runs.
 */
const DELAY_SECONDS = 5;

beforeAll(() => buildGateway());

describe('the gateway on SIGTERM', () => {
  it('answers /readyz 503 and still serves while it drains, then closes its port and exits 0', async () => {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const [nowhere] = await freePorts(1);
    const gateway = await startBuiltGateway({
      NODE_ENV: 'production',
      KIM_SHUTDOWN_DELAY_SECONDS: String(DELAY_SECONDS),
      KIM_JWT_PUBLIC_KEY: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      ...Object.fromEntries(SERVICES.map((s) => [assertionKeyVariable(s), randomBytes(32).toString('base64')])),
      ...Object.fromEntries(SERVICES.map((s) => [`${envPrefix(s)}_URL`, `http://127.0.0.1:${nowhere}/graphql`])),
    });
    try {
      const readyz = gateway.url.replace(/\/graphql$/, '/readyz');
      const token = await issueToken(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), 'cm-neuss');
      const ask = async () => {
        const response = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: '{ __typename }' }) });
        return { status: response.status, body: await response.json(), connection: response.headers.get('connection') };
      };
      expect((await fetch(readyz)).status).toBe(200);
      expect(await ask()).toEqual({ status: 200, body: { data: { __typename: 'Query' } }, connection: 'keep-alive' });

      const signalled = Date.now();
      gateway.child.kill('SIGTERM');
      await expect.poll(async () => (await fetch(readyz)).status, { timeout: 2000, interval: 50 }).toBe(503);
      expect(await (await fetch(readyz)).json()).toEqual({ status: 'draining' });
      // Served during the delay, each answer closing its connection.
      expect(await ask()).toEqual({ status: 200, body: { data: { __typename: 'Query' } }, connection: 'close' });
      expect(Date.now() - signalled).toBeLessThan(DELAY_SECONDS * 1000);

      expect(await gateway.exited).toBe(0);
      expect(Date.now() - signalled).toBeGreaterThanOrEqual(DELAY_SECONDS * 1000);
      await expect(fetch(readyz)).rejects.toThrow();
    } finally {
      await gateway.stop();
    }
  });
});
