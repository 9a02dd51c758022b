import { readConsentConfig, startConsent } from '@kim/consent';
import { startWelfare } from '@kim/welfare';
import { ASSERTION_HEADER, DECISIONS_PATH, generateEd25519Pem, importAssertionPrivateKey, readServiceConfig, signAssertion } from '@kim/subgraph-runtime';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { asAdmin, schemaUrl, uniqueSuffix } from './support/pgSchemas.ts';

const base = process.env.KIM_TEST_DATABASE_URL;

describe('the consent service running as a role that owns nothing', () => {
  it('refuses to start when told to migrate separately but given no PostgreSQL database to run on', async () => {
    const keys = await generateEd25519Pem();
    const start = startConsent(
      readConsentConfig({
        CONSENT_PORT: '0',
        KIM_DATA_DIR: 'memory://',
        CONSENT_MIGRATION_DATABASE_URL: 'postgresql://owner@127.0.0.1:1/none',
        KIM_ASSERTION_PUBLIC_KEY: keys.publicKey,
        KIM_AUDIT_SIGNING_KEY: keys.privateKey,
        LOG_LEVEL: 'silent',
      }),
    );
    await expect(start).rejects.toThrow(/needs a PostgreSQL database URL/);
  });

  // Roles exist only on a PostgreSQL server: these tests are added when the suite runs there (CI
  // runs them there on every submission); on PGlite there is no second login to run as.
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
      const assertionKeys = await generateEd25519Pem();
      const auditKeys = await generateEd25519Pem();
      const service = await startConsent(
        readConsentConfig({
          CONSENT_PORT: '0',
          CONSENT_DATABASE_URL: serviceUrl,
          CONSENT_MIGRATION_DATABASE_URL: ownerUrl,
          KIM_ASSERTION_PUBLIC_KEY: assertionKeys.publicKey,
          KIM_AUDIT_SIGNING_KEY: auditKeys.privateKey,
          LOG_LEVEL: 'silent',
        }),
      );
      try {
        const key = await importAssertionPrivateKey(assertionKeys.privateKey);
        const assertion = await signAssertion(key, { subject: 's', agency: 'KIM_NEUSS', role: 'CASE_MANAGER', purpose: 'CASE_MANAGEMENT', requestId: 'lp' }, 'welfare');
        const response = await fetch(`${service.url}${DECISIONS_PATH}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [ASSERTION_HEADER]: assertion },
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

  it('runs an agency subgraph as a role that may only read', () =>
    withServiceRole('kim_welfare_app', 'lpw', async ({ serviceUrl, ownerUrl }, asService) => {
      const keys = await generateEd25519Pem();
      const service = await startWelfare(
        readServiceConfig('welfare', {
          WELFARE_PORT: '0',
          WELFARE_DATABASE_URL: serviceUrl,
          WELFARE_MIGRATION_DATABASE_URL: ownerUrl,
          KIM_ASSERTION_PUBLIC_KEY: keys.publicKey,
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
