import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { eraseClosedCases } from '@kim/case-registry';
import { auditVerifyingKey, eraseEndedClients, verifyAuditExport } from '@kim/consent';
import { startHub } from '@kim/demo';
import { generatePopulation } from '@kim/demo/population';
import { envPrefix, type SqlQueryable } from '@kim/service-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consentInput } from './support/consentRecord.ts';
import { proxiesFor } from './support/faultProxy.ts';
import { REPO_ROOT } from './support/processes.ts';
import { errorCodes, startTestHub, testDatabases, type TestHub } from './support/testHub.ts';

// Retention (issue 15): a closed case's personal data is erased after the retention period, in
// the case registry and at the consent service, each by its own job; the audit chain still
// verifies afterwards, nothing of the client is left readable in either database, and the
// client's id is never given to anyone else. Client numbers come from a sequence, so an intake
// that fails after the consent service recorded its holder burns its id instead of passing it on.

let hub: TestHub;
const proxies = proxiesFor();
beforeAll(async () => {
  hub = await startTestHub('retention', 12, { env: { KIM_CONSENT_TIMEOUT_MS: '1000' }, interpose: proxies.interpose });
});
afterAll(async () => {
  await hub?.stop();
  await proxies.closeAll();
});

const REGISTER = 'mutation($input: RegisterClientInput!) { registerClient(input: $input) { clientId } }';
const CLOSE = 'mutation($id: ID!, $closedOn: String!, $reason: ClosingReason!) { closeCase(id: $id, closedOn: $closedOn, reason: $reason) { clientId } }';
const RECORD = 'mutation($input: RecordConsentInput!) { recordConsent(input: $input) { id } }';
const EXPORT = 'query($id: ID!) { auditExport(clientId: $id) { entries document } }';
const VERIFY_ALL = '{ verifyAuditChain { valid problem entries } }';

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
/** The person the retention tests erase: names and a birth date no seeded client has. */
const ERASED = { givenName: 'Retentia', familyName: 'Vergessenova', birthDate: '1931-07-29' };

async function register(persona: 'cm-neuss' | 'cm-dormagen', input: Record<string, unknown>): Promise<string> {
  const response = await hub.query(persona, REGISTER, {
    input: { nationality: 'syrisch', firstContactOn: daysAgo(100), residenceTitleType: 'AUFENTHALTSERLAUBNIS', priorCaseManagement: false, ...input },
  });
  expect(response.body.errors).toBeUndefined();
  const clientId = (response.body.data?.registerClient as { clientId: string }).clientId;
  // The client's consent to the team's case management, which the team's own processing rests on.
  const grantee = persona === 'cm-neuss' ? 'KIM_NEUSS' : 'KIM_DORMAGEN';
  const participation = await hub.query(persona, RECORD, { input: consentInput({ clientId, grantee, categories: ['IDENTITY', 'CONTACT'], purposes: ['CASE_MANAGEMENT', 'REFERRAL'] }) });
  expect(participation.body.errors).toBeUndefined();
  return clientId;
}

/** Every row of every table of the service's schema, as text: what anyone with the database could read. */
async function everything(sql: SqlQueryable): Promise<string> {
  const tables = await sql.query<{ name: string }>(
    `SELECT table_name AS "name" FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`,
  );
  let text = '';
  for (const { name } of tables) {
    const rows = await sql.query<{ row: string }>(`SELECT t::text AS "row" FROM "${name.replace(/"/g, '""')}" t`);
    text += rows.map((r) => `${name}: ${r.row}`).join('\n');
  }
  return text;
}

const registrySql = () => hub.services['case-registry'].db.sql;
const consentSql = () => hub.services.consent.db.sql;
const publicKey = () => auditVerifyingKey(hub.services.consent.auditPublicKeyPem);

