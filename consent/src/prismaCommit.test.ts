import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openConsentTestDatabase, type ConsentTestDatabase } from './testDatabase.testSupport.ts';

/**
 * Prisma's interactive transactions over either database (case work and grant changes run in
 * them): a COMMIT that fails must fail the transaction, or a change that was never stored is
 * answered as done. A deferred constraint is checked only at COMMIT, which makes it fail there.
 */
let t: ConsentTestDatabase;
beforeAll(async () => {
  t = await openConsentTestDatabase('prismacommit');
  await t.db.sql.exec(`CREATE TABLE "Node" ("id" INT PRIMARY KEY, "parent" INT REFERENCES "Node" ("id") DEFERRABLE INITIALLY DEFERRED)`);
}, 120_000);
afterAll(async () => {
  await t?.close();
});

const count = async () => (await t.db.sql.query<{ n: number }>('SELECT count(*)::int AS "n" FROM "Node"'))[0]!.n;

describe(`Prisma's transactions on ${process.env.KIM_TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'}`, () => {
  it('fail when their COMMIT fails, and store nothing', async () => {
    await expect(t.prisma.$transaction((tx) => tx.$executeRawUnsafe('INSERT INTO "Node" VALUES (1, 99)'))).rejects.toThrow(/foreign key|ForeignKeyConstraintViolation/);
    expect(await count()).toBe(0);
  });

  it('commit what holds, also after a failed one', async () => {
    await t.prisma.$transaction((tx) => tx.$executeRawUnsafe('INSERT INTO "Node" VALUES (2, NULL)'));
    expect(await count()).toBe(1);
  });
});
