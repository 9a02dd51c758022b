import { readFileSync } from 'node:fs';
import { sharedClientIds } from '@kim/consent';
import { issueToken, readPem, ensureDemoKeys, type PersonaName } from '@kim/demo';
import type { ChildConfig } from './child.ts';
import { postgresProbe } from './consentProbe.ts';
import { prepareData } from './data.ts';
import { BENCH_DATABASE_URL, BENCH_DIR } from './dataSet.ts';
import { startSide, type Side } from './sides.ts';
import { PARTNER } from './workloads.ts';

/** A side started alone, for the probes that measure one side at a time. */
export interface SingleSide {
  readonly mode: ChildConfig['mode'];
  readonly side: Side;
  /** A bearer token for the hub; none for the bare and hive sides, whose callers send the persona. */
  token(persona: PersonaName): Promise<string | undefined>;
  /** CPU time (user + system) of the side's process so far, in microseconds. */
  cpuUs(): Promise<number>;
  stop(): void;
}

/**
 * Starts KIM_BENCH_SIDE (hub, bare or hive; default hub) on `npm run bench`'s PostgreSQL data
 * set (KIM_BENCH_DATABASE_URL), which must exist, with the bare sides' partner scope read from it
 * as `npm run bench` reads it.
 */
export async function startSingleSide(tool: string): Promise<SingleSide> {
  const mode = (process.env.KIM_BENCH_SIDE ?? 'hub') as ChildConfig['mode'];
  const { data, databases } = await benchDatabases(tool, mode);
  const consentDb = await postgresProbe(databases.urls.consent);
  const sharedClients = { [PARTNER.agency]: await sharedClientIds(consentDb, PARTNER.agency) };
  await consentDb.close();
  const side = await startSide(mode, { mode, databases, keysDir: data.keysDir, sharedClients });
  const idp = readPem((await ensureDemoKeys(data.keysDir)).idp.privateKeyFile);
  return {
    mode,
    side,
    token: async (persona) => (mode === 'hub' ? issueToken(idp, persona) : undefined),
    cpuUs: async () => (await side.ask<{ cpuUs: number }>('cpu')).cpuUs,
    stop: () => side.child.send({ type: 'exit' }),
  };
}

/**
 * `npm run bench`'s PostgreSQL data set (KIM_BENCH_DATABASE_URL) as `side` uses it, which must
 * exist: for the probes, which do not seed.
 */
export async function benchDatabases(tool: string, side: ChildConfig['mode']) {
  const data = await prepareData(BENCH_DATABASE_URL, BENCH_DIR, false, () => undefined);
  const databases = await data.forSide(side, false);
  if (!('urls' in databases)) throw new Error(`${tool} runs on PostgreSQL only`);
  return { data, databases };
}

/**
 * The whole machine's CPU so far, in microseconds: busy (everything but idle and iowait, so
 * PostgreSQL's backends too) and total, summed over the cores. Linux (/proc/stat); zeros elsewhere.
 */
export function machineCpuUs(): { busy: number; total: number } {
  try {
    const ticks = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    const total = ticks.reduce((a, b) => a + b, 0);
    const usPerTick = 1e6 / 100; // USER_HZ is 100 on Linux
    return { busy: (total - ticks[3]! - ticks[4]!) * usPerTick, total: total * usPerTick };
  } catch {
    return { busy: 0, total: 0 };
  }
}
