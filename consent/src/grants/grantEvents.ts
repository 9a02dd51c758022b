import type { SqlExecutor, SqlQueryable } from '@kim/service-kit';
import { TAKE_CHAIN_LOCK, appendAuditReturning, chainHeadRows, chainHeads, type ChainHeadRow } from '../audit/appendAudit.ts';
import type { AuditSigningKey } from '../audit/auditKey.ts';
import type { AuditRecord } from '../audit/chainHash.ts';
import { grantEventHash, grantEventReason, type GrantContent, type GrantEventContent, type GrantEventType } from '../audit/grantEventHash.ts';

/** Who records an event, and for which request: what its audit entry names. */
export interface EventAuthor {
  readonly subject: string;
  readonly agency: string;
  readonly role: string;
  readonly purpose: string;
  readonly requestId: string;
}

/** An event to append: of an existing grant, or the first of a new one (`newGrant`). */
export interface PlannedEvent {
  readonly grant: GrantContent;
  readonly newGrant: boolean;
  readonly type: GrantEventType;
  readonly reason?: string | null;
  readonly validUntil?: Date | null;
  readonly evidenceRef?: string | null;
}

/** A stored event with its seq, its hash and its entry in the audit chain. */
export interface ChainedGrantEvent extends GrantEventContent {
  readonly seq: bigint;
  readonly hash: string;
  readonly auditSeq: bigint;
}

const WRITE_TIMEOUT_MS = 10_000;

/** A Grant row's columns, in the order grantRowParams gives them. */
const GRANT_COLUMNS = [
  'id', 'kimClientId', 'grantee', 'categories', 'purposes', 'legalBasis', 'evidenceRef', 'form', 'informedOfPurpose',
  'informedOfRefusalConsequences', 'informedOfWithdrawalRight', 'informationSheetVersion', 'informationSheetLanguage',
  'interpreterLanguage', 'releasingOrganisation', 'legalRepresentativeName', 'legalRepresentativeCapacity', 'validFrom',
  'validUntil', 'recordedBy', 'recordedAt',
] as const satisfies readonly (keyof GrantContent)[];

async function insertGrant(tx: SqlQueryable, g: GrantContent): Promise<void> {
  const columns = GRANT_COLUMNS.map((c) => `"${c}"`).join(', ');
  const values = GRANT_COLUMNS.map((c, i) => (c === 'categories' || c === 'purposes' ? `$${i + 1}::text[]` : `$${i + 1}`)).join(', ');
  await tx.query(`INSERT INTO "Grant" (${columns}) VALUES (${values})`, GRANT_COLUMNS.map((c) => g[c]));
}

/**
 * Links stored events into the audit chain, in the caller's transaction (which holds the chain
 * lock): one entry per event carrying its hash, one signed anchor, one GrantEventLink per event.
 */
async function chainEvents(
  tx: SqlQueryable,
  key: AuditSigningKey,
  at: Date,
  events: readonly { readonly seq: bigint; readonly event: GrantEventContent; readonly grant: GrantContent; readonly author: Omit<EventAuthor, 'subject' | 'agency' | 'role'> }[],
): Promise<ChainedGrantEvent[]> {
  if (events.length === 0) return [];
  const clientIds = [...new Set(events.map((e) => e.event.kimClientId))];
  const heads = await tx.query<ChainHeadRow>(chainHeadRows('$1'), [clientIds]);
  const hashes = events.map((e) => grantEventHash(e.event, e.grant));
  const records: AuditRecord[] = events.map(({ event, grant, author }, i) => ({
    at,
    requestId: author.requestId,
    subject: event.subject,
    agency: event.agency,
    role: event.role,
    purpose: author.purpose,
    service: 'consent',
    kimClientId: event.kimClientId,
    // Not a decision about a data category: the grant's own categories are in the event's hash.
    category: '',
    allowed: true,
    reason: grantEventReason(event.type),
    basis: grant.legalBasis,
    grantId: grant.id,
    grantEventHash: hashes[i]!,
  }));
  const auditSeqs = await appendAuditReturning(tx, key, at, records, chainHeads(heads), true);
  await tx.query(
    `INSERT INTO "GrantEventLink" ("eventSeq", "auditSeq", "hash") SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::text[])`,
    [events.map((e) => e.seq.toString()), auditSeqs.map((s) => s.toString()), hashes],
  );
  return events.map((e, i) => ({ ...e.event, seq: e.seq, hash: hashes[i]!, auditSeq: auditSeqs[i]! }));
}

