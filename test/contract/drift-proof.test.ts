/**
 * THE PROOF (issue 5): for every catalogued drift, the checks of the drift's operation, run in-process
 * against the mock serving that drift through the real client, include a failure of one of the drift's
 * expected checks; with no drift, every check of every operation passes. One mock is reused with setDrift;
 * drifts of the PATCH group user start a fresh one, because that scenario removes the test user.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runContract } from '../../src/contract/run-contract.ts';
import type { CheckRun } from '../../src/contract/runner.ts';
import { OPERATION_NAMES } from '../../src/model/operations.ts';
import { DRIFTS } from '../../src/mock/drifts.ts';
import { startMockHarness, type MockHarness } from './helpers/mock-context.ts';

const summary = (runs: CheckRun[]): string =>
  runs
    .filter((r) => r.outcome !== 'passed')
    .map((r) => `${r.outcome} ${r.id} ${r.operation}\n  ${(r.message ?? '').split('\n').slice(0, 6).join('\n  ')}`)
    .join('\n');

describe('the contract checks against the drift catalog', () => {
  let shared: MockHarness;

  beforeAll(async () => {
    shared = await startMockHarness();
  });

  afterAll(async () => {
    await shared.close();
  });

  it('should pass every check of every operation when the mock conforms', async () => {
    const fresh = await startMockHarness();
    try {
      const runs = await runContract(fresh.context({ numRuns: 25 }), OPERATION_NAMES);
      expect(runs.length).toBeGreaterThan(120);
      expect(summary(runs)).toBe('');
    } finally {
      await fresh.close();
    }
  });

  it('should catalogue a drift for every operation', () => {
    expect(new Set(DRIFTS.map((d) => d.operation))).toEqual(new Set(OPERATION_NAMES));
  });

  for (const drift of DRIFTS) {
    it(`should fail ${drift.expectedChecks.join(' or ')} on ${drift.operation} under drift ${drift.name}`, async () => {
      const destructive = drift.operation.startsWith('PATCH ');
      const harness = destructive ? await startMockHarness({ drift: drift.name }) : shared;
      try {
        if (!destructive) harness.mock.setDrift(drift.name);
        const runs = await runContract(harness.context({ numRuns: 25 }), [drift.operation]);
        const failed = runs.filter((r) => r.outcome === 'failed' && r.operation === drift.operation).map((r) => r.id);
        expect(runs.filter((r) => r.outcome === 'error').map((r) => `${r.id}: ${r.message}`)).toEqual([]);
        expect(failed.some((id) => drift.expectedChecks.includes(id)), `failed: ${failed.join(', ') || 'none'}`).toBe(true);
      } finally {
        if (destructive) await harness.close();
        else harness.mock.setDrift(undefined);
      }
    });
  }
});
