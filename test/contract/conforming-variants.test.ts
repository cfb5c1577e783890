/**
 * A conforming tenant that differs from our mock only where the documentation allows it must pass every
 * check (issue 5): links with or without `/rest` and as `{href}` objects, PATCH 200 instead of 204, API & Web
 * dates without a zone, extra members where schemas are open, v1 `charset=utf-8`, other data (seeds, sizes).
 */
import { describe, expect, it } from 'vitest';
import { runContract } from '../../src/contract/run-contract.ts';
import type { CheckRun } from '../../src/contract/runner.ts';
import { OPERATION_NAMES } from '../../src/model/operations.ts';
import { startMockHarness } from './helpers/mock-context.ts';
import { ALL_VARIANTS, startVariantProxy } from './helpers/variant-proxy.ts';

const problems = (runs: CheckRun[]): string =>
  runs
    .filter((r) => r.outcome === 'failed' || r.outcome === 'error')
    .map((r) => `${r.outcome} ${r.id} ${r.operation}\n  ${(r.message ?? '').split('\n').slice(0, 6).join('\n  ')}`)
    .join('\n');

describe('the contract checks on conforming tenants that are not the default mock', () => {
  it('should pass every check through a proxy applying every documented-allowed variation', async () => {
    const h = await startMockHarness({ seed: 11 }, (url) => startVariantProxy(url, ALL_VARIANTS));
    try {
      const runs = await runContract(h.context({ numRuns: 15, seed: 3 }), OPERATION_NAMES);
      expect(problems(runs)).toBe('');
      expect(runs.filter((r) => r.outcome === 'passed').length).toBeGreaterThan(120);
    } finally {
      await h.close();
    }
  });

  for (const [label, options] of [
    ['a large tenant', { seed: 2, users: 1500, members: 200, provisions: 0 }],
    ['a tiny tenant', { seed: 3, users: 5, members: 3, provisions: 1 }],
    ['hostile names and emails', { seed: 4, hostile: true }],
  ] as const) {
    it(`should pass every check on ${label}`, async () => {
      const h = await startMockHarness(options);
      try {
        const runs = await runContract(h.context({ numRuns: 10, seed: 99 }), OPERATION_NAMES);
        expect(problems(runs)).toBe('');
      } finally {
        await h.close();
      }
    });
  }

  it('should skip the removal with a reason when SNYK_TEST_USER_ID is not set', async () => {
    const h = await startMockHarness();
    try {
      const runs = await runContract(h.context({ testUserId: null }), ['PATCH /rest/groups/{group_id}/users/{id}']);
      const removal = runs.find((r) => r.id === 'group_user_removal')!;
      expect(removal.outcome).toBe('skipped');
      expect(removal.message).toContain('SNYK_TEST_USER_ID');
      expect(problems(runs)).toBe('');
    } finally {
      await h.close();
    }
  });
});
