import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  ASSERTION_HEADER,
  CONSENT_TICKET_HEADER,
  DECISIONS_PATH,
  assertionKey,
  generateAssertionSecret,
  generateEd25519Pem,
  requestBodyHash,
  signAssertion,
  signConsentTicket,
  type AssertionKey,
  type Caller,
} from '@kim/service-kit';
import { dropSchemas, schemaUrl, uniqueSuffix } from './support/pgSchemas.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const CLIENTS = ['K-000001', 'K-000002', 'K-000003', 'K-000004'];
const CATEGORIES = ['IDENTITY', 'HEALTH', 'COUNSELLING'] as const;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** The consent service as its own process, so that it can be killed in the middle of its work. */
function startConsentProcess(env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'consent/src/index.ts'], { cwd: repoRoot, env: { ...process.env, ...env }, stdio: 'ignore' });
}

/** Its `migrate` command, run once before: the service's own process never migrates. */
async function migrateConsent(env: NodeJS.ProcessEnv): Promise<void> {
  const migrate = spawn(process.execPath, ['--import', 'tsx', 'consent/src/migrate.ts'], { cwd: repoRoot, env: { ...process.env, ...env }, stdio: 'ignore' });
  const code = await new Promise<number | null>((resolve) => migrate.once('exit', resolve));
  if (code !== 0) throw new Error(`consent migrate exited with ${code}`);
}

async function waitReady(base: string): Promise<void> {
  for (let i = 0; i < 600; i += 1) {
    try {
      if ((await fetch(`${base}/readyz`)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('consent service did not become ready');
}

let env: NodeJS.ProcessEnv;
let base: string;
let child: ChildProcess | undefined;
let consentKey: AssertionKey;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  const secret = generateAssertionSecret();
  const auditKeys = await generateEd25519Pem();
  consentKey = assertionKey(secret);
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'kim-crash-'));
  const pgBase = process.env.KIM_TEST_DATABASE_URL;
  const schema = `t_${uniqueSuffix('crash')}`;
  const databaseUrl = pgBase ? schemaUrl(pgBase, schema) : undefined;
  env = {
    CONSENT_PORT: String(port),
    KIM_DATA_DIR: dataDir,
    KIM_ASSERTION_KEY_CONSENT: secret,
    KIM_AUDIT_SIGNING_KEY: auditKeys.privateKey,
    LOG_LEVEL: 'silent',
    ...(databaseUrl ? { CONSENT_DATABASE_URL: databaseUrl } : {}),
  };
  cleanup = async () => {
    rmSync(dataDir, { recursive: true, force: true });
    if (pgBase) await dropSchemas(pgBase, [schema]);
  };
  await migrateConsent(env);
});

afterAll(async () => {
  child?.kill('SIGKILL');
  await cleanup?.();
});

/** The gateway's ticket for a subgraph's consent calls. */
const ticket = (caller: Caller) => signConsentTicket(consentKey, caller, 'welfare');

describe('the consent service killed in the middle of its work', () => {
  it('loses no audit record of an answer it gave, and its chain verifies after the restart', async () => {
    child = startConsentProcess(env);
    await waitReady(base);

    // Decisions and grants in flight from many callers at once, then a kill without warning.
    const answered = new Map<string, number>();
    const requests = Array.from({ length: 400 }, async (_, i) => {
      const requestId = `crash-${i}`;
      const clientId = CLIENTS[i % CLIENTS.length]!;
      const questions = CATEGORIES.map((category) => ({ clientId, category }));
      try {
        const response = await fetch(`${base}${DECISIONS_PATH}`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            [CONSENT_TICKET_HEADER]: ticket({ subject: 's', agency: 'KIM_NEUSS', role: 'CASE_MANAGER', purpose: 'CASE_MANAGEMENT', requestId }),
          },
          body: JSON.stringify({ questions }),
        });
        if (response.status === 200) {
          const body = (await response.json()) as { decisions: unknown[] };
          answered.set(requestId, body.decisions.length);
        }
      } catch {
        // the process died under this request: no answer, so nothing may have been disclosed
      }
    });
    while (answered.size < 40) await new Promise((r) => setTimeout(r, 5));
    child.kill('SIGKILL');
    await Promise.all(requests);
    expect(answered.size).toBeGreaterThanOrEqual(40);

    child = startConsentProcess(env);
    await waitReady(base);
    const dpo = { subject: 'dpo', agency: 'DATA_PROTECTION', role: 'DATA_PROTECTION_OFFICER', purpose: 'DATA_PROTECTION_AUDIT', requestId: 'after-crash' } as const;
    const graphql = async (query: string) => {
      // A fresh assertion per request: each is bound to its request and good once.
      const response = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [ASSERTION_HEADER]: signAssertion(consentKey, dpo, 'consent', requestBodyHash({ query })) },
        body: JSON.stringify({ query }),
      });
      return (await response.json()) as { data: Record<string, unknown> };
    };
    const verified = await graphql('{ verifyAuditChain { valid problem } }');
    expect(verified.data.verifyAuditChain).toEqual({ valid: true, problem: null });

    const recorded = new Map<string, number>();
    for (const clientId of CLIENTS) {
      let after: string | null = null;
      for (;;) {
        const page = await graphql(`{ auditTrail(filter: { clientId: "${clientId}" }, first: 500${after ? `, after: "${after}"` : ''}) { edges { node { requestId } } pageInfo { hasNextPage endCursor } } }`);
        const trail = page.data.auditTrail as { edges: { node: { requestId: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
        for (const { node } of trail.edges) recorded.set(node.requestId, (recorded.get(node.requestId) ?? 0) + 1);
        if (!trail.pageInfo.hasNextPage) break;
        after = trail.pageInfo.endCursor;
      }
    }
    // Every answer that left the service is in the log, whole; a request the kill cut off is in
    // it whole or not at all.
    for (const [requestId, count] of answered) expect(recorded.get(requestId), requestId).toBe(count);
    for (const count of recorded.values()) expect(count).toBe(CATEGORIES.length);
  });
});
