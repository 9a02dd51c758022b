import type { SqlQueryable } from '@kim/subgraph-runtime';
import { anchorMessage, type ClientHead } from './anchor.ts';
import type { AuditSigningKey } from './auditKey.ts';
import { GENESIS_HASH, type AuditRecord } from './chainHash.ts';
import { chainLinks, type ChainHeads } from './linkBatch.ts';

/** The lock that makes appenders take turns; any constant the rest of the database does not use. */
export const CHAIN_LOCK = 7428190311;

/**
 * The statement that opens a transaction which appends (`SqlExecutor.transaction`'s `opening`,
 * sent with `BEGIN`): appenders take turns at this transaction-scoped lock from reading the heads
 * to the commit, so no chain ever forks. Every writer waits for it, so the time it is held bounds
 * the hub's decisions per second.
 */
export const TAKE_CHAIN_LOCK = `SELECT pg_advisory_xact_lock(${CHAIN_LOCK})`;

/** A row of `chainHeadRows`: the global head (`headOf` null) or a client's (a type, not an interface: a row is a plain record). */
export type ChainHeadRow = {
  readonly headOf: string | null;
  /** As the driver gives a bigint: text, number or BigInt. */
  readonly entries: string | number | bigint;
  readonly headHash: string;
};

/**
 * SQL for where the chain and each client's chain stand, for the clients in the `text[]`
 * parameter `clientIds` (e.g. `$1`): rows of `ChainHeadRow`, none for a chain not yet started. It
 * must run in a statement after the one that took the chain lock: a statement's snapshot
 * predates its own wait for the lock, so heads read in that statement could be stale.
 */
export function chainHeadRows(clientIds: string): string {
  // INTENTIONAL: one indexed LIMIT 1 per head; DISTINCT ON would read every anchor of each client.
  return `SELECT NULL::text AS "headOf", g."entries"::bigint AS "entries", g."headHash"
    FROM (SELECT "entries", "headHash" FROM "AuditAnchor" ORDER BY "seq" DESC LIMIT 1) g
    UNION ALL
    SELECT c.id, h."entries"::bigint, h."headHash"
    FROM unnest(${clientIds}::text[]) AS c(id)
    CROSS JOIN LATERAL (
      SELECT a."entries", a."headHash" FROM "AuditClientAnchor" a
      WHERE a."kimClientId" = c.id ORDER BY a."seq" DESC LIMIT 1
    ) h`;
}

/** The heads the rows of `chainHeadRows` give; a chain without rows starts at genesis. */
export function chainHeads(rows: readonly ChainHeadRow[]): ChainHeads {
  let global: ChainHeadRow | undefined;
  const clients = new Map<string, ClientHead>();
  for (const row of rows) {
    if (row.headOf === null) global = row;
    else clients.set(row.headOf, { kimClientId: row.headOf, entries: Number(row.entries), headHash: row.headHash });
  }
  return { headHash: global?.headHash ?? GENESIS_HASH, entries: BigInt(global?.entries ?? 0n), clients };
}

/**
 * Appends records to the chain inside the caller's transaction, which holds the chain lock
 * (TAKE_CHAIN_LOCK) and read `heads` (chainHeadRows) after taking it: each entry linked into the
 * global chain and into its client's own chain, then one anchor for the batch (where the chain
 * and each touched client's chain now stand), signed with the audit key — one statement.
 */
export async function appendAudit(tx: SqlQueryable, key: AuditSigningKey, at: Date, records: readonly AuditRecord[], heads: ChainHeads): Promise<void> {
  await appendAuditReturning(tx, key, at, records, heads, false);
}

/**
 * `appendAudit`, and with `returning` the seq of each appended entry, in the records' order (what
 * a grant event's link names). The decision path does not ask for them.
 */
export async function appendAuditReturning(
  tx: SqlQueryable,
  key: AuditSigningKey,
  at: Date,
  records: readonly AuditRecord[],
  heads: ChainHeads,
  returning: boolean,
): Promise<bigint[]> {
  if (records.length === 0) return [];
  const batch = chainLinks(heads, records);
  const signature = key.sign(anchorMessage({ entries: batch.entries, headHash: batch.headHash, at, keyId: key.keyId, clients: batch.clients }));

  // INTENTIONAL: the rows as one JSON parameter, not a parameter per value: 9 parameters whatever
  // the batch's size (PostgreSQL binds at most 65,535 in one statement). Each row is its canonical
  // form (already a JSON array of the record's fields, in the columns' order, see canonicalRecord)
  // with its four hashes appended, so no row is serialised twice; not a column array per field
  // either, whose elements the driver escapes one by one in JavaScript. The ordinality fixes the
  // order PostgreSQL numbers them in (seq); the batch's anchors are stored at the last of them.
  let rows = '';
  for (const [i, l] of batch.links.entries()) {
    // The canonical form holds the grant event hash only when there is one (see canonicalRecord).
    const noEventHash = records[i]!.grantEventHash ? '' : ',null';
    rows += `${rows ? ',' : '['}${l.canonical.slice(0, -1)}${noEventHash},${JSON.stringify(l.prevHash)},${JSON.stringify(l.hash)},${JSON.stringify(l.clientPrevHash)},${JSON.stringify(l.clientHash)}]`;
  }
  const inserted = await tx.query<{ seq: string | number | bigint }>(
    `WITH inserted AS (
      INSERT INTO "AuditEntry" ("at", "requestId", "subject", "agency", "role", "purpose", "service", "kimClientId", "category",
        "allowed", "reason", "basis", "grantId", "grantEventHash", "prevHash", "hash", "clientPrevHash", "clientHash")
      SELECT (e.v->>0)::timestamptz, e.v->>1, e.v->>2, e.v->>3, e.v->>4, e.v->>5, e.v->>6, e.v->>7, e.v->>8,
        (e.v->>9)::boolean, e.v->>10, e.v->>11, e.v->>12, e.v->>13, e.v->>14, e.v->>15, e.v->>16, e.v->>17
      FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS e(v, n)
      ORDER BY e.n
      RETURNING "seq"
    ), batch AS (
      SELECT max("seq") AS "seq" FROM inserted
    ), anchor AS (
      INSERT INTO "AuditAnchor" ("seq", "entries", "headHash", "at", "keyId", "signature")
      SELECT "seq", $2::bigint, $3, $4::timestamptz, $5, $6 FROM batch
    )
    ${returning ? ', clientAnchors AS (' : ''}INSERT INTO "AuditClientAnchor" ("seq", "kimClientId", "entries", "headHash")
    SELECT batch."seq", v.id, v.entries, v.hash
    FROM batch, unnest($7::text[], $8::int[], $9::text[]) AS v(id, entries, hash)${returning ? ') SELECT "seq" FROM inserted ORDER BY "seq"' : ''}`,
    [
      `${rows}]`,
      batch.entries.toString(), batch.headHash, at.toISOString(), key.keyId, signature,
      batch.clients.map((c) => c.kimClientId), batch.clients.map((c) => c.entries), batch.clients.map((c) => c.headHash),
    ],
  );
  return inserted.map((r) => BigInt(r.seq));
}
