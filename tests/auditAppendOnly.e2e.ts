import { chainHash } from '@kim/consent';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, startTestHub, type TestHub } from './support/testHub.ts';
import { auditRefOf, withClientIds } from './support/auditRows.ts';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub('auditappend', 20);
  // Some decisions to protect: the case manager's own client, the jobcenter on a consenting one.
  await hub.query('cm-neuss', '{ client(id: "K-000001") { givenName languageLevel } }');
  await hub.query('jobcenter', '{ client(id: "K-000001") { languageLevel healthNeeds { kind } } }', undefined, { purpose: 'LABOUR_MARKET_INTEGRATION' });
});
afterAll(async () => {
  await hub?.stop();
});

const AUDIT_TABLES = ['AuditEntry', 'AuditAnchor', 'AuditClientAnchor'] as const;
/** The schema owner's access; the service's own runs as kim_consent_app (tests/leastPrivilege.e2e.ts). */
const sql = () => hub.services.consent.owner.sql;
const ownerPrisma = () => hub.consentOwnerPrisma();
const prisma = () => hub.services.consent.prisma;
const counts = async () => [await prisma().auditEntry.count(), await prisma().auditAnchor.count(), await prisma().auditClientAnchor.count()];

/** As a superuser could: triggers off for one transaction. Verification must not rely on them. */
const asSuperuser = (statements: string) =>
  sql().exec(
    `BEGIN; ${AUDIT_TABLES.map((t) => `ALTER TABLE "${t}" DISABLE TRIGGER USER;`).join(' ')} ${statements}; ` +
      `${AUDIT_TABLES.map((t) => `ALTER TABLE "${t}" ENABLE TRIGGER USER;`).join(' ')} COMMIT;`,
  );
/** As the role the service is meant to run as (see README, "Audit log"). */
const asAppRole = (statement: string) => sql().exec(`BEGIN; SET LOCAL ROLE kim_consent_app; ${statement}; ROLLBACK;`);

async function verify(args = '') {
  const response = await hub.query('dpo', `{ verifyAuditChain${args} { valid problem firstBrokenSeq entries headSeq headHash } }`);
  expect(response.body.errors).toBeUndefined();
  return response.body.data?.verifyAuditChain as { valid: boolean; problem: string | null; firstBrokenSeq: string | null; entries: number; headSeq: string; headHash: string };
}

describe('the audit tables, even for their owner', () => {
  it.each(AUDIT_TABLES)('refuse UPDATE, DELETE and TRUNCATE of %s', async (table) => {
    const before = await counts();
    expect(before.every((n) => n > 0)).toBe(true);
    const column = table === 'AuditClientAnchor' ? '"entries" = "entries" + 1' : '"headHash" = "headHash"';
    const update = table === 'AuditEntry' ? 'UPDATE "AuditEntry" SET "allowed" = NOT "allowed"' : `UPDATE "${table}" SET ${column}`;
    await expect(ownerPrisma().$executeRawUnsafe(update)).rejects.toThrow(/append-only: UPDATE/);
    await expect(ownerPrisma().$executeRawUnsafe(`DELETE FROM "${table}"`)).rejects.toThrow(/append-only: DELETE/);
    await expect(ownerPrisma().$executeRawUnsafe(`TRUNCATE "${table}"`)).rejects.toThrow(/append-only: TRUNCATE/);
    expect(await counts()).toEqual(before);
  });

  it('refuse Prisma\'s own update and delete of an entry too', async () => {
    const entry = await prisma().auditEntry.findFirstOrThrow({ orderBy: { seq: 'asc' } });
    await expect(ownerPrisma().auditEntry.update({ where: { seq: entry.seq }, data: { allowed: !entry.allowed } })).rejects.toThrow(/append-only/);
    await expect(ownerPrisma().auditEntry.deleteMany({})).rejects.toThrow(/append-only/);
    expect(await prisma().auditEntry.findUniqueOrThrow({ where: { seq: entry.seq } })).toEqual(entry);
    expect(await verify()).toMatchObject({ valid: true });
  });
});

