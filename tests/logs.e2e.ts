import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { generatePopulation } from '@kim/demo/population';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * Issue 17 §4: what a whole hub logs at `info` over a run of demo requests — every service's
 * lines, read from a child process's stdout as a deployment's collector would read them.
 */
const CLIENTS = 60;
interface LogEvent {
  service?: string;
  requestId?: string;
  code?: string;
  count?: number;
  msg?: string;
}

let output = '';
let events: LogEvent[] = [];
let run: { codes: string[][]; requestIds: (string | null)[] };

beforeAll(async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'support/loggedRun.ts'), String(CLIENTS)], {
    cwd: join(import.meta.dirname, '..'),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let errors = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString('utf8')));
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  if (code !== 0) throw new Error(`the logged run failed (${code}): ${errors}`);
  run = JSON.parse(errors.trim().split('\n').at(-1)!) as typeof run;
  events = output
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as LogEvent);
}, 180_000);

describe('the log of a run', () => {
  it('has one line per request and refusal, not one per object and service', () => {
    // The jobcenter's page asks every client's consents, which its role may not read.
    const forbidden = run.codes[0]!.filter((c) => c === 'FORBIDDEN').length;
    expect(forbidden).toBeGreaterThanOrEqual(10);
    const lines = events.filter((e) => e.requestId === run.requestIds[0] && e.code === 'FORBIDDEN');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ service: 'consent', code: 'FORBIDDEN', count: forbidden });
  });

  it('names no seeded client', () => {
    expect(events.length).toBeGreaterThan(10);
    const names = new Set(generatePopulation({ count: CLIENTS }).flatMap((c) => [c.givenName, c.familyName]));
    // The client the run registers.
    names.add('Amal').add('Haddad');
    const found = [...names].filter((name) => new RegExp(`\\b${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'u').test(output));
    expect(found).toEqual([]);
  });
});
