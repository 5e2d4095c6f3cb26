import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    pool: 'forks',
    // Two cores on our machines: more forks only contend for them.
    maxWorkers: 2,
    globalSetup: ['test/helpers/global-setup.ts'],
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    teardownTimeout: 30_000,
    // The default reporter for people, then one plain closing line for tools (see the reporter).
    reporters: ['default', './test/helpers/plain-summary.reporter.ts'],
  },
});
