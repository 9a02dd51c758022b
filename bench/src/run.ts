import { cpus, totalmem } from 'node:os';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { sharedClientIds } from '@kim/consent';
import { issueToken, readPem, ensureDemoKeys, type PersonaName } from '@kim/demo';
import type { ChildConfig, ChildStats } from './child.ts';
import { postgresProbe, sideProbe, type ConsentProbe } from './consentProbe.ts';
import { prepareData } from './data.ts';
import { AUDIT_ROWS, BENCH_DATABASE_URL, BENCH_DIR, CLIENTS, HOT_CLIENT, SMALL_AUDIT_ROWS, type SideDatabases } from './dataSet.ts';
import { preparePgliteData } from './pgliteData.ts';
import { loadRequest, post, startSide, type Side } from './sides.ts';
import { CLIENT_VIEW, PARTNER, READ_WORKLOADS, TRAIL, type Workload } from './workloads.ts';

/**
 * `npm run bench`: the hub as shipped against a bare @apollo/gateway over the same resolvers and
 * PostgreSQL data, and against Hive Gateway over the same bare subgraphs, each in its own process,
 * in alternating rounds (hub, bare, hive, hub, bare, hive …).
 * KIM_BENCH_DATABASE_URL (else KIM_TEST_DATABASE_URL, else the CI's server) names the database;
 * KIM_BENCH_DURATION (s per round, default 5), KIM_BENCH_ROUNDS (default 3) and
 * KIM_BENCH_CONNECTIONS (default 8) size the run; KIM_BENCH_ONLY (e.g. `w2,w5`, or `requires`)
 * picks workloads, KIM_BENCH_CPU_PROF=1 writes V8 profiles of each side to bench/.data/profiles,
 * KIM_BENCH_SQL_LOG=1 prints every counted statement; `--fresh` rebuilds the data set, `--drop`
 * removes it afterwards. `--pglite` runs the same on PGlite (pgliteData.ts), a copy of the data
 * set per side, and writes results.pglite.json and its own block of RESULTS.md.
 */

const DURATION = Number(process.env.KIM_BENCH_DURATION ?? 5);
const ROUNDS = Number(process.env.KIM_BENCH_ROUNDS ?? 3);
const CONNECTIONS = Number(process.env.KIM_BENCH_CONNECTIONS ?? 8);
/** Requests of the counting pass, sent one at a time so that every counter belongs to them. */
const COUNTED = 20;
/** Concurrent workers of workload 5, each on a client of its own. */
const WRITE_WORKERS = 4;
/** KIM_BENCH_ONLY=w2,w5 runs only those workloads (e.g. for a profile). */
const ONLY = process.env.KIM_BENCH_ONLY?.split(',');
const runs = (id: string) => !ONLY || ONLY.includes(id);
const say = (m: string) => process.stdout.write(`${m}\n`);
const PGLITE = process.argv.includes('--pglite');
/** Where each mode writes: the PGlite figures never replace the PostgreSQL ones. */
const OUTPUT = PGLITE
  ? { json: 'results.pglite.json', markers: ['<!-- latest-pglite-run:start -->', '<!-- latest-pglite-run:end -->'] as const }
  : { json: 'results.json', markers: ['<!-- latest-run:start -->', '<!-- latest-run:end -->'] as const };

interface Round {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  /** CPU time (user + system) of the side's process per request of the round, in ms; PostgreSQL's own CPU not included (PGlite's is: it runs in the process). */
  cpuMs: number;
}

