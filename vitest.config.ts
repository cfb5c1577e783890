import { defineConfig } from 'vitest/config';

// The project's own tests. The tenant suites (suites/) have their own config, vitest.suites.config.ts,
// because they run against a tenant and are started by `snyk-tenant-check run`.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    reporters: ['default', './test/support/closing-line-reporter.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Two cores here and in CI: forks keep heavy integration tests (mock servers, Chromium) isolated.
    pool: 'forks',
    maxWorkers: 2,
  },
});
