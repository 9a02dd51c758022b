import { randomUUID } from 'node:crypto';
import type { SqlQueryable } from '@kim/service-kit';
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
  /** As the driver gives a bigint: text, number or BigInt; null for a client without entries yet. */
  readonly entries: string | number | bigint | null;
  readonly headHash: string | null;
  /** A client's audit pseudonym, null before their first entry (`AuditPseudonym`). */
  readonly pseudonym: string | null;
};

/**
 * Where the chain stands before a batch, with the clients' pseudonyms: the rows name a client by
 * pseudonym only (`AuditPseudonym`), so `clients` is keyed by pseudonym, and `pseudonyms` maps each
 * client of the batch to theirs — a new random one for a client without entries, which the batch
 * stores (`fresh`).
 */
export interface AppendHeads extends ChainHeads {
  readonly pseudonyms: ReadonlyMap<string, string>;
  readonly fresh: ReadonlySet<string>;
}

/**
 * SQL for where the chain and each client's chain stand, for the clients in the `text[]`
 * parameter `clientIds` (e.g. `$1`): rows of `ChainHeadRow`, none for a chain not yet started. It
 * must run in a statement after the one that took the chain lock: a statement's snapshot
 * predates its own wait for the lock, so heads read in that statement could be stale.
 */
export function chainHeadRows(clientIds: string): string {
  // INTENTIONAL: one indexed LIMIT 1 per head; DISTINCT ON would read every anchor of each client.
  return `SELECT NULL::text AS "headOf", g."entries"::bigint AS "entries", g."headHash", NULL::text AS "pseudonym"
    FROM (SELECT "entries", "headHash" FROM "AuditAnchor" ORDER BY "seq" DESC LIMIT 1) g
    UNION ALL
    SELECT c.id, h."entries"::bigint, h."headHash", p."pseudonym"
    FROM unnest(${clientIds}::text[]) AS c(id)
    LEFT JOIN "AuditPseudonym" p ON p."kimClientId" = c.id
    LEFT JOIN LATERAL (
      SELECT a."entries", a."headHash" FROM "AuditClientAnchor" a
      WHERE a."kimClientId" = p."pseudonym" ORDER BY a."seq" DESC LIMIT 1
    ) h ON true`;
}

/**
 * The heads the rows of `chainHeadRows` give; a chain without rows starts at genesis. A client
 * without a pseudonym gets a new random one here (`P-` and a v4 UUID: 122 random bits, nothing
 * derived from the client), which the append stores.
 */
export function chainHeads(rows: readonly ChainHeadRow[]): AppendHeads {
  let global: ChainHeadRow | undefined;
  const clients = new Map<string, ClientHead>();
  const pseudonyms = new Map<string, string>();
  const fresh = new Set<string>();
  for (const row of rows) {
    if (row.headOf === null) {
      global = row;
      continue;
    }
    let pseudonym = row.pseudonym;
    if (pseudonym === null) {
      pseudonym = `P-${randomUUID()}`;
      fresh.add(row.headOf);
    }
    pseudonyms.set(row.headOf, pseudonym);
    if (row.entries !== null && row.headHash !== null) clients.set(pseudonym, { kimClientId: pseudonym, entries: Number(row.entries), headHash: row.headHash });
  }
  return { headHash: global?.headHash ?? GENESIS_HASH, entries: BigInt(global?.entries ?? 0n), clients, pseudonyms, fresh };
}

/** The records as the chain stores them: each client's id replaced by their pseudonym. */
function pseudonymised(records: readonly AuditRecord[], heads: AppendHeads): AuditRecord[] {
  return records.map((r) => {
    const pseudonym = heads.pseudonyms.get(r.kimClientId);
    // A broken assumption, not a user error: every caller reads the heads of its records' clients.
    if (pseudonym === undefined) throw new Error('appendAudit: a record\'s client was not among the heads read');
    return { ...r, kimClientId: pseudonym };
  });
}

