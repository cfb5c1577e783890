/**
 * Issue 13: every assertion a check makes has a basis, and the basis decides the verdict in one place
 * (src/contract/settle-verdict.ts): a documented assertion's failure fails the check; an assumed one's is a
 * warning on a passing check, unless the run is strict.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScenarioCheck } from '../../src/contract/check-types.ts';
import { CHECKS } from '../../src/contract/registry.ts';
import { runCheck } from '../../src/contract/runner.ts';
import { settleVerdict } from '../../src/contract/settle-verdict.ts';
import { assumed, documented, SOURCES } from '../../src/contract/assertion.ts';
import { fail, pass } from '../../src/contract/verdict.ts';
import { startMockHarness, type MockHarness } from './helpers/mock-context.ts';

const check = {
  id: 'search_semantics',
  title: 'T',
  severity: 'medium',
  assertions: [
    documented('doc', 'a documented statement', SOURCES.apiwebUsers, 'search string A search term.'),
    assumed('guess', 'an assumed statement', 'the docs are silent'),
  ],
} as const;

describe('the basis of every assertion', () => {
  it('should give every check at least one assertion, with unique ids, and the documented ones a public source and a quote', () => {
    for (const c of CHECKS) {
      expect(c.assertions.length, c.id).toBeGreaterThan(0);
      expect(new Set(c.assertions.map((a) => a.id)).size, c.id).toBe(c.assertions.length);
      for (const a of c.assertions) {
        if (a.basis.kind === 'documented') {
          expect(a.basis.source, `${c.id}.${a.id}`).toMatch(/^https:\/\//);
          expect(a.basis.quote.length, `${c.id}.${a.id}`).toBeGreaterThan(10);
        } else expect(a.basis.reading.length, `${c.id}.${a.id}`).toBeGreaterThan(10);
      }
    }
  });

  it('should make the primary (first) assertion of every check documented, so an unnamed failure stays a failure', () => {
    expect(CHECKS.filter((c) => c.assertions[0]?.basis.kind !== 'documented').map((c) => c.id)).toEqual([]);
  });
});

describe('settleVerdict', () => {
  it('should keep a documented failure a failure and name its assertion and source', () => {
    const settled = settleVerdict(check, fail(check, [['Received', 200]]), false);
    expect(settled.status).toBe('fail');
    expect(settled.status === 'fail' && settled.assertion).toBe('doc');
    expect(settled.status === 'fail' && settled.message).toContain(`Assertion: search_semantics.doc (documented: ${SOURCES.apiwebUsers})`);
  });

  it('should turn an assumed failure into a warning on a pass by default', () => {
    const settled = settleVerdict(check, fail(check, [['Received', 200], ['Expected', 404]], { assertion: 'guess' }), false);
    expect(settled).toEqual(pass(['assumed search_semantics.guess not met (an assumed statement): Received: 200; Expected: 404']));
  });

  it('should keep an assumed failure a failure under strict, saying it is assumed', () => {
    const settled = settleVerdict(check, fail(check, [['Received', 200]], { assertion: 'guess' }), true);
    expect(settled.status).toBe('fail');
    expect(settled.status === 'fail' && settled.message).toContain('assumed: the docs are silent; a failure only under --strict');
  });

  it('should settle a verdict once even when asked twice', () => {
    const once = settleVerdict(check, fail(check, [['Received', 200]]), false);
    expect(settleVerdict(check, once, false)).toEqual(once);
  });
});

describe('runCheck with assumed assertions', () => {
  let h: MockHarness;
  beforeAll(async () => {
    h = await startMockHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  const scenario = (assertion: string): ScenarioCheck => ({
    ...check,
    kind: 'scenario',
    family: 'filters',
    description: 'd',
    operations: ['GET /users/'],
    run: async () => ({ verdicts: [pass(), fail(check, [['Problem', 'x']], { assertion })] }),
  });

  it('should pass with the warning listed when only an assumed assertion failed', async () => {
    const run = await runCheck(h.context(), scenario('guess'), 'GET /users/');
    expect(run.outcome).toBe('passed');
    expect(run.warnings).toEqual(['assumed search_semantics.guess not met (an assumed statement): Problem: x']);
  });

  it('should fail naming the assertion under strict', async () => {
    const run = await runCheck(h.context({ strict: true }), scenario('guess'), 'GET /users/');
    expect(run.outcome).toBe('failed');
    expect(run.assertion).toBe('search_semantics.guess');
  });

  it('should fail a documented assertion whatever the strictness', async () => {
    const run = await runCheck(h.context(), scenario('doc'), 'GET /users/');
    expect(run.outcome).toBe('failed');
    expect(run.assertion).toBe('search_semantics.doc');
  });
});