async function load(side: Side, token: string | undefined, w: Workload, seconds: number): Promise<Round> {
  const cpu = async () => (await side.ask<{ cpuUs: number }>('cpu')).cpuUs;
  const cpuBefore = await cpu();
  const r = await autocannon({ ...loadRequest(side, token, w), connections: CONNECTIONS, duration: seconds });
  const cpuMs = (await cpu()) - cpuBefore;
  return { rps: r.requests.total / r.duration, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.non2xx + r.timeouts, cpuMs: +(cpuMs / 1000 / Math.max(1, r.requests.total)).toFixed(2) };
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const sum = (m: Record<string, number>) => Object.values(m).reduce((a, b) => a + b, 0);
const per = (m: Record<string, number>, n: number) => Object.fromEntries(Object.entries(m).map(([k, v]) => [k, +(v / n).toFixed(2)]));

async function auditRows(db: ConsentProbe): Promise<number> {
  const rows = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "AuditEntry"`);
  return rows[0]!.n;
}

/** The side's consent database, as the parent may read it (see ConsentProbe). */
const probeOf = (side: Side, databases: SideDatabases) => ('urls' in databases ? postgresProbe(databases.urls.consent) : Promise.resolve(sideProbe(side.ask)));

/** Sends COUNTED requests one by one and reads what they cost: SQL, consent calls, fetches, audit rows. */
async function countPass(side: Side, token: string | undefined, w: Workload, audit: ConsentProbe | undefined, variables = w.variables) {
  await side.ask('reset');
  const before = audit ? await auditRows(audit) : 0;
  const codes = new Map<string, number>();
  for (let i = 0; i < COUNTED; i++) {
    const body = await post(side, token, w, w.query, variables ?? {});
    for (const e of body.errors ?? []) codes.set(e.extensions?.code ?? '?', (codes.get(e.extensions?.code ?? '?') ?? 0) + 1);
  }
  const { stats } = await side.ask<{ stats: ChildStats }>('stats');
  const after = audit ? await auditRows(audit) : 0;
  return {
    sqlPerRequest: +(sum(stats.sql) / COUNTED).toFixed(2),
    sqlPerService: per(stats.sql, COUNTED),
    consentCallsPerRequest: +(sum(stats.consentCalls) / COUNTED).toFixed(2),
    consentCallsPerSubgraph: per(stats.consentCalls, COUNTED),
    consentMsPerRequestBySubgraph: per(stats.consentMs, COUNTED),
    sharedClientsCallsPerRequest: +(sum(stats.sharedClientsCalls) / COUNTED).toFixed(2),
    subgraphFetchesPerRequest: per(stats.subgraphFetches, COUNTED),
    auditRowsPerRequest: +((after - before) / COUNTED).toFixed(1),
    errorCodesPerRequest: Object.fromEntries([...codes].map(([k, v]) => [k, v / COUNTED])),
    maxRssMb: stats.maxRssMb,
  };
}

async function main() {
  const started = new Date();
  say(`KIM Hub benchmark — ${started.toISOString()}, ${cpus().length} cores, node ${process.version}`);
  const fresh = process.argv.includes('--fresh');
  const data = PGLITE ? await preparePgliteData(BENCH_DIR, fresh, say) : await prepareData(BENCH_DATABASE_URL, BENCH_DIR, fresh, say);
  const keys = await ensureDemoKeys(data.keysDir);
  const idpKey = readPem(keys.idp.privateKeyFile);
  const tokens = new Map<PersonaName, string>();
  for (const p of ['cm-neuss', 'jobcenter', 'dpo'] as const) tokens.set(p, await issueToken(idpKey, p));

  const start = async (name: string, mode: ChildConfig['mode'], smallAudit: boolean, sharedClients: ChildConfig['sharedClients']) => {
    const databases = await data.forSide(name, smallAudit);
    const side = await startSide(name, { mode, databases, keysDir: data.keysDir, sharedClients });
    return { side, databases };
  };
  // The hubs first: the bare peers' partner scope is read from the hub's consent database.
  const hubStarted = await start('hub', 'hub', false, {});
  const hub = hubStarted.side;
  const hubSmallStarted = await start('hub-small-audit', 'hub', true, {});
  const hubSmall = hubSmallStarted.side;
  const db = await probeOf(hub, hubStarted.databases);
  const smallDb = await probeOf(hubSmall, hubSmallStarted.databases);
  // The bare peer's fixed partner scope: exactly the clients the consent service would name now.
  const sharedClients = { [PARTNER.agency]: await sharedClientIds(db, PARTNER.agency) };
  say(`data: ${CLIENTS} clients, ${await auditRows(db)} audit rows (${await auditRows(smallDb)} in the small table); ${sharedClients.JOBCENTER!.length} clients shared with ${PARTNER.agency}`);
  await smallDb.close();

  const bare = (await start('bare', 'bare', false, sharedClients)).side;
  const hive = (await start('hive', 'hive', false, sharedClients)).side;
  const results: Record<string, unknown> = {};
  const rows: string[][] = [];
  const fmt = (n: number, d = 0) => n.toFixed(d);
  try {
    const w4: Workload = { id: 'w4', title: 'DPO audit trail of one client + its verification', persona: 'dpo', query: TRAIL, variables: { id: HOT_CLIENT } };
    // c, when given, is a second peer with b's token, timed in the same rounds after b.
    const compare = async (w: Workload, a: Side, b: Side, tokenB: string | undefined, c?: Side) => {
      const token = tokens.get(w.persona);
      const check = await post(a, token, w);
      if (!check.data) throw new Error(`${w.id} on ${a.name}: ${JSON.stringify(check).slice(0, 400)}`);
      // The generated chain must verify, or w4 would time a failure path.
      const verification = (check.data as { verifyAuditChain?: { valid: boolean } }).verifyAuditChain;
      if (verification && !verification.valid) throw new Error(`${w.id} on ${a.name}: the client's chain does not verify: ${JSON.stringify(verification)}`);
      // The peer must answer the same question, not time an empty answer (a root field of null).
      const checkB = await post(b, tokenB, w);
      // w4 compares table sizes for about the same trail (the generator gives HOT_CLIENT 400 rows
      // in both tables and some 100 random ones more in the full table): if anything audited it
      // since seeding, the full table's trail is far longer and the figure means nothing.
      const entries = (r: typeof check) => (r.data as { verifyAuditChain?: { entries?: number } } | undefined)?.verifyAuditChain?.entries ?? 0;
      if (entries(check) > 2 * entries(checkB)) {
        throw new Error(`${w.id}: ${String(w.variables?.id)}'s trail has ${entries(check)} entries on ${a.name} and ${entries(checkB)} on ${b.name}; something audited that client since seeding: rebuild with --fresh`);
      }
      // The hub must disclose what the seeded grants allow, or it would time refusals (as it did
      // when the seed left the grant events unchained: every question NO_BASIS, nothing noticed).
      if (w.id !== 'w4' && disclosedValues(check.data) === 0) throw new Error(`${w.id} on ${a.name}: no value disclosed at all: ${JSON.stringify(check).slice(0, 400)}`);
      const root = (r: typeof check) => Object.values((r.data ?? {}) as Record<string, unknown>)[0];
      if (root(check) == null || root(checkB) == null || checkB.errors?.length) throw new Error(`${w.id}: ${a.name} or ${b.name} answered no data: ${JSON.stringify(checkB).slice(0, 400)}`);
      if (c) {
        // The second peer must give the bare peer's very answer, or it would time another question.
        const checkC = await post(c, tokenB, w);
        if (JSON.stringify(checkC) !== JSON.stringify(checkB)) throw new Error(`${w.id}: ${c.name} answered otherwise than ${b.name}: ${JSON.stringify(checkC).slice(0, 400)}`);
      }
      await load(a, token, w, 2);
      await load(b, tokenB, w, 2);
      if (c) await load(c, tokenB, w, 2);
      const ra: Round[] = [];
      const rb: Round[] = [];
      const rc: Round[] = [];
      for (let i = 0; i < ROUNDS; i++) {
        ra.push(await load(a, token, w, DURATION));
        rb.push(await load(b, tokenB, w, DURATION));
        if (c) rc.push(await load(c, tokenB, w, DURATION));
      }
      return { ra, rb, rc, ratios: ra.map((r, i) => +(r.rps / rb[i]!.rps).toFixed(3)), ratiosC: rc.map((r, i) => +(ra[i]!.rps / r.rps).toFixed(3)) };
    };

    // Workload 4 first: the other workloads append audit rows (not for HOT_CLIENT, a Dormagen
    // client outside their scopes, but the table grows), and this one compares table sizes.
    if (runs('w4')) {
      say(`\n${w4.id}: ${w4.title} (${HOT_CLIENT}) — the full audit table (≥ ${AUDIT_ROWS} rows) vs ${SMALL_AUDIT_ROWS} rows, hub only`);
      const { ra, rb, ratios } = await compare(w4, hub, hubSmall, tokens.get('dpo'));
      const c = await countPass(hub, tokens.get('dpo'), w4, db);
      const plan = await db.query(`EXPLAIN SELECT * FROM "AuditEntry" WHERE "kimClientId" = $1 ORDER BY seq LIMIT 51`, [HOT_CLIENT]);
      results[w4.id] = {
        title: w4.title,
        // hub* are the full table's figures; there is no bare peer of the audit trail.
        hubRps: median(ra.map((r) => r.rps)), hubP99: median(ra.map((r) => r.p99)),
        fullRps: median(ra.map((r) => r.rps)), smallRps: median(rb.map((r) => r.rps)),
        ratioSmallOverFull: +(median(rb.map((r) => r.rps)) / median(ra.map((r) => r.rps))).toFixed(3),
        fullP99: median(ra.map((r) => r.p99)), smallP99: median(rb.map((r) => r.p99)),
        perRoundFullOverSmall: ratios, errors: sum(Object.fromEntries(ra.map((r, i) => [i, r.errors]))),
        plan: plan.map((r) => Object.values(r)[0]), ...c,
      };
      rows.push([w4.id, `full ${fmt(median(ra.map((r) => r.rps)))}`, `10k ${fmt(median(rb.map((r) => r.rps)))}`, fmt(median(rb.map((r) => r.rps)) / median(ra.map((r) => r.rps)), 2) + ' (10k/full)',
        `${fmt(median(ra.map((r) => r.p50)))}/${fmt(median(ra.map((r) => r.p99)))}`, `${fmt(median(rb.map((r) => r.p50)))}/${fmt(median(rb.map((r) => r.p99)))}`,
        String(c.sqlPerRequest), '-', String(c.consentCallsPerRequest), String(c.auditRowsPerRequest), `${median(ra.map((r) => r.cpuMs))}/${median(rb.map((r) => r.cpuMs))} (full/10k)`, '-', '-', '-', '-', '-']);
    }

    for (const w of READ_WORKLOADS.filter((x) => runs(x.id))) {
      say(`\n${w.id}: ${w.title}`);
      const { ra, rb, rc, ratios, ratiosC } = await compare(w, hub, bare, undefined, hive);
      const hc = await countPass(hub, tokens.get(w.persona), w, db);
      const bc = await countPass(bare, undefined, w, undefined);
      const vc = await countPass(hive, undefined, w, undefined);
      const hubRps = median(ra.map((r) => r.rps));
      const bareRps = median(rb.map((r) => r.rps));
      const hiveRps = median(rc.map((r) => r.rps));
      say(`  hub/bare per round ${JSON.stringify(ratios)}, hub/hive per round ${JSON.stringify(ratiosC)}; CPU of the side's process per request: hub ${median(ra.map((r) => r.cpuMs))} ms, bare ${median(rb.map((r) => r.cpuMs))} ms, hive ${median(rc.map((r) => r.cpuMs))} ms`);
      results[w.id] = {
        title: w.title, hubRps, bareRps, ratio: +(hubRps / bareRps).toFixed(3), perRoundRatio: ratios,
        hubP50: median(ra.map((r) => r.p50)), bareP50: median(rb.map((r) => r.p50)),
        hubP99: median(ra.map((r) => r.p99)), bareP99: median(rb.map((r) => r.p99)),
        p99Ratio: +(median(ra.map((r) => r.p99)) / median(rb.map((r) => r.p99))).toFixed(3),
        hubCpuMsPerRequest: median(ra.map((r) => r.cpuMs)), bareCpuMsPerRequest: median(rb.map((r) => r.cpuMs)),
        // The second peer, Hive Gateway over the bare subgraphs: hubOverHive = hubRps / hiveRps.
        hiveRps, hubOverHive: +(hubRps / hiveRps).toFixed(3), perRoundHubOverHive: ratiosC,
        hiveP50: median(rc.map((r) => r.p50)), hiveP99: median(rc.map((r) => r.p99)),
        p99HubOverHive: +(median(ra.map((r) => r.p99)) / median(rc.map((r) => r.p99))).toFixed(3),
        hiveCpuMsPerRequest: median(rc.map((r) => r.cpuMs)),
        loadErrors: { hub: ra.map((r) => r.errors), bare: rb.map((r) => r.errors), hive: rc.map((r) => r.errors) },
        hub: hc, bare: bc, hive: vc,
      };
      rows.push([w.id, fmt(hubRps), fmt(bareRps), fmt(hubRps / bareRps, 2), `${fmt(median(ra.map((r) => r.p50)))}/${fmt(median(ra.map((r) => r.p99)))}`,
        `${fmt(median(rb.map((r) => r.p50)))}/${fmt(median(rb.map((r) => r.p99)))}`, String(hc.sqlPerRequest), String(bc.sqlPerRequest), String(hc.consentCallsPerRequest), String(hc.auditRowsPerRequest),
        `${median(ra.map((r) => r.cpuMs))}/${median(rb.map((r) => r.cpuMs))}`,
        fmt(hiveRps), fmt(hubRps / hiveRps, 2), `${fmt(median(rc.map((r) => r.p50)))}/${fmt(median(rc.map((r) => r.p99)))}`, String(vc.sqlPerRequest), String(median(rc.map((r) => r.cpuMs)))]);
    }

    // Target: SQL statements per request of workload 2 do not grow with the page size.
    if (runs('w2')) say('\nw2 by page size (counting passes only)');
    const pages: Record<string, unknown> = {};
    for (const first of runs('w2') ? [10, 50, 100, 200] : []) {
      const w = READ_WORKLOADS[1]!;
      const hc = await countPass(hub, tokens.get(w.persona), w, db, { first });
      const bc = await countPass(bare, undefined, w, undefined, { first });
      const vc = await countPass(hive, undefined, w, undefined, { first });
      pages[first] = { hubSql: hc.sqlPerRequest, hubSqlPerService: hc.sqlPerService, bareSql: bc.sqlPerRequest, hiveSql: vc.sqlPerRequest, consentCalls: hc.consentCallsPerSubgraph, fetches: hc.subgraphFetchesPerRequest, hubErrors: hc.errorCodesPerRequest, bareErrors: bc.errorCodesPerRequest };
      say(`  first ${first}: hub ${hc.sqlPerRequest} SQL/req ${JSON.stringify(hc.sqlPerService)}, bare ${bc.sqlPerRequest}, hive ${vc.sqlPerRequest}; consent calls ${JSON.stringify(hc.consentCallsPerSubgraph)}; errors ${JSON.stringify(hc.errorCodesPerRequest)}`);
    }
    results.w2PageSizes = pages;

    // A query whose plan fetches one subgraph twice: targetGroup @requires currentResidenceTitleType
    // of the immigration office, so the case registry is asked again after it (counting pass only).
    if (runs('w1') || runs('requires')) {
      const w: Workload = { id: 'w1-requires', title: 'joined view + targetGroup (@requires)', persona: 'cm-neuss', query: CLIENT_VIEW.replace('languageLevel', 'languageLevel targetGroup { eligible }'), variables: { id: 'K-000001' } };
      const hc = await countPass(hub, tokens.get(w.persona), w, db);
      results[w.id] = { title: w.title, hub: hc };
      say(`\n${w.id}: fetches ${JSON.stringify(hc.subgraphFetchesPerRequest)}, consent calls ${JSON.stringify(hc.consentCallsPerSubgraph)}, SQL ${hc.sqlPerRequest}, errors ${JSON.stringify(hc.errorCodesPerRequest)}`);
    }

    if (runs('w5')) {
      results.w5 = await writePath(hub, tokens, db, data.keysDir);
      const w5 = results.w5 as { iterationsPerSecond: number; p50: number; p99: number; sqlPerIteration: number; consentCallsPerIteration: number; auditRowsPerIteration: number; revokedVisibleAfter: number };
      rows.push(['w5', `${fmt(w5.iterationsPerSecond, 1)} it/s`, '-', '-', `${fmt(w5.p50)}/${fmt(w5.p99)}`, '-', String(w5.sqlPerIteration), '-', String(w5.consentCallsPerIteration), String(w5.auditRowsPerIteration), '-', '-', '-', '-', '-', '-']);
    }

    const rss: Record<string, number> = {};
    for (const s of [hub, bare, hive, hubSmall]) rss[s.name] = (await s.ask<{ stats: ChildStats }>('stats')).stats.maxRssMb;
    results.peakRssMb = rss;
  } finally {
    await Promise.all(
      [hub, bare, hive, hubSmall].map(
        (s) =>
          new Promise<void>((resolve) => {
            s.child.once('exit', () => resolve());
            s.child.send({ type: 'exit' });
            setTimeout(resolve, 10_000).unref();
          }),
      ),
    );
    await db.close();
    await data.release();
    if (process.argv.includes('--drop')) await data.drop();
  }

  const header = ['workload', 'hub req/s', 'bare req/s', 'hub/bare', 'hub p50/p99 ms', 'bare p50/p99 ms', 'hub SQL/req', 'bare SQL/req', 'consent calls/req', 'audit rows/req', 'CPU ms/req hub/bare', 'hive req/s', 'hub/hive', 'hive p50/p99 ms', 'hive SQL/req', 'hive CPU ms/req'];
  const table = [header, header.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, node ${process.version}, ${data.where}`;
  const settings = `${ROUNDS} rounds × ${DURATION} s per side, ${CONNECTIONS} connections, loopback`;
  say(`\n${table}\n\npeak RSS (MB): ${JSON.stringify(results.peakRssMb)}\n${machine}; ${settings}`);
  writeFileSync(join(BENCH_DIR, OUTPUT.json), `${JSON.stringify({ date: started.toISOString(), machine, settings, workloads: results }, null, 2)}\n`);
  writeResultsMd(OUTPUT.markers, `Run of ${started.toISOString()} on ${machine}; ${settings}.\n\n${table}\n\nPeak RSS (MB): ${JSON.stringify(results.peakRssMb)}`);
}

/** Replaces the table between the markers of bench/RESULTS.md; the analysis around it is written by hand. */
function writeResultsMd([start, end]: readonly [string, string], latest: string) {
  const file = join(BENCH_DIR, 'RESULTS.md');
  const current = existsSync(file) ? readFileSync(file, 'utf8') : `# Benchmark results\n\n${start}\n${end}\n`;
  const from = current.indexOf(start);
  const to = current.indexOf(end);
  const next = from >= 0 && to > from ? `${current.slice(0, from + start.length)}\n${latest}\n${current.slice(to)}` : `${current}\n${start}\n${latest}\n${end}\n`;
  writeFileSync(file, next);
}

