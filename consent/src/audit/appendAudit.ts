import type { SqlQueryable } from '@kim/subgraph-runtime';
import { anchorMessage } from './anchor.ts';
import type { AuditSigningKey } from './auditKey.ts';
import { GENESIS_HASH, type AuditRecord } from './chainHash.ts';
import { chainLinks } from './linkBatch.ts';

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
  const batch = chainLinks({ headHash: global?.headHash ?? GENESIS_HASH, entries: BigInt(global?.entries ?? 0n), clients: new Map(clients) }, records);
  const signature = key.sign(anchorMessage({ entries: batch.entries, headHash: batch.headHash, at, keyId: key.keyId, clients: batch.clients }));

  // INTENTIONAL: the rows as one JSON parameter, not a parameter per value: 9 parameters whatever
  // the batch's size (PostgreSQL binds at most 65,535 in one statement). Each row is its canonical
  // form (already a JSON array of the record's fields, in the columns' order, see canonicalRecord)
  // with its four hashes appended, so no row is serialised twice; not a column array per field
  // either, whose elements the driver escapes one by one in JavaScript. The ordinality fixes the
  // order PostgreSQL numbers them in (seq); the batch's anchors are stored at the last of them.
  let rows = '';
  for (const l of batch.links) {
    rows += `${rows ? ',' : '['}${l.canonical.slice(0, -1)},${JSON.stringify(l.prevHash)},${JSON.stringify(l.hash)},${JSON.stringify(l.clientPrevHash)},${JSON.stringify(l.clientHash)}]`;
  }
  await tx.query(
    `WITH inserted AS (
      INSERT INTO "AuditEntry" ("at", "requestId", "subject", "agency", "role", "purpose", "service", "kimClientId", "category",
        "allowed", "reason", "basis", "grantId", "prevHash", "hash", "clientPrevHash", "clientHash")
      SELECT (e.v->>0)::timestamptz, e.v->>1, e.v->>2, e.v->>3, e.v->>4, e.v->>5, e.v->>6, e.v->>7, e.v->>8,
        (e.v->>9)::boolean, e.v->>10, e.v->>11, e.v->>12, e.v->>13, e.v->>14, e.v->>15, e.v->>16
      FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS e(v, n)
      ORDER BY e.n
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
      `${rows}]`,
      batch.entries.toString(), batch.headHash, at.toISOString(), key.keyId, signature,
      batch.clients.map((c) => c.kimClientId), batch.clients.map((c) => c.entries), batch.clients.map((c) => c.headHash),
    ],
  );
}
