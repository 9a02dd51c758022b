import { createHash, createPrivateKey, createPublicKey, sign } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { caseRegistry, seedCaseRegistry } from '@kim/case-registry';
import { chainHash, consent, GENESIS_HASH, seedConsent } from '@kim/consent';
import { immigrationOffice, seedImmigrationOffice } from '@kim/immigration-office';
import { jobcenter, seedJobcenter } from '@kim/jobcenter';
import { CASE_MANAGERS, generatePopulation } from '@kim/schema/population';
import { seedWelfare, welfare } from '@kim/welfare';
import { ensureDemoKeys, readPem, startHub } from '@kim/demo';
import { SERVICES, type DataCategory, type ServiceName } from '@kim/schema';
import pg from 'pg';

/** Bump when the generated data changes: a new version gets new schemas, an old one is reused. */
export const DATA_VERSION = 'd2';
export const CLIENTS = 10_000;
export const AUDIT_ROWS = 1_000_000;
/** The audit table workload 4 is compared against. */
export const SMALL_AUDIT_ROWS = 10_000;
/**
 * The client whose trail workload 4 reads: a Dormagen client (never in cm-neuss's scope), given
 * the same 400 rows at the start of both audit tables, so that the trail and its verification do
 * the same work on 10,000 and on 1,000,000 rows (plus ~100 random rows in the large one).
 */
export const HOT_CLIENT = 'K-000003';
const HOT_BATCHES = 40;

export interface BenchData {
  readonly urls: Record<ServiceName, string>;
  /** A consent schema with the same grants but only SMALL_AUDIT_ROWS audit rows. */
  readonly smallConsentUrl: string;
  readonly keysDir: string;
  drop(): Promise<void>;
}

const GENESIS = GENESIS_HASH;

interface SigningKey {
  readonly keyId: string;
  sign(message: string): string;
}

/** The audit key as consent/src/audit/auditKey.ts reads it: key id = SHA-256 of the SPKI DER, 16 hex digits. */
function signingKey(privateKeyPem: string): SigningKey {
  const privateKey = createPrivateKey(privateKeyPem);
  const der = createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
  return {
    keyId: createHash('sha256').update(der).digest('hex').slice(0, 16),
    sign: (message) => sign(null, Buffer.from(message, 'utf8'), privateKey).toString('base64'),
  };
}

function schemaUrl(base: string, schema: string): string {
  const url = new URL(base);
  url.searchParams.set('schema', schema);
  return url.toString();
}

/**
 * The benchmark's data set on PostgreSQL: one schema per service (as tests/support/testHub.ts
 * does), seeded through the services' own seed functions with CLIENTS clients, plus AUDIT_ROWS
 * audit rows chained exactly as appendAudit chains them. Schemas are named after DATA_VERSION and
 * reused when a marker says a previous run finished seeding them (seeding takes minutes, runs
 * should not); `fresh` drops and rebuilds.
 */
