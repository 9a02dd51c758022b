import autocannon from 'autocannon';
import { loadRequest } from './sides.ts';
import { machineCpuUs, startSingleSide } from './singleSide.ts';
import { READ_WORKLOADS } from './workloads.ts';

/**
 * `npx tsx bench/src/loadProbe.ts`: one side alone under `npm run bench`'s load (8 connections;
 * KIM_BENCH_CONNECTIONS, KIM_BENCH_SECONDS = 10 after 3 s of warm-up) on workloads 1–3
 * (KIM_BENCH_ONLY), printing its req/s and latency, how busy the whole machine was (from
 * /proc/stat, PostgreSQL included) and how many cores the side's own process used — which says
 * what bounds a side: its one JavaScript thread (the process near 1 core plus its helper
 * threads), the machine (near 100 %), or waiting (neither). KIM_BENCH_SIDE=hub|bare|hive.
 * Reuses `npm run bench`'s PostgreSQL data set (KIM_BENCH_DATABASE_URL), which must exist.
 * With `bench/ablations.patch` applied in a scratch clone, ABL_NOAUDIT / ABL_NOCONSENT /
 * ABL_NOSHIELD / ABL_NOCRYPTO=1 split the hub's cost under load, where garbage collection grows
 * with what requests in flight hold (cpuPerRequest sends one at a time).
 */
const ONLY = process.env.KIM_BENCH_ONLY?.split(',');
const SECONDS = Number(process.env.KIM_BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.KIM_BENCH_CONNECTIONS ?? 8);

const single = await startSingleSide('loadProbe');
try {
  for (const w of READ_WORKLOADS.filter((x) => !ONLY || ONLY.includes(x.id))) {
    const load = { ...loadRequest(single.side, await single.token(w.persona), w), connections: CONNECTIONS };
    await autocannon({ ...load, duration: 3 });
    const machineBefore = machineCpuUs();
    const cpuBefore = await single.cpuUs();
    const r = await autocannon({ ...load, duration: SECONDS });
    const cores = ((await single.cpuUs()) - cpuBefore) / 1e6 / r.duration;
    const machineAfter = machineCpuUs();
    const busy = (100 * (machineAfter.busy - machineBefore.busy)) / Math.max(1, machineAfter.total - machineBefore.total);
    process.stdout.write(
      `${single.mode} ${w.id}: ${(r.requests.total / r.duration).toFixed(1)} req/s, p50/p99 ${r.latency.p50}/${r.latency.p99} ms; ` +
        `machine ${busy.toFixed(0)} % busy; the side's process ${cores.toFixed(2)} cores; errors ${r.errors + r.non2xx}\n`,
    );
  }
} finally {
  single.stop();
}