describe('the kim_consent_app role', () => {
  it('may read the audit log and append to it (its inserts are rolled back here)', async () => {
    await expect(asAppRole('SELECT count(*) FROM "AuditEntry", "AuditAnchor", "AuditClientAnchor", "Grant", "_prisma_migrations"')).resolves.toBeUndefined();
    await expect(
      asAppRole(
        `INSERT INTO "AuditEntry" ("at", "requestId", "subject", "agency", "role", "purpose", "service", "kimClientId", "category", "allowed", "reason", "prevHash", "hash", "clientPrevHash", "clientHash") ` +
          `VALUES (now(), 'r', 's', 'KI', 'COORDINATOR', 'STEERING', 'case-registry', 'K-X', 'IDENTITY', false, 'NO_BASIS', 'p', 'h-role-test', 'cp', 'ch')`,
      ),
    ).resolves.toBeUndefined();
  });

  it.each([
    ['UPDATE', 'UPDATE "AuditEntry" SET "allowed" = true', /permission denied/],
    ['DELETE', 'DELETE FROM "AuditAnchor"', /permission denied/],
    ['TRUNCATE', 'TRUNCATE "AuditClientAnchor"', /permission denied/],
    ['switching the triggers off', 'ALTER TABLE "AuditEntry" DISABLE TRIGGER USER', /must be owner/],
    ['deleting a grant', 'DELETE FROM "Grant"', /permission denied/],
  ])('may not: %s', async (_what, statement, refusal) => {
    const before = await counts();
    await expect(asAppRole(statement)).rejects.toThrow(refusal);
    expect(await counts()).toEqual(before);
  });
});

describe('when the audit cannot be written', () => {
  it('discloses nothing (CONSENT_UNAVAILABLE), records nothing, and recovers when it can write again', async () => {
    const query = '{ client(id: "K-000001") { id givenName languageLevel } }';
    const ok = await hub.query('cm-neuss', query);
    expect(ok.body.errors).toBeUndefined();
    const { givenName } = ok.body.data?.client as { givenName: string };
    const before = await counts();

    // The disk is full, a constraint fails, the table is locked away: any failing insert will do.
    await sql().exec(
      `CREATE FUNCTION "test_refuse_audit"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'could not extend file (test)'; END $$; ` +
        `CREATE TRIGGER "test_refuse_audit" BEFORE INSERT ON "AuditEntry" FOR EACH ROW EXECUTE FUNCTION "test_refuse_audit"();`,
    );
    try {
      const refused = await hub.query('cm-neuss', query);
      expect(refused.body.data?.client).toEqual({ id: 'K-000001', givenName: null, languageLevel: null });
      expect(errorCodes(refused).map((e) => [e.code, e.path]).sort()).toEqual([
        ['CONSENT_UNAVAILABLE', 'client.givenName'],
        ['CONSENT_UNAVAILABLE', 'client.languageLevel'],
      ]);
      expect(JSON.stringify(refused.body)).not.toContain(givenName);
      expect(await counts()).toEqual(before);
    } finally {
      await sql().exec('DROP TRIGGER "test_refuse_audit" ON "AuditEntry"; DROP FUNCTION "test_refuse_audit"();');
    }

    const again = await hub.query('cm-neuss', query);
    expect(again.body.errors).toBeUndefined();
    expect((again.body.data?.client as { givenName: string }).givenName).toBe(givenName);
    expect(await verify()).toMatchObject({ valid: true, problem: null });
  });
});