export async function prepareData(base: string, benchDir: string, fresh: boolean, say: (m: string) => void): Promise<BenchData> {
  const keysDir = join(benchDir, '.data', DATA_VERSION, 'keys');
  mkdirSync(keysDir, { recursive: true });
  const schemas = Object.fromEntries(SERVICES.map((s) => [s, `bench_${DATA_VERSION}_${s.replace(/-/g, '_')}`])) as Record<ServiceName, string>;
  const small = `bench_${DATA_VERSION}_consent_small`;
  // Two markers: services seeded (minutes), audit rows written; a run stopped in between resumes.
  const seeded = `bench_${DATA_VERSION}_seeded`;
  const marker = `bench_${DATA_VERSION}_ready`;
  const all = [...Object.values(schemas), small, seeded, marker];
  const client = new pg.Client({ connectionString: base });
  await client.connect();
  const drop = async () => {
    const c = new pg.Client({ connectionString: base });
    await c.connect();
    for (const s of all) await c.query(`DROP SCHEMA IF EXISTS "${s}" CASCADE`);
    await c.end();
  };
  try {
    const ready = await client.query(`SELECT 1 FROM information_schema.schemata WHERE schema_name = $1`, [marker]);
    const keys = await ensureDemoKeys(keysDir);
    const urls = Object.fromEntries(SERVICES.map((s) => [s, schemaUrl(base, schemas[s])])) as Record<ServiceName, string>;
    const smallConsentUrl = schemaUrl(base, small);
    if (ready.rowCount === 1 && !fresh) {
      say(`reusing data set ${DATA_VERSION} (schemas bench_${DATA_VERSION}_*)`);
      return { urls, smallConsentUrl, keysDir, drop };
    }
    const hasSeeded = (await client.query(`SELECT 1 FROM information_schema.schemata WHERE schema_name = $1`, [seeded])).rowCount === 1;
    if (fresh || !hasSeeded) {
      await drop();
      const started = Date.now();
      say(`seeding ${CLIENTS} clients through the services' seed functions …`);
      // The hub migrates; the seeds run one after another, because run side by side (as startHub
      // does) the generation of 10,000 clients starves the event loop past Prisma's 2 s wait for a
      // transaction. consent_small gets the same grants, and fewer audit rows below.
      const population = generatePopulation({ count: CLIENTS });
      for (const consentUrl of [urls.consent, smallConsentUrl]) {
        const hub = await startHub({ dataDir: 'memory://', keysDir, port: 0, databaseUrls: { ...urls, consent: consentUrl }, seed: false, env: { LOG_LEVEL: 'silent' } });
        // As each schema's owner: the services themselves run as roles that may not write.
        const s = hub.services;
        const owners = [
          caseRegistry.createPrisma(s['case-registry'].owner.adapter),
          immigrationOffice.createPrisma(s['immigration-office'].owner.adapter),
          jobcenter.createPrisma(s.jobcenter.owner.adapter),
          welfare.createPrisma(s.welfare.owner.adapter),
          consent.createPrisma(s.consent.owner.adapter),
        ] as const;
        try {
          await seedCaseRegistry(patient(owners[0]), population, CASE_MANAGERS);
          await seedImmigrationOffice(patient(owners[1]), population);
          await seedJobcenter(patient(owners[2]), population);
          await seedWelfare(patient(owners[3]), population);
          await seedConsent(patient(owners[4]), population);
        } finally {
          for (const owner of owners) await owner.$disconnect();
          await hub.stop();
        }
      }
      await client.query(`CREATE SCHEMA "${seeded}"`);
      say(`  seeded in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    }
    const key = signingKey(readPem(keys.audit.privateKeyFile));
    for (const [schema, rows] of [
      [schemas.consent, AUDIT_ROWS],
      [small, SMALL_AUDIT_ROWS],
    ] as const) {
      const t = Date.now();
      await generateAudit(client, schema, rows, key);
      say(`  ${rows} audit rows in ${schema} in ${((Date.now() - t) / 1000).toFixed(0)} s`);
    }
    await client.query(`CREATE SCHEMA "${marker}"`);
    return { urls, smallConsentUrl, keysDir, drop };
  } finally {
    await client.end();
  }
}

/**
 * The same Prisma client with more patience for transactions: the seed functions write the whole
 * population in one $transaction, sized for the demo's 240 clients; 10,000 take longer than
 * Prisma's default 5 s.
 */
function patient<T extends object>(prisma: T): T {
  return new Proxy(prisma, {
    get(obj, prop, receiver) {
      const value = Reflect.get(obj, prop, receiver) as unknown;
      if (prop === '$transaction') {
        const tx = value as (arg: unknown, options?: object) => unknown;
        return (arg: unknown, options?: object) => tx.call(obj, arg, { maxWait: 60_000, timeout: 30 * 60_000, ...options });
      }
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(obj) : value;
    },
  });
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
 * genesis), linked into the global chain and each client's chain with chainHash's exact
 * canonical form, one signed AuditAnchor and one AuditClientAnchor per client for every batch of
 * ROWS_PER_BATCH rows — what appendAudit would have written for that many requests, so
 * verifyAuditChain, per-client verification and the DPO trail work on it.
 */
async function generateAudit(client: pg.Client, schema: string, count: number, key: SigningKey): Promise<void> {
  const q = (sql: string, params?: unknown[]) => client.query(sql, params);
  await q(`SET search_path TO "${schema}"`);
  const existing = await q(`SELECT count(*)::int AS n FROM "AuditEntry"`);
  if (existing.rows[0].n !== 0) throw new Error(`${schema}."AuditEntry" is not empty`);
  const rand = random(42);
  let head = GENESIS;
  let entries = 0n;
  const clientHeads = new Map<string, { entries: number; headHash: string }>();
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
    const touched = new Map<string, { entries: number; headHash: string }>();
    const n = Math.min(ROWS_PER_BATCH, count - Number(seq));
    for (let i = 0; i < n; i++) {
      const kimClientId = batchClients[i % CLIENTS_PER_BATCH]!;
      const [service, category] = FIELDS[Math.floor(i / CLIENTS_PER_BATCH) % FIELDS.length]!;
      const allowed = rand() < 0.7;
      const record = {
        at, requestId: `bench-${DATA_VERSION}-${batch}`, subject: caller.subject, agency: caller.agency, role: caller.role, purpose: caller.purpose,
        service, kimClientId, category, allowed, reason: allowed ? 'GRANT' : 'NO_BASIS', basis: allowed ? 'CONSENT' : null, grantId: null,
      };
      const clientHead = touched.get(kimClientId) ?? clientHeads.get(kimClientId) ?? { entries: 0, headHash: GENESIS };
      const hash = chainHash(head, record);
      const clientHash = chainHash(clientHead.headHash, record);
      const values = [at, record.requestId, record.subject, record.agency, record.role, record.purpose, service, kimClientId, category,
        allowed, record.reason, record.basis, null, head, hash, clientHead.headHash, clientHash];
      values.forEach((v, j) => cols[j]!.push(v));
      head = hash;
      entries += 1n;
      seq += 1n;
      touched.set(kimClientId, { entries: clientHead.entries + 1, headHash: clientHash });
    }
    const heads = [...touched].map(([kimClientId, h]) => ({ kimClientId, entries: h.entries, headHash: h.headHash }));
    // anchorMessage's exact form (consent/src/audit/anchor.ts).
    const message = `kim-audit-anchor/1\n${JSON.stringify([entries.toString(), head, at.toISOString(), key.keyId,
      [...heads].sort((a, b) => (a.kimClientId < b.kimClientId ? -1 : a.kimClientId > b.kimClientId ? 1 : 0)).map((c) => [c.kimClientId, c.entries, c.headHash])])}`;
    [seq.toString(), entries.toString(), head, at, key.keyId, key.sign(message)].forEach((v, j) => anchors[j]!.push(v));
    for (const h of heads) {
      [seq.toString(), h.kimClientId, h.entries, h.headHash].forEach((v, j) => clientAnchors[j]!.push(v));
      clientHeads.set(h.kimClientId, { entries: h.entries, headHash: h.headHash });
    }
    if (cols[0]!.length >= ROWS_PER_INSERT) await flush();
  }
  await flush();
  await q(`ANALYZE "AuditEntry"`);
  await q(`ANALYZE "AuditClientAnchor"`);
  await q(`ANALYZE "AuditAnchor"`);
  await q('RESET search_path');
}
