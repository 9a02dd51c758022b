import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeGrants } from '../consent/src/grants/storeGrants.testSupport.ts';
import { consentInput } from './support/consentRecord.ts';
import { grantsWithState } from './support/grantStates.ts';
import { errorCodes, startTestHub, type TestHub } from './support/testHub.ts';

// The legal table, norm by norm (issue 13, section 3): each statutory entry must name the norm
// that lets the data's owner pass exactly that data to exactly that recipient.

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub('legal-table', 60);
});
afterAll(async () => {
  await hub?.stop();
});

/** Active grants of this grantee covering this category, as their events give them now. */
async function grantedClients(grantee: string, category: string): Promise<Set<string>> {
  const grants = await grantsWithState(hub.services.consent.prisma, { grantee, categories: { has: category } });
  return new Set(grants.filter((g) => g.state === 'ACTIVE').map((g) => g.kimClientId));
}

describe('entries that had no norm behind them', () => {
  it('no longer give the jobcenter residence data from the immigration office (§ 69 SGB X binds social-benefit bodies, not the office)', async () => {
    const granted = await grantedClients('JOBCENTER', 'RESIDENCE');
    const cases = await hub.services.jobcenter.prisma.benefitCase.findMany({ select: { id: true, kimClientId: true }, orderBy: { id: 'asc' } });
    const target = cases.find((c) => !granted.has(c.kimClientId));
    expect(target).toBeDefined();
    const response = await hub.query('jobcenter', 'query($c: ID!) { clientByBenefitCase(caseId: $c) { id currentResidenceTitleType workPermitted } }', { c: target!.id }, {
      purpose: 'BENEFITS_ADMINISTRATION',
    });
    expect(response.body.data?.clientByBenefitCase).toEqual({ id: target!.kimClientId, currentResidenceTitleType: null, workPermitted: null });
    expect(errorCodes(response)).toEqual([
      { code: 'CONSENT_REQUIRED', path: 'clientByBenefitCase.currentResidenceTitleType', category: 'RESIDENCE' },
      { code: 'CONSENT_REQUIRED', path: 'clientByBenefitCase.workPermitted', category: 'RESIDENCE' },
    ]);
    const rows = await hub.services.consent.prisma.auditEntry.findMany({ where: { requestId: response.headers.get('x-request-id')!, category: 'RESIDENCE' } });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => !r.allowed && r.basis === null)).toBe(true);
  });

  it('no longer give the naturalisation procedure the benefit case on § 32 StAG alone (§ 35 (2) SGB I)', async () => {
    const granted = await grantedClients('IMMIGRATION_OFFICE', 'BENEFITS');
    const receiving = await hub.services.jobcenter.prisma.benefitCase.findMany({ where: { status: 'RECEIVING' }, select: { kimClientId: true } });
    const target = receiving.map((c) => c.kimClientId).find((id) => !granted.has(id));
    expect(target).toBeDefined();
    const file = await hub.services['immigration-office'].prisma.personRecord.findUniqueOrThrow({ where: { kimClientId: target! } });
    const response = await hub.query('abh', 'query($r: ID!) { clientByImmigrationRecord(recordId: $r) { id receivesBenefits benefitCase { status } } }', { r: file.id }, {
      purpose: 'NATURALISATION_PROCEDURE',
    });
    expect(response.body.data?.clientByImmigrationRecord).toEqual({ id: target, receivesBenefits: null, benefitCase: null });
    expect(errorCodes(response)).toEqual([
      { code: 'CONSENT_REQUIRED', path: 'clientByImmigrationRecord.receivesBenefits', category: 'BENEFITS' },
      { code: 'CONSENT_REQUIRED', path: 'clientByImmigrationRecord.benefitCase', category: 'BENEFITS' },
    ]);
  });
});

