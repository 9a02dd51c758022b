import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { auditVerifyingKey, verifyAuditExport } from '@kim/consent';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consentInput } from './support/consentRecord.ts';
import { errorCodes, startTestHub, type TestHub } from './support/testHub.ts';
import { auditRefOf } from './support/auditRows.ts';

let hub: TestHub;
let givenName: string;
const startedAt = new Date();
beforeAll(async () => {
  hub = await startTestHub('auditexport', 20);
  // What the trail of K-000001 will hold: its own team reads it; the jobcenter reads language data
  // under the client's consent; the immigration office, once the client shares something with it,
  // learns benefit receipt by statute and language data by consent, and is refused counselling.
  const own = await hub.query('cm-neuss', '{ client(id: "K-000001") { givenName } }');
  givenName = (own.body.data?.client as { givenName: string }).givenName;
  await hub.query('jobcenter', '{ client(id: "K-000001") { givenName languageLevel benefitCase { status } } }', undefined, { purpose: 'LABOUR_MARKET_INTEGRATION' });
  const recorded = await hub.query('cm-neuss', 'mutation($input: RecordConsentInput!) { recordConsent(input: $input) { id } }', {
    input: consentInput({ clientId: 'K-000001', grantee: 'IMMIGRATION_OFFICE', categories: ['EDUCATION_LANGUAGE'], purposes: ['RESIDENCE_PROCEDURE'] }),
  });
  expect(recorded.body.errors).toBeUndefined();
  // Benefit receipt on a request in the individual case (§ 87 AufenthG, issue 13): a reason and a file reference.
  const receipt = 'benefitReceipt(reason: "Verlängerung der Aufenthaltserlaubnis", fileReference: "ABH-AZ-1")';
  await hub.query('abh', `{ client(id: "K-000001") { ${receipt} languageLevel counsellingContacts { service } } }`);
  await hub.query('abh', `{ client(id: "K-000001") { ${receipt} } }`);
});
afterAll(async () => {
  await hub?.stop();
});

const EXPORT = '{ auditExport(clientId: "K-000001") { clientId exportedAt entries clientHead globalHead { seq entries hash } chainValid keyId signature document } }';
interface ExportResult {
  clientId: string;
  entries: number;
  clientHead: string;
  globalHead: { seq: string; entries: string; hash: string };
  chainValid: boolean;
  keyId: string;
  document: string;
}

async function exportK1(): Promise<ExportResult> {
  const response = await hub.query('dpo', EXPORT);
  expect(response.body.errors).toBeUndefined();
  return response.body.data?.auditExport as ExportResult;
}

const publicKey = () => auditVerifyingKey(hub.services.consent.auditPublicKeyPem);

