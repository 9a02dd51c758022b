import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { issueToken } from '@kim/demo';
import { SERVICES } from '@kim/schema';
import { envPrefix } from '@kim/service-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropSchemas, schemaUrl, uniqueSuffix } from './support/pgSchemas.ts';
import { freePorts, startProcess, type StartedProcess } from './support/processes.ts';

// `npm run start:services`: the hub as separate processes from built JavaScript, as deployed.
const base = process.env.KIM_TEST_DATABASE_URL;
const schemas = Object.fromEntries(SERVICES.map((s) => [s, `t_${s.replace(/-/g, '_')}_${uniqueSuffix('proc')}`]));
let hub: StartedProcess;
let dataDir: string;
let gatewayPort: number;
let servicePorts: number[];

beforeAll(async () => {
  const ports = await freePorts(SERVICES.length + 1);
  gatewayPort = ports[0] as number;
  servicePorts = ports.slice(1);
  dataDir = mkdtempSync(join(tmpdir(), 'kim-processes-'));
  hub = startProcess('npm', ['run', 'start:services'], {
    PATH: process.env.PATH,
    LOG_LEVEL: 'warn',
    KIM_DATA_DIR: dataDir,
    PORT: String(gatewayPort),
    ...Object.fromEntries(SERVICES.map((s, i) => [`${envPrefix(s)}_PORT`, String(servicePorts[i])])),
    // On PostgreSQL each service gets a schema of its own; else a PGlite folder in KIM_DATA_DIR.
    ...(base ? Object.fromEntries(SERVICES.map((s) => [`${envPrefix(s)}_DATABASE_URL`, schemaUrl(base, schemas[s] as string)])) : {}),
  });
  await hub.waitFor(/KIM Hub is running as separate processes/, 170_000);
}, 180_000);
afterAll(async () => {
  await hub?.stop();
  if (base) await dropSchemas(base, Object.values(schemas));
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function query(persona: 'jobcenter' | 'cm-neuss', purpose: string, document: string) {
  const token = await issueToken(readFileSync(join(dataDir, 'keys', 'idp-private.pem'), 'utf8'), persona);
  const response = await fetch(`http://127.0.0.1:${gatewayPort}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-kim-purpose': purpose },
    body: JSON.stringify({ query: document }),
  });
  return (await response.json()) as { data?: { client?: Record<string, unknown> }; errors?: { path?: string[]; extensions?: { code?: string; category?: string } }[] };
}

describe('the hub as separate processes (npm run start:services)', () => {
  it('runs each service and the gateway as a process of its own from dist/, each on its port', async () => {
    const pids = [...hub.output().matchAll(/([\w-]+) pid (\d+)/g)].map((m) => [m[1], Number(m[2])]);
    expect(pids.map(([name]) => name).sort()).toEqual([...SERVICES, 'gateway'].sort());
    expect(new Set(pids.map(([, pid]) => pid)).size).toBe(SERVICES.length + 1);
    for (const port of [...servicePorts, gatewayPort]) expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
  });

  it('answers a persona through the gateway, each field by consent, over HTTP between the processes', async () => {
    // K-000001 consented to the jobcenter for language data, not for identity data.
    const jobcenter = await query('jobcenter', 'LABOUR_MARKET_INTEGRATION', '{ client(id: "K-000001") { languageLevel givenName } }');
    expect(jobcenter.data?.client).toEqual({ languageLevel: 'B1', givenName: null });
    expect(jobcenter.errors?.map((e) => [e.path?.join('.'), e.extensions?.code, e.extensions?.category])).toEqual([['client.givenName', 'CONSENT_REQUIRED', 'IDENTITY']]);
    const caseManager = await query('cm-neuss', 'CASE_MANAGEMENT', '{ client(id: "K-000001") { givenName } }');
    expect(caseManager.errors).toBeUndefined();
    expect(typeof caseManager.data?.client?.givenName).toBe('string');
    // K-000003 is a Dormagen client: KIM Neuss does not know of it at all.
    const otherTeam = await query('cm-neuss', 'CASE_MANAGEMENT', '{ client(id: "K-000003") { givenName languageLevel } }');
    expect(otherTeam.data?.client).toBeNull();
  });

  it('stops every process on SIGTERM to its process group (as Ctrl-C does)', async () => {
    await hub.stop();
    // npm's own process exits first; each service finishes its requests in flight, then closes.
    for (const port of [...servicePorts, gatewayPort]) {
      await expect
        .poll(() => fetch(`http://127.0.0.1:${port}/healthz`).then(() => 'open', () => 'closed'), { timeout: 30_000, interval: 200 })
        .toBe('closed');
    }
  });
});