describe('each welfare association is its own body (professional secrecy, own data-protection law)', () => {
  const RECORD = 'mutation($input: RecordConsentInput!) { recordConsent(input: $input) { id } }';
  const COUNSELLING = (id: string) => `{ client(id: "${id}") { counsellingContacts { id association } } }`;

  /** A new Neuss client with counselling at two associations (the associations' own records). */
  async function clientCounselledTwice(): Promise<string> {
    const intake = await hub.query('cm-neuss', 'mutation($input: RegisterClientInput!) { registerClient(input: $input) { clientId } }', {
      input: { givenName: 'Samira', familyName: `Nouri${Date.now()}`, birthDate: '1990-02-03', nationality: 'afghanisch', firstContactOn: '2026-10-01', residenceTitleType: 'AUFENTHALTSERLAUBNIS', priorCaseManagement: false },
    });
    expect(intake.body.errors).toBeUndefined();
    const clientId = (intake.body.data?.registerClient as { clientId: string }).clientId;
    for (const association of ['CARITAS', 'DIAKONIE']) {
      await hub.services.welfare.owner.sql.query(
        `INSERT INTO "CounsellingContact" ("id", "kimClientId", "association", "service", "date", "topic") VALUES ($1, $2, $3, 'MIGRATION_COUNSELLING', '2026-10-15', 'Aufenthaltsfragen')`,
        [`CC-${clientId}-${association}`, clientId, association],
      );
    }
    return clientId;
  }
  const release = (clientId: string, releasingOrganisation: string) =>
    hub.query('cm-neuss', RECORD, { input: consentInput({ clientId, grantee: 'KIM_NEUSS', categories: ['COUNSELLING'], purposes: ['CASE_MANAGEMENT'], releasingOrganisation }) });

  it("shows a partner only the records of the association that released them, never another association's", async () => {
    const clientId = await clientCounselledTwice();
    expect((await release(clientId, 'CARITAS')).body.errors).toBeUndefined();
    const caritasOnly = await hub.query('cm-neuss', COUNSELLING(clientId));
    expect(caritasOnly.body).toEqual({ data: { client: { counsellingContacts: [{ id: `CC-${clientId}-CARITAS`, association: 'CARITAS' }] } } });
    expect((await release(clientId, 'DIAKONIE')).body.errors).toBeUndefined();
    const both = await hub.query('cm-neuss', COUNSELLING(clientId));
    expect((both.body.data?.client as { counsellingContacts: { association: string }[] }).counsellingContacts.map((c) => c.association)).toEqual(['CARITAS', 'DIAKONIE']);
  });

  it("answers a grant released by an association that holds no records like no records at all (null), not an empty list", async () => {
    const clientId = await clientCounselledTwice();
    expect((await release(clientId, 'AWO')).body.errors).toBeUndefined();
    expect((await hub.query('cm-neuss', COUNSELLING(clientId))).body).toEqual({ data: { client: { counsellingContacts: null } } });
  });

  it("lets a counsellor read only their own association's records, under that association's own law (Caritas: KDG)", async () => {
    const clientId = await clientCounselledTwice();
    // The counsellor reaches the client in the hub through a grant to Caritas (identity only).
    const shared = await hub.query('cm-neuss', RECORD, { input: consentInput({ clientId, grantee: 'CARITAS', categories: ['IDENTITY'], purposes: ['MIGRATION_COUNSELLING'] }) });
    expect(shared.body.errors).toBeUndefined();
    const response = await hub.query('welfare-caritas', COUNSELLING(clientId), undefined, { purpose: 'MIGRATION_COUNSELLING' });
    expect(response.body).toEqual({ data: { client: { counsellingContacts: [{ id: `CC-${clientId}-CARITAS`, association: 'CARITAS' }] } } });
    const rows = await hub.services.consent.prisma.auditEntry.findMany({ where: { requestId: response.headers.get('x-request-id')!, category: 'COUNSELLING' } });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.allowed && r.reason === 'OWNER' && r.basis === 'WELFARE_KDG')).toBe(true);
  });
});