describe('erasure after the retention period', () => {
  let clientId: string;
  let exportBefore: { entries: number; document: string };

  beforeAll(async () => {
    clientId = await register('cm-neuss', ERASED);
    expect((await hub.query('cm-neuss', RECORD, { input: consentInput({ clientId, grantee: 'JOBCENTER', categories: ['IDENTITY', 'CASE_MANAGEMENT'], purposes: ['LABOUR_MARKET_INTEGRATION'] }) })).body.errors).toBeUndefined();
    const work = [
      hub.query('cm-neuss', 'mutation($id: ID!) { addGoal(clientId: $id, input: { title: "Deutschkurs B1" }) { id } }', { id: clientId }),
      hub.query('cm-neuss', 'mutation($id: ID!) { addCaseNote(clientId: $id, category: CASE_NOTES, text: "Retentia bringt Zeugnisse mit") { id } }', { id: clientId }),
      hub.query('cm-neuss', 'mutation($id: ID!) { sendReferral(clientId: $id, toAgency: JOBCENTER, reason: LANGUAGE_COURSE, note: "Vergessenova, B1") { id } }', { id: clientId }),
    ];
    for (const response of await Promise.all(work)) expect(response.body.errors).toBeUndefined();
    // Disclosures to audit: the team and the jobcenter read the client.
    await hub.query('cm-neuss', `{ client(id: "${clientId}") { givenName familyName birthDate } }`);
    await hub.query('jobcenter', `{ client(id: "${clientId}") { givenName } }`, undefined, { purpose: 'LABOUR_MARKET_INTEGRATION' });
    const exported = await hub.query('dpo', EXPORT, { id: clientId });
    exportBefore = exported.body.data?.auditExport as { entries: number; document: string };
    expect(exportBefore.entries).toBeGreaterThan(0);
    expect((await hub.query('cm-neuss', CLOSE, { id: clientId, closedOn: daysAgo(40), reason: 'GOALS_REACHED' })).body.errors).toBeUndefined();
  });

  it('refuses to erase before the period is over, in both services and in both databases\' own functions', async () => {
    expect(await eraseClosedCases(registrySql(), { retentionDays: 60, clientIds: [clientId] })).toEqual({ erased: [], refused: [clientId] });
    // A run over all cases erases the demo's cases closed long ago, not this one.
    expect((await eraseClosedCases(registrySql(), { retentionDays: 60 })).erased).not.toContain(clientId);
    // Consent's clock starts when the closing was recorded (just now).
    expect(await eraseEndedClients(consentSql(), { retentionDays: 1, clientIds: [clientId] })).toEqual({ erased: [], refused: [clientId] });
    expect((await eraseEndedClients(consentSql(), { retentionDays: 1 })).erased).not.toContain(clientId);
    // Called directly, the databases refuse too (the job's own check is not the only one).
    await expect(registrySql().query('SELECT "kim_erase_case_registry_client"($1, 60)', [clientId])).rejects.toThrow(/retention period not over/);
    await expect(consentSql().query('SELECT "kim_erase_consent_client"($1, 1)', [clientId])).rejects.toThrow(/retention period not over/);
    // An open case is never erased, whatever the period.
    await expect(registrySql().query('SELECT "kim_erase_case_registry_client"($1, 0)', ['K-000001'])).rejects.toThrow(/retention period not over/);
    // Still kept (closing ended the team's processing: the case is stored, not read, until erased).
    const still = await registrySql().query<{ givenName: string }>('SELECT "givenName" FROM "Client" WHERE "id" = $1', [clientId]);
    expect(still).toEqual([{ givenName: ERASED.givenName }]);
  });

  it('erases the client everywhere in the case registry and the consent service, and the chain still verifies', async () => {
    // Closed 40 days ago: over for a 30-day period. At the consent service the case ended when
    // the closing was recorded, moments ago: a period of 0 days stands for "the period is over".
    expect(await eraseClosedCases(registrySql(), { retentionDays: 30 })).toMatchObject({ erased: expect.arrayContaining([clientId]), refused: [] });
    expect(await eraseEndedClients(consentSql(), { retentionDays: 0, clientIds: [clientId] })).toEqual({ erased: [clientId], refused: [] });

    const registryText = await everything(hub.services['case-registry'].owner.sql);
    const consentText = await everything(hub.services.consent.owner.sql);
    for (const trace of [clientId, ERASED.givenName, ERASED.familyName, ERASED.birthDate]) {
      expect(registryText).not.toContain(trace);
      expect(consentText).not.toContain(trace);
    }
    // The audit entries are still there (under a pseudonym nobody can resolve), and verify.
    expect(consentText).toContain('AuditEntry: ');
    const verified = await hub.query('dpo', VERIFY_ALL);
    expect(verified.body.data?.verifyAuditChain).toMatchObject({ valid: true, problem: null });
    const other = await hub.query('dpo', '{ verifyAuditChain(clientId: "K-000001") { valid problem } }');
    expect(other.body.data?.verifyAuditChain).toEqual({ valid: true, problem: null });
  });

  it('leaves an export taken before erasure verifiable offline, and one taken after names nothing', async () => {
    expect(verifyAuditExport(JSON.parse(exportBefore.document), publicKey())).toMatchObject({ valid: true, entries: exportBefore.entries });
    const dir = mkdtempSync(join(tmpdir(), 'kim-retention-'));
    writeFileSync(join(dir, 'export.json'), exportBefore.document);
    writeFileSync(join(dir, 'audit-public.pem'), hub.services.consent.auditPublicKeyPem);
    const cli = join(import.meta.dirname, '..', 'consent', 'src', 'cli', 'verifyAuditExport.ts');
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', cli, join(dir, 'export.json'), join(dir, 'audit-public.pem')], { cwd: join(import.meta.dirname, '..') });
    expect(stdout).toMatch(/^valid: \d+ audit entries of client/);

    const after = await hub.query('dpo', EXPORT, { id: clientId });
    expect((after.body.data?.auditExport as { entries: number }).entries).toBe(0);
    const report = await hub.query('dpo', `{ art15Report(clientId: "${clientId}", includeOwnProcessing: true) { recipients { agency } } }`);
    expect(report.body.data?.art15Report).toEqual({ recipients: [] });
    // A later export of another client verifies as before.
    const k1 = (await hub.query('dpo', EXPORT, { id: 'K-000001' })).body.data?.auditExport as { document: string };
    expect(verifyAuditExport(JSON.parse(k1.document), publicKey())).toMatchObject({ valid: true });
  });

  it('erases a mapping made when another agency asked about the id after erasure, once it is as old as the period', async () => {
    // An agency keeps its own file under the id and still asks about it: those decisions get a
    // new pseudonym, and its mapping names the id again — until the job erases it, as it does
    // any id no team holds.
    const owner = hub.services.consent.owner.sql;
    await owner.query(`INSERT INTO "AuditPseudonym" ("kimClientId", "pseudonym", "createdAt") VALUES ($1, 'P-test-later', now() - interval '40 days')`, [clientId]);
    expect(await eraseEndedClients(consentSql(), { retentionDays: 60, clientIds: [clientId] })).toEqual({ erased: [], refused: [clientId] });
    expect(await eraseEndedClients(consentSql(), { retentionDays: 30 })).toMatchObject({ erased: [clientId] });
    expect(await everything(owner)).not.toContain(clientId);
  });

  it('knows the client no more through the gateway, and gives the id to nobody else', async () => {
    const read = await hub.query('cm-neuss', `{ client(id: "${clientId}") { givenName } }`);
    expect(read.body.data?.client).toBeNull();
    expect(errorCodes(await hub.query('cm-neuss', RECORD, { input: consentInput({ clientId, grantee: 'JOBCENTER', categories: ['IDENTITY'], purposes: ['LABOUR_MARKET_INTEGRATION'] }) }))).toEqual([
      { code: 'NOT_FOUND', path: 'recordConsent' },
    ]);
    // The erased client had the highest number: the next intake still gets a new one.
    const next = await register('cm-neuss', { givenName: 'Nachfolgerin', familyName: 'Neu', birthDate: '1999-01-01' });
    expect(next).not.toBe(clientId);
    expect(Number(next.slice(2))).toBeGreaterThan(Number(clientId.slice(2)));
  });
});

