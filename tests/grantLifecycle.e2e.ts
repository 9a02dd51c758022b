import { verifyAuditExport, auditVerifyingKey } from '@kim/consent';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeGrants, storeGrants } from '../consent/src/grants/storeGrants.testSupport.ts';
import { consentInput } from './support/consentRecord.ts';
import { errorCodes, startTestHub, type TestHub } from './support/testHub.ts';

// Issue 13, section 2: a grant's life is append-only events in the audit chain; its state is
// derived; the service's role can no longer edit a grant (an attack run un-revoked one and added
// HEALTH, and verification saw nothing); decisions name the grant event they rested on, so an
// altered grant shows in verification; the Art. 15 report and the export include the events.

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub('grant-lifecycle', 20);
});
afterAll(async () => {
  await hub?.stop();
});

const GRANT_FIELDS = 'id state active categories validUntil revokedAt revokedBy revocationReason events { type recordedBy agency reason hash chained }';
const RECORD = `mutation($input: RecordConsentInput!) { recordConsent(input: $input) { ${GRANT_FIELDS} } }`;
const REFUSE = `mutation($input: RecordConsentInput!) { recordConsentRefusal(input: $input) { ${GRANT_FIELDS} } }`;
const REVOKE = `mutation($id: ID!, $reason: String) { revokeConsent(id: $id, reason: $reason) { ${GRANT_FIELDS} } }`;
const RENEW = `mutation($id: ID!, $until: String) { renewConsent(id: $id, evidenceRef: "EV-2026-777", validUntil: $until) { ${GRANT_FIELDS} } }`;
const AS_CARITAS = '{ client(id: "K-000001") { givenName } }';

type GrantView = { id: string; state: string; active: boolean; categories: string[]; validUntil: string; revokedAt: string | null; revokedBy: string | null; events: { type: string; hash: string | null; chained: boolean }[] };

const owner = () => hub.services.consent.owner.sql;
/** As the role the service runs as, rolled back: what an attacker with the service's session can do. */
const asAppRole = (statement: string) => owner().exec(`BEGIN; SET LOCAL ROLE kim_consent_app; ${statement}; ROLLBACK;`);
/** As a superuser could: the append-only triggers stepped around for one transaction. */
const asSuperuser = (statements: string) => owner().exec(`BEGIN; SET LOCAL session_replication_role = replica; ${statements}; COMMIT;`);

async function verify(args = '') {
  const response = await hub.query('dpo', `{ verifyAuditChain${args} { valid problem firstBrokenSeq } }`);
  expect(response.body.errors).toBeUndefined();
  return response.body.data?.verifyAuditChain as { valid: boolean; problem: string | null; firstBrokenSeq: string | null };
}

async function record(input: Record<string, unknown>, mutation = RECORD): Promise<GrantView> {
  const response = await hub.query('cm-neuss', mutation, { input });
  expect(response.body.errors, JSON.stringify(response.body.errors)).toBeUndefined();
  return Object.values(response.body.data!)[0] as GrantView;
}

const caritasIdentity = consentInput({ clientId: 'K-000001', grantee: 'CARITAS', categories: ['IDENTITY'], purposes: ['MIGRATION_COUNSELLING'] });

