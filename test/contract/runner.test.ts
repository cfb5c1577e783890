import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScenarioCheck } from '../../src/contract/check-types.ts';
import { plannedChecks, CHECKS } from '../../src/contract/registry.ts';
import { runCheck } from '../../src/contract/runner.ts';
import { CHECK_IDS } from '../../src/contract/check-types.ts';
import { OPERATION_NAMES } from '../../src/model/operations.ts';
import { startMockHarness, type MockHarness } from './helpers/mock-context.ts';

describe('the check registry', () => {
  it('should register every check id exactly once', () => {
    expect(CHECKS.map((c) => c.id).sort()).toEqual([...CHECK_IDS].sort());
  });

  it('should apply checks to every operation of INTERFACE.md and put the residue check last', () => {
    const planned = plannedChecks(OPERATION_NAMES);
    expect(new Set(planned.map((p) => p.operation))).toEqual(new Set(OPERATION_NAMES));
    expect(planned.at(-1)?.check.id).toBe('provision_residue');
  });
});

describe('runCheck', () => {
  let h: MockHarness;

  beforeAll(async () => {
    h = await startMockHarness();
  });

  afterAll(async () => {
    await h.close();
  });

  it('should report a check that throws as an error with its code, not crash', async () => {
    const crashing: ScenarioCheck = {
      id: 'filter_semantics',
      kind: 'scenario',
      title: 'T',
      family: 'filters',
      severity: 'low',
      description: 'd',
      assertions: [],
      operations: ['GET /users/'],
      run: () => Promise.reject(Object.assign(new Error('boom'), { code: 'STC_TEST' })),
    };
    const run = await runCheck(h.context(), crashing, 'GET /users/');
    expect(run.outcome).toBe('error');
    expect(run.message).toBe('Error: STC_TEST: boom');
  });

  it('should skip write checks with a reason on a live tenant without --allow-writes and send no write', async () => {
    const ctx = h.context({ tenant: 'live', allowWrites: false });
    const before = h.mock.requestCount();
    const run = await runCheck(ctx, 'use_after_free', 'DELETE /v1/org/{orgId}/provision');
    expect(run.outcome).toBe('skipped');
    expect(run.message).toContain('--allow-writes');
    expect(h.mock.requestCount()).toBe(before);
  });

  it('should send only GET requests on a live tenant without --allow-writes', async () => {
    const methods = new Set<string>();
    const ctx = h.context({ tenant: 'live', allowWrites: false });
    const send = ctx.client.send.bind(ctx.client);
    (ctx.client as { send: typeof send }).send = (spec) => {
      methods.add(spec.method);
      return send(spec);
    };
    try {
      for (const { check, operation } of plannedChecks(OPERATION_NAMES)) await runCheck(ctx, check, operation);
    } finally {
      (ctx.client as { send: typeof send }).send = send;
    }
    expect([...methods]).toEqual(['GET']);
  });

  it('should carry seed, counterexample, exchange and a curl reproduction without the token on failure', async () => {
    h.mock.setDrift('users-page-past-end-ok');
    try {
      const run = await runCheck(h.context({ seed: 5 }), 'pagination_arithmetic', 'GET /users/');
      expect(run.outcome).toBe('failed');
      expect(run.seed).toBe(5);
      expect(run.message).toMatch(/^Expected: 404$/m);
      expect(run.message).toContain('Seed: 5');
      // fast-check shrinks the generated page length to the smallest one that shows the failure.
      expect(run.counterexample).toEqual({ length: 1 });
      expect(run.path).toBeTruthy();
      expect(run.exchange?.url).toContain('/users/');
      expect(run.reproduction).toContain('curl');
      expect(run.reproduction).toContain('$SNYK_APIWEB_TOKEN');
      expect(JSON.stringify(run)).not.toContain(h.mock.apiwebToken);
    } finally {
      h.mock.setDrift(undefined);
    }
  });
});
