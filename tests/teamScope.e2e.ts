import { importPKCS8, SignJWT } from 'jose';
import { DEMO_AUDIENCE, DEMO_ISSUER } from '@kim/demo';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedWith as activeGrantees } from './support/grantStates.ts';
import { errorCodes, startTestHub, type GraphQLResponse, type TestHub } from './support/testHub.ts';
import { auditRefOf } from './support/auditRows.ts';

let hub: TestHub;
/** Active grants per grantee, by the consent database: who shares anything with whom. */
let sharedWith: (grantee: string) => Promise<Set<string>>;
let townOf: Map<string, string>;

beforeAll(async () => {
  hub = await startTestHub('teamscope', 60);
  sharedWith = (grantee) => activeGrantees(hub.services.consent.prisma, grantee);
  const clients = await hub.services['case-registry'].prisma.client.findMany({ select: { id: true, town: true } });
  townOf = new Map(clients.map((c) => [c.id, c.town]));
});
afterAll(async () => {
  await hub?.stop();
});

const ids = (response: GraphQLResponse) => (response.body.data?.clients as { edges: { node: { id: string } }[] }).edges.map((e) => e.node.id);

describe('a caseworker scoped to a team', () => {
  it('knows no client by the case registry\'s data: no list, and every id answers like an unknown one', async () => {
    // Issue 14, item 3: a list scoped by the registry's town told the caseworker where each
    // listed client lives (IDENTITY data it may not see).
    const shared = await sharedWith('IMMIGRATION_OFFICE');
    const inTeam = [...shared].filter((id) => townOf.get(id) === 'NEUSS').sort();
    expect(inTeam.length).toBeGreaterThan(0);

    const page = await hub.query('abh-neuss', '{ clients(first: 100) { totalCount edges { node { id } } } }');
    expect(page.body).toEqual({ data: { clients: { totalCount: 0, edges: [] } } });
    const filtered = await hub.query('jobcenter-dormagen', '{ clients(first: 100, filter: { town: DORMAGEN }) { totalCount } }');
    expect(filtered.body).toEqual({ data: { clients: { totalCount: 0 } } });
    // The team lead of the same office sees every client shared with the office.
    expect(ids(await hub.query('abh', '{ clients(first: 100) { edges { node { id } } } }'))).toEqual([...shared].sort());

    const inTown = await hub.query('abh-neuss', `{ client(id: "${inTeam[0]}") { id immigrationRecordId } }`);
    const unknown = await hub.query('abh-neuss', '{ client(id: "K-999999") { id immigrationRecordId } }');
    expect(inTown.body).toEqual({ data: { client: null } });
    expect(unknown.body).toEqual(inTown.body);
  });

  it('reaches a shared client from its team\'s own file, wherever the registry says the client lives', async () => {
    const shared = await sharedWith('IMMIGRATION_OFFICE');
    const files = await hub.services['immigration-office'].prisma.personRecord.findMany({ where: { office: 'NEUSS' }, orderBy: { id: 'asc' } });
    const file = files.find((f) => shared.has(f.kimClientId));
    expect(file).toBeDefined();
    // The client moved to Kaarst as far as the registry knows; the Neuss team still keeps the file.
    await hub.services['case-registry'].owner.sql.query(`UPDATE "Client" SET "town" = 'KAARST' WHERE "id" = $1`, [file!.kimClientId]);
    const response = await hub.query('abh-neuss', 'query($r: ID!) { clientByImmigrationRecord(recordId: $r) { id status } }', { r: file!.id });
    const client = response.body.data?.clientByImmigrationRecord as { id: string; status: unknown };
    expect(client.id).toBe(file!.kimClientId);
    // The registry's part is decided by consent, not dropped as out of scope: a value, or a refusal naming its category.
    const refused = errorCodes(response).some((e) => e.code === 'CONSENT_REQUIRED' && e.path === 'clientByImmigrationRecord.status');
    expect(client.status !== null || refused).toBe(true);
  });

  it('finds its own agency\'s records only when its team keeps them', async () => {
    const cases = await hub.services.jobcenter.prisma.benefitCase.findMany({ select: { id: true, kimClientId: true, office: true, status: true }, orderBy: { id: 'asc' } });
    const own = cases.find((c) => c.office === 'DORMAGEN');
    const other = cases.find((c) => c.office !== 'DORMAGEN');
    expect(own && other).toBeTruthy();
    const lookup = (caseId: string) =>
      hub.query('jobcenter-dormagen', 'query($c: ID!) { clientByBenefitCase(caseId: $c) { id jobcenterRecordId benefitCase { status } } }', { c: caseId });

    const found = await lookup(own!.id);
    expect(found.body).toEqual({ data: { clientByBenefitCase: { id: own!.kimClientId, jobcenterRecordId: own!.id, benefitCase: { status: own!.status } } } });
    const elsewhere = await lookup(other!.id);
    const missing = await lookup('BG-0000-000000');
    expect(elsewhere.body).toEqual({ data: { clientByBenefitCase: null } });
    expect(missing.body).toEqual(elsewhere.body);

    // Reached through the case registry, another team's client shows none of the team's records
    // either: the jobcenter-wide team lead sees the case the Dormagen caseworker does not.
    const sharedOther = [...(await sharedWith('JOBCENTER'))].find((id) => cases.some((c) => c.kimClientId === id && c.office !== 'DORMAGEN'));
    expect(sharedOther).toBeDefined();
    const viaLead = await hub.query('jobcenter', `{ client(id: "${sharedOther}") { jobcenterRecordId } }`);
    const leadCase = cases.find((c) => c.kimClientId === sharedOther)!;
    expect(viaLead.body.data?.client).toEqual({ jobcenterRecordId: leadCase.id });
    expect((await hub.query('jobcenter-dormagen', `{ client(id: "${sharedOther}") { jobcenterRecordId } }`)).body).toEqual({ data: { client: null } });
  });
});

