/**
 * Lean findings and how they reach the main process: a finding does not copy its rule's title and controls
 * (the rule's result carries them), its evidence holds only the judged values and the cutoff once, nothing in
 * it points back into the raw pages, and the packed task.meta form (src/model/task-meta.ts) round-trips
 * exactly, survives structured clone and JSON (blob reports), and is decoded by the results reporter.
 */
import { deserialize, serialize } from 'node:v8';
import { describe, expect, test } from 'vitest';
import { ActivityIndex } from '../../src/audit/activity.ts';
import { RULES } from '../../src/audit/catalog.ts';
import { diffFindings } from '../../src/audit/diff.ts';
import { AuditEngine } from '../../src/audit/engine.ts';
import { SOURCE_NAMES } from '../../src/audit/inventory.ts';
import type { RuleDefinition } from '../../src/audit/rule.ts';
import { defaultPolicy, parsePolicy } from '../../src/audit/policy.ts';
import { packFindings, PACKED_FINDINGS_VERSION, ruleMetaFindings, unpackFindings, type RuleMeta } from '../../src/model/task-meta.ts';
import type { Control, Finding, RuleResult } from '../../src/model/results.ts';
import { collectResults } from '../../reporters/vitest-results-reporter.ts';
import { accountAdmin, daysAgo, evaluate, event, FETCHED, idOf, member, NOW, ORG, provision, rawUser, user, userFrom, without, type EngineRun } from './helpers.ts';

/** A run with every kind of finding: fail, unknown, exempt, expired exemption, per-org subjects, members. */
function mixedRun(): EngineRun {
  const policy = parsePolicy(
    [
      'allowedDomains: [example.com]',
      'exemptions:',
      '  - subject: exempt@example.com',
      '    rule: mfa-disabled',
      '    reason: accepted risk',
      '    owner: appsec@example.com',
      '    ticket: SEC-1',
      '    expires: 2025-12-31',
      '  - subject: lapsed@example.com',
      '    rule: mfa-disabled',
      '    reason: temporary',
      '    owner: appsec@example.com',
      '    ticket: SEC-2',
      '    expires: 2025-06-01',
      '',
    ].join('\n'),
    'p.yaml',
  );
  return evaluate(
    [
      user({ mfa_enabled: false }),
      user({ email: 'exempt@example.com', mfa_enabled: false }),
      user({ email: 'lapsed@example.com', mfa_enabled: false }),
      userFrom(without(rawUser({ mfa_enabled: false }), 'active', 'is_apiuser')),
      user({ mfa_enabled: 'yes' }),
      user({ last_login: null }),
      user({ active: false, user_roles: [accountAdmin] }),
      user({ mfa_enabled: false, user_roles: [accountAdmin], email: 'root@gmail.com' }),
      provision({ created: daysAgo(40), role: 'ADMIN' }),
      provision({ created: 'soon' }),
      member({ userId: 'idle', email: 'idle@partner.io' }),
      event('someone', daysAgo(3)),
    ],
    { policy },
  );
}

function ruleOf(run: EngineRun, id: string): RuleResult {
  const rule = run.rules.find((r) => r.id === id);
  if (!rule) throw new Error(`no rule ${id}`);
  return rule;
}

/** Every object and array reachable from a value. */
function reachable(value: unknown, seen = new Set<object>()): Set<object> {
  if (typeof value !== 'object' || value === null || seen.has(value)) return seen;
  seen.add(value);
  for (const v of Object.values(value)) reachable(v, seen);
  return seen;
}

