import { readFileSync } from 'node:fs';
import { issueToken, readPem, ensureDemoKeys } from '@kim/demo';
import type { ChildConfig } from './child.ts';
import { partnerScope, postgresProbe } from './consentProbe.ts';
import { prepareData } from './data.ts';
import { BENCH_DIR } from './dataSet.ts';
import { post, startSide } from './sides.ts';
import { PARTNER, READ_WORKLOADS } from './workloads.ts';

/**
 * `npx tsx bench/src/cpuPerRequest.ts`: CPU time of ONE side's process per request of workloads
 * 1–3, with requests sent one at a time — no concurrency, so no group commit sharing a
 * transaction and no queueing, and a figure that moves little when the machine is shared. For
 * comparing builds of the hub (an ablation: `git apply bench/ablations.patch` in a scratch clone,
 * then ABL_NOAUDIT / ABL_NOCONSENT / ABL_NOSHIELD / ABL_NOCRYPTO=1), not for the issue's ratios,
 * which `npm run bench` measures under load. KIM_BENCH_SIDE=hub|bare (default hub),
 * KIM_BENCH_REQUESTS per sample (default 40; 3 samples, the median printed), KIM_BENCH_ONLY=w2.
 * Reuses `npm run bench`'s PostgreSQL data set (KIM_BENCH_DATABASE_URL), which must exist.
 * Also prints the whole machine's busy CPU per request (from /proc/stat: PostgreSQL's backends
 * included, which the side's own figure leaves out), the figure that bounds throughput once
 * every core is busy — only meaningful on an otherwise idle machine.
 */
const BASE = process.env.KIM_BENCH_DATABASE_URL ?? process.env.KIM_TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';
/** Busy CPU time of the whole machine so far, in microseconds (Linux; 0 elsewhere). */
function machineBusyUs(): number {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal …: everything but idle and iowait is work.
    const busy = fields.reduce((a, b) => a + b, 0) - fields[3]! - fields[4]!;
    return (busy * 1e6) / 100; // USER_HZ is 100 on Linux
  } catch {
    return 0;
  }
}
const MODE = (process.env.KIM_BENCH_SIDE ?? 'hub') as ChildConfig['mode'];
const REQUESTS = Number(process.env.KIM_BENCH_REQUESTS ?? 40);
const ONLY = process.env.KIM_BENCH_ONLY?.split(',');

const data = await prepareData(BASE, BENCH_DIR, false, () => undefined);
const databases = await data.forSide(MODE, false);
if (!('urls' in databases)) throw new Error('cpuPerRequest runs on PostgreSQL only');
const consentDb = await postgresProbe(databases.urls.consent);
const sharedClients = { [PARTNER.agency]: await partnerScope(consentDb, PARTNER.agency) };
await consentDb.close();
const side = await startSide(MODE, { mode: MODE, databases, keysDir: data.keysDir, sharedClients });
const idp = readPem((await ensureDemoKeys(data.keysDir)).idp.privateKeyFile);
try {
  for (const w of READ_WORKLOADS.filter((x) => !ONLY || ONLY.includes(x.id))) {
    const token = MODE === 'hub' ? await issueToken(idp, w.persona) : undefined;
    const once = async () => {
      const body = await post(side, token, w);
      if (!body.data) throw new Error(`${w.id}: no data: ${JSON.stringify(body).slice(0, 300)}`);
    };
    for (let i = 0; i < 15; i++) await once();
    const cpu = async () => (await side.ask<{ cpuUs: number }>('cpu')).cpuUs;
    const samples: number[] = [];
    const machine: number[] = [];
    for (let k = 0; k < 3; k++) {
      const before = await cpu();
      const machineBefore = machineBusyUs();
      for (let i = 0; i < REQUESTS; i++) await once();
      samples.push((await cpu()) - before);
      machine.push(machineBusyUs() - machineBefore);
    }
    const median = (us: number[]) => us.map((u) => u / 1000 / REQUESTS).sort((a, b) => a - b);
    const ms = median(samples);
    const all = median(machine);
    process.stdout.write(
      `${MODE} ${w.id}: ${ms[1]!.toFixed(1)} ms CPU per request (samples ${ms.map((m) => m.toFixed(1)).join(' / ')}); machine ${all[1]!.toFixed(1)} ms\n`,
    );
  }
} finally {
  side.child.send({ type: 'exit' });
}