describe('an officer\'s export of one client\'s trail', () => {
  it('holds every entry of the client, the client\'s and the whole chain\'s head, and no data value', async () => {
    const exported = await exportK1();
    const prisma = hub.services.consent.prisma;
    const rows = await prisma.auditEntry.findMany({ where: { kimClientId: await auditRefOf(prisma, 'K-000001') }, orderBy: { seq: 'asc' } });
    const anchor = await prisma.auditAnchor.findFirstOrThrow({ orderBy: { seq: 'desc' } });
    expect(exported).toMatchObject({
      clientId: 'K-000001',
      entries: rows.length,
      clientHead: rows[rows.length - 1]!.clientHash,
      globalHead: { seq: anchor.seq.toString(), entries: anchor.entries.toString(), hash: anchor.headHash },
      chainValid: true,
      keyId: hub.services.consent.auditKeyId,
    });
    const document = JSON.parse(exported.document) as { payload: { entries: { seq: string; agency: string }[] } };
    expect(document.payload.entries.map((e) => e.seq)).toEqual(rows.map((r) => r.seq.toString()));
    expect(new Set(document.payload.entries.map((e) => e.agency))).toEqual(new Set(['KIM_NEUSS', 'JOBCENTER', 'IMMIGRATION_OFFICE']));
    expect(exported.document).not.toContain(givenName);
  });

  it('verifies offline with the public key alone, and a tampered copy does not', async () => {
    const exported = await exportK1();
    expect(verifyAuditExport(JSON.parse(exported.document), publicKey())).toMatchObject({ valid: true, clientId: 'K-000001', entries: exported.entries });

    const tampered = JSON.parse(exported.document) as { payload: { entries: { allowed: boolean; reason: string }[] } };
    const denial = tampered.payload.entries.find((e) => !e.allowed)!;
    denial.allowed = true;
    const result = verifyAuditExport(tampered, publicKey());
    expect(result.valid).toBe(false);
    expect(result.problems.join('\n')).toMatch(/signature does not match/);
  });

  it('verifies with the command line tool: valid exits 0, a tampered copy exits 1', async () => {
    const exported = await exportK1();
    const dir = mkdtempSync(join(tmpdir(), 'kim-audit-export-'));
    const keyFile = join(dir, 'audit-public.pem');
    writeFileSync(keyFile, hub.services.consent.auditPublicKeyPem);
    const good = join(dir, 'export.json');
    // As saved from the GraphQL response: the tool finds the document inside.
    writeFileSync(good, JSON.stringify({ data: { auditExport: exported } }));
    const bad = join(dir, 'tampered.json');
    writeFileSync(bad, exported.document.replace('"allowed": false', '"allowed": true'));

    const cli = join(import.meta.dirname, '..', 'consent', 'src', 'cli', 'verifyAuditExport.ts');
    const run = (file: string) =>
      promisify(execFile)(process.execPath, ['--import', 'tsx', cli, file, keyFile], { cwd: join(import.meta.dirname, '..') }).then(
        ({ stdout }) => ({ code: 0, stdout }),
        (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
      );
    expect(await run(good)).toEqual({ code: 0, stdout: `valid: ${exported.entries} audit entries of client K-000001, signed by audit key ${exported.keyId}\n` });
    const refused = await run(bad);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/^INVALID \(client K-000001\):\n- the signature does not match/);
  });

  it('gives a head that a later verification can hold the chain to', async () => {
    const { globalHead } = await exportK1();
    await hub.query('cm-neuss', '{ client(id: "K-000002") { givenName } }');
    const response = await hub.query('dpo', 'query($head: AuditHeadInput) { verifyAuditChain(knownHead: $head) { valid problem } }', { head: globalHead });
    expect(response.body.data?.verifyAuditChain).toEqual({ valid: true, problem: null });
    const wrong = await hub.query('dpo', 'query($head: AuditHeadInput) { verifyAuditChain(knownHead: $head) { valid problem } }', { head: { ...globalHead, hash: 'a'.repeat(64) } });
    expect(wrong.body.data?.verifyAuditChain).toEqual({ valid: false, problem: 'ANCHOR_MISMATCH' });
  });

  it('is for data-protection officers only, and refuses a malformed client id', async () => {
    expect(errorCodes(await hub.query('cm-neuss', EXPORT)).map((e) => e.code)).toEqual(['FORBIDDEN']);
    expect(errorCodes(await hub.query('dpo', '{ auditExport(clientId: "K 1; --") { entries } }'))).toEqual([{ code: 'BAD_USER_INPUT', path: 'auditExport' }]);
  });
});

describe('verifying one client\'s chain', () => {
  it('reads that client\'s entries only and reports them', async () => {
    const count = await hub.services.consent.prisma.auditEntry.count({ where: { kimClientId: await auditRefOf(hub.services.consent.prisma, 'K-000001') } });
    const all = await hub.services.consent.prisma.auditEntry.count();
    expect(count).toBeLessThan(all);
    const response = await hub.query('dpo', '{ one: verifyAuditChain(clientId: "K-000001") { valid entries } nobody: verifyAuditChain(clientId: "K-999999") { valid entries } all: verifyAuditChain { valid entries } }');
    expect(response.body.data).toEqual({ one: { valid: true, entries: count }, nobody: { valid: true, entries: 0 }, all: { valid: true, entries: all } });
  });
});

