import { defineConfig } from 'vitest/config';

// `npm run test:chaos`: tests that break things on purpose (kill processes, restart Redis, fail the platform, cut the
// database). Run one file at a time: they start processes and servers of their own and must not starve each other.
export default defineConfig({
  test: {
    include: ['tests/chaos/**/*.test.ts'],
    globalSetup: ['tests/helpers/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    maxWorkers: 1,
    pool: 'forks',
  },
});
