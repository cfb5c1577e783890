import { describe, expect, it } from 'vitest';
import type { Control, Finding, RuleResult } from '../../src/model/results.ts';
import { RuleIndex, findingControls, findingTitle, hasOwnControls, hasOwnTitle, sameControls } from '../../reporters/rule-index.ts';
import { CONTROLS } from './results-builder.ts';

const rule: RuleResult = { id: 'mfa-disabled', title: 'MFA disabled', severity: 'high', outcome: 'fail', counts: { evaluated: 1, fail: 1, exempt: 0, unknown: 0 }, controls: CONTROLS['mfa-disabled'] };
const finding = (patch: Partial<Finding> = {}): Finding => ({
  ruleId: 'mfa-disabled',
  outcome: 'fail',
  severity: 'high',
  subject: { kind: 'apiweb-user', id: 'u1' },
  evidence: { source: 'GET /users/', fetchedAt: '2025-03-01T02:00:05.000Z', fields: {} },
  ...patch,
});
const own: Control[] = [{ framework: 'Internal policy', id: 'SEC-7', relation: 'supporting' }];

describe('rule-index', () => {
  it("should resolve a finding's controls and title from its rule when it has none", () => {
    expect(findingControls(finding(), rule)).toBe(rule.controls);
    expect(findingTitle(finding(), rule)).toBe('MFA disabled');
    expect(findingControls(finding(), undefined)).toEqual([]);
    expect(findingTitle(finding(), undefined)).toBe('mfa-disabled');
    const index = new RuleIndex([rule]);
    expect(index.rule('mfa-disabled')).toBe(rule);
    expect(index.controls(finding())).toBe(rule.controls);
    expect(index.title(finding({ ruleId: 'other' }))).toBe('other');
  });

  it('should keep what a finding carries of its own', () => {
    expect(findingControls(finding({ controls: own }), rule)).toBe(own);
    expect(findingControls(finding({ controls: [] }), rule)).toEqual([]);
    expect(findingTitle(finding({ title: 'Own' }), rule)).toBe('Own');
    expect(hasOwnControls(finding({ controls: own }), rule)).toBe(true);
    expect(hasOwnControls(finding({ controls: structuredClone(rule.controls) }), rule)).toBe(false);
    expect(hasOwnControls(finding(), rule)).toBe(false);
    expect(hasOwnTitle(finding({ title: 'MFA disabled' }), rule)).toBe(false);
    expect(hasOwnTitle(finding({ title: 'Own' }), rule)).toBe(true);
  });

  it('should compare control lists field by field and in order', () => {
    const base = CONTROLS['inactive-account'] ?? [];
    expect(sameControls(base, structuredClone(base))).toBe(true);
    expect(sameControls(undefined, [])).toBe(true);
    expect(sameControls(base, [...base].reverse())).toBe(false);
    expect(sameControls(base, base.slice(1))).toBe(false);
    for (const key of ['framework', 'id', 'relation', 'title'] as const) {
      const changed = structuredClone(base);
      (changed[0] as unknown as Record<string, unknown>)[key] = key === 'relation' ? 'supporting' : 'other';
      expect(sameControls(base, changed), key).toBe(false);
    }
    const untitled = structuredClone(base);
    delete untitled[0]?.title;
    expect(sameControls(base, untitled)).toBe(false);
  });
});
