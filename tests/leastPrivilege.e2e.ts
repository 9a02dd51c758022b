import { readConsentConfig, startConsent } from '@kim/consent';
import { SERVICES } from '@kim/schema';
import { startWelfare } from '@kim/welfare';
import {
  CONSENT_TICKET_HEADER,
  DECISIONS_PATH,
  assertionKey,
  generateAssertionSecret,
  generateEd25519Pem,
  readServiceConfig,
  serviceRole,
  signConsentTicket,
} from '@kim/service-kit';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asAdmin, schemaUrl, uniqueSuffix } from './support/pgSchemas.ts';
import { startTestHub, type TestHub } from './support/testHub.ts';

const base = process.env.KIM_TEST_DATABASE_URL;
const AGENCY_SERVICES = SERVICES.filter((s) => s !== 'consent');

// The hub as `npm start` and every other test start it: one database (PGlite, or one PostgreSQL
// URL) per service. The owner migrates and seeds; then the service's session takes its role.
describe(`every service of a hub on ${base ? 'PostgreSQL with one URL each' : 'PGlite'} runs its own queries as its role`, () => {
  let hub: TestHub;
  const AUDIT_TABLES = ['AuditEntry', 'AuditAnchor', 'AuditClientAnchor'] as const;
  beforeAll(async () => {
    hub = await startTestHub('leastpriv', 10);
    // Audit rows to protect, written by the service as its role.
    const response = await hub.query('cm-neuss', '{ client(id: "K-000001") { givenName languageLevel } }');
    expect(response.body.errors).toBeUndefined();
  });
  afterAll(async () => {
    await hub?.stop();
  });

  const auditCounts = async () =>
    Promise.all(AUDIT_TABLES.map(async (t) => (await hub.services.consent.db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${t}"`))[0]!.n));
  const tables = async (service: (typeof SERVICES)[number]) =>
    (
      await hub.services[service].db.sql.query<{ name: string; column: string }>(
        `SELECT table_name AS name, min(column_name) AS column FROM information_schema.columns
         WHERE table_schema = current_schema() AND table_name <> '_prisma_migrations' GROUP BY table_name ORDER BY table_name`,
      )
    ).map((t) => ({ name: t.name, column: t.column }));

  it.each(SERVICES)('%s: its connection and its Prisma client act as its role; the owner seeded its data', async (service) => {
    const running = hub.services[service];
    const role = serviceRole(service);
    expect(await running.db.sql.query('SELECT current_user AS who')).toEqual([{ who: role }]);
    const prisma = running.prisma as unknown as { $queryRawUnsafe(sql: string): Promise<unknown> };
    expect(await prisma.$queryRawUnsafe('SELECT current_user::text AS who')).toEqual([{ who: role }]);
    expect(await running.owner.sql.query('SELECT current_user AS who')).not.toEqual([{ who: role }]);
    // Seeded before the role was taken: every service has demo data the role itself could not write.
    const counts = await Promise.all((await tables(service)).map(async (t) => (await running.db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${t.name}"`))[0]!.n));
    expect(counts.some((n) => n > 0)).toBe(true);
  });

  it.each(AUDIT_TABLES)('consent: its own session may not UPDATE, DELETE or TRUNCATE %s, nor step around the triggers', async (table) => {
    const consent = hub.services.consent;
    const before = await auditCounts();
    expect(before.every((n) => n > 0)).toBe(true);
    const column = (await tables('consent')).find((t) => t.name === table)!.column;
    for (const statement of [`UPDATE "${table}" SET "${column}" = "${column}"`, `DELETE FROM "${table}"`, `TRUNCATE "${table}"`]) {
      await expect(consent.db.sql.exec(statement), statement).rejects.toThrow(/permission denied/);
      await expect(consent.prisma.$executeRawUnsafe(statement), statement).rejects.toThrow(/permission denied/);
    }
    for (const [statement, refusal] of [
      [`ALTER TABLE "${table}" DISABLE TRIGGER USER`, /must be owner/],
      [`DROP TABLE "${table}"`, /must be owner/],
      ['SET session_replication_role = replica', /permission denied/],
    ] as const) {
      await expect(consent.db.sql.exec(statement), statement).rejects.toThrow(refusal);
    }
    expect(await auditCounts()).toEqual(before);
  });

  it('consent: its own Prisma client may not update or delete an audit entry, nor delete a grant', async () => {
    const prisma = hub.services.consent.prisma;
    const entry = await prisma.auditEntry.findFirstOrThrow({ orderBy: { seq: 'asc' } });
    await expect(prisma.auditEntry.update({ where: { seq: entry.seq }, data: { allowed: !entry.allowed } })).rejects.toThrow(/denied/);
    await expect(prisma.auditEntry.deleteMany({})).rejects.toThrow(/denied/);
    await expect(prisma.grant.deleteMany({})).rejects.toThrow(/denied/);
    expect(await prisma.auditEntry.findUniqueOrThrow({ where: { seq: entry.seq } })).toEqual(entry);
  });

  it.each(AGENCY_SERVICES.filter((s) => s !== 'case-registry'))('%s: its own session may only read', async (service) => {
    const db = hub.services[service].db;
    const owned = await tables(service);
    expect(owned.length).toBeGreaterThan(0);
    for (const { name, column } of owned) {
      for (const statement of [
        `INSERT INTO "${name}" DEFAULT VALUES`,
        `UPDATE "${name}" SET "${column}" = "${column}"`,
        `DELETE FROM "${name}"`,
        `TRUNCATE "${name}"`,
      ]) {
        await expect(db.sql.exec(statement), statement).rejects.toThrow(/permission denied/);
      }
    }
    await expect(db.sql.exec('CREATE TABLE "Sneaky" (id int)')).rejects.toThrow(/permission denied/);
  });

  it('case-registry: its own session may register clients and change only what case work changes; it deletes nothing', async () => {
    const db = hub.services['case-registry'].db;
    // Case work writes these (intake, handover, closing, case events); nothing else is writable.
    const WRITTEN = ['Client', 'CaseEvent', 'Goal', 'CaseNote', 'Referral'];
    for (const { name, column } of await tables('case-registry')) {
      const refused = [`DELETE FROM "${name}"`, `TRUNCATE "${name}"`, ...(WRITTEN.includes(name) ? [] : [`INSERT INTO "${name}" DEFAULT VALUES`, `UPDATE "${name}" SET "${column}" = "${column}"`])];
      for (const statement of refused) await expect(db.sql.exec(statement), statement).rejects.toThrow(/permission denied/);
    }
    for (const statement of [
      'UPDATE "Client" SET "givenName" = "givenName"',
      'UPDATE "Client" SET "birthDate" = "birthDate"',
      'UPDATE "CaseEvent" SET "action" = "action"',
      'UPDATE "Goal" SET "title" = "title"',
      'UPDATE "CaseNote" SET "text" = "text"',
      'UPDATE "Referral" SET "toAgency" = "toAgency"',
    ]) {
      await expect(db.sql.exec(statement), statement).rejects.toThrow(/permission denied/);
    }
    await expect(db.sql.exec('UPDATE "Client" SET "status" = "status" WHERE false')).resolves.toBeUndefined();
    await expect(db.sql.exec('UPDATE "Referral" SET "outcome" = "outcome" WHERE false')).resolves.toBeUndefined();
    await expect(db.sql.exec('CREATE TABLE "Sneaky" (id int)')).rejects.toThrow(/permission denied/);
  });

  it('still serves and audits after all that, and the chain verifies', async () => {
    const before = await auditCounts();
    const response = await hub.query('cm-neuss', '{ client(id: "K-000001") { givenName } }');
    expect(response.body.errors).toBeUndefined();
    expect((await auditCounts())[0]).toBeGreaterThan(before[0]!);
    const verified = await hub.query('dpo', '{ verifyAuditChain { valid } }');
    expect(verified.body.data?.verifyAuditChain).toEqual({ valid: true });
  });
});

describe('the consent service running as a role that owns nothing', () => {
  it('refuses to start when told to migrate separately but given no PostgreSQL database to run on', async () => {
    const keys = await generateEd25519Pem();
    const start = startConsent(
      readConsentConfig({
        CONSENT_PORT: '0',
        KIM_DATA_DIR: 'memory://',
        CONSENT_MIGRATION_DATABASE_URL: 'postgresql://owner@127.0.0.1:1/none',
        KIM_ASSERTION_KEY_CONSENT: generateAssertionSecret(),
        KIM_AUDIT_SIGNING_KEY: keys.privateKey,
        LOG_LEVEL: 'silent',
      }),
    );
    await expect(start).rejects.toThrow(/needs a PostgreSQL database URL/);
  });

  // Login roles exist only on a PostgreSQL server: these tests are added when the suite runs there
  // (CI runs them there on every submission); PGlite has one session of one superuser.
  if (!base) return;

  /**
   * A fresh schema and a login role in `appRole` for one service: the test starts the service
   * with `serviceUrl` (the role) and `ownerUrl` (migrations), and gets a connection of its own
   * as the role. Everything is dropped afterwards.
   */
  async function withServiceRole(
    appRole: string,
    label: string,
    run: (urls: { serviceUrl: string; ownerUrl: string }, asService: () => Promise<pg.Client>, role: string) => Promise<void>,
  ): Promise<void> {
    const suffix = uniqueSuffix(label);
    const schema = `t_${suffix}`;
    const role = `svc_${suffix}`;
    await asAdmin(base!, [
      `DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${appRole}') THEN CREATE ROLE ${appRole} NOLOGIN; END IF; END $$`,
      `CREATE ROLE "${role}" LOGIN IN ROLE ${appRole}`,
    ]);
    const client = new pg.Client({ connectionString: schemaUrl(base!, schema, role).replace(/\?.*$/, ''), options: `-c search_path="${schema}"` });
    try {
      await run({ serviceUrl: schemaUrl(base!, schema, role), ownerUrl: schemaUrl(base!, schema) }, async () => (await client.connect(), client), role);
    } finally {
      await client.end().catch(() => undefined);
      await asAdmin(base!, [`DROP SCHEMA IF EXISTS "${schema}" CASCADE`, `DROP OWNED BY "${role}"`, `DROP ROLE "${role}"`]);
    }
  }

  it('migrates as the owner, then works as kim_consent_app and cannot touch the audit log or its triggers', () =>
    withServiceRole('kim_consent_app', 'lp', async ({ serviceUrl, ownerUrl }, asService, role) => {
      const consentKey = generateAssertionSecret();
      const auditKeys = await generateEd25519Pem();
      const service = await startConsent(
        readConsentConfig({
          CONSENT_PORT: '0',
          CONSENT_DATABASE_URL: serviceUrl,
          CONSENT_MIGRATION_DATABASE_URL: ownerUrl,
          KIM_ASSERTION_KEY_CONSENT: consentKey,
          KIM_AUDIT_SIGNING_KEY: auditKeys.privateKey,
          LOG_LEVEL: 'silent',
        }),
      );
      try {
        const ticket = signConsentTicket(assertionKey(consentKey), { subject: 's', agency: 'KIM_NEUSS', role: 'CASE_MANAGER', purpose: 'CASE_MANAGEMENT', requestId: 'lp' }, 'welfare');
        const response = await fetch(`${service.url}${DECISIONS_PATH}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [CONSENT_TICKET_HEADER]: ticket },
          body: JSON.stringify({ questions: [{ clientId: 'K-000001', category: 'HEALTH' }] }),
        });
        expect(response.status).toBe(200);

        const db = await asService();
        expect((await db.query('SELECT current_user AS who')).rows).toEqual([{ who: role }]);
        expect((await db.query('SELECT count(*)::int AS n FROM "AuditEntry"')).rows).toEqual([{ n: 1 }]);
        for (const statement of [
          'UPDATE "AuditEntry" SET allowed = true',
          'DELETE FROM "AuditEntry"',
          'ALTER TABLE "AuditEntry" DISABLE TRIGGER USER',
          'SET session_replication_role = replica',
          'DROP TABLE "AuditEntry"',
          'CREATE TABLE "Sneaky" (id int)',
        ]) {
          await expect(db.query(statement), statement).rejects.toThrow();
        }
      } finally {
        await service.stop();
      }
    }));

  it('refuses to start over one URL whose user may not act as the role, rather than run as the owner', async () => {
    const suffix = uniqueSuffix('lpo');
    const schema = `t_${suffix}`;
    const owner = `own_${suffix}`;
    // An owner as a DBA might set one up: may create schemas (Prisma's first migration does), may
    // neither create roles nor join them.
    await asAdmin(base!, [
      `CREATE ROLE "${owner}" LOGIN`,
      `GRANT CREATE ON DATABASE "${new URL(base!).pathname.slice(1)}" TO "${owner}"`,
      `CREATE SCHEMA "${schema}" AUTHORIZATION "${owner}"`,
    ]);
    try {
      const start = startWelfare(
        readServiceConfig('welfare', {
          WELFARE_PORT: '0',
          WELFARE_DATABASE_URL: schemaUrl(base!, schema, owner),
          KIM_ASSERTION_KEY_WELFARE: generateAssertionSecret(),
          LOG_LEVEL: 'silent',
        }),
      );
      await expect(start).rejects.toThrow(/welfare: the database user cannot act as kim_welfare_app/);
    } finally {
      await asAdmin(base!, [`DROP SCHEMA IF EXISTS "${schema}" CASCADE`, `DROP OWNED BY "${owner}"`, `DROP ROLE "${owner}"`]);
    }
  });

  it('runs an agency subgraph as a role that may only read', () =>
    withServiceRole('kim_welfare_app', 'lpw', async ({ serviceUrl, ownerUrl }, asService) => {
      const service = await startWelfare(
        readServiceConfig('welfare', {
          WELFARE_PORT: '0',
          WELFARE_DATABASE_URL: serviceUrl,
          WELFARE_MIGRATION_DATABASE_URL: ownerUrl,
          KIM_ASSERTION_KEY_WELFARE: generateAssertionSecret(),
          LOG_LEVEL: 'silent',
        }),
      );
      try {
        expect((await fetch(`${service.url}/readyz`)).status).toBe(200);
        // The service's own reads work as the role.
        expect(await service.prisma.counsellingContact.count()).toBe(0);
        const db = await asService();
        expect((await db.query('SELECT count(*)::int AS n FROM "LanguageCourse"')).rows).toEqual([{ n: 0 }]);
        for (const statement of [
          `INSERT INTO "LanguageCourse" ("id", "kimClientId", "provider", "courseType", "targetLevel", "startedAt") VALUES ('x', 'K-1', 'p', 'INTEGRATION_COURSE', 'B1', now())`,
          'DELETE FROM "CounsellingContact"',
          'DROP TABLE "SupportNeed"',
          'CREATE TABLE "Sneaky" (id int)',
        ]) {
          await expect(db.query(statement), statement).rejects.toThrow(/permission denied|must be owner/);
        }
      } finally {
        await service.stop();
      }
    }));
});