describe('client numbers', () => {
  it('are not reused after an intake that failed once the consent service had recorded its holder', async () => {
    // The consent service records the holder, but its answer is lost on the way back: the intake
    // rolls back, the holder stays recorded (a COMMIT failing after the answer is the same case).
    const teamEvents = () => hub.consentOwnerPrisma().clientTeamEvent.findMany({ orderBy: { seq: 'desc' }, take: 1 });
    const [before] = await teamEvents();
    proxies.get('consent:consent-api').mode = { rewrite: (path, body) => (path === '/internal/client-team' ? 'lost on the way back' : body) };
    try {
      const failed = await hub.query('cm-neuss', REGISTER, {
        input: { givenName: 'Zuspaet', familyName: 'Neuss', birthDate: '1990-01-01', nationality: 'syrisch', firstContactOn: daysAgo(3), residenceTitleType: 'AUFENTHALTSERLAUBNIS', priorCaseManagement: false },
      });
      expect(errorCodes(failed)).toEqual([{ code: 'CONSENT_UNAVAILABLE', path: 'registerClient' }]);
      await expect.poll(async () => (await teamEvents())[0]?.seq, { timeout: 10_000 }).not.toBe(before?.seq);
    } finally {
      proxies.passAll();
    }
    const [burnt] = await teamEvents();
    expect(burnt).toMatchObject({ team: 'KIM_NEUSS' });
    expect(await hub.services['case-registry'].prisma.client.count({ where: { id: burnt!.kimClientId } })).toBe(0);
    // Another team's intake next: before, it got the failed intake's id, which the consent
    // service holds for Neuss, and failed with CONSENT_UNAVAILABLE.
    const dormagen = await register('cm-dormagen', { givenName: 'Nachher', familyName: 'Dormagen', birthDate: '1990-01-02' });
    expect(dormagen).not.toBe(burnt!.kimClientId);
    expect((await hub.query('cm-dormagen', RECORD, { input: consentInput({ clientId: dormagen, grantee: 'JOBCENTER', categories: ['IDENTITY'], purposes: ['LABOUR_MARKET_INTEGRATION'] }) })).body.errors).toBeUndefined();
  });
});