describe('lean findings', () => {
  test('should leave the rule’s title and controls out of each finding and keep them on the rule', () => {
    const run = mixedRun();
    for (const [id, findings] of run.findingsByRule) {
      if (findings.length === 0) continue;
      expect(ruleOf(run, id).controls?.length, id).toBeGreaterThan(0);
      expect(ruleOf(run, id).title, id).toBeTruthy();
      for (const f of findings) {
        expect(f.controls, id).toBeUndefined();
        expect(f.title, id).toBeUndefined();
      }
    }
  });

  test('should keep a finding’s own controls only when they differ from its rule’s', () => {
    const base = RULES.find((r) => r.id === 'mfa-disabled')!;
    const other: Control[] = [{ framework: 'SOC 2', id: 'CC6.1', relation: 'direct' }];
    const rule: RuleDefinition = {
      ...base,
      id: 'own-controls',
      evaluate: () => ({
        observe: (record) =>
          record.kind !== 'apiweb-user'
            ? undefined
            : { outcome: 'fail', subject: { kind: 'apiweb-user', id: record.id ?? '' }, message: 'm', evidence: { source: 's', fetchedAt: 't', fields: {} }, controls: record.mfaEnabled ? other : [...base.controls] },
      }),
    };
    const engine = new AuditEngine({ policy: defaultPolicy([rule]), now: NOW, activity: new ActivityIndex(), rules: [rule] });
    for (const s of SOURCE_NAMES) engine.sourceStatus(s, 'ok');
    const differs = user({ mfa_enabled: true });
    const same = user({ mfa_enabled: false });
    engine.record(differs);
    engine.record(same);
    const byId = new Map((engine.finish().findingsByRule.get('own-controls') ?? []).map((f) => [f.subject.id, f]));
    expect(byId.get(idOf(differs))?.controls).toEqual(other);
    expect(byId.get(idOf(same))?.controls).toBeUndefined();
  });

  test('should keep only the judged values and the cutoff once in the evidence', () => {
    const run = mixedRun();
    const never = run.of('inactive-account').find((f) => f.evidence.fields && (f.evidence.fields as Record<string, unknown>).last_login === null);
    // A user who never logged in is judged on `changed` too (its clock starts there): it is a judged value.
    expect(never?.evidence.fields).toEqual({ active: true, is_apiuser: false, last_login: null, changed: '2024-03-01T10:00:00.123456Z', cutoff: new Date(NOW - 90 * 86_400_000).toISOString() });
    expect(never?.message).toMatch(/threshold 90 days/);
    const stale = run.of('stale-provision').find((f) => f.outcome === 'fail');
    expect(stale?.evidence.fields).toEqual({ created: daysAgo(40), cutoff: new Date(NOW - 30 * 86_400_000).toISOString() });
    expect(run.of('pending-admin-provision')[0]?.evidence.fields).toEqual({ role: 'ADMIN', rolePublicId: '' });
    const idle = run.of('snyk-member-inactive')[0];
    expect(idle?.subject.id).toBe('idle');
    expect(idle?.evidence.fields).toEqual({
      orgId: ORG,
      role: 'Org Collaborator',
      membershipCreatedAt: '2022-03-16T00:00:00Z',
      lastActivity: null,
      cutoff: new Date(NOW - 90 * 86_400_000).toISOString(),
    });
    // The window start is shown when it is not the cutoff: here the logs start too late to judge.
    const late = evaluate([member({ userId: 'late' })], { windowDays: 30 }).of('snyk-member-inactive')[0];
    expect(late).toMatchObject({ outcome: 'unknown', evidence: { fields: { activitySeenSince: new Date(NOW - 30 * 86_400_000).toISOString() } } });
    const external = run.of('external-domain').find((f) => f.subject.email === 'root@gmail.com');
    expect(external?.evidence.fields).toEqual({ domain: 'gmail.com', allowedDomains: ['example.com'] });
  });

  test('should not keep anything of the raw pages alive through a finding', () => {
    const raws = [rawUser({ mfa_enabled: false, user_roles: [accountAdmin] }), rawUser({ last_login: null }), rawUser({ active: false, user_roles: [accountAdmin] })];
    const fromPages = reachable(raws);
    const run = evaluate(raws.map(userFrom));
    const findings = [...run.findingsByRule.values()].flat();
    expect(findings.length).toBeGreaterThan(3);
    for (const node of reachable(findings)) expect(fromPages.has(node)).toBe(false);
  });
});

