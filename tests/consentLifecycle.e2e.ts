import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consentInput } from './support/consentRecord.ts';
import { errorCodes, startTestHub, type TestHub } from './support/testHub.ts';
import { withClientIds } from './support/auditRows.ts';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub('lifecycle');
});
afterAll(async () => {
  await hub?.stop();
});

const RECORD = /* GraphQL */ `
  mutation Record($input: RecordConsentInput!) {
    recordConsent(input: $input) { id grantee active categories }
  }
`;
const AS_CARITAS = '{ client(id: "K-000001") { givenName town } }';

describe('recording and revoking consent', () => {
  it('discloses from the next request after a grant, and stops on the very next request after revocation', async () => {
    // Nothing shared with Caritas yet: the client is unknown to it, exactly like a missing id.
    const before = await hub.query('welfare-caritas', AS_CARITAS);
    expect(before.body).toEqual({ data: { client: null } });

    const recorded = await hub.query('cm-neuss', RECORD, {
      input: consentInput({ clientId: 'K-000001', grantee: 'CARITAS', categories: ['IDENTITY'], purposes: ['MIGRATION_COUNSELLING'], evidenceRef: 'EV-2026-1' }),
    });
    expect(recorded.body.errors).toBeUndefined();
    const grant = recorded.body.data?.recordConsent as { id: string; active: boolean };
    expect(grant.active).toBe(true);

    const during = await hub.query('welfare-caritas', AS_CARITAS);
    expect(during.body.errors).toBeUndefined();
    expect((during.body.data?.client as { town: string }).town).toBe('NEUSS');

    const revoked = await hub.query('cm-neuss', 'mutation($id: ID!) { revokeConsent(id: $id, reason: "client withdrew") { active revokedAt revokedBy } }', { id: grant.id });
    expect(revoked.body.data?.revokeConsent).toMatchObject({ active: false, revokedBy: 'cm-neuss-1' });

    const after = await hub.query('welfare-caritas', AS_CARITAS);
    expect(after.body).toEqual({ data: { client: null } });
  });

  it('refuses bad consent input with a clear error and records nothing', async () => {
    const countBefore = await hub.services.consent.prisma.grant.count();
    const noEvidence = await hub.query('cm-neuss', RECORD, {
      input: consentInput({ clientId: 'K-000001', grantee: 'CARITAS', categories: ['IDENTITY'], purposes: ['MIGRATION_COUNSELLING'], evidenceRef: '  ' }),
    });
    expect(errorCodes(noEvidence)).toEqual([{ code: 'BAD_USER_INPUT', path: 'recordConsent' }]);
    const badEnum = await hub.query('cm-neuss', RECORD, {
      input: consentInput({ clientId: 'K-000001', grantee: 'NOBODY', categories: ['IDENTITY'], purposes: ['MIGRATION_COUNSELLING'], evidenceRef: 'x' }),
    });
    expect(errorCodes(badEnum).map((e) => e.code)).toEqual(['BAD_USER_INPUT']);
    const backwards = await hub.query('cm-neuss', RECORD, {
      input: consentInput({ clientId: 'K-000001', grantee: 'CARITAS', categories: ['IDENTITY'], purposes: ['MIGRATION_COUNSELLING'], validFrom: '2026-01-02', validUntil: '2026-01-01' }),
    });
    expect(errorCodes(backwards).map((e) => e.code)).toEqual(['BAD_USER_INPUT']);
    expect(await hub.services.consent.prisma.grant.count()).toBe(countBefore);
  });

  it('lets a team record consent only for its own clients, so that it can always revoke what it records', async () => {
    const countBefore = await hub.services.consent.prisma.grant.count();
    // K-000003 lives in Dormagen and has nothing with KIM Neuss.
    const stranger = await hub.query('cm-neuss', RECORD, {
      input: consentInput({ clientId: 'K-000003', grantee: 'CARITAS', categories: ['IDENTITY'], purposes: ['MIGRATION_COUNSELLING'], evidenceRef: 'EV-2026-2' }),
    });
    expect(errorCodes(stranger)).toEqual([{ code: 'NOT_FOUND', path: 'recordConsent' }]);
    expect(await hub.services.consent.prisma.grant.count()).toBe(countBefore);
  });

  it('lets only case managers record consent', async () => {
    const response = await hub.query('jobcenter', RECORD, {
      input: consentInput({ clientId: 'K-000001', grantee: 'JOBCENTER', categories: ['IDENTITY'], purposes: ['BENEFITS_ADMINISTRATION'] }),
    });
    expect(errorCodes(response).map((e) => e.code)).toEqual(['FORBIDDEN']);
  });
});

