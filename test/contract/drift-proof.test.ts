/**
 * THE PROOF (issue 5): for every catalogued drift, the checks of the drift's operation, run in-process
 * against the mock serving that drift through the real client, include a failure of one of the drift's
 * expected checks; with no drift, every check of every operation passes. One mock is reused with setDrift;
 * drifts of the PATCH group user start a fresh one, because that scenario removes the test user. A drift that
 * breaks only an assumed assertion (issue 13) is caught as a warning naming it by default, and as a failure
 * of an expected check under strict: both are proved.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runContract } from '../../src/contract/run-contract.ts';
import type { CheckRun } from '../../src/contract/runner.ts';
import { OPERATION_NAMES } from '../../src/model/operations.ts';
import { DRIFTS, type DriftDefinition } from '../../src/mock/drifts.ts';
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

  const underDrift = async (drift: DriftDefinition, strict: boolean): Promise<CheckRun[]> => {
    const destructive = drift.operation.startsWith('PATCH ');
    const harness = destructive ? await startMockHarness({ drift: drift.name }) : shared;
    try {
      if (!destructive) harness.mock.setDrift(drift.name);
      const runs = await runContract(harness.context({ numRuns: 25, strict }), [drift.operation]);
      expect(runs.filter((r) => r.outcome === 'error').map((r) => `${r.id}: ${r.message}`)).toEqual([]);
      return runs;
    } finally {
      if (destructive) await harness.close();
      else harness.mock.setDrift(undefined);
    }
  };
  const failedExpected = (drift: DriftDefinition, runs: CheckRun[]): string[] =>
    runs.filter((r) => r.outcome === 'failed' && r.operation === drift.operation && drift.expectedChecks.includes(r.id)).map((r) => r.id);

  for (const drift of DRIFTS) {
    if (!drift.assumed) {
      it(`should fail ${drift.expectedChecks.join(' or ')} on ${drift.operation} under drift ${drift.name}`, async () => {
        const runs = await underDrift(drift, false);
        const failed = runs.filter((r) => r.outcome === 'failed' && r.operation === drift.operation).map((r) => r.id);
        expect(failedExpected(drift, runs).length > 0, `failed: ${failed.join(', ') || 'none'}`).toBe(true);
      });
      continue;
    }
    const assumed = drift.assumed;
    it(`should warn of ${assumed} on ${drift.operation} under drift ${drift.name} (an assumed assertion)`, async () => {
      const runs = await underDrift(drift, false);
      const warned = runs.filter(
        (r) => r.outcome === 'passed' && drift.expectedChecks.includes(r.id) && (r.warnings ?? []).some((w) => w.startsWith(`assumed ${assumed} not met`)),
      );
      expect(warned.map((r) => r.id).length, summary(runs) || 'no warning').toBeGreaterThan(0);
      expect(failedExpected(drift, runs)).toEqual([]);
    });
    it(`should fail ${drift.expectedChecks.join(' or ')} on ${drift.operation} under drift ${drift.name} with strict`, async () => {
      const runs = await underDrift(drift, true);
      expect(runs.some((r) => r.outcome === 'failed' && r.assertion === assumed), summary(runs) || 'no failure').toBe(true);
      expect(failedExpected(drift, runs).length).toBeGreaterThan(0);
    });
  }
});
