import type { RetentionRun, SqlExecutor } from '@kim/service-kit';

/**
 * Erases the case registry's data of cases closed at least `retentionDays` days ago (UTC date;
 * § 84 SGB X, Art. 17 GDPR): notes, goals, referrals, case history and the client record, one
 * client per transaction, through `kim_erase_case_registry_client` (which checks the period
 * again and refuses otherwise). The client's number is never given again (a sequence). With
 * `clientIds` only those clients; an open case, or one closed too recently, is refused and
 * nothing of it changes. The closing also ended the client's grants at the consent service,
 * whose own job erases its part on the same period; the other agencies keep their own files
 * under their own retention law.
 */
export async function eraseClosedCases(sql: SqlExecutor, options: { readonly retentionDays: number; readonly clientIds?: readonly string[] }): Promise<RetentionRun> {
  const rows = await sql.query<{ id: string; due: boolean }>(
    `SELECT "id", ("status" = 'CLOSED' AND "closedOn" IS NOT NULL AND "closedOn" <= (now() AT TIME ZONE 'UTC')::date - $1::int) AS "due"
     FROM "Client" WHERE ${options.clientIds ? '"id" = ANY($2::text[])' : `"status" = 'CLOSED'`} ORDER BY "id"`,
    options.clientIds ? [options.retentionDays, [...options.clientIds]] : [options.retentionDays],
  );
  const erased: string[] = [];
  for (const { id } of rows.filter((r) => r.due)) {
    const [row] = await sql.transaction((tx) => tx.query<{ erased: boolean }>('SELECT "kim_erase_case_registry_client"($1, $2) AS "erased"', [id, options.retentionDays]), {
      timeoutMs: 30_000,
    });
    if (row?.erased) erased.push(id);
  }
  // Refused: only clients asked for by id (a run over all cases is not refused the ones not due).
  return { erased, refused: options.clientIds ? rows.filter((r) => !r.due).map((r) => r.id) : [] };
}
