import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { issueToken } from '@kim/demo';
import { SERVICES } from '@kim/schema';
import { envPrefix } from '@kim/service-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFaultProxy, type FaultProxy } from './support/faultProxy.ts';
import { REPO_ROOT, freePorts, startProcess, type StartedProcess } from './support/processes.ts';

// `npm start` on ports and URLs of the operator's choosing: two hubs must be able to share a
// machine, so none of the variables in the README's table may be overwritten by the launcher.
let hub: StartedProcess;
let dataDir: string;
let gatewayPort: number;
let servicePorts: Record<(typeof SERVICES)[number], number>;
let consentProxy: FaultProxy;
let registryProxy: FaultProxy;

beforeAll(async () => {
  const ports = await freePorts(SERVICES.length + 1);
  gatewayPort = ports[0] as number;
  servicePorts = Object.fromEntries(SERVICES.map((s, i) => [s, ports[i + 1] as number])) as typeof servicePorts;
  // The URL variables point through proxies, so that the test sees they are used.
  consentProxy = await startFaultProxy(`http://127.0.0.1:${servicePorts.consent}`);
  registryProxy = await startFaultProxy(`http://127.0.0.1:${servicePorts['case-registry']}/graphql`);
  dataDir = mkdtempSync(join(tmpdir(), 'kim-demo-ports-'));
  hub = startProcess(join(REPO_ROOT, 'node_modules', '.bin', 'tsx'), ['demo/src/start.ts'], {
    PATH: process.env.PATH,
    LOG_LEVEL: 'warn',
    KIM_DATA_DIR: dataDir,
    PORT: String(gatewayPort),
    ...Object.fromEntries(SERVICES.map((s) => [`${envPrefix(s)}_PORT`, String(servicePorts[s])])),
    KIM_CONSENT_URL: consentProxy.url,
    CASE_REGISTRY_URL: registryProxy.url,
  });
  await hub.waitFor(/KIM Hub is running/);
});
afterAll(async () => {
  await hub?.stop();
  await consentProxy?.close();
  await registryProxy?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('npm start on ports and URLs other than the defaults', () => {
  it('serves each service on its <SERVICE>_PORT and the gateway on PORT', async () => {
    expect(hub.output()).toContain(`http://localhost:${gatewayPort}/graphql`);
    for (const service of SERVICES) {
      const response = await fetch(`http://127.0.0.1:${servicePorts[service]}/healthz`);
      expect({ service, status: response.status }).toEqual({ service, status: 200 });
    }
  });

  it('answers through the gateway, over the configured KIM_CONSENT_URL and <SERVICE>_URL', async () => {
    const token = await issueToken(readFileSync(join(dataDir, 'keys', 'idp-private.pem'), 'utf8'), 'cm-neuss');
    const response = await fetch(`http://127.0.0.1:${gatewayPort}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ client(id: "K-000001") { id languageLevel } }' }),
    });
    const body = (await response.json()) as { data?: { client?: { id: string; languageLevel: string | null } } };
    expect(body.data?.client?.id).toBe('K-000001');
    expect(body.data?.client?.languageLevel).not.toBeNull();
    expect(registryProxy.received.some((r) => r.path === '/graphql')).toBe(true);
    expect(consentProxy.received.some((r) => r.path.startsWith('/internal/'))).toBe(true);
  });
});
