import { defineConfig, mergeConfig } from 'vitest/config';
import { sharedConfig } from '../vitest.shared.ts';

/** Whole-federation tests: each file starts its own hub in-process on free ports. */
export default mergeConfig(
  sharedConfig,
  defineConfig({
    test: {
      root: import.meta.dirname,
      include: ['**/*.e2e.ts'],
      testTimeout: 60_000,
      hookTimeout: 120_000,
      // Hubs are heavy (five databases each): one file at a time keeps a 2-core machine honest.
      fileParallelism: false,
    },
  }),
);