describe('§ 87 AufenthG with § 71 (2) SGB X: benefit receipt on a request in the individual case', () => {
  const REASON = 'Verlängerung der Aufenthaltserlaubnis: Sicherung des Lebensunterhalts (§ 5 Abs. 1 Nr. 1 AufenthG)';
  const FILE = 'ABH-AZ-2026-0815';
  let target: string;
  let fileId: string;

  beforeAll(async () => {
    const granted = await grantedClients('IMMIGRATION_OFFICE', 'BENEFITS');
    const receiving = await hub.services.jobcenter.prisma.benefitCase.findMany({ where: { status: 'RECEIVING', office: 'NEUSS' }, select: { kimClientId: true } });
    target = receiving.map((c) => c.kimClientId).find((id) => !granted.has(id))!;
    expect(target).toBeDefined();
    fileId = (await hub.services['immigration-office'].prisma.personRecord.findUniqueOrThrow({ where: { kimClientId: target } })).id;
  });

  const ask = (args: string, purpose: 'RESIDENCE_PROCEDURE' | 'NATURALISATION_PROCEDURE' = 'RESIDENCE_PROCEDURE') =>
    hub.query(
      'abh-neuss',
      `query($r: ID!) { clientByImmigrationRecord(recordId: $r) { id benefitReceipt${args.replace('$why', JSON.stringify(REASON)).replace('$file', JSON.stringify(FILE))} receivesBenefits benefitCase { id householdId householdSize monthlyBenefitEuro } } }`,
      { r: fileId },
      { purpose },
    );

  it('gives the office whether benefits are granted, and nothing of the benefit case', async () => {
    const response = await ask('(reason: $why, fileReference: $file)');
    expect(response.body.data?.clientByImmigrationRecord).toEqual({ id: target, benefitReceipt: true, receivesBenefits: null, benefitCase: null });
    expect(errorCodes(response)).toEqual([
      { code: 'CONSENT_REQUIRED', path: 'clientByImmigrationRecord.receivesBenefits', category: 'BENEFITS' },
      { code: 'CONSENT_REQUIRED', path: 'clientByImmigrationRecord.benefitCase', category: 'BENEFITS' },
    ]);

    // The reason and the file reference are in the decision's audit row, which is in the chain.
    const requestId = response.headers.get('x-request-id')!;
    const rows = await hub.services.consent.prisma.auditEntry.findMany({ where: { requestId, category: 'BENEFIT_RECEIPT' } });
    expect(rows.map((r) => [r.service, r.allowed, r.reason, r.basis, r.transferReason, r.fileReference])).toEqual([
      ['jobcenter', true, 'STATUTE', 'AUFENTHG_87_SGB_X_71', REASON, FILE],
    ]);
    const verified = await hub.query('dpo', `{ verifyAuditChain(clientId: "${target}") { valid } all: verifyAuditChain { valid } }`);
    expect(verified.body.data).toEqual({ verifyAuditChain: { valid: true }, all: { valid: true } });
  });

  it.each([
    ['(fileReference: $file)', 'reason'],
    ['(reason: $why)', 'fileReference'],
    ['', 'reason'],
    ['(reason: "  ", fileReference: $file)', 'reason'],
    ['(reason: $why, fileReference: "")', 'fileReference'],
  ])('refuses a request %s as BAD_USER_INPUT naming %s, and decides nothing', async (args, argument) => {
    const response = await ask(args);
    expect((response.body.data?.clientByImmigrationRecord as Record<string, unknown>).benefitReceipt).toBeNull();
    const error = response.body.errors?.find((e) => e.path?.join('.') === 'clientByImmigrationRecord.benefitReceipt');
    expect(error?.extensions).toEqual({ code: 'BAD_USER_INPUT', argument });
    const rows = await hub.services.consent.prisma.auditEntry.count({ where: { requestId: response.headers.get('x-request-id')!, category: 'BENEFIT_RECEIPT' } });
    expect(rows).toBe(0);
  });

  it('does not hold for another purpose (naturalisation)', async () => {
    const response = await ask('(reason: $why, fileReference: $file)', 'NATURALISATION_PROCEDURE');
    expect((response.body.data?.clientByImmigrationRecord as Record<string, unknown>).benefitReceipt).toBeNull();
    expect(errorCodes(response)).toContainEqual({ code: 'CONSENT_REQUIRED', path: 'clientByImmigrationRecord.benefitReceipt', category: 'BENEFIT_RECEIPT' });
  });

  it('shows the jobcenter (whose transfer it is, § 67d SGB X) the requests with reason and file reference, and nobody else', async () => {
    await ask('(reason: $why, fileReference: $file)');
    const QUERY = `{ transferRequests(first: 100) { at agency subject clientId category allowed basis transferReason fileReference } }`;
    const response = await hub.query('jobcenter', QUERY);
    expect(response.body.errors).toBeUndefined();
    const requests = response.body.data?.transferRequests as Record<string, unknown>[];
    expect(requests).toContainEqual(
      expect.objectContaining({ agency: 'IMMIGRATION_OFFICE', clientId: target, category: 'BENEFIT_RECEIPT', allowed: true, basis: 'AUFENTHG_87_SGB_X_71', transferReason: REASON, fileReference: FILE }),
    );
    expect(requests.every((r) => r.transferReason !== null)).toBe(true);
    for (const persona of ['abh', 'abh-neuss', 'cm-neuss', 'welfare-caritas'] as const) {
      const refused = await hub.query(persona, QUERY);
      expect(refused.body.data?.transferRequests ?? null, persona).toBeNull();
      expect(errorCodes(refused).map((e) => e.code), persona).toEqual(['FORBIDDEN']);
    }
  });
});