describe('request-based access from an agency\'s own file', () => {
  it('reaches a client who shares nothing with the office, and discloses only what the statute lists', async () => {
    const shared = await sharedWith('IMMIGRATION_OFFICE');
    const receiving = await hub.services.jobcenter.prisma.benefitCase.findMany({ where: { status: 'RECEIVING', office: 'NEUSS' }, select: { kimClientId: true } });
    const target = receiving.map((c) => c.kimClientId).find((id) => !shared.has(id));
    expect(target).toBeDefined();
    const file = await hub.services['immigration-office'].prisma.personRecord.findUniqueOrThrow({ where: { kimClientId: target! } });

    const query =
      'query($r: ID!) { clientByImmigrationRecord(recordId: $r) { id immigrationRecordId benefitReceipt(reason: "Verlängerung der Aufenthaltserlaubnis", fileReference: "ABH-AZ-7") givenName } }';
    const response = await hub.query('abh-neuss', query, { r: file.id }, { purpose: 'RESIDENCE_PROCEDURE' });
    // The KIM registry's part stays outside the office's scope: null, as for any client it
    // does not know; the jobcenter's benefit receipt comes by statute on the office's request
    // (§ 87 AufenthG, issue 13: only yes/no), the office's own file by right.
    expect(response.body).toEqual({ data: { clientByImmigrationRecord: { id: target, immigrationRecordId: file.id, benefitReceipt: true, givenName: null } } });

    const requestId = response.headers.get('x-request-id')!;
    const audited = await hub.services.consent.prisma.auditEntry.findMany({ where: { requestId, kimClientId: await auditRefOf(hub.services.consent.prisma, target!) }, orderBy: { seq: 'asc' } });
    expect(audited.map((a) => [a.service, a.category, a.allowed, a.basis])).toEqual(
      expect.arrayContaining([
        ['jobcenter', 'BENEFIT_RECEIPT', true, 'AUFENTHG_87_SGB_X_71'],
        ['immigration-office', 'IDENTITY', true, 'AUFENTHG_86'],
      ]),
    );
    // The statute does not make the client addressable through the KIM registry.
    expect((await hub.query('abh-neuss', `{ client(id: "${target}") { id } }`)).body).toEqual({ data: { client: null } });
  });

  it('answers another team\'s file like a file nobody has, and is closed to other roles', async () => {
    const otherFile = await hub.services['immigration-office'].prisma.personRecord.findFirstOrThrow({ where: { office: { not: 'NEUSS' } } });
    const query = 'query($r: ID!) { clientByImmigrationRecord(recordId: $r) { id } }';
    const elsewhere = await hub.query('abh-neuss', query, { r: otherFile.id });
    const missing = await hub.query('abh-neuss', query, { r: 'ABH-0000-000000' });
    expect(elsewhere.body).toEqual({ data: { clientByImmigrationRecord: null } });
    expect(missing.body).toEqual(elsewhere.body);
    expect((await hub.query('abh', query, { r: otherFile.id })).body).toEqual({ data: { clientByImmigrationRecord: { id: otherFile.kimClientId } } });

    const caseManager = await hub.query('cm-neuss', query, { r: otherFile.id });
    expect(caseManager.body.data?.clientByImmigrationRecord).toBeNull();
    expect(errorCodes(caseManager)).toEqual([{ code: 'FORBIDDEN', path: 'clientByImmigrationRecord' }]);
  });
});

describe('team claims in tokens', () => {
  const tokenWith = async (claims: Record<string, unknown>) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'EdDSA' })
      .setIssuer(DEMO_ISSUER)
      .setAudience(DEMO_AUDIENCE)
      .setSubject('t-1')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(await importPKCS8(hub.idpPrivateKeyPem, 'EdDSA'));

  it.each([
    ['a team role without a team', { agency: 'IMMIGRATION_OFFICE', role: 'IMMIGRATION_CASEWORKER' }],
    ['a team that is not a town', { agency: 'JOBCENTER', role: 'JOBCENTER_CASEWORKER', team: 'ATLANTIS' }],
    ['a KIM team claiming another town', { agency: 'KIM_NEUSS', role: 'CASE_MANAGER', team: 'DORMAGEN' }],
  ])('refuses %s as UNAUTHENTICATED', async (_name, claims) => {
    const response = await hub.query(null, '{ clients(first: 5) { totalCount } }', undefined, { token: await tokenWith(claims) });
    expect(response.status).toBe(401);
    expect(errorCodes(response).map((e) => e.code)).toEqual(['UNAUTHENTICATED']);
  });

  it('ignores a team claim of a role scoped to the whole agency', async () => {
    const withTeam = await hub.query(null, '{ clients(first: 100) { totalCount } }', undefined, {
      token: await tokenWith({ agency: 'JOBCENTER', role: 'JOBCENTER_TEAM_LEAD', team: 'NEUSS' }),
    });
    const lead = await hub.query('jobcenter', '{ clients(first: 100) { totalCount } }');
    expect(withTeam.body).toEqual(lead.body);
  });
});