describe('a closing or handover whose answer from the consent service was lost', () => {
  const HAND_OVER = 'mutation($id: ID!, $toTown: Town!) { handOverClient(id: $id, toTown: $toTown) { clientId } }';
  const teamEvents = (clientId: string) => hub.consentOwnerPrisma().clientTeamEvent.findMany({ where: { kimClientId: clientId }, orderBy: { seq: 'asc' } });

  /** Runs `change` while the consent service's answer to the holder change is lost: consent recorded it, the registry rolled back. */
  async function withAnswerLost(clientId: string, change: () => Promise<unknown>): Promise<void> {
    const before = (await teamEvents(clientId)).length;
    proxies.get('consent:consent-api').mode = { rewrite: (path, body) => (path === '/internal/client-team' ? 'lost on the way back' : body) };
    try {
      expect(errorCodes((await change()) as never)).toEqual([expect.objectContaining({ code: 'CONSENT_UNAVAILABLE' })]);
      await expect.poll(async () => (await teamEvents(clientId)).length, { timeout: 10_000 }).toBe(before + 1);
    } finally {
      proxies.passAll();
    }
  }

  it('can be repeated: the registry catches up with what the consent service recorded, once', async () => {
    const closing = await register('cm-neuss', { givenName: 'Wiederholt', familyName: 'Schliessung', birthDate: '1980-03-03' });
    const close = () => hub.query('cm-neuss', CLOSE, { id: closing, closedOn: daysAgo(1), reason: 'GOALS_REACHED' });
    await withAnswerLost(closing, close);
    expect(await hub.services['case-registry'].prisma.client.findUnique({ where: { id: closing }, select: { status: true } })).toEqual({ status: 'ACTIVE' });
    // Before, the consent service refused the repeat (nobody holds the client, so nobody may let it go): the case could never be closed.
    expect((await close()).body.errors).toBeUndefined();
    expect(await hub.services['case-registry'].prisma.client.findUnique({ where: { id: closing }, select: { status: true } })).toEqual({ status: 'CLOSED' });
    expect((await teamEvents(closing)).map((e) => e.team)).toEqual(['KIM_NEUSS', null]);

    const moving = await register('cm-neuss', { givenName: 'Wiederholt', familyName: 'Umzug', birthDate: '1980-04-04' });
    const handOver = () => hub.query('cm-neuss', HAND_OVER, { id: moving, toTown: 'DORMAGEN' });
    await withAnswerLost(moving, handOver);
    expect((await handOver()).body.errors).toBeUndefined();
    expect(await hub.services['case-registry'].prisma.client.findUnique({ where: { id: moving }, select: { town: true } })).toEqual({ town: 'DORMAGEN' });
    expect((await teamEvents(moving)).map((e) => e.team)).toEqual(['KIM_NEUSS', 'KIM_DORMAGEN']);
    // And only the team that made the change may repeat it: Dormagen now holds the client, Neuss's repeat is refused.
    expect(errorCodes(await handOver())).toEqual([expect.objectContaining({ code: 'NOT_FOUND' })]);
  });
});