/**
 * Appends records to the chain inside the caller's transaction, which holds the chain lock
 * (TAKE_CHAIN_LOCK) and read `heads` (chainHeadRows) after taking it: each entry linked into the
 * global chain and into its client's own chain, then one anchor for the batch (where the chain
 * and each touched client's chain now stand), signed with the audit key — one statement.
 */
export async function appendAudit(tx: SqlQueryable, key: AuditSigningKey, at: Date, records: readonly AuditRecord[], heads: AppendHeads): Promise<void> {
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
  clientRecords: readonly AuditRecord[],
  heads: AppendHeads,
  returning: boolean,
): Promise<bigint[]> {
  if (clientRecords.length === 0) return [];
  const records = pseudonymised(clientRecords, heads);
  const fresh = [...new Set(clientRecords.map((r) => r.kimClientId))].filter((id) => heads.fresh.has(id));
  const batch = chainLinks(heads, records);
  const signature = key.sign(anchorMessage({ entries: batch.entries, headHash: batch.headHash, at, keyId: key.keyId, clients: batch.clients }));

  // INTENTIONAL: the rows as one JSON parameter, not a parameter per value: 11 parameters whatever
  // the batch's size (PostgreSQL binds at most 65,535 in one statement). Each row is its canonical
  // form (already a JSON array of the record's fields, in the columns' order, see canonicalRecord)
  // behind its four hashes (first, because a request's two fields may follow the others), so no
  // row is serialised twice; not a column array per field
  // either, whose elements the driver escapes one by one in JavaScript. The ordinality fixes the
  // order PostgreSQL numbers them in (seq); the batch's anchors are stored at the last of them.
  let rows = '';
  for (const [i, l] of batch.links.entries()) {
    const r = records[i]!;
    // The four hashes first, then the record's fields in the columns' order. A plain row's
    // canonical form is exactly its 13 fields (see canonicalRecord), so it is reused as it is;
    // the few rows with optional fields (a grant event's hash, a request's reason and file
    // reference) are written out with each at its fixed place.
    const hashes = `${JSON.stringify(l.prevHash)},${JSON.stringify(l.hash)},${JSON.stringify(l.clientPrevHash)},${JSON.stringify(l.clientHash)}`;
    const plain = !r.grantEventHash && (r.transferReason ?? null) === null && (r.fileReference ?? null) === null;
    const fields = plain
      ? `${l.canonical.slice(1, -1)},null,null,null`
      : JSON.stringify([...(JSON.parse(l.canonical) as unknown[]).slice(0, 13), r.grantEventHash ?? null, r.transferReason ?? null, r.fileReference ?? null]).slice(1, -1);
    rows += `${rows ? ',' : '['}[${hashes},${fields}]`;
  }
  const inserted = await tx.query<{ seq: string | number | bigint }>(
    `WITH inserted AS (
      INSERT INTO "AuditEntry" ("at", "requestId", "subject", "agency", "role", "purpose", "service", "kimClientId", "category",
        "allowed", "reason", "basis", "grantId", "prevHash", "hash", "clientPrevHash", "clientHash", "grantEventHash", "transferReason", "fileReference")
      SELECT (e.v->>4)::timestamptz, e.v->>5, e.v->>6, e.v->>7, e.v->>8, e.v->>9, e.v->>10, e.v->>11, e.v->>12,
        (e.v->>13)::boolean, e.v->>14, e.v->>15, e.v->>16, e.v->>0, e.v->>1, e.v->>2, e.v->>3, e.v->>17, e.v->>18, e.v->>19
      FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS e(v, n)
      ORDER BY e.n
      RETURNING "seq"
    ), batch AS (
      SELECT max("seq") AS "seq" FROM inserted
    ), pseudonyms AS (
      INSERT INTO "AuditPseudonym" ("kimClientId", "pseudonym") SELECT * FROM unnest($10::text[], $11::text[])
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
      fresh, fresh.map((id) => heads.pseudonyms.get(id)!),
    ],
  );
  return inserted.map((r) => BigInt(r.seq));
}
