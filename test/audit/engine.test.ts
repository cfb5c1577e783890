/**
 * Engine behaviour beyond the rules themselves: a crashing rule, one finding per subject, deterministic
 * order, and the example policy shipped with the tests.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { ActivityIndex } from '../../src/audit/activity.ts';
import { RULES } from '../../src/audit/catalog.ts';
import { AuditEngine } from '../../src/audit/engine.ts';
import { SOURCE_NAMES } from '../../src/audit/inventory.ts';
import { defaultPolicy, loadPolicy } from '../../src/audit/policy.ts';
import type { RuleDefinition } from '../../src/audit/rule.ts';
import { evaluate, member, NOW, user } from './helpers.ts';

describe('audit engine', () => {
  test('should report a crashing rule as unknown with a warning and keep judging the others', () => {
    const crashing: RuleDefinition = {
      ...RULES[0]!,
      id: 'crashing-rule',
      evaluate: () => ({
        observe() {
          throw new Error('boom');
        },
      }),
    };
    const engine = new AuditEngine({ policy: defaultPolicy(), now: NOW, activity: new ActivityIndex(), rules: [crashing, RULES[0]!] });
    for (const s of SOURCE_NAMES) engine.sourceStatus(s, 'ok');
    engine.record(user({ mfa_enabled: false }));
    engine.record(user({ mfa_enabled: false }));
    const out = engine.finish();
    expect(out.rules.map((r) => [r.id, r.outcome])).toEqual([
      ['crashing-rule', 'unknown'],
      ['mfa-disabled', 'fail'],
    ]);
    expect(out.warnings).toContainEqual(expect.objectContaining({ code: 'RULE_ERROR', ruleId: 'crashing-rule', message: expect.stringContaining('boom') }));
    expect(out.findingsByRule.get('mfa-disabled')).toHaveLength(2);
  });

  test('should give the same findings in the same order whatever order the records come in', () => {
    const records = [user({ mfa_enabled: false }), user({ mfa_enabled: false, last_login: null }), user({ last_login: null }), member({ userId: 'm1' }), member({ userId: 'm2' })];
    const a = evaluate(records);
    const b = evaluate([...records].reverse());
    expect([...b.findingsByRule.entries()].map(([k, v]) => [k, v.map((f) => f.fingerprint)])).toEqual([...a.findingsByRule.entries()].map(([k, v]) => [k, v.map((f) => f.fingerprint)]));
  });

  test('should refuse records after finish', () => {
    const engine = new AuditEngine({ policy: defaultPolicy(), now: NOW, activity: new ActivityIndex() });
    engine.finish();
    expect(() => engine.record(user())).toThrow(/after finish/);
  });

  test('should treat a source that never reported as not collected (unknown, never pass)', () => {
    const engine = new AuditEngine({ policy: defaultPolicy(), now: NOW, activity: new ActivityIndex() });
    const out = engine.finish();
    expect(out.rules.find((r) => r.id === 'mfa-disabled')?.outcome).toBe('unknown');
    expect(out.rules.find((r) => r.id === 'mfa-disabled')?.limits).toContainEqual(expect.stringContaining('not collected'));
  });
});

describe('example policy', () => {
  test('should load test/audit/fixtures/policy.example.yaml', async () => {
    const file = fileURLToPath(new URL('./fixtures/policy.example.yaml', import.meta.url));
    const policy = await loadPolicy(file);
    expect(policy.profiles).toEqual(['cis-v8']);
    expect(policy.exemptions.map((e) => e.kind)).toEqual(['break-glass', 'service-account', 'exemption']);
  });
});
