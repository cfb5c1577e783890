import { defineConfig } from 'vitest/config';

// The tenant suites, started by `snyk-tenant-check run` (src/run/run-suites.ts), which passes the reporters,
// the file filter (which suites), the shard, the run plan (provide/inject) and the workers' tokens (env).
export default defineConfig({
  test: {
    include: ['suites/**/*.test.ts'],
    // A 100k-user audit or a live tenant under its rate limit takes longer than a unit test.
    testTimeout: 600_000,
    hookTimeout: 600_000,
    pool: 'forks',
    maxWorkers: 2,
    // Tenant suites must not be retried silently: a flaky contract is a finding in itself.
    retry: 0,
  },
});
