import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** What the service kit needs and a gateway must not load (issue 17: the gateway depends on @kim/core alone). */
const SERVICE_KIT_ONLY = ['@kim/service-kit', '@kim/dev-tools', '@electric-sql/pglite', 'pglite-prisma-adapter', 'pg', 'graphql-shield', 'graphql-middleware', 'dataloader'];

/** `@scope/name/sub` → `@scope/name`, `name/sub` → `name`. */
const packageName = (path: string) => path.split('/').slice(0, path.startsWith('@') ? 2 : 1).join('/');

/**
 * Every npm package the gateway's process imports, statically or dynamically, walked the way
 * `npm run build` walks it (our workspace packages followed, npm packages not).
 */
async function importedPackages(): Promise<string[]> {
  const { metafile } = await build({
    absWorkingDir: root,
    entryPoints: [join(root, 'gateway', 'src', 'index.ts')],
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'esm',
    logLevel: 'silent',
    plugins: [
      {
        name: 'npm-external',
        setup(b) {
          b.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@kim/') ? undefined : { path: args.path, external: true }));
        },
      },
    ],
  });
  const imported = new Set<string>();
  for (const [path, input] of Object.entries(metafile.inputs)) {
    // Our workspace packages, by folder (esbuild follows their links to where they are).
    const workspace = /^(?:packages|subgraphs)\/([^/]+)\//.exec(path);
    if (workspace) imported.add(`@kim/${workspace[1]}`);
    for (const i of input.imports) if (i.external && !i.path.startsWith('node:')) imported.add(packageName(i.path));
  }
  return [...imported].sort();
}

describe('the gateway', () => {
  it('loads none of the service kit: no Prisma, PGlite, pg, graphql-shield or DataLoader', async () => {
    const packages = await importedPackages();
    expect(packages).toContain('@apollo/gateway');
    const heavy = packages.filter((p) => SERVICE_KIT_ONLY.includes(p) || p.startsWith('@prisma/'));
    expect(heavy).toEqual([]);
  }, 60_000);
});
