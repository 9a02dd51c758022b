// `npm run build`: every deployable (gateway, consent, the four agencies) to JavaScript in its
// package's dist/, started with `node dist/index.js`; agencies and consent also get
// dist/migrate.js (their `migrate` command).
//
// INTENTIONAL: a bundle per deployable, not `tsc` per package. Our workspace packages (@kim/*)
// export their TypeScript sources, so they are bundled in; npm packages stay external and come
// from the production install. Files our modules find next to themselves (SDL, migrations,
// stages.json) are found where they are in the repository: each module's `import.meta.url` is
// rewritten to its source file's place relative to the bundle, so an image keeps that layout.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { DEPLOYABLES } from './deployables.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');


/** `@scope/name/sub` → `@scope/name`, `name/sub` → `name`. */
const packageName = (path) => path.split('/').slice(0, path.startsWith('@') ? 2 : 1).join('/');

/** Where Node, looking from `dir` upwards, finds the package (null: nowhere below the root's). */
function packageDirFrom(dir, name) {
  for (let at = dir; ; at = dirname(at)) {
    const candidate = join(at, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (at === root || dirname(at) === at) return null;
  }
}

/**
 * npm packages stay imports, resolved from node_modules at run time; @kim/* is bundled. So is a
 * package npm installed only inside another workspace package (a version that conflicts with the
 * hoisted one, e.g. @kim/core's OpenTelemetry), and whatever it imports from its own nested
 * node_modules: from its dist/ the bundle would find another version, or none.
 */
function externalNpmPackages(outdir) {
  return {
    name: 'external-npm-packages',
    setup(b) {
      b.onResolve({ filter: /^[^./]/ }, (args) => {
        if (args.path.startsWith('@kim/') || args.path.startsWith('node:')) return args.path.startsWith('node:') ? { path: args.path, external: true } : undefined;
        // External only where the bundle finds the very package the source would.
        const name = packageName(args.path);
        const fromSource = packageDirFrom(args.resolveDir, name);
        return fromSource !== null && fromSource === packageDirFrom(outdir, name) ? { path: args.path, external: true } : undefined;
      });
    },
  };
}

/** `import.meta.url` of each of our modules, as it was in the source tree, relative to the bundle. */
function sourceLocatedMetaUrl(outdir) {
  return {
    name: 'source-located-import-meta-url',
    setup(b) {
      b.onLoad({ filter: /\.ts$/ }, async (args) => {
        if (args.path.includes(`${sep}node_modules${sep}`)) return undefined;
        const contents = await readFile(args.path, 'utf8');
        if (!contents.includes('import.meta.url')) return { contents, loader: 'ts' };
        const fromBundle = relative(outdir, args.path).split(sep).join('/');
        return { contents: contents.replaceAll('import.meta.url', `new URL(${JSON.stringify(fromBundle)}, import.meta.url).href`), loader: 'ts' };
      });
    },
  };
}

async function buildDeployable(name) {
  const { dir, entries } = DEPLOYABLES[name];
  const outdir = join(root, dir, 'dist');
  await build({
    absWorkingDir: root,
    entryPoints: Object.fromEntries(entries.map((e) => [e, join(root, dir, 'src', `${e}.ts`)])),
    outdir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20.19',
    sourcemap: true,
    // Names stay readable in stack traces and logs.
    minify: false,
    logLevel: 'warning',
    plugins: [externalNpmPackages(outdir), sourceLocatedMetaUrl(outdir)],
    // A CommonJS package bundled in (e.g. ioredis, whose v6 copy is per package: the hoisted slot
    // is held for v5 by a bench dependency) requires its own dependencies, which may stay external:
    // an ES module bundle has no `require` of its own, so it gets Node's.
    banner: { js: "import { createRequire as __kimCreateRequire } from 'node:module'; const require = __kimCreateRequire(import.meta.url);" },
  });
}

const only = process.argv.slice(2);
for (const name of only.length > 0 ? only : Object.keys(DEPLOYABLES)) {
  if (!(name in DEPLOYABLES)) {
    console.error(`unknown deployable ${name}; one of ${Object.keys(DEPLOYABLES).join(', ')}`);
    process.exit(1);
  }
  await buildDeployable(name);
}
