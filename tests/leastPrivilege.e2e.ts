import { readConsentConfig, startConsent } from '@kim/consent';
import { startWelfare } from '@kim/welfare';
import { ASSERTION_HEADER, DECISIONS_PATH, generateEd25519Pem, importAssertionPrivateKey, readServiceConfig, signAssertion } from '@kim/subgraph-runtime';
import pg from 'pg';
import { describe, expect, it } from 'vitest';

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

  // Roles exist only on a PostgreSQL server: this test is added when the suite runs there (CI
  // runs it there on every submission); on PGlite there is no second login to run as.
  if (!base) return;
  it('migrates as the owner, then works as kim_consent_app and cannot touch the audit log or its triggers', async () => {
    const suffix = `${process.pid}_${Date.now().toString(36)}`;
    const schema = `t_lp_${suffix}`;
    const role = `kim_consent_svc_${suffix}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    const url = (user?: string) => {
      const u = new URL(base);
      if (user) {
        u.username = user;
        u.password = '';
      }
      u.searchParams.set('schema', schema);
      return u.toString();
    };
    await admin.query(`DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'kim_consent_app') THEN CREATE ROLE kim_consent_app NOLOGIN; END IF; END $$`);
    await admin.query(`CREATE ROLE "${role}" LOGIN IN ROLE kim_consent_app`);
    const assertionKeys = await generateEd25519Pem();
    const auditKeys = await generateEd25519Pem();
    const service = await startConsent(
      readConsentConfig({
        CONSENT_PORT: '0',
        CONSENT_DATABASE_URL: url(role),
        CONSENT_MIGRATION_DATABASE_URL: url(),
        KIM_ASSERTION_PUBLIC_KEY: assertionKeys.publicKey,
        KIM_AUDIT_SIGNING_KEY: auditKeys.privateKey,
        LOG_LEVEL: 'silent',
      }),
    );
    const asService = new pg.Client({ connectionString: url(role).replace(/\?.*$/, ''), options: `-c search_path="${schema}"` });
    try {
      const key = await importAssertionPrivateKey(assertionKeys.privateKey);
      const assertion = await signAssertion(key, { subject: 's', agency: 'KIM_NEUSS', role: 'CASE_MANAGER', purpose: 'CASE_MANAGEMENT', requestId: 'lp' }, 'welfare');
      const response = await fetch(`${service.url}${DECISIONS_PATH}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [ASSERTION_HEADER]: assertion },
        body: JSON.stringify({ questions: [{ clientId: 'K-000001', category: 'HEALTH' }] }),
      });
      expect(response.status).toBe(200);

      await asService.connect();
      expect((await asService.query('SELECT current_user AS who')).rows).toEqual([{ who: role }]);
      expect((await asService.query('SELECT count(*)::int AS n FROM "AuditEntry"')).rows).toEqual([{ n: 1 }]);
      for (const statement of [
        'UPDATE "AuditEntry" SET allowed = true',
        'DELETE FROM "AuditEntry"',
        'ALTER TABLE "AuditEntry" DISABLE TRIGGER USER',
        'SET session_replication_role = replica',
        'DROP TABLE "AuditEntry"',
        'CREATE TABLE "Sneaky" (id int)',
      ]) {
        await expect(asService.query(statement), statement).rejects.toThrow();
      }
    } finally {
      await asService.end().catch(() => undefined);
      await service.stop();
      await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await admin.query(`DROP OWNED BY "${role}"`);
      await admin.query(`DROP ROLE "${role}"`);
      await admin.end();
    }
  });

  it('runs an agency subgraph as a role that may only read', async () => {
    const suffix = `${process.pid}_${Date.now().toString(36)}`;
    const schema = `t_lpw_${suffix}`;
    const role = `kim_welfare_svc_${suffix}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    const url = (user?: string) => {
      const u = new URL(base);
      if (user) {
        u.username = user;
        u.password = '';
      }
      u.searchParams.set('schema', schema);
      return u.toString();
    };
    await admin.query(`DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'kim_welfare_app') THEN CREATE ROLE kim_welfare_app NOLOGIN; END IF; END $$`);
    await admin.query(`CREATE ROLE "${role}" LOGIN IN ROLE kim_welfare_app`);
    const keys = await generateEd25519Pem();
    const service = await startWelfare(
      readServiceConfig('welfare', {
        WELFARE_PORT: '0',
        WELFARE_DATABASE_URL: url(role),
        WELFARE_MIGRATION_DATABASE_URL: url(),
        KIM_ASSERTION_PUBLIC_KEY: keys.publicKey,
        LOG_LEVEL: 'silent',
      }),
    );
    const asService = new pg.Client({ connectionString: url(role).replace(/\?.*$/, ''), options: `-c search_path="${schema}"` });
    try {
      expect((await fetch(`${service.url}/readyz`)).status).toBe(200);
      // The service's own reads work as the role (an unknown client: nothing, and no error).
      expect(await service.prisma.counsellingContact.count()).toBe(0);
      await asService.connect();
      expect((await asService.query('SELECT count(*)::int AS n FROM "LanguageCourse"')).rows).toEqual([{ n: 0 }]);
      for (const statement of [
        `INSERT INTO "LanguageCourse" ("id", "kimClientId", "provider", "courseType", "targetLevel", "startedAt") VALUES ('x', 'K-1', 'p', 'INTEGRATION_COURSE', 'B1', now())`,
        'DELETE FROM "CounsellingContact"',
        'DROP TABLE "SupportNeed"',
        'CREATE TABLE "Sneaky" (id int)',
      ]) {
        await expect(asService.query(statement), statement).rejects.toThrow(/permission denied|must be owner/);
      }
    } finally {
      await asService.end().catch(() => undefined);
      await service.stop();
      await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await admin.query(`DROP OWNED BY "${role}"`);
      await admin.query(`DROP ROLE "${role}"`);
      await admin.end();
    }
  });
});