describe('the retention command (npm run retention)', () => {
  // Its own seeded databases, on disk: the command opens them as their owner while no service
  // runs (PGlite serves one process), as an operator would between a stop and a start.
  const COUNT = 12;
  const population = generatePopulation({ count: COUNT });
  const dataDir = mkdtempSync(join(tmpdir(), 'kim-retention-command-'));
  const databases = testDatabases('retention_cmd');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    KIM_DATA_DIR: dataDir,
    ...Object.fromEntries(Object.entries(databases.urls).map(([service, url]) => [`${envPrefix(service as never)}_DATABASE_URL`, url])),
  };

  beforeAll(async () => {
    const seeded = await startHub({
      dataDir,
      keysDir: mkdtempSync(join(tmpdir(), 'kim-keys-')),
      port: 0,
      databaseUrls: databases.urls,
      seed: { count: COUNT },
      env: { LOG_LEVEL: 'silent', KIM_RETENTION_INTERVAL_MINUTES: 'off' },
    });
    await seeded.stop();
  });
  afterAll(async () => {
    await databases.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Runs the command's script (what `npm run retention -- …` runs) as a child process. */
  async function retention(...args: string[]): Promise<{ code: number; output: string }> {
    const script = ['--import', 'tsx', join('demo', 'src', 'retention.ts'), ...args];
    try {
      const { stdout, stderr } = await promisify(execFile)(process.execPath, script, { cwd: REPO_ROOT, env });
      return { code: 0, output: stdout + stderr };
    } catch (error) {
      const failed = error as { code?: unknown; stdout?: string; stderr?: string };
      if (typeof failed.code !== 'number') throw error;
      return { code: failed.code, output: (failed.stdout ?? '') + (failed.stderr ?? '') };
    }
  }

  /** The command's output names no client: counts only, no id, no name of anyone seeded. */
  function countsOnly(output: string, days: number): void {
    for (const line of output.trim().split('\n')) expect(line).toMatch(new RegExp(`^(case-registry|consent): erased \\d+, refused \\d+ \\(retention ${days} days\\)$`));
    expect(output).not.toMatch(/K-\d{6}|P-[0-9a-f-]{8}/);
    for (const c of population) for (const name of [c.givenName, c.familyName]) expect(output).not.toContain(name);
  }

  const closedBefore = (days: number) => {
    const limit = new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
    return population.filter((c) => c.closedOn !== null && c.closedOn <= limit).length;
  };

  it('erases nothing within the configured period, and says so in counts', async () => {
    expect(closedBefore(1095)).toBe(0);
    const run = await retention();
    expect(run).toMatchObject({ code: 0 });
    countsOnly(run.output, 1095);
    expect(run.output).toContain('case-registry: erased 0, refused 0');
  });

  it('refuses a client whose case is open (exit 1), naming nobody', async () => {
    const run = await retention('--client', 'K-000001', '--days', '30');
    expect(run.code).toBe(1);
    countsOnly(run.output, 30);
    expect(run.output.trim().split('\n')).toEqual(['case-registry: erased 0, refused 1 (retention 30 days)', 'consent: erased 0, refused 1 (retention 30 days)']);
  });

  it('erases the cases whose period is over in both services, once, naming nobody', async () => {
    const due = closedBefore(100);
    expect(due).toBeGreaterThan(0);
    const run = await retention('--days', '100');
    expect(run.code).toBe(0);
    countsOnly(run.output, 100);
    expect(run.output.trim().split('\n')).toEqual([`case-registry: erased ${due}, refused 0 (retention 100 days)`, `consent: erased ${due}, refused 0 (retention 100 days)`]);
    const again = await retention('--days', '100', '--service', 'case-registry');
    expect(again).toEqual({ code: 0, output: 'case-registry: erased 0, refused 0 (retention 100 days)\n' });
  });

  it.each([[['--days', '0']], [['--days', '1e3']], [['--service', 'jobcenter']], [['--service', 'toString']], [['--client', 'Lina Haddad']], [['K-000001']], [['--everything']]])(
    'refuses the arguments %j with its usage (exit 1), touching nothing',
    async (args) => {
      const run = await retention(...args);
      expect(run.code).toBe(1);
      expect(run.output).toContain('usage: npm run retention -- [--service case-registry|consent] [--days N] [--client K-000042 ...]');
      expect(run.output).not.toMatch(/erased/);
    },
  );
});
