import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { PersonaName } from '@kim/demo';
import type { ChildConfig } from './child.ts';
import { BENCH_DIR } from './dataSet.ts';
import type { Workload } from './workloads.ts';

/** One side of the benchmark (hub, bare, hive) in a child process of its own, and how to ask it. */

export interface Side {
  readonly name: string;
  readonly url: string;
  readonly child: ChildProcess;
  ask<T>(type: string, extra?: object): Promise<T>;
}

export async function startSide(name: string, config: ChildConfig): Promise<Side> {
  // KIM_BENCH_CPU_PROF=1: V8 CPU profiles of each side, written when it exits (open in Chrome DevTools).
  // One folder per side: tsx's loader thread writes a profile of its own next to the main thread's.
  const prof = process.env.KIM_BENCH_CPU_PROF === '1' ? ['--cpu-prof', `--cpu-prof-dir=${join(BENCH_DIR, '.data', 'profiles', name)}`] : [];
  const child = fork(join(BENCH_DIR, 'src', 'child.ts'), [], { execArgv: ['--import', 'tsx', ...prof], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const ask = <T>(type: string, extra: object = {}) =>
    new Promise<T>((resolve, reject) => {
      const onMessage = (m: { type: string; message?: string } & Record<string, unknown>) => {
        if (m.type === 'error') reject(new Error(`${name}: ${m.message}`));
        else if (m.type === (type === 'start' ? 'ready' : type)) resolve(m as T);
        else return;
        child.off('message', onMessage);
      };
      child.on('message', onMessage);
      child.send({ type, ...extra });
    });
  const ready = await ask<{ url: string }>('start', { config });
  return { name, url: ready.url, child, ask };
}

export function headersFor(token: string | undefined, w: { persona: PersonaName; purpose?: string }): Record<string, string> {
  return {
    'content-type': 'application/json',
    ...(token ? { authorization: `Bearer ${token}` } : { 'x-bench-persona': w.persona }),
    ...(w.purpose ? { 'x-kim-purpose': w.purpose } : {}),
  };
}

/** A workload's request, as autocannon sends it to a side. */
export function loadRequest(side: Pick<Side, 'url'>, token: string | undefined, w: Workload) {
  return { url: side.url, method: 'POST' as const, headers: headersFor(token, w), body: JSON.stringify({ query: w.query, variables: w.variables ?? {} }) };
}

export async function post(side: Side, token: string | undefined, w: Workload, query = w.query, variables = w.variables ?? {}) {
  const response = await fetch(side.url, { method: 'POST', headers: headersFor(token, w), body: JSON.stringify({ query, variables }) });
  return (await response.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
}
