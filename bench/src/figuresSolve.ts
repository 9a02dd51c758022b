import { clientFigures, lastSuppression, STAGE_PERIODS, type ClientFigureRow } from '@kim/case-registry/figures';
import { generatePopulation } from '@kim/demo/population';
import type { Period } from '@kim/schema';

// How long one joint suppression of the client figures takes (README, Figures for steering):
// `npx tsx bench/src/figuresSolve.ts [count…] [--stage-periods YEAR,QUARTER,MONTH]`. Prints, per
// population, the figures, the null ones and the time (wall and CPU) of `clientFigures` (what a `statistics`
// request that asks for a client figure computes once, after reading the clients), first solved
// and then for the same counts again (the service remembers its last suppression).

const args = process.argv.slice(2);
const flag = args.indexOf('--stage-periods');
const stagePeriods = flag >= 0 ? (args.splice(flag, 2)[1]!.split(',') as Period[]) : STAGE_PERIODS;
const counts = args.length > 0 ? args.map(Number) : [240, 10_000];
const day = (d: string) => new Date(`${d}T00:00:00Z`);

for (const count of counts) {
  const population = generatePopulation({ count });
  // As seeded (no stage: the demo's clients predate intake), and with stages 1, 2 and none by turns.
  for (const [variant, stageOf] of [['seeded (stage null)', () => null], ['stages 1/2/null', (i: number) => [1, 2, null][i % 3]!]] as const) {
    const rows: ClientFigureRow[] = population.map((c, i) => ({ town: c.town, status: c.status, registeredAt: day(c.registeredAt), eligibilityStage: stageOf(i), closedOn: c.closedOn ? day(c.closedOn) : null, closingReason: c.closingReason }));
    const suppress = lastSuppression();
    const timed = () => {
      const started = process.hrtime.bigint();
      const cpu = process.cpuUsage();
      const figures = clientFigures(rows, { stagePeriods, suppress });
      const used = process.cpuUsage(cpu);
      return { figures, ms: Number(process.hrtime.bigint() - started) / 1e6, cpuMs: (used.user + used.system) / 1000 };
    };
    const { figures, ms, cpuMs } = timed();
    // The same counts again, as a service answers a repeated request: the suppression is remembered.
    const again = timed().ms;
    const published = [
      ...figures.clientsByTown.flatMap((t) => [t.active, t.waiting, t.closed, t.total]),
      ...(['YEAR', 'QUARTER', 'MONTH'] as const).flatMap((p) => figures.intakesAndClosings(p).periods.flatMap((r) => [r.intakes, r.closings, ...r.closingsByReason.map((c) => c.count)])),
      ...stagePeriods.flatMap((p) => figures.clientsByStage(p).flatMap((b) => [b.total, ...b.cells.map((c) => c.count)])),
    ];
    console.log(`${count} clients, ${variant}, clientsByStage per ${stagePeriods.join('+')}: ${published.length} figures, ${published.filter((v) => v === null).length} null, ${ms.toFixed(0)} ms wall, ${cpuMs.toFixed(0)} ms CPU (the same counts again: ${again.toFixed(0)} ms)`);
  }
}