describe('packed findings in task.meta', () => {
  test('should unpack exactly what was packed, rule by rule and after the diff', () => {
    const run = mixedRun();
    const all = [...run.findingsByRule.values()].flat();
    diffFindings(all, { findings: [] }, FETCHED);
    let packedRules = 0;
    for (const [id, findings] of run.findingsByRule) {
      const rule = ruleOf(run, id);
      expect(unpackFindings(packFindings(findings, rule), rule), id).toStrictEqual(findings);
      if (findings.length > 0) packedRules++;
    }
    expect(packedRules).toBeGreaterThanOrEqual(7);
    expect(all.map((f) => f.outcome)).toEqual(expect.arrayContaining(['fail', 'unknown', 'exempt']));
  });

  test('should carry what differs from the rule, and anything it does not know, without defaults too', () => {
    const rule: RuleResult = { id: 'r', title: 'Rule', severity: 'high', outcome: 'fail', counts: { evaluated: 2, fail: 2, exempt: 0, unknown: 0 }, controls: [{ framework: 'CIS', id: '5.1', relation: 'direct' }] };
    const own: Finding = {
      ruleId: 'r',
      title: 'Own title',
      outcome: 'fail',
      severity: 'critical',
      subject: { kind: 'apiweb-user', id: 'u1', orgId: 'o1' },
      evidence: { source: 'GET /users/', fetchedAt: FETCHED, fields: { a: [1, { b: null }] }, note: 'n' },
      controls: [{ framework: 'SOC 2', id: 'CC6.1', relation: 'supporting' }],
      status: 'persisting',
      firstSeen: '2025-01-01T00:00:00.000Z',
      fingerprint: 'abc',
    };
    const odd = { ...own, title: 'Rule', controls: rule.controls, severity: 'high', extraTopLevel: 1, subject: { kind: 'k', surprise: true } } as unknown as Finding;
    const sameAsRule: Finding = { ruleId: 'r', outcome: 'unknown', severity: 'high', subject: { kind: 'k', email: 'x@example.com' }, evidence: { source: 's', fetchedAt: 't', fields: {} } };
    const back = unpackFindings(packFindings([own, odd, sameAsRule], rule), rule);
    expect(back[0]).toStrictEqual(own);
    // Equal to the rule's: left out (the reporters resolve them from the rule); unknown properties kept.
    const { title: _title, controls: _controls, ...oddWithoutRuleCopies } = odd;
    expect(back[1]).toStrictEqual(oddWithoutRuleCopies);
    expect(back[2]).toStrictEqual(sameAsRule);
    expect(unpackFindings(packFindings([own, sameAsRule]))).toStrictEqual([own, sameAsRule]);
  });

  test('should survive structured clone and JSON as one string, and be smaller than the objects', () => {
    const run = mixedRun();
    const rule = ruleOf(run, 'mfa-disabled');
    const findings = run.of('mfa-disabled');
    const meta: RuleMeta = { kind: 'rule', rule, packed: packFindings(findings, rule) };
    const cloned = deserialize(serialize(meta)) as RuleMeta;
    const blob = JSON.parse(JSON.stringify(meta)) as RuleMeta;
    expect(ruleMetaFindings(cloned)).toStrictEqual(findings);
    expect(ruleMetaFindings(blob)).toStrictEqual(findings);
    expect(meta.packed!.length).toBeLessThan(JSON.stringify(findings).length);
    expect(ruleMetaFindings({ kind: 'rule', rule, findings })).toBe(findings);
  });

  test('should refuse another pack version rather than misread it', () => {
    const rule = ruleOf(mixedRun(), 'mfa-disabled');
    expect(() => unpackFindings(JSON.stringify({ v: PACKED_FINDINGS_VERSION + 1, s: [], f: [] }), rule)).toThrow(/not version 1/);
    expect(() => unpackFindings('{', rule)).toThrow(/not JSON/);
  });
});

describe('results reporter', () => {
  type FakeTest = { fullName: string; meta(): { stc?: unknown }; result(): { state: string } };
  const moduleOf = (tests: FakeTest[]) =>
    ({ moduleId: '/x/suites/audit/audit.test.ts', relativeModuleId: 'suites/audit/audit.test.ts', errors: () => [], children: { allTests: () => tests } }) as never;
  const ruleTest = (meta: RuleMeta): FakeTest => ({ fullName: `audit > ${meta.rule.id}`, meta: () => ({ stc: meta }), result: () => ({ state: 'failed' }) });

  test('should decode packed findings and keep the controls on the rule only', () => {
    const run = mixedRun();
    const tests = run.rules.map((rule) => ruleTest({ kind: 'rule', rule, packed: packFindings(run.findingsByRule.get(rule.id) ?? [], rule) }));
    const collected = collectResults([moduleOf(tests)], [], 'passed');
    expect(collected.findings).toStrictEqual([...run.findingsByRule.values()].flat());
    expect(collected.rules).toStrictEqual(run.rules);
    expect(collected.runErrors).toEqual([]);
    const mfa = collected.rules.find((r) => r.id === 'mfa-disabled');
    expect(mfa?.controls?.length).toBeGreaterThan(0);
    expect(collected.findings.every((f) => f.controls === undefined)).toBe(true);
  });

  test('should turn an unreadable pack into a run error, never a clean rule', () => {
    const rule = ruleOf(mixedRun(), 'mfa-disabled');
    const collected = collectResults([moduleOf([ruleTest({ kind: 'rule', rule, packed: '{"v":99,"s":[],"f":[]}' })])], [], 'passed');
    expect(collected.rules).toEqual([rule]);
    expect(collected.runErrors).toEqual([expect.stringMatching(/audit > mfa-disabled: packed findings are not version 1/)]);
  });
});