/**
 * Workload 5, the write path (hub only; it has a dependency between requests, so a fixed pool of
 * workers runs it rather than autocannon): cm-neuss records a grant of a Neuss client to Caritas,
 * revokes it, and Caritas then reads the client — which must be null on that very next request.
 */
async function writePath(hub: Side, tokens: Map<PersonaName, string>, db: ConsentProbe, keysDir: string) {
  say('\nw5: record consent, revoke it, read as the grantee (hub only)');
  const caritas = await issueToken(readPem((await ensureDemoKeys(keysDir)).idp.privateKeyFile), 'welfare-caritas');
  const call = async (token: string, query: string, variables: object) => {
    const t = performance.now();
    const r = await fetch(hub.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
    const body = (await r.json()) as { data?: Record<string, { id?: string } | null>; errors?: unknown[] };
    return { ms: performance.now() - t, body };
  };
  // One client per worker, so that no other worker's grant can be active when a worker reads:
  // Neuss clients that Caritas cannot see before the run.
  const page = await call(tokens.get('cm-neuss')!, '{ clients(first: 40) { edges { node { id } } } }', {});
  const candidates = ((page.body.data?.clients as unknown as { edges: { node: { id: string } }[] }).edges ?? []).map((e) => e.node.id);
  const clients: string[] = [];
  for (const id of candidates) {
    // A case manager may revoke only grants of clients who gave its own team one (grantScope.ts),
    // while recordConsent does not ask that: take only clients whose grants cm-neuss may manage.
    const own = await call(tokens.get('cm-neuss')!, 'query($id: ID!) { client(id: $id) { consents { grantee } } }', { id });
    const consents = (own.body.data?.client as unknown as { consents: { grantee: string }[] | null } | null)?.consents ?? [];
    if (!consents.some((c) => c.grantee === 'KIM_NEUSS')) continue;
    const seen = await call(caritas, 'query($id: ID!) { client(id: $id) { id } }', { id });
    if (seen.body.data?.client == null) clients.push(id);
    if (clients.length === WRITE_WORKERS) break;
  }
  const iteration = async (n: number, clientId: string) => {
    const rec = await call(tokens.get('cm-neuss')!, 'mutation($input: RecordConsentInput!) { recordConsent(input: $input) { id } }', {
      input: {
        clientId, grantee: 'CARITAS', categories: ['IDENTITY'], purposes: ['MIGRATION_COUNSELLING'], evidenceRef: `EV-2026-${n}`, form: 'ELECTRONIC',
        informedOfPurpose: true, informedOfRefusalConsequences: true, informedOfWithdrawalRight: true, informationSheetVersion: 'BENCH-1', informationSheetLanguage: 'de',
      },
    });
    const id = rec.body.data?.recordConsent?.id;
    if (!id) throw new Error(`recordConsent failed: ${JSON.stringify(rec.body).slice(0, 300)}`);
    const rev = await call(tokens.get('cm-neuss')!, 'mutation($id: ID!) { revokeConsent(id: $id, reason: "bench") { id } }', { id });
    const read = await call(caritas, 'query($id: ID!) { client(id: $id) { givenName } }', { id: clientId });
    const errors = [rev, read].flatMap((r) => (r.body.errors ?? []) as { message?: string; extensions?: { code?: string } }[]);
    return { ms: [rec.ms, rev.ms, read.ms], visible: read.body.data?.client != null, errors: errors.map((e) => `${clientId} ${e.extensions?.code} ${e.message}`) };
  };
  await iteration(0, clients[0]!);
  await hub.ask('reset');
  const before = await auditRows(db);
  const latencies: number[] = [];
  let iterations = 0;
  let visible = 0;
  const errorCounts = new Map<string, number>();
  const end = Date.now() + DURATION * 1000 * ROUNDS;
  const t0 = performance.now();
  await Promise.all(
    clients.map(async (clientId, w) => {
      for (let i = 0; Date.now() < end; i++) {
        const r = await iteration(1000 * (w + 1) + i, clientId);
        latencies.push(...r.ms);
        iterations++;
        if (r.visible) visible++;
        for (const e of r.errors) errorCounts.set(e, (errorCounts.get(e) ?? 0) + 1);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  const { stats } = await hub.ask<{ stats: ChildStats }>('stats');
  const after = await auditRows(db);
  const sorted = latencies.sort((a, b) => a - b);
  const result = {
    // hub*: requests (three per iteration) of the write path; there is no bare peer of it.
    hubRps: +((iterations * 3) / seconds).toFixed(1),
    hubP99: +sorted[Math.floor(sorted.length * 0.99)]!.toFixed(1),
    iterationsPerSecond: +(iterations / seconds).toFixed(1),
    p50: +sorted[Math.floor(sorted.length * 0.5)]!.toFixed(1),
    p99: +sorted[Math.floor(sorted.length * 0.99)]!.toFixed(1),
    sqlPerIteration: +(sum(stats.sql) / iterations).toFixed(1),
    consentCallsPerIteration: +(sum(stats.consentCalls) / iterations).toFixed(2),
    auditRowsPerIteration: +((after - before) / iterations).toFixed(1),
    workers: clients.length,
    // Not a timing: a read right after the revocation that still saw the client, must stay 0.
    revokedVisibleAfter: visible,
    errors: Object.fromEntries(errorCounts),
  };
  say(`  ${JSON.stringify(result)}`);
  return result;
}

await main();

/** Non-null leaf values of a response other than ids, type names, counts and cursors. */
function disclosedValues(data: unknown, key = ''): number {
  if (data === null || data === undefined) return 0;
  if (Array.isArray(data)) return data.reduce((n: number, d) => n + disclosedValues(d, key), 0);
  if (typeof data === 'object') return Object.entries(data).reduce((n, [k, v]) => n + disclosedValues(v, k), 0);
  return ['id', '__typename', 'totalCount', 'cursor', 'hasNextPage', 'endCursor'].includes(key) ? 0 : 1;
}
