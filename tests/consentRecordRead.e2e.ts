import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, startTestHub, type TestHub } from './support/testHub.ts';
import { withClientIds } from './support/auditRows.ts';

// Issue 13, section 2: reading a client's consent record is itself audited — who read whose
// record, in which request — in the same chain as the decisions; a read that cannot be recorded
// discloses nothing; a caller who may not read it leaves no read behind.

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub('consent-record-read', 20);
});
afterAll(async () => {
  await hub?.stop();
});

/** The record reads of a request, by client id. */
const reads = async (requestId: string) =>
  (await withClientIds(hub.consentOwnerPrisma(), await hub.consentOwnerPrisma().auditEntry.findMany({ where: { requestId, reason: 'CONSENT_RECORD_READ' } }))).sort((a, b) =>
    a.kimClientId < b.kimClientId ? -1 : a.kimClientId > b.kimClientId ? 1 : 0,
  );

describe('reading a consent record', () => {
  it('through consentGrants is recorded with who, for which client and request', async () => {
    const response = await hub.query('cm-neuss', '{ consentGrants(filter: { clientId: "K-000001" }) { id } }');
    expect((response.body.data?.consentGrants as unknown[]).length).toBeGreaterThan(0);
    const entries = await reads(response.headers.get('x-request-id')!);
    expect(entries.map((e) => [e.kimClientId, e.subject, e.agency, e.role, e.purpose, e.service])).toEqual([['K-000001', 'cm-neuss-1', 'KIM_NEUSS', 'CASE_MANAGER', 'CASE_MANAGEMENT', 'consent']]);
  });

  it('through Client.consents is recorded once per client of the page', async () => {
    // Open cases: a closed case's consent record is the data-protection officer's to read, not the team's.
    const response = await hub.query('cm-neuss', '{ clients(first: 5, filter: { status: ACTIVE }) { edges { node { id consents { id } } } } }');
    expect(response.body.errors).toBeUndefined();
    const ids = (response.body.data?.clients as { edges: { node: { id: string } }[] }).edges.map((e) => e.node.id).sort();
    expect(ids.length).toBeGreaterThan(1);
    expect((await reads(response.headers.get('x-request-id')!)).map((e) => e.kimClientId)).toEqual(ids);
  });

  it('by the data-protection officer across clients names every client read', async () => {
    const response = await hub.query('dpo', '{ consentGrants(filter: { grantee: JOBCENTER }) { clientId } }');
    const clients = [...new Set((response.body.data?.consentGrants as { clientId: string }[]).map((g) => g.clientId))].sort();
    expect(clients.length).toBeGreaterThan(0);
    expect((await reads(response.headers.get('x-request-id')!)).map((e) => e.kimClientId)).toEqual(clients);
    const verified = await hub.query('dpo', '{ verifyAuditChain { valid } }');
    expect(verified.body.data?.verifyAuditChain).toEqual({ valid: true });
  });

  it('leaves no read behind for a team that may not read it', async () => {
    const response = await hub.query('cm-dormagen', '{ consentGrants(filter: { clientId: "K-000001" }) { id } }');
    expect(response.body).toEqual({ data: { consentGrants: [] } });
    expect(await reads(response.headers.get('x-request-id')!)).toEqual([]);
  });

  it('discloses nothing when the read cannot be recorded', async () => {
    const sql = hub.services.consent.owner.sql;
    await sql.exec(
      `CREATE FUNCTION "test_refuse_read"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW."reason" = 'CONSENT_RECORD_READ' THEN RAISE EXCEPTION 'disk full (test)'; END IF; RETURN NEW; END $$; ` +
        `CREATE TRIGGER "test_refuse_read" BEFORE INSERT ON "AuditEntry" FOR EACH ROW EXECUTE FUNCTION "test_refuse_read"();`,
    );
    try {
      const response = await hub.query('cm-neuss', '{ consentGrants(filter: { clientId: "K-000001" }) { id categories } }');
      expect(response.body.data ?? null).toBeNull();
      expect(errorCodes(response).map((e) => e.code)).toEqual(['CONSENT_UNAVAILABLE']);
    } finally {
      await sql.exec('DROP TRIGGER "test_refuse_read" ON "AuditEntry"; DROP FUNCTION "test_refuse_read"();');
    }
  });
});
