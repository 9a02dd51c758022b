import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { consentService, readConsentConfig } from '@kim/consent';
import { ensureDemoKeys, PERSONAS } from '@kim/demo';
import { DATA_CATEGORIES, type DataCategory } from '@kim/schema';
import {
  createConsentLoader,
  createPostJson,
  signConsentTicket,
  startService,
  type Caller,
  type ConsentQuestion,
} from '@kim/service-kit';
import { BENCH_DIR, HOT_CLIENT } from './dataSet.ts';
import { serviceEnv } from './serviceEnv.ts';
import { benchDatabases } from './singleSide.ts';

/**
 * `npx tsx bench/src/consentCall.ts`: CPU of this process per consent decision call — the
 * subgraph's side (consent loader, node:http) and the consent service's (route, assertion check,
 * decisions, audit chain) together, in one process, one call at a time — on `npm run bench`'s
 * PostgreSQL data set. What `cpuPerRequest` cannot resolve (a change of 1 ms in 50 hides in
 * its noise) shows here, per call and per question. KIM_BENCH_CLIENTS (default 50) clients ×
 * KIM_BENCH_CATEGORIES (default 6) categories per call, KIM_BENCH_CALLS (default 300), as
 * KIM_BENCH_PERSONA (default cm-neuss); KIM_BENCH_CPU_PROF=1 writes a V8 profile of the measured
 * calls to bench/.data/profiles/consentCall.cpuprofile. PostgreSQL's own CPU is not included.
 */
const CLIENTS = Number(process.env.KIM_BENCH_CLIENTS ?? 50);
const CATEGORIES = Number(process.env.KIM_BENCH_CATEGORIES ?? 6);
const CALLS = Number(process.env.KIM_BENCH_CALLS ?? 300);
const persona = PERSONAS[(process.env.KIM_BENCH_PERSONA ?? 'cm-neuss') as keyof typeof PERSONAS];
if (!persona) throw new Error(`unknown persona ${process.env.KIM_BENCH_PERSONA}`);

const { data, databases } = await benchDatabases('consentCall', 'hub');
const keys = await ensureDemoKeys(data.keysDir);
// As the bench's hub side starts it (child.ts).
const consentConfig = readConsentConfig({ ...serviceEnv({ databases }, keys.assertion).env('consent'), KIM_AUDIT_SIGNING_KEY_FILE: keys.audit.privateKeyFile });
const consent = await startService(consentService(consentConfig.auditKey), consentConfig);
const post = createPostJson();
const categories = DATA_CATEGORIES.slice(0, CATEGORIES) as DataCategory[];
// Clients from the data set's second half: never HOT_CLIENT, whose trail w4 compares between
// the full and the small audit table and which must keep the rows it was seeded with.
const questions: ConsentQuestion[] = Array.from({ length: CLIENTS }, (_, i) => `K-${String(5001 + i).padStart(6, '0')}`).flatMap((clientId) =>
  categories.map((category) => ({ clientId, category })),
);

if (questions.some((q) => q.clientId === HOT_CLIENT)) throw new Error(`consentCall must not audit ${HOT_CLIENT} (w4's client)`);

/** One call as a subgraph makes it: a fresh consent ticket (the gateway's part), a fresh loader, every question at once. */
async function call(n: number): Promise<number> {
  const caller: Caller = { subject: persona.subject, agency: persona.agency, role: persona.role, purpose: 'CASE_MANAGEMENT', requestId: `consent-call-${n}` } as Caller;
  const ticket = signConsentTicket(consentConfig.assertionKey, caller, 'welfare');
  const loader = createConsentLoader({ consentUrl: consent.url, ticket, timeoutMs: 10_000, post });
  const decisions = await loader.loadMany(questions);
  return decisions.filter((d) => !(d instanceof Error) && d.allowed).length;
}

try {
  let allowed = 0;
  for (let i = 0; i < 30; i++) allowed = await call(i);
  const session = process.env.KIM_BENCH_CPU_PROF === '1' ? new Session() : undefined;
  if (session) {
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
  }
  const samples: number[] = [];
  for (let k = 0; k < 3; k++) {
    const before = process.cpuUsage();
    for (let i = 0; i < CALLS / 3; i++) await call(1000 + k * CALLS + i);
    const used = process.cpuUsage(before);
    samples.push((used.user + used.system) / (CALLS / 3));
  }
  if (session) {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(join(BENCH_DIR, '.data', 'profiles', 'consentCall.cpuprofile'), JSON.stringify(profile));
  }
  samples.sort((a, b) => a - b);
  const median = samples[1]!;
  process.stdout.write(
    `${questions.length} questions per call (${allowed} allowed), ${persona.agency}: ${(median / 1000).toFixed(2)} ms CPU per call ` +
      `(samples ${samples.map((s) => (s / 1000).toFixed(2)).join(' / ')}), ${(median / questions.length).toFixed(1)} µs per question\n`,
  );
} finally {
  await consent.stop();
}
