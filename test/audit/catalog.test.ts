/**
 * The rule catalog and the reviewed control table: ids, severities, controls from the allowed list, and the
 * policy schema kept in step with the catalog (rule ids and parameters).
 */
import { describe, expect, test } from 'vitest';
import { CORE_RULE_IDS, RULES } from '../../src/audit/catalog.ts';
import { ALLOWED_CONTROL_IDS, CONTROLS } from '../../src/audit/controls.ts';
import { POLICY_SCHEMA_ID } from '../../src/audit/policy.ts';
import { schemas } from '../../src/schema/registry.ts';

describe('rule catalog', () => {
  test('should hold the four INTERFACE.md core rules first and at least six more', () => {
    expect(RULES.slice(0, 4).map((r) => r.id)).toEqual([...CORE_RULE_IDS]);
    expect(RULES.map((r) => r.id)).toEqual(
      expect.arrayContaining([
        'privileged-without-mfa',
        'pending-admin-provision',
        'external-domain',
        'snyk-member-inactive',
        'api-user-privileged',
        'too-many-billing-admins',
      ]),
    );
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
  });

  test.each(RULES.map((r) => [r.id, r] as const))('%s should be complete: title, rationale, remediation, sources, version', (_id, rule) => {
    expect(rule.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(rule.version).toBeGreaterThanOrEqual(1);
    for (const text of [rule.title, rule.rationale, rule.remediation]) expect(text.length).toBeGreaterThan(10);
    expect(rule.sources.length).toBeGreaterThan(0);
    for (const p of Object.values(rule.parameters)) {
      expect(p.default).toBeGreaterThanOrEqual(p.minimum);
      expect(p.description.length).toBeGreaterThan(0);
    }
  });

  test('should give the documented severities', () => {
    const sev = Object.fromEntries(RULES.map((r) => [r.id, r.severity]));
    expect(sev).toMatchObject({
      'privileged-without-mfa': 'critical',
      'mfa-disabled': 'high',
      'deactivated-with-roles': 'high',
      'inactive-account': 'medium',
      'stale-provision': 'low',
    });
  });
});

describe('framework controls', () => {
  test('should cite only allowed control ids, with the reviewed titles, and map every rule', () => {
    for (const rule of RULES) {
      expect(rule.controls.length, rule.id).toBeGreaterThan(0);
      expect(rule.controls.some((c) => c.relation === 'direct') || rule.id === 'external-domain', `${rule.id} has a direct control`).toBe(true);
      const seen = new Set<string>();
      for (const c of rule.controls) {
        expect(ALLOWED_CONTROL_IDS[c.framework], `${rule.id}: framework ${c.framework}`).toContain(c.id);
        expect(['direct', 'supporting']).toContain(c.relation);
        const def = Object.values(CONTROLS).find((d) => d.framework === c.framework && d.id === c.id);
        expect(def?.title, `${rule.id}: ${c.framework} ${c.id}`).toBe(c.title);
        const key = `${c.framework} ${c.id}`;
        expect(seen.has(key), `${rule.id} cites ${key} twice`).toBe(false);
        seen.add(key);
      }
    }
  });

  test('should have a table entry for every allowed id and nothing else', () => {
    const table = Object.values(CONTROLS).map((d) => `${d.framework} ${d.id}`).sort();
    const allowed = Object.entries(ALLOWED_CONTROL_IDS).flatMap(([fw, ids]) => ids.map((id) => `${fw} ${id}`)).sort();
    expect(table).toEqual(allowed);
    expect(allowed).toHaveLength(22);
  });

  test('should cite each framework from some rule', () => {
    const cited = new Set(RULES.flatMap((r) => r.controls.map((c) => `${c.framework} ${c.id}`)));
    const allowed = Object.entries(ALLOWED_CONTROL_IDS).flatMap(([fw, ids]) => ids.map((id) => `${fw} ${id}`));
    expect(allowed.filter((a) => !cited.has(a))).toEqual([]);
  });
});

describe('policy schema', () => {
  const schema = schemas().schema(POLICY_SCHEMA_ID) as {
    $defs: { RuleId: { enum: string[] } };
    properties: { rules: { properties: Record<string, { properties: { parameters: { properties: Record<string, unknown> } } }> } };
  };

  test('should list exactly the catalog rule ids', () => {
    expect(schema.$defs.RuleId.enum).toEqual(RULES.map((r) => r.id));
    expect(Object.keys(schema.properties.rules.properties)).toEqual(RULES.map((r) => r.id));
  });

  test('should list exactly each rule\'s parameters with its bounds', () => {
    for (const rule of RULES) {
      const params = schema.properties.rules.properties[rule.id]?.properties.parameters.properties ?? {};
      expect(Object.keys(params).sort(), rule.id).toEqual(Object.keys(rule.parameters).sort());
      for (const [name, def] of Object.entries(rule.parameters)) {
        expect(params[name], `${rule.id}.${name}`).toEqual({ type: 'integer', minimum: def.minimum, maximum: def.maximum });
      }
    }
  });
});
