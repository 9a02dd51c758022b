import type { Agency } from '@kim/schema';
import type { SqlQueryable } from '@kim/subgraph-runtime';

/**
 * The clients who hold an active grant to `agency` now, by the database's clock (one statement,
 * so "now" is one instant for every grant). Through the driver, not Prisma's client: a partner's
 * list asks this on every request, and a large agency has thousands of grants — Prisma's
 * `distinct` fetched every row and de-duplicated in JavaScript, where DISTINCT here does it in
 * the database. Sorted, so the answer is the same whatever plan the database picks.
 */
export async function sharedClientIds(sql: SqlQueryable, agency: Agency): Promise<string[]> {
  const rows = await sql.query<{ kimClientId: string }>(
    `SELECT DISTINCT "kimClientId" FROM "Grant"
    WHERE "grantee" = $1 AND "revokedAt" IS NULL AND "validFrom" <= now() AND ("validUntil" IS NULL OR "validUntil" > now())
    ORDER BY "kimClientId"`,
    [agency],
  );
  return rows.map((r) => r.kimClientId);
}
