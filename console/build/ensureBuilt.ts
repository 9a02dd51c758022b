import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
/** Where the built console lives; the gateway serves this folder at `/`. */
export const CONSOLE_DIST = join(ROOT, 'dist');
const STAMP = join(CONSOLE_DIST, '.source-hash');

function files(path: string): string[] {
  if (!existsSync(path)) return [];
  if (statSync(path).isFile()) return [path];
  return readdirSync(path).flatMap((name) => files(join(path, name)));
}

/** A hash of everything the build reads: a checkout's file times say nothing, contents do. */
function sourceHash(): string {
  const hash = createHash('sha256');
  const inputs = ['src', 'index.html', 'vite.config.ts', 'package.json'].flatMap((p) => files(join(ROOT, p))).sort();
  for (const file of inputs) hash.update(relative(ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex');
}

/**
 * Builds the console when dist/ is missing or older than its sources (so `npm start` needs no
 * extra step), and returns the folder to serve.
 */
export async function ensureConsoleBuilt(): Promise<string> {
  const hash = sourceHash();
  if (existsSync(join(CONSOLE_DIST, 'index.html')) && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === hash) return CONSOLE_DIST;
  const { build } = await import('vite');
  await build({ configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn' });
  writeFileSync(STAMP, hash);
  return CONSOLE_DIST;
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  ensureConsoleBuilt().then(
    (dir) => process.stdout.write(`console built: ${dir}\n`),
    (error: unknown) => {
      process.stderr.write(`${String(error)}\n`);
      process.exit(1);
    },
  );
}