describe('KIM_STATUTORY_BASES_OFF', () => {
  let off: TestHub;
  beforeAll(async () => {
    off = await startTestHub('legal-table-off', 20, { env: { KIM_STATUTORY_BASES_OFF: 'AUFENTHG_87_SGB_X_71' } });
  });
  afterAll(async () => {
    await off?.stop();
  });

  it('switches a doubtful statute off: the request is then refused and audited as having no basis', async () => {
    const receiving = await off.services.jobcenter.prisma.benefitCase.findFirstOrThrow({ where: { status: 'RECEIVING' }, select: { kimClientId: true } });
    const file = await off.services['immigration-office'].prisma.personRecord.findUniqueOrThrow({ where: { kimClientId: receiving.kimClientId } });
    const response = await off.query(
      'abh',
      'query($r: ID!) { clientByImmigrationRecord(recordId: $r) { id benefitReceipt(reason: "Verlängerung der Aufenthaltserlaubnis", fileReference: "ABH-AZ-9") } }',
      { r: file.id },
      { purpose: 'RESIDENCE_PROCEDURE' },
    );
    expect(response.body.data?.clientByImmigrationRecord).toEqual({ id: receiving.kimClientId, benefitReceipt: null });
    expect(errorCodes(response)).toEqual([{ code: 'CONSENT_REQUIRED', path: 'clientByImmigrationRecord.benefitReceipt', category: 'BENEFIT_RECEIPT' }]);
    const rows = await off.services.consent.prisma.auditEntry.findMany({ where: { requestId: response.headers.get('x-request-id')!, category: 'BENEFIT_RECEIPT' } });
    expect(rows.map((r) => [r.allowed, r.reason, r.basis, r.fileReference])).toEqual([[false, 'NO_BASIS', null, 'ABH-AZ-9']]);
  });
});

describe('health content in other categories', () => {
  it('keeps a health-related referral reason (psychosocial counselling) under HEALTH, not case management', async () => {
    const neuss = await hub.services['case-registry'].prisma.client.findMany({ where: { town: 'NEUSS' }, select: { id: true } });
    const referral = await hub.services['case-registry'].prisma.referral.findFirst({
      where: { reason: 'PSYCHOSOCIAL_COUNSELLING', kimClientId: { in: neuss.map((c) => c.id) } },
      orderBy: { id: 'asc' },
    });
    expect(referral).not.toBeNull();
    const clientId = referral!.kimClientId;
    // A consent to case-management data, not to health data.
    await storeGrants(hub.services.consent.owner.sql, hub.auditKey, [
      { id: `G-HEALTH-${clientId}`, kimClientId: clientId, grantee: 'JOBCENTER', categories: ['CASE_MANAGEMENT'], purposes: ['LABOUR_MARKET_INTEGRATION'], validFrom: new Date(Date.now() - 60_000), recordedBy: 'cm-test' },
    ]);
    const plain = await hub.query('jobcenter', `{ client(id: "${clientId}") { referrals { id toAgency reason } } }`, undefined, { purpose: 'LABOUR_MARKET_INTEGRATION' });
    expect(JSON.stringify(plain.body)).not.toContain('PSYCHOSOCIAL');
    const referrals = (plain.body.data?.client as { referrals: { id: string; reason: string | null }[] }).referrals;
    expect(referrals.find((r) => r.id === referral!.id)?.reason).toBeNull();

    const withHealth = await hub.query('jobcenter', `{ client(id: "${clientId}") { referrals { id healthReason } } }`, undefined, { purpose: 'LABOUR_MARKET_INTEGRATION' });
    expect(JSON.stringify(withHealth.body)).not.toContain('PSYCHOSOCIAL');
    expect(errorCodes(withHealth)).toContainEqual(expect.objectContaining({ code: 'CONSENT_REQUIRED', category: 'HEALTH' }));

    // The team that holds the client reads it, as health data, once the client's consent to the
    // team's case management names health (the team's own health data rests on it).
    const participation = await hub.query('cm-neuss', 'mutation($input: RecordConsentInput!) { recordConsent(input: $input) { id } }', {
      input: consentInput({ clientId, grantee: 'KIM_NEUSS', categories: ['IDENTITY', 'HEALTH'], purposes: ['CASE_MANAGEMENT'], releasingOrganisation: 'CARITAS' }),
    });
    expect(participation.body.errors).toBeUndefined();
    const own = await hub.query('cm-neuss', `{ client(id: "${clientId}") { referrals { id reason healthReason } } }`);
    const mine = (own.body.data?.client as { referrals: { id: string; reason: string | null; healthReason: string | null }[] }).referrals.find((r) => r.id === referral!.id);
    expect(mine).toEqual({ id: referral!.id, reason: null, healthReason: referral!.reason });
  });
});