/**
 * Appends grant events — and the grant records of new ones — together with their audit entries,
 * in one transaction under the chain lock: an event is stored only with its entry, so a grant
 * never takes effect with an event missing from the chain. `plan` runs inside, after the lock,
 * with the database's clock: it reads the grant's current state there, so that two writers
 * racing (two withdrawals) see each other's events. It may plan nothing.
 */
export async function appendGrantEvents(
  sql: SqlExecutor,
  key: AuditSigningKey,
  author: EventAuthor,
  plan: (tx: SqlQueryable, now: Date) => Promise<readonly PlannedEvent[]>,
): Promise<ChainedGrantEvent[]> {
  return sql.transaction(
    async (tx) => {
      const [clock] = await tx.query<{ now: Date }>('SELECT now() AS "now"');
      // Milliseconds, as the columns keep them: the hash is computed over what is stored.
      const now = new Date(clock!.now.getTime());
      const planned = await plan(tx, now);
      if (planned.length === 0) return [];
      for (const p of planned) if (p.newGrant) await insertGrant(tx, p.grant);
      const events: GrantEventContent[] = planned.map((p) => ({
        grantId: p.grant.id,
        kimClientId: p.grant.kimClientId,
        type: p.type,
        at: now,
        subject: author.subject,
        agency: author.agency,
        role: author.role,
        reason: p.reason ?? null,
        validUntil: p.validUntil ?? null,
        evidenceRef: p.evidenceRef ?? null,
      }));
      const inserted = await tx.query<{ seq: string | number | bigint }>(
        `INSERT INTO "GrantEvent" ("grantId", "kimClientId", "type", "at", "subject", "agency", "role", "reason", "validUntil", "evidenceRef")
        SELECT a, b, c, d, e, f, g, h, i, j FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::text[], $6::text[], $7::text[], $8::text[], $9::timestamptz[], $10::text[])
          WITH ORDINALITY AS u(a, b, c, d, e, f, g, h, i, j, n)
        ORDER BY n
        RETURNING "seq"`,
        [
          events.map((e) => e.grantId), events.map((e) => e.kimClientId), events.map((e) => e.type), events.map((e) => e.at.toISOString()),
          events.map((e) => e.subject), events.map((e) => e.agency), events.map((e) => e.role), events.map((e) => e.reason),
          events.map((e) => e.validUntil?.toISOString() ?? null), events.map((e) => e.evidenceRef),
        ],
      );
      const seqs = inserted.map((r) => BigInt(r.seq)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      return chainEvents(tx, key, now, events.map((event, i) => ({ seq: seqs[i]!, event, grant: planned[i]!.grant, author })));
    },
    { timeoutMs: WRITE_TIMEOUT_MS, opening: TAKE_CHAIN_LOCK },
  );
}

type StoredEventRow = GrantEventContent & { readonly seq: string | number | bigint } & Record<string, unknown>;

/** Every grant of `ids` as stored, by id. */
export async function grantsById(tx: SqlQueryable, ids: readonly string[]): Promise<Map<string, GrantContent>> {
  const rows = await tx.query<GrantContent & Record<string, unknown>>(`SELECT * FROM "Grant" WHERE "id" = ANY($1::text[])`, [ids]);
  return new Map(rows.map((g) => [g.id, g]));
}

/**
 * Chains every stored grant event that has no entry in the audit chain yet: those a migration made
 * from grants of before the event log, and the demo's seeded ones (neither holds the signing key).
 * Run by the service at start, as its role; until then those grants decide nothing. Their
 * entries name the events' own authors, under the request id `chain-pending-events`.
 */
export async function chainPendingGrantEvents(sql: SqlExecutor, key: AuditSigningKey): Promise<number> {
  return sql.transaction(
    async (tx) => {
      const pending = await tx.query<StoredEventRow>(
        `SELECT e.* FROM "GrantEvent" e LEFT JOIN "GrantEventLink" l ON l."eventSeq" = e."seq" WHERE l."eventSeq" IS NULL ORDER BY e."seq"`,
      );
      if (pending.length === 0) return 0;
      const grants = await grantsById(tx, [...new Set(pending.map((e) => e.grantId))]);
      const [clock] = await tx.query<{ now: Date }>('SELECT now() AS "now"');
      const chainable = pending.filter((e) => grants.has(e.grantId));
      const chained = await chainEvents(
        tx,
        key,
        new Date(clock!.now.getTime()),
        chainable.map((e) => ({ seq: BigInt(e.seq), event: e, grant: grants.get(e.grantId)!, author: { requestId: 'chain-pending-events', purpose: '' } })),
      );
      return chained.length;
    },
    { timeoutMs: 300_000, opening: TAKE_CHAIN_LOCK },
  );
}
