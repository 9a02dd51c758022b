import { createHash, createPrivateKey, createPublicKey, sign } from 'node:crypto';
import { anchorMessage, chainLinks, GENESIS_HASH, type AuditRecord, type ClientHead } from '@kim/consent';
import type { DataCategory, ServiceName } from '@kim/schema';
import type { Database } from '@kim/service-kit';
import { CLIENTS, DATA_VERSION, HOT_CLIENT } from './dataSet.ts';

/** Batches at the start of every audit table that include HOT_CLIENT (see HOT_CLIENT). */
const HOT_BATCHES = 40;

/** What generateAudit needs of a connection as the consent schema's owner: PostgreSQL's or PGlite's. */
export type AuditSql = Pick<Database['sql'], 'query'>;

export interface SigningKey {
  readonly keyId: string;
  sign(message: string): string;
}

/** The audit key as consent/src/audit/auditKey.ts reads it: key id = SHA-256 of the SPKI DER, 16 hex digits. */
export function signingKey(privateKeyPem: string): SigningKey {
  const privateKey = createPrivateKey(privateKeyPem);
  const der = createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
  return {
    keyId: createHash('sha256').update(der).digest('hex').slice(0, 16),
    sign: (message) => sign(null, Buffer.from(message, 'utf8'), privateKey).toString('base64'),
  };
}

/** A small deterministic generator (mulberry32), so every run writes the same rows. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CALLERS = [
  { subject: 'cm-neuss-1', agency: 'KIM_NEUSS', role: 'CASE_MANAGER', purpose: 'CASE_MANAGEMENT' },
  { subject: 'jc-caseworker-1', agency: 'JOBCENTER', role: 'JOBCENTER_CASEWORKER', purpose: 'LABOUR_MARKET_INTEGRATION' },
  { subject: 'abh-caseworker-1', agency: 'IMMIGRATION_OFFICE', role: 'IMMIGRATION_CASEWORKER', purpose: 'RESIDENCE_PROCEDURE' },
  { subject: 'caritas-counsellor-1', agency: 'CARITAS', role: 'COUNSELLOR', purpose: 'MIGRATION_COUNSELLING' },
] as const;
const FIELDS = [
  ['case-registry', 'IDENTITY'],
  ['case-registry', 'CONTACT'],
  ['immigration-office', 'RESIDENCE'],
  ['jobcenter', 'BENEFITS'],
  ['welfare', 'COUNSELLING'],
  ['welfare', 'EDUCATION_LANGUAGE'],
] as const satisfies readonly (readonly [ServiceName, DataCategory])[];

/** Rows per simulated request (one anchor each) and clients per request. */
const ROWS_PER_BATCH = 50;
const CLIENTS_PER_BATCH = 5;
/** Rows per INSERT: arrays through unnest keep it at 17 parameters whatever the size. */
const ROWS_PER_INSERT = 20_000;

/**
 * Writes `count` audit rows after the chain's current head (the seed writes none, so from
 * genesis), linked into the global chain and each client's chain by the consent service's own
 * chainLinks, one AuditAnchor (signed over anchorMessage) and one AuditClientAnchor per client for every batch of
 * ROWS_PER_BATCH rows — what appendAudit would have written for that many requests, so
 * verifyAuditChain, per-client verification and the DPO trail work on it.
 */
