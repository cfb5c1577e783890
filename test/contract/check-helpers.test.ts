import { describe, expect, it } from 'vitest';
import { judgeServedVersion } from '../../src/contract/checks/version-negotiation.ts';
import { canonical, linkCollection } from '../../src/contract/checks/cursor-pagination.ts';
import { containsText } from '../../src/contract/checks/search-semantics.ts';
import { diffShapes, shapeOf } from '../../src/contract/json-shape.ts';
import { judgeOrder } from '../../src/contract/sort-order.ts';
import { keyValueMessage, combine, fail, notApplicable, pass } from '../../src/contract/verdict.ts';
import { canned } from './helpers/canned.ts';

describe('judgeServedVersion', () => {
  const headers = (served: string, stage = 'ga', requested = '2024-10-15') => ({
    'snyk-version-requested': requested,
    'snyk-version-served': served,
    'snyk-version-lifecycle-stage': stage,
  });

  it('should accept a served version on or before the requested date', () => {
    expect(judgeServedVersion('2024-10-15', canned(200, {}, headers('2024-08-25'))).problems).toEqual([]);
  });

  it('should flag a served version after the requested date', () => {
    const { problems } = judgeServedVersion('2024-10-15', canned(200, {}, headers('2024-11-01')));
    expect(problems.map(([, v]) => v).join()).toContain('after the requested');
  });

  it('should flag a GA request served from a less stable release', () => {
    const { problems } = judgeServedVersion('2024-10-15', canned(200, {}, headers('2024-05-09~experimental', 'experimental')));
    expect(problems.map(([, v]) => v).join()).toContain('less stable');
  });

  it('should accept a beta request served from GA and report deprecation and sunset as warnings', () => {
    const r = canned(200, {}, { ...headers('2024-04-22', 'deprecated', '2024-10-15~beta'), deprecation: '2024-10-01T00:00:00Z', sunset: '2025-04-01' });
    const judged = judgeServedVersion('2024-10-15~beta', r);
    expect(judged.problems).toEqual([]);
    expect(judged.warnings.join(' ')).toContain('sunset 2025-04-01');
  });

  it('should flag a lifecycle stage that does not match the served stability', () => {
    const { problems } = judgeServedVersion('2024-10-15~beta', canned(200, {}, headers('2021-09-13~beta', 'ga', '2024-10-15~beta')));
    expect(problems.length).toBe(1);
  });
});

describe('judgeOrder', () => {
  it('should accept case-insensitive and locale orders and ignore nulls', () => {
    expect(judgeOrder(['alice', 'Bob', null, 'carol'], 'asc').sorted).toBe(true);
    expect(judgeOrder(['carol', 'Bob', 'alice'], 'desc').sorted).toBe(true);
  });

  it('should compare dates as instants whatever their zone form', () => {
    expect(judgeOrder(['2023-08-09T13:27:43.8208302', '2023-08-09T13:27:44Z', '2024-01-01T00:00:00.000Z'], 'asc').sorted).toBe(true);
  });

  it('should report the first pair out of order', () => {
    const v = judgeOrder(['a', 'c', 'b'], 'asc');
    expect(v.sorted).toBe(false);
    expect(v.pair).toEqual(['c', 'b']);
  });
});

describe('linkCollection', () => {
  it('should read the collection of a link with or without /rest and origin', () => {
    const want = '/orgs/abc/memberships';
    expect(linkCollection('/rest/orgs/ABC/memberships?version=2024-10-15&starting_after=x')).toBe(want);
    expect(linkCollection('/orgs/abc/memberships?starting_after=x')).toBe(want);
    expect(linkCollection('https://api.snyk.io/rest/orgs/abc/memberships')).toBe(want);
  });
});

describe('canonical', () => {
  it('should not depend on key order', () => {
    expect(canonical({ b: 1, a: [{ d: 2, c: 3 }] })).toBe(canonical({ a: [{ c: 3, d: 2 }], b: 1 }));
  });
});

describe('containsText', () => {
  it('should find a term case-insensitively anywhere in a user', () => {
    expect(containsText({ name: 'Ada Lovelace', labels: [{ name: 'Core' }] }, 'LOVE')).toBe(true);
    expect(containsText({ name: 'Ada' }, 'bob')).toBe(false);
  });
});

describe('json shape diff', () => {
  it('should report added and removed properties and type changes, not value changes', () => {
    const a = { data: [{ id: '1', attributes: { name: 'x', age: 3 } }], links: {} };
    const b = { data: [{ id: '2', attributes: { name: 'y', age: '3', email: 'e' } }] };
    const diff = diffShapes(shapeOf(a), shapeOf(b));
    expect(diff).toEqual(
      expect.arrayContaining([
        { path: '/data/*/attributes/age', kind: 'type', from: ['number'], to: ['string'] },
        { path: '/data/*/attributes/email', kind: 'added', to: ['string'] },
        { path: '/links', kind: 'removed', from: ['object'] },
      ]),
    );
    expect(diffShapes(shapeOf(a), shapeOf({ ...a, data: [{ id: '9', attributes: { name: 'z', age: 1 } }] }))).toEqual([]);
  });
});

describe('verdicts', () => {
  it('should render Key: value lines', () => {
    expect(keyValueMessage([['Received', 403], ['Documented', [200, 404]]])).toBe('Received: 403\nDocumented: 200, 404');
  });

  it('should let a failure win and keep the warnings of passes', () => {
    const check = { title: 'T', severity: 'low' as const };
    expect(combine([pass(['w']), fail(check, { A: 1 })]).status).toBe('fail');
    expect(combine([pass(['w']), notApplicable('n')])).toEqual({ status: 'pass', warnings: ['w'] });
    expect(combine([notApplicable('n')]).status).toBe('not_applicable');
  });
});
