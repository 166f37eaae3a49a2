import { defineConfig } from 'vitest/config';

// One config for the whole repo; scripts/test.mjs picks which folders run on which database.
export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'apps/server/src/**/*.test.ts', 'e2e/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // PGlite allows one connection: test files share nothing, but each opens its own in-memory database.
    pool: 'forks',
    fileParallelism: true,
  },
});
