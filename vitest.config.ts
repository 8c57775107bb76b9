import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/chaos/**', 'node_modules/**'],
    globalSetup: ['tests/helpers/global-setup.ts'],
    // Generous: the first PGlite of a worker takes seconds to create on a busy 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // expect.poll waits for something that is bound to happen (a page updated, a row written); its default of 1 s is
    // short for a busy 2-core machine driving Chromium too. A poll that must stay short names its own timeout.
    expect: { poll: { timeout: 10_000 } },
    // Two cores: more workers only fight over them.
    maxWorkers: 2,
    pool: 'forks',
  },
});