export async function generateAudit(sql: AuditSql, schema: string, count: number, key: SigningKey): Promise<void> {
  const q = (text: string, params?: readonly unknown[]) => sql.query(text, params);
  await q(`SET search_path TO "${schema}"`);
  const existing = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "AuditEntry"`);
  if (existing[0]!.n !== 0) throw new Error(`${schema}."AuditEntry" is not empty`);
  const rand = random(42);
  let head = GENESIS_HASH;
  let entries = 0n;
  const clientHeads = new Map<string, ClientHead>();
  // Seq is a BIGSERIAL starting at 1 in a fresh table: rows are numbered in insertion order.
  let seq = 0n;
  const start = Date.parse('2024-01-01T00:00:00.000Z');
  const cols: unknown[][] = Array.from({ length: 17 }, () => []);
  const anchors: unknown[][] = Array.from({ length: 6 }, () => []);
  const clientAnchors: unknown[][] = Array.from({ length: 4 }, () => []);
  const flush = async () => {
    if (cols[0]!.length === 0) return;
    await q('BEGIN');
    await q(
      `INSERT INTO "AuditEntry" ("at", "requestId", "subject", "agency", "role", "purpose", "service", "kimClientId", "category",
        "allowed", "reason", "basis", "grantId", "prevHash", "hash", "clientPrevHash", "clientHash")
       SELECT * FROM unnest($1::timestamptz[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
        $10::boolean[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[], $17::text[])`,
      cols,
    );
    await q(`INSERT INTO "AuditAnchor" ("seq", "entries", "headHash", "at", "keyId", "signature")
       SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::timestamptz[], $5::text[], $6::text[])`, anchors);
    await q(`INSERT INTO "AuditClientAnchor" ("seq", "kimClientId", "entries", "headHash")
       SELECT * FROM unnest($1::bigint[], $2::text[], $3::int[], $4::text[])`, clientAnchors);
    await q('COMMIT');
    for (const c of [...cols, ...anchors, ...clientAnchors]) c.length = 0;
  };
  for (let batch = 0; seq < BigInt(count); batch++) {
    const at = new Date(start + batch * 60_000);
    const caller = CALLERS[batch % CALLERS.length]!;
    const batchClients = Array.from({ length: CLIENTS_PER_BATCH }, (_, i) => (i === 0 && batch < HOT_BATCHES ? HOT_CLIENT : `K-${String(1 + Math.floor(rand() * CLIENTS)).padStart(6, '0')}`));
    const n = Math.min(ROWS_PER_BATCH, count - Number(seq));
    const records = Array.from({ length: n }, (_, i): AuditRecord => {
      const [service, category] = FIELDS[Math.floor(i / CLIENTS_PER_BATCH) % FIELDS.length]!;
      const allowed = rand() < 0.7;
      return {
        at, requestId: `bench-${DATA_VERSION}-${batch}`, subject: caller.subject, agency: caller.agency, role: caller.role, purpose: caller.purpose,
        service, kimClientId: batchClients[i % CLIENTS_PER_BATCH]!, category, allowed, reason: allowed ? 'GRANT' : 'NO_BASIS', basis: allowed ? 'CONSENT' : null, grantId: null,
      };
    });
    // Linked and anchored exactly as the consent service's appendAudit links and anchors a batch.
    const linked = chainLinks({ headHash: head, entries, clients: clientHeads }, records);
    records.forEach((r, i) => {
      const l = linked.links[i]!;
      [r.at, r.requestId, r.subject, r.agency, r.role, r.purpose, r.service, r.kimClientId, r.category, r.allowed, r.reason, r.basis, r.grantId,
        l.prevHash, l.hash, l.clientPrevHash, l.clientHash].forEach((v, j) => cols[j]!.push(v));
    });
    head = linked.headHash;
    entries = linked.entries;
    seq += BigInt(n);
    const message = anchorMessage({ entries, headHash: head, at, keyId: key.keyId, clients: linked.clients });
    [seq.toString(), entries.toString(), head, at, key.keyId, key.sign(message)].forEach((v, j) => anchors[j]!.push(v));
    for (const h of linked.clients) {
      [seq.toString(), h.kimClientId, h.entries, h.headHash].forEach((v, j) => clientAnchors[j]!.push(v));
      clientHeads.set(h.kimClientId, h);
    }
    if (cols[0]!.length >= ROWS_PER_INSERT) await flush();
  }
  await flush();
  // The rows name clients by their id, as rows from before pseudonyms did: map each id to itself,
  // as the audit_pseudonyms migration does, so that the hub finds and continues their chains.
  await q(`INSERT INTO "AuditPseudonym" ("kimClientId", "pseudonym") SELECT DISTINCT "kimClientId", "kimClientId" FROM "AuditClientAnchor" ON CONFLICT DO NOTHING`);
  await q(`ANALYZE "AuditEntry"`);
  await q(`ANALYZE "AuditClientAnchor"`);
  await q(`ANALYZE "AuditAnchor"`);
  await q('RESET search_path');
}