describe('the Art. 15 report', () => {
  const REPORT = /* GraphQL */ `
    query($own: Boolean) {
      art15Report(clientId: "K-000001", includeOwnProcessing: $own) {
        clientId generatedAt
        recipients {
          agency name purposes legalBases { basis name } firstDisclosedAt lastDisclosedAt disclosures
          categories { category purposes legalBases { basis } firstDisclosedAt lastDisclosedAt disclosures }
        }
      }
    }
  `;
  type Report = {
    recipients: {
      agency: string;
      name: string;
      firstDisclosedAt: string;
      lastDisclosedAt: string;
      categories: { category: string; purposes: string[]; legalBases: { basis: string }[]; firstDisclosedAt: string; lastDisclosedAt: string; disclosures: number }[];
    }[];
  };

  it('names every agency that received data, with categories, purposes, bases and dates — and no refused or own reads', async () => {
    const response = await hub.query('dpo', REPORT);
    expect(response.body.errors).toBeUndefined();
    const report = response.body.data?.art15Report as Report;
    const withoutDates = report.recipients.map((r) => ({
      agency: r.agency,
      name: r.name,
      categories: r.categories.map(({ category, purposes, legalBases, disclosures }) => ({ category, purposes, legalBases, disclosures })),
    }));
    expect(withoutDates).toEqual([
      {
        agency: 'IMMIGRATION_OFFICE',
        name: 'Ausländerbehörde Rhein-Kreis Neuss',
        categories: [
          { category: 'BENEFIT_RECEIPT', purposes: ['RESIDENCE_PROCEDURE'], legalBases: [{ basis: 'AUFENTHG_87_SGB_X_71' }], disclosures: 2 },
          { category: 'EDUCATION_LANGUAGE', purposes: ['RESIDENCE_PROCEDURE'], legalBases: [{ basis: 'CONSENT' }], disclosures: 1 },
        ],
      },
      {
        agency: 'JOBCENTER',
        name: 'Jobcenter Rhein-Kreis Neuss',
        categories: [{ category: 'EDUCATION_LANGUAGE', purposes: ['LABOUR_MARKET_INTEGRATION'], legalBases: [{ basis: 'CONSENT' }], disclosures: 1 }],
      },
    ]);
    for (const r of report.recipients) {
      expect(new Date(r.firstDisclosedAt).getTime()).toBeGreaterThanOrEqual(startedAt.getTime() - 60_000);
      expect(r.lastDisclosedAt >= r.firstDisclosedAt).toBe(true);
      expect(r.categories.map((c) => c.firstDisclosedAt).sort()[0]).toBe(r.firstDisclosedAt);
      expect(r.categories.map((c) => c.lastDisclosedAt).sort().pop()).toBe(r.lastDisclosedAt);
    }
    // Two separate requests learned benefit receipt: two dates.
    const benefits = report.recipients[0]!.categories[0]!;
    expect(benefits.lastDisclosedAt > benefits.firstDisclosedAt).toBe(true);
  });

  it('lists an organisation\'s reads of its own data when asked to', async () => {
    const response = await hub.query('dpo', REPORT, { own: true });
    const report = response.body.data?.art15Report as Report;
    const kim = report.recipients.find((r) => r.agency === 'KIM_NEUSS');
    expect(kim?.name).toBe('Kommunales Integrationsmanagement Neuss');
    expect(kim?.categories.map((c) => [c.category, c.legalBases.map((b) => b.basis)])).toEqual([['IDENTITY', ['KIM_PARTICIPATION_CONSENT']]]);
    const jobcenter = report.recipients.find((r) => r.agency === 'JOBCENTER');
    expect(jobcenter?.categories.map((c) => c.category)).toEqual(['BENEFITS', 'EDUCATION_LANGUAGE']);
  });

  it('is for data-protection officers and the holding team\'s case managers (tests/art15CaseManager.e2e.ts), no other role', async () => {
    expect((await hub.query('cm-neuss', REPORT)).body.errors).toBeUndefined();
    expect(errorCodes(await hub.query('jobcenter', REPORT)).map((e) => e.code)).toEqual(['FORBIDDEN']);
  });
});