describe('a grant\'s life as events', () => {
  it('records, withdraws with who and why, and derives the state from the events, each in the chain', async () => {
    const grant = await record(caritasIdentity);
    expect(grant).toMatchObject({ state: 'ACTIVE', active: true, events: [{ type: 'RECORDED', recordedBy: 'cm-neuss-1', agency: 'KIM_NEUSS', chained: true }] });
    expect((await hub.query('welfare-caritas', AS_CARITAS)).body.data?.client).not.toBeNull();

    const withdrawn = (await hub.query('cm-neuss', REVOKE, { id: grant.id, reason: 'Klientin hat telefonisch widerrufen' })).body.data?.revokeConsent as GrantView;
    expect(withdrawn).toMatchObject({ state: 'WITHDRAWN', active: false, revokedBy: 'cm-neuss-1', revocationReason: 'Klientin hat telefonisch widerrufen' });
    expect(withdrawn.events.map((e) => e.type)).toEqual(['RECORDED', 'WITHDRAWN']);
    expect((await hub.query('welfare-caritas', AS_CARITAS)).body).toEqual({ data: { client: null } });

    // Each event is an entry of the same chain as the decisions, carrying the event's hash.
    const entries = await hub.services.consent.prisma.auditEntry.findMany({ where: { grantId: grant.id, reason: { startsWith: 'GRANT_' } }, orderBy: { seq: 'asc' } });
    expect(entries.map((e) => [e.reason, e.subject, e.agency, e.grantEventHash])).toEqual([
      ['GRANT_RECORDED', 'cm-neuss-1', 'KIM_NEUSS', withdrawn.events[0]!.hash],
      ['GRANT_WITHDRAWN', 'cm-neuss-1', 'KIM_NEUSS', withdrawn.events[1]!.hash],
    ]);
    expect(await verify()).toEqual({ valid: true, problem: null, firstBrokenSeq: null });
  });

  it('keeps the first of two withdrawals and asks for a reason', async () => {
    const grant = await record(caritasIdentity);
    const noReason = await hub.query('cm-neuss', REVOKE, { id: grant.id });
    expect(noReason.body.errors?.map((e) => [e.extensions?.code, e.extensions?.argument])).toEqual([['BAD_USER_INPUT', 'reason']]);
    await Promise.all([hub.query('cm-neuss', REVOKE, { id: grant.id, reason: 'first' }), hub.query('dpo', REVOKE, { id: grant.id, reason: 'second' })]);
    const events = await hub.services.consent.prisma.grantEvent.findMany({ where: { grantId: grant.id, type: 'WITHDRAWN' } });
    expect(events).toHaveLength(1);
  });

  it('records a refusal as a record that never takes effect', async () => {
    const refused = await record(caritasIdentity, REFUSE);
    expect(refused).toMatchObject({ state: 'REFUSED', active: false, events: [{ type: 'REFUSED', chained: true }] });
    expect((await hub.query('welfare-caritas', AS_CARITAS)).body).toEqual({ data: { client: null } });
    // A refusal cannot be renewed into a consent.
    const renewed = await hub.query('cm-neuss', RENEW, { id: refused.id });
    expect(errorCodes(renewed).map((e) => e.code)).toEqual(['BAD_USER_INPUT']);
  });

  it('renews a consent that ran out: the renewal\'s end counts from the next request', async () => {
    const ended = await record({ ...caritasIdentity, validFrom: '2024-01-01', validUntil: '2025-01-01' });
    expect(ended.state).toBe('EXPIRED');
    expect((await hub.query('welfare-caritas', AS_CARITAS)).body).toEqual({ data: { client: null } });
    const renewed = (await hub.query('cm-neuss', RENEW, { id: ended.id, until: '2099-01-01' })).body.data?.renewConsent as GrantView;
    expect(renewed).toMatchObject({ state: 'ACTIVE', validUntil: '2099-01-01T00:00:00.000Z' });
    expect((await hub.query('welfare-caritas', AS_CARITAS)).body.data?.client).not.toBeNull();
    // Another team may not renew it, and learns nothing.
    const other = await hub.query('cm-dormagen', RENEW, { id: ended.id, until: '2099-01-01' });
    expect(errorCodes(other)).toEqual([{ code: 'NOT_FOUND', path: 'renewConsent' }]);
    await hub.query('cm-neuss', REVOKE, { id: ended.id, reason: 'end of test' });
  });
});

describe('the service\'s own role', () => {
  it.each([
    ['un-withdraw a grant', 'DELETE FROM "GrantEvent" WHERE "type" = \'WITHDRAWN\''],
    ['add HEALTH to a grant', 'UPDATE "Grant" SET "categories" = array_append("categories", \'HEALTH\')'],
    ['move an end of validity', 'UPDATE "Grant" SET "validUntil" = NULL'],
    ['rewrite an event', 'UPDATE "GrantEvent" SET "type" = \'RECORDED\''],
    ['rewrite a chain link', 'UPDATE "GrantEventLink" SET "hash" = "hash"'],
    ['delete a grant', 'DELETE FROM "Grant"'],
    ['truncate the events', 'TRUNCATE "GrantEvent"'],
  ])('may not %s', async (_what, statement) => {
    await expect(asAppRole(statement)).rejects.toThrow(/permission denied/);
  });

  it('may append a grant event (rolled back here)', async () => {
    await expect(
      asAppRole(`INSERT INTO "GrantEvent" ("grantId", "kimClientId", "type", "at", "subject", "agency", "role") VALUES ('G-X', 'K-X', 'WITHDRAWN', now(), 's', 'KIM_NEUSS', 'CASE_MANAGER')`),
    ).resolves.toBeUndefined();
  });

  it('and even the owner meets the append-only triggers', async () => {
    await expect(hub.consentOwnerPrisma().$executeRawUnsafe('UPDATE "Grant" SET "categories" = "categories"')).rejects.toThrow(/append-only: UPDATE/);
    await expect(hub.consentOwnerPrisma().$executeRawUnsafe('DELETE FROM "GrantEvent"')).rejects.toThrow(/append-only: DELETE/);
  });
});

