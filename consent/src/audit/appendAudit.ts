import type { SqlQueryable } from '@kim/subgraph-runtime';
import { anchorMessage } from './anchor.ts';
import type { AuditSigningKey } from './auditKey.ts';
import { GENESIS_HASH, type AuditRecord } from './chainHash.ts';
import { linkBatch } from './linkBatch.ts';

/** The lock that makes appenders take turns; any constant the rest of the database does not use. */
export const CHAIN_LOCK = 7428190311;

export interface AppendOptions {
  /**
   * The transaction already holds the chain lock, taken by an earlier statement of it (never by
   * the same statement as anything that reads the heads: a statement's snapshot predates its own
   * wait for the lock). Saves a round trip; the lock is re-entrant, so taking it again is harmless.
   */
  readonly chainLocked?: boolean;
}

/**
 * Appends records to the chain inside the caller's transaction: each entry linked into the
 * global chain and into its client's own chain, then one anchor for the batch (where the chain
 * and each touched client's chain now stand), signed with the audit key.
 *
 * A transaction-scoped advisory lock makes appenders take turns from reading the heads to the
 * commit, so no chain ever forks; every writer waits for it, so the time it is held bounds the
 * hub's decisions per second. Hence three statements under it: take the lock (or have the caller
 * take it, see `chainLocked`); read the global head and the batch's client heads (one query, a
 * fresh snapshot after the lock); write entries, anchor and client anchors (one statement).
 */
export async function appendAudit(
  tx: SqlQueryable,
  key: AuditSigningKey,
  at: Date,
  records: readonly AuditRecord[],
  options: AppendOptions = {},
): Promise<void> {
  if (records.length === 0) return;
  const clientIds = [...new Set(records.map((r) => r.kimClientId))];
  if (!options.chainLocked) await tx.query('SELECT pg_advisory_xact_lock($1::bigint)', [CHAIN_LOCK]);
  // INTENTIONAL: one indexed LIMIT 1 per head; DISTINCT ON would read every anchor of each client.
  // `entries` arrives as the driver gives a bigint (text, number or BigInt), hence the conversions.
  const heads = await tx.query<{ kimClientId: string | null; entries: string | number | bigint; headHash: string }>(
    `SELECT NULL::text AS "kimClientId", g."entries", g."headHash"
    FROM (SELECT "entries", "headHash" FROM "AuditAnchor" ORDER BY "seq" DESC LIMIT 1) g
    UNION ALL
    SELECT c.id, h."entries"::bigint, h."headHash"
    FROM unnest($1::text[]) AS c(id)
    CROSS JOIN LATERAL (
      SELECT a."entries", a."headHash" FROM "AuditClientAnchor" a
      WHERE a."kimClientId" = c.id ORDER BY a."seq" DESC LIMIT 1
    ) h`,
    [clientIds],
  );
  const global = heads.find((h) => h.kimClientId === null);
  const clients = heads.flatMap((h) => (h.kimClientId === null ? [] : [[h.kimClientId, { kimClientId: h.kimClientId, entries: Number(h.entries), headHash: h.headHash }] as const]));
  const batch = linkBatch({ headHash: global?.headHash ?? GENESIS_HASH, entries: BigInt(global?.entries ?? 0n), clients: new Map(clients) }, records);
  const signature = key.sign(anchorMessage({ entries: batch.entries, headHash: batch.headHash, at, keyId: key.keyId, clients: batch.clients }));

  // INTENTIONAL: the rows as one JSON parameter (json_to_recordset), not a parameter per value:
  // 9 parameters whatever the batch's size (PostgreSQL binds at most 65,535 in one statement).
  // Not a column array per field either: the driver escapes every element of an array in
  // JavaScript, where JSON.stringify is one native pass (allocation profile of w2: pg's array
  // serialiser was the largest single allocator of the hub). json_to_recordset yields the rows in
  // the array's order, PostgreSQL numbers them (seq) in that order, and the batch's anchors are
  // stored at the last of them.
  await tx.query(
    `WITH inserted AS (
      INSERT INTO "AuditEntry" ("at", "requestId", "subject", "agency", "role", "purpose", "service", "kimClientId", "category",
        "allowed", "reason", "basis", "grantId", "prevHash", "hash", "clientPrevHash", "clientHash")
      SELECT r."at", r."requestId", r."subject", r."agency", r."role", r."purpose", r."service", r."kimClientId", r."category",
        r."allowed", r."reason", r."basis", r."grantId", r."prevHash", r."hash", r."clientPrevHash", r."clientHash"
      FROM json_to_recordset($1::json) AS r("at" timestamptz, "requestId" text, "subject" text, "agency" text, "role" text,
        "purpose" text, "service" text, "kimClientId" text, "category" text, "allowed" boolean, "reason" text, "basis" text,
        "grantId" text, "prevHash" text, "hash" text, "clientPrevHash" text, "clientHash" text)
      RETURNING "seq"
    ), batch AS (
      SELECT max("seq") AS "seq" FROM inserted
    ), anchor AS (
      INSERT INTO "AuditAnchor" ("seq", "entries", "headHash", "at", "keyId", "signature")
      SELECT "seq", $2::bigint, $3, $4::timestamptz, $5, $6 FROM batch
    )
    INSERT INTO "AuditClientAnchor" ("seq", "kimClientId", "entries", "headHash")
    SELECT batch."seq", v.id, v.entries, v.hash
    FROM batch, unnest($7::text[], $8::int[], $9::text[]) AS v(id, entries, hash)`,
    [
      JSON.stringify(batch.rows),
      batch.entries.toString(), batch.headHash, at.toISOString(), key.keyId, signature,
      batch.clients.map((c) => c.kimClientId), batch.clients.map((c) => c.entries), batch.clients.map((c) => c.headHash),
    ],
  );
}
