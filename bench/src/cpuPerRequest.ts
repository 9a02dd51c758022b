import { post } from './sides.ts';
import { machineCpuUs, startSingleSide } from './singleSide.ts';
import { READ_WORKLOADS } from './workloads.ts';

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
const REQUESTS = Number(process.env.KIM_BENCH_REQUESTS ?? 40);
const ONLY = process.env.KIM_BENCH_ONLY?.split(',');

const single = await startSingleSide('cpuPerRequest');
try {
  for (const w of READ_WORKLOADS.filter((x) => !ONLY || ONLY.includes(x.id))) {
    const token = await single.token(w.persona);
    const once = async () => {
      const body = await post(single.side, token, w);
      if (!body.data) throw new Error(`${w.id}: no data: ${JSON.stringify(body).slice(0, 300)}`);
    };
    for (let i = 0; i < 15; i++) await once();
    const samples: number[] = [];
    const machine: number[] = [];
    for (let k = 0; k < 3; k++) {
      const before = await single.cpuUs();
      const machineBefore = machineCpuUs().busy;
      for (let i = 0; i < REQUESTS; i++) await once();
      samples.push((await single.cpuUs()) - before);
      machine.push(machineCpuUs().busy - machineBefore);
    }
    const msPerRequest = (us: number[]) => us.map((u) => u / 1000 / REQUESTS).sort((a, b) => a - b);
    const ms = msPerRequest(samples);
    const all = msPerRequest(machine);
    process.stdout.write(
      `${single.mode} ${w.id}: ${ms[1]!.toFixed(1)} ms CPU per request (samples ${ms.map((m) => m.toFixed(1)).join(' / ')}); machine ${all[1]!.toFixed(1)} ms\n`,
    );
  }
} finally {
  single.stop();
}