describe('verification, the Art. 15 report and the export', () => {
  it('lists the consent record in the Art. 15 report and the signed export, which verifies offline', async () => {
    const grant = await record({ ...caritasIdentity, clientId: 'K-000005' });
    await hub.query('cm-neuss', REVOKE, { id: grant.id, reason: 'Widerruf per Brief' });
    const report = await hub.query('dpo', '{ art15Report(clientId: "K-000005") { consentEvents { grantId type granteeName categories recordedByAgency reason } } }');
    const events = (report.body.data?.art15Report as { consentEvents: { grantId: string; type: string }[] }).consentEvents.filter((e) => e.grantId === grant.id);
    expect(events).toEqual([
      { grantId: grant.id, type: 'RECORDED', granteeName: 'Caritasverband Rhein-Kreis Neuss', categories: ['IDENTITY'], recordedByAgency: 'Kommunales Integrationsmanagement Neuss', reason: null },
      { grantId: grant.id, type: 'WITHDRAWN', granteeName: 'Caritasverband Rhein-Kreis Neuss', categories: ['IDENTITY'], recordedByAgency: 'Kommunales Integrationsmanagement Neuss', reason: 'Widerruf per Brief' },
    ]);
    const exported = await hub.query('dpo', '{ auditExport(clientId: "K-000005") { document chainValid } }');
    const { document, chainValid } = exported.body.data?.auditExport as { document: string; chainValid: boolean };
    expect(chainValid).toBe(true);
    const parsed = JSON.parse(document) as { payload: { grantEvents: { document: { event: { grantId: string } } }[] } };
    expect(parsed.payload.grantEvents.filter((e) => e.document.event.grantId === grant.id)).toHaveLength(2);
    const key = auditVerifyingKey(hub.services.consent.auditPublicKeyPem);
    expect(verifyAuditExport(parsed, key)).toMatchObject({ valid: true, problems: [] });
  });

  it('shows a grant a superuser altered (HEALTH added, withdrawal removed) as GRANT_ALTERED, at the decision that rested on it', async () => {
    const grant = await record({ ...caritasIdentity, clientId: 'K-000007', categories: ['IDENTITY', 'CONTACT'] });
    const read = await hub.query('welfare-caritas', '{ client(id: "K-000007") { givenName } }');
    expect(read.body.errors).toBeUndefined();
    const decision = await hub.services.consent.prisma.auditEntry.findFirstOrThrow({ where: { grantId: grant.id, reason: 'GRANT' } });
    expect(decision.grantEventHash).toBe(grant.events[0]!.hash);
    expect(await verify('(clientId: "K-000007")')).toMatchObject({ valid: true });

    await asSuperuser(`UPDATE "Grant" SET "categories" = array_append("categories", 'HEALTH') WHERE "id" = '${grant.id}'`);
    const whole = await verify();
    const client = await verify('(clientId: "K-000007")');
    const recordedEntry = await hub.services.consent.prisma.auditEntry.findFirstOrThrow({ where: { grantId: grant.id, reason: 'GRANT_RECORDED' } });
    expect(client).toEqual({ valid: false, problem: 'GRANT_ALTERED', firstBrokenSeq: recordedEntry.seq.toString() });
    expect(whole).toMatchObject({ valid: false, problem: 'GRANT_ALTERED' });
    // Put back exactly as it was: the chain holds again.
    await asSuperuser(`UPDATE "Grant" SET "categories" = ARRAY['IDENTITY', 'CONTACT'] WHERE "id" = '${grant.id}'`);
    expect(await verify('(clientId: "K-000007")')).toMatchObject({ valid: true });

    // A withdrawal deleted (the attack un-revoked a grant this way, now with its events).
    await hub.query('cm-neuss', REVOKE, { id: grant.id, reason: 'Widerruf' });
    await asSuperuser(`DELETE FROM "GrantEvent" WHERE "grantId" = '${grant.id}' AND "type" = 'WITHDRAWN'`);
    expect(await verify('(clientId: "K-000007")')).toMatchObject({ valid: false, problem: 'GRANT_ALTERED' });
  });
});