describe('verification, against a superuser who steps around the triggers', () => {
  it('detects two entries swapped (reordered), and passes again once they are put back', async () => {
    const [a, b] = await prisma().auditEntry.findMany({ orderBy: { seq: 'asc' }, take: 2 });
    const swap = `UPDATE "AuditEntry" SET "seq" = -1 WHERE "seq" = ${a!.seq}; UPDATE "AuditEntry" SET "seq" = ${a!.seq} WHERE "seq" = ${b!.seq}; UPDATE "AuditEntry" SET "seq" = ${b!.seq} WHERE "seq" = -1`;
    await asSuperuser(swap);
    expect(await verify()).toMatchObject({ valid: false, problem: 'BROKEN_LINK', firstBrokenSeq: a!.seq.toString() });
    await asSuperuser(swap);
    expect(await verify()).toMatchObject({ valid: true });
  });

  it('detects the tail cut off; and, with a head kept from before, a tail cut off together with its anchors', async () => {
    // A request of its own, so that the tail is one batch of one client.
    await hub.query('cm-neuss', '{ client(id: "K-000002") { givenName } }');
    const head = await verify();
    expect(head).toMatchObject({ valid: true });
    const anchor = await prisma().auditAnchor.findFirstOrThrow({ orderBy: { seq: 'desc' } });
    const clientAnchors = await prisma().auditClientAnchor.findMany({ where: { seq: anchor.seq } });
    const previous = await prisma().auditAnchor.findFirstOrThrow({ where: { seq: { lt: anchor.seq } }, orderBy: { seq: 'desc' } });
    const tail = await prisma().auditEntry.findMany({ where: { seq: { gt: previous.seq } }, orderBy: { seq: 'asc' } });
    expect(tail.length).toBeGreaterThan(0);
    const knownHead = `(knownHead: { seq: "${anchor.seq}", entries: "${anchor.entries}", hash: "${anchor.headHash}" })`;

    await asSuperuser(`DELETE FROM "AuditEntry" WHERE "seq" > ${previous.seq}`);
    expect(await verify()).toMatchObject({ valid: false, problem: 'TRUNCATED', firstBrokenSeq: anchor.seq.toString() });
    expect(await verify('(clientId: "K-000002")')).toMatchObject({ valid: false, problem: 'TRUNCATED', firstBrokenSeq: anchor.seq.toString() });

    await asSuperuser(`DELETE FROM "AuditClientAnchor" WHERE "seq" = ${anchor.seq}; DELETE FROM "AuditAnchor" WHERE "seq" = ${anchor.seq}`);
    // INTENTIONAL: cut with its anchors, the chain is consistent again; only a head kept outside shows it.
    expect(await verify()).toMatchObject({ valid: true, headSeq: previous.seq.toString() });
    expect(await verify(knownHead)).toMatchObject({ valid: false, problem: 'TRUNCATED', firstBrokenSeq: anchor.seq.toString() });

    // Put back as it was (inserting is what the service may do anyway): everything holds again.
    await prisma().auditEntry.createMany({ data: tail });
    await prisma().auditAnchor.create({ data: anchor });
    await prisma().auditClientAnchor.createMany({ data: clientAnchors });
    expect(await verify(knownHead)).toMatchObject({ valid: true, headSeq: anchor.seq.toString(), headHash: anchor.headHash });
  });

  it('detects one client\'s last entry removed from inside the chain, in that client\'s chain alone', async () => {
    await hub.query('cm-neuss', '{ client(id: "K-000002") { givenName } }');
    await hub.query('cm-neuss', '{ client(id: "K-000001") { givenName } }');
    const victim = await prisma().auditEntry.findFirstOrThrow({ where: { kimClientId: await auditRefOf(prisma(), 'K-000002') }, orderBy: { seq: 'desc' } });
    const after = await prisma().auditEntry.findFirstOrThrow({ where: { seq: { gt: victim.seq } }, orderBy: { seq: 'asc' } });
    await asSuperuser(`DELETE FROM "AuditEntry" WHERE "seq" = ${victim.seq}`);
    try {
      expect(await verify('(clientId: "K-000002")')).toMatchObject({ valid: false, problem: 'TRUNCATED' });
      expect(await verify('(clientId: "K-000001")')).toMatchObject({ valid: true });
      expect(await verify()).toMatchObject({ valid: false, problem: 'BROKEN_LINK', firstBrokenSeq: after.seq.toString() });
    } finally {
      await prisma().auditEntry.create({ data: victim });
    }
    expect(await verify()).toMatchObject({ valid: true });
  });

  it('detects an entry appended with correct links by someone with database access but not the key', async () => {
    const last = await prisma().auditEntry.findFirstOrThrow({ orderBy: { seq: 'desc' } });
    const { seq: _seq, ...record } = { ...last, requestId: 'forged-request', allowed: true, reason: 'GRANT' };
    const hash = chainHash(last.hash, record);
    const clientHash = chainHash(last.clientHash, record);
    const forged = await prisma().auditEntry.create({ data: { ...record, prevHash: last.hash, hash, clientPrevHash: last.clientHash, clientHash } });
    expect(await verify()).toMatchObject({ valid: false, problem: 'UNANCHORED', firstBrokenSeq: forged.seq.toString() });
    const [client] = await withClientIds(prisma(), [last]);
    expect(await verify(`(clientId: "${client!.kimClientId}")`)).toMatchObject({ valid: false, problem: 'UNANCHORED', firstBrokenSeq: forged.seq.toString() });
  });
});