describe('the audit log', () => {
  it('holds one entry per decision of a request, allowed and denied, with no data value', async () => {
    const response = await hub.query('jobcenter', '{ client(id: "K-000001") { givenName familyName languageLevel healthNeeds { kind } } }', undefined, {
      purpose: 'LABOUR_MARKET_INTEGRATION',
    });
    const requestId = response.headers.get('x-request-id');
    expect(requestId).toBeTruthy();
    const entries = await withClientIds(hub.services.consent.prisma, await hub.services.consent.prisma.auditEntry.findMany({ where: { requestId: requestId! }, orderBy: { seq: 'asc' } }));
    // givenName and familyName share one decision (IDENTITY); languageLevel and healthNeeds one each.
    expect(entries.map((e) => [e.service, e.category, e.allowed, e.reason]).sort()).toEqual(
      [
        ['case-registry', 'IDENTITY', false, 'NO_BASIS'],
        ['welfare', 'EDUCATION_LANGUAGE', true, 'GRANT'],
        ['welfare', 'HEALTH', false, 'SPECIAL_CATEGORY_NEEDS_CONSENT'],
      ].sort(),
    );
    expect(entries.every((e) => e.agency === 'JOBCENTER' && e.purpose === 'LABOUR_MARKET_INTEGRATION' && e.kimClientId === 'K-000001')).toBe(true);
    const granted = entries.find((e) => e.allowed)!;
    expect(granted.grantId).toMatch(/^G-K-000001-/);
  });

  it('lets a data-protection officer read a client\'s trail and verify the chain', async () => {
    const trail = await hub.query('dpo', '{ auditTrail(filter: { clientId: "K-000001" }, first: 500) { edges { node { agency category allowed reason basis } } } }');
    const nodes = (trail.body.data?.auditTrail as { edges: { node: { agency: string } }[] }).edges.map((e) => e.node);
    expect(nodes.length).toBeGreaterThan(0);
    expect(nodes.map((n) => n.agency)).toContain('JOBCENTER');
    const verified = await hub.query('dpo', '{ verifyAuditChain { valid entries firstBrokenSeq } }');
    expect(verified.body.data?.verifyAuditChain).toMatchObject({ valid: true, firstBrokenSeq: null });
    const asCaseManager = await hub.query('cm-neuss', '{ verifyAuditChain { valid } }');
    expect(errorCodes(asCaseManager).map((e) => e.code)).toEqual(['FORBIDDEN']);
  });

  // The service itself cannot change audit rows (tests/auditAppendOnly.e2e.ts): these tamper as a
  // superuser could, stepping around the append-only triggers, and verification must still see it.
  const asSuperuser = (statement: string) =>
    hub.services.consent.owner.sql.exec(
      `BEGIN; ALTER TABLE "AuditEntry" DISABLE TRIGGER USER; ${statement}; ALTER TABLE "AuditEntry" ENABLE TRIGGER USER; COMMIT;`,
    );

  it('detects a tampered row', async () => {
    const prisma = hub.services.consent.prisma;
    const victim = await prisma.auditEntry.findFirstOrThrow({ where: { allowed: false }, orderBy: { seq: 'asc' } });
    await asSuperuser(`UPDATE "AuditEntry" SET "allowed" = true WHERE "seq" = ${victim.seq}`);
    const verified = await hub.query('dpo', '{ verifyAuditChain { valid firstBrokenSeq problem } }');
    expect(verified.body.data?.verifyAuditChain).toEqual({ valid: false, firstBrokenSeq: victim.seq.toString(), problem: 'ALTERED' });
    await asSuperuser(`UPDATE "AuditEntry" SET "allowed" = false WHERE "seq" = ${victim.seq}`);
    const repaired = await hub.query('dpo', '{ verifyAuditChain { valid } }');
    expect(repaired.body.data?.verifyAuditChain).toEqual({ valid: true });
  });

  it('detects a deleted row', async () => {
    const prisma = hub.services.consent.prisma;
    const rows = await prisma.auditEntry.findMany({ orderBy: { seq: 'asc' }, take: 3 });
    expect(rows.length).toBe(3);
    await asSuperuser(`DELETE FROM "AuditEntry" WHERE "seq" = ${rows[1]!.seq}`);
    const verified = await hub.query('dpo', '{ verifyAuditChain { valid firstBrokenSeq problem } }');
    expect(verified.body.data?.verifyAuditChain).toEqual({ valid: false, firstBrokenSeq: rows[2]!.seq.toString(), problem: 'BROKEN_LINK' });
  });
});
