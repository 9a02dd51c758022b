import { describe, expect, it } from 'vitest';
import { openRoleDatabase } from './openDatabase.ts';

const SETUP = `CREATE ROLE t_app NOLOGIN; CREATE TABLE "Thing" ("id" TEXT PRIMARY KEY); INSERT INTO "Thing" VALUES ('seeded'); GRANT SELECT ON "Thing" TO t_app;`;
const who = async (sql: { query<R extends Record<string, unknown>>(text: string): Promise<R[]> }) => (await sql.query<{ who: string }>('SELECT current_user AS who'))[0]!.who;

describe('openRoleDatabase on PGlite', () => {
  it('prepares as the owner, then serves as the role; the owner keeps its own access', async () => {
    const { db, owner, roleBy } = await openRoleDatabase({ kind: 'pglite', dataDir: 'memory://' }, { role: 't_app', asOwner: (o) => o.sql.exec(SETUP) });
    try {
      expect(roleBy).toBe('set-role');
      expect(await who(db.sql)).toBe('t_app');
      expect(await db.sql.query('SELECT id FROM "Thing"')).toEqual([{ id: 'seeded' }]);
      await expect(db.sql.exec(`INSERT INTO "Thing" VALUES ('x')`)).rejects.toThrow(/permission denied/);
      await expect(db.sql.exec('DELETE FROM "Thing"')).rejects.toThrow(/permission denied/);
      expect(await who(owner.sql)).not.toBe('t_app');
      await owner.sql.exec(`INSERT INTO "Thing" VALUES ('by-owner')`);
      expect(await db.sql.query('SELECT count(*)::int AS n FROM "Thing"')).toEqual([{ n: 2 }]);
    } finally {
      await db.close();
      await owner.close();
    }
  });

  it('leaves the service in its role whatever an owner statement does: fail, commit, or run beside it', async () => {
    const { db, owner } = await openRoleDatabase({ kind: 'pglite', dataDir: 'memory://' }, { role: 't_app', asOwner: (o) => o.sql.exec(SETUP) });
    try {
      await expect(owner.sql.exec('SELECT * FROM "Missing"')).rejects.toThrow();
      expect(await who(db.sql)).toBe('t_app');
      await owner.sql.exec(`BEGIN; INSERT INTO "Thing" VALUES ('committed'); COMMIT;`);
      expect(await who(db.sql)).toBe('t_app');
      const ownerUser = await who(owner.sql);
      expect(ownerUser).not.toBe('t_app');
      expect(await Promise.all([who(owner.sql), who(db.sql), who(owner.sql), who(db.sql)])).toEqual([ownerUser, 't_app', ownerUser, 't_app']);
    } finally {
      await db.close();
    }
  });

  it('refuses a migration URL without a PostgreSQL database, and a role that does not exist', async () => {
    const asOwner = async () => undefined;
    await expect(openRoleDatabase({ kind: 'pglite', dataDir: 'memory://' }, { role: 't_app', ownerUrl: 'postgresql://x@127.0.0.1:1/none', asOwner })).rejects.toThrow(
      /needs a PostgreSQL database URL/,
    );
    await expect(openRoleDatabase({ kind: 'pglite', dataDir: 'memory://' }, { role: 't_missing', asOwner })).rejects.toThrow(/cannot act as t_missing/);
  });
});
