import type { Agency } from '@kim/schema';
import type { SqlQueryable } from '@kim/service-kit';

/**
 * The clients who hold an active grant to `agency` now, by the database's clock (one statement,
 * so "now" is one instant for every grant). Through the driver, not Prisma's client: a partner's
 * list asks this on every request, and a large agency has thousands of grants — Prisma's
 * `distinct` fetched every row and de-duplicated in JavaScript, where DISTINCT here does it in
 * the database. Sorted, so the answer is the same whatever plan the database picks.
 */
export async function sharedClientIds(sql: SqlQueryable, agency: Agency): Promise<string[]> {
  const rows = await sql.query<{ kimClientId: string }>(
    // Active as decideAndRecord.ts judges it (see grantState.ts).
    `SELECT DISTINCT g."kimClientId" FROM "Grant" g
    CROSS JOIN LATERAL (
      SELECT e."type", e."at", e."validUntil" FROM "GrantEvent" e JOIN "GrantEventLink" l ON l."eventSeq" = e."seq"
      WHERE e."grantId" = g."id" ORDER BY e."seq" DESC LIMIT 1
    ) s
    WHERE g."grantee" = $1 AND g."validFrom" <= now() AND s."type" IN ('RECORDED', 'RENEWED')
      AND COALESCE(CASE WHEN s."type" = 'RENEWED' THEN s."validUntil" ELSE g."validUntil" END, 'infinity'::timestamptz) > now()
      AND NOT EXISTS (SELECT 1 FROM "GrantEvent" w WHERE w."grantId" = g."id" AND w."type" = 'WITHDRAWN')
      AND NOT EXISTS (
        SELECT 1 FROM "ClientTeamEvent" t WHERE t."kimClientId" = g."kimClientId" AND t."team" IS NULL AND t."at" <= now()
          AND t."at" > CASE WHEN s."type" = 'RENEWED' THEN s."at" ELSE g."recordedAt" END
      )
    ORDER BY g."kimClientId"`,
    [agency],
  );
  return rows.map((r) => r.kimClientId);
}
