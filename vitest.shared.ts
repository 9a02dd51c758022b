import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

/**
 * One graphql for everyone. Vite would resolve `graphql` to its ESM build (the package's
 * `module` field) while Apollo's CommonJS packages load the CommonJS build: two copies, and
 * graphql refuses schemas "from another module or realm". Node itself always loads the CommonJS
 * build (graphql 16 has no `exports`), so tests now run the same code as production.
 */
export const sharedConfig = defineConfig({
  resolve: {
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  // Generous: an embedded PostgreSQL takes seconds to start while turbo runs other tasks beside.
  test: { testTimeout: 60_000, hookTimeout: 60_000 },
});
