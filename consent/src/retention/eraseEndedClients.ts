import type { RetentionRun, SqlExecutor } from '@kim/service-kit';
import { TAKE_CHAIN_LOCK } from '../audit/appendAudit.ts';

/**
 * The clients whose case ended (no team holds them: the case registry recorded the closing) at
 * least `retentionDays` days ago by the database's clock, and the ids no KIM team ever held here
 * whose pseudonym is that old (another agency still asked about the id, e.g. from its own file
 * after the client's erasure: those decisions are audited under a new pseudonym, whose mapping
 * must not outlive the period either); of `clientIds` when given.
 */
async function endedClients(sql: SqlExecutor, retentionDays: number, clientIds: readonly string[] | undefined): Promise<{ due: string[]; notDue: string[] }> {
  const rows = await sql.query<{ kimClientId: string; due: boolean }>(
    `SELECT l."kimClientId", (l."team" IS NULL AND l."at" <= now() - make_interval(days => $1::int)) AS "due"
     FROM (SELECT DISTINCT ON ("kimClientId") "kimClientId", "team", "at" FROM "ClientTeamEvent"
           ${clientIds ? 'WHERE "kimClientId" = ANY($2::text[])' : ''} ORDER BY "kimClientId", "seq" DESC) l
     UNION ALL
     SELECT p."kimClientId", (p."createdAt" <= now() - make_interval(days => $1::int)
       AND NOT EXISTS (SELECT 1 FROM "Grant" g WHERE g."kimClientId" = p."kimClientId")) AS "due"
     FROM "AuditPseudonym" p
     WHERE NOT EXISTS (SELECT 1 FROM "ClientTeamEvent" t WHERE t."kimClientId" = p."kimClientId")
       ${clientIds ? 'AND p."kimClientId" = ANY($2::text[])' : ''}`,
    clientIds ? [retentionDays, [...clientIds]] : [retentionDays],
  );
  const due = rows.filter((r) => r.due).map((r) => r.kimClientId);
  // A client asked for by id with nothing here (never held, or erased already) is neither.
  return { due, notDue: rows.filter((r) => !r.due).map((r) => r.kimClientId) };
}

/**
 * Erases the consent data of clients whose case ended `retentionDays` ago (§ 84 SGB X, Art. 17
 * GDPR): grants, grant events and links, holder history, and the audit pseudonym's mapping, one
 * client per transaction, through `kim_erase_consent_client` (which checks the period again, by
 * the database's clock, and refuses otherwise). The audit entries stay, under a pseudonym nobody
 * can resolve any more, so the chain verifies as before. Each erasure holds the chain's lock, so
 * no decision batch appends for the client with the mapping half gone. With `clientIds` only those
 * clients, and any whose period is not over are refused (nothing of them changes).
 */
export async function eraseEndedClients(sql: SqlExecutor, options: { readonly retentionDays: number; readonly clientIds?: readonly string[] }): Promise<RetentionRun> {
  const { due, notDue } = await endedClients(sql, options.retentionDays, options.clientIds);
  const erased: string[] = [];
  for (const clientId of due) {
    const [row] = await sql.transaction(
      (tx) => tx.query<{ erased: boolean }>('SELECT "kim_erase_consent_client"($1, $2) AS "erased"', [clientId, options.retentionDays]),
      { timeoutMs: 30_000, opening: TAKE_CHAIN_LOCK },
    );
    if (row?.erased) erased.push(clientId);
  }
  // Refused: only clients asked for by id (a run over all clients is not refused the ones not due).
  return { erased, refused: options.clientIds ? notDue : [] };
}