describe('the end of the case', () => {
  it('ends a grant, and a renewal after the client is taken on again revives it', async () => {
    const grant = await record(caritasIdentity);
    expect((await hub.query('welfare-caritas', AS_CARITAS)).body.data?.client).not.toBeNull();
    const teams = hub.consentOwnerPrisma().clientTeamEvent;
    // The case registry records that no team holds the client any more.
    await teams.create({ data: { kimClientId: 'K-000001', team: null, recordedBy: 'case-registry' } });
    expect((await hub.query('welfare-caritas', AS_CARITAS)).body).toEqual({ data: { client: null } });
    const asDpo = await hub.query('dpo', `{ consentGrants(filter: { clientId: "K-000001" }) { id state } }`);
    expect((asDpo.body.data?.consentGrants as { id: string; state: string }[]).find((g) => g.id === grant.id)?.state).toBe('CASE_ENDED');
    // Taken on again: the old consent does not come back by itself.
    await teams.create({ data: { kimClientId: 'K-000001', team: 'KIM_NEUSS', recordedBy: 'case-registry' } });
    expect((await hub.query('welfare-caritas', AS_CARITAS)).body).toEqual({ data: { client: null } });
    const renewed = (await hub.query('cm-neuss', RENEW, { id: grant.id, until: '2099-01-01' })).body.data?.renewConsent as GrantView;
    expect(renewed.state).toBe('ACTIVE');
    expect((await hub.query('welfare-caritas', AS_CARITAS)).body.data?.client).not.toBeNull();
  });
});

describe('a grant event the chain does not hold', () => {
  // The service's role may insert grants, events and links (it appends them). A link row that no
  // grant-event entry of the chain backs (auditSeq 0, or an entry of something else) is what an
  // insider with the role's session could forge without the audit key: the database refuses it
  // (trigger GrantEventLink_backed), the unlinked grant decides nothing, and a link a superuser
  // writes past the trigger shows in verification. (Before, the forged grant disclosed.)
  const forged = (id: string, clientId: string) => ({
    id, kimClientId: clientId, grantee: 'CARITAS', categories: ['IDENTITY'], purposes: ['MIGRATION_COUNSELLING'], validFrom: new Date(Date.now() - 60_000),
  });

  it('refuses, as the service’s role, a link no chain entry backs; the grant discloses nothing', async () => {
    const read = '{ client(id: "K-000011") { givenName } }';
    expect((await hub.query('welfare-caritas', read)).body).toEqual({ data: { client: null } });
    try {
      await expect(storeGrants(hub.services.consent.db.sql, null, [forged('FORGED-1', 'K-000011')])).rejects.toThrow(/names no chain entry of its event/);
      expect((await hub.query('welfare-caritas', read)).body).toEqual({ data: { client: null } });
    } finally {
      await removeGrants(owner(), 'FORGED-');
    }
    expect(await verify('(clientId: "K-000011")')).toMatchObject({ valid: true });
  });

  it('shows a link a superuser wrote past the trigger (to an entry of another kind) as GRANT_ALTERED', async () => {
    const read = '{ client(id: "K-000012") { givenName } }';
    expect((await hub.query('welfare-caritas', read)).body).toEqual({ data: { client: null } });
    // A real entry of the chain (a refusal the read above recorded) that is no grant event's.
    const entry = await hub.services.consent.prisma.auditEntry.findFirstOrThrow({ where: { reason: { not: { startsWith: 'GRANT_' } } }, orderBy: { seq: 'desc' } });
    expect(await verify('(clientId: "K-000012")')).toMatchObject({ valid: true });
    // Set up as the owner with the triggers stepped around, as only a superuser could.
    await storeGrants(owner(), hub.auditKey, [forged('FORGED-2', 'K-000012')]);
    await asSuperuser(`UPDATE "GrantEventLink" SET "auditSeq" = ${entry.seq} WHERE "eventSeq" IN (SELECT "seq" FROM "GrantEvent" WHERE "grantId" = 'FORGED-2')`);
    try {
      expect(await verify('(clientId: "K-000012")')).toMatchObject({ valid: false, problem: 'GRANT_ALTERED' });
    } finally {
      await removeGrants(owner(), 'FORGED-');
    }
  });
});
