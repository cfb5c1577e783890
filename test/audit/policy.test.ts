/**
 * The policy file: validation errors that name the file, the JSON path and the line; profiles; parameter
 * precedence; per-rule enable/disable and severity.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PolicyError } from '../../src/audit/policy-error.ts';
import { defaultPolicy, loadPolicy, parsePolicy } from '../../src/audit/policy.ts';
import { evaluate, user } from './helpers.ts';

function policyError(text: string, file = 'policy.yaml'): PolicyError {
  try {
    parsePolicy(text, file);
  } catch (err) {
    if (err instanceof PolicyError) return err;
    throw err;
  }
  throw new Error('expected a PolicyError');
}

const VALID = `# nightly audit policy
version: 1
profile: cis-v8
allowedDomains: [example.com]
breakGlass:
  - subject: breakglass@example.com
    reason: sealed emergency account
    owner: secops@example.com
exemptions:
  - subject: contractor@partner.io
    rule: external-domain
    reason: contractor under MSA-7
    owner: appsec@example.com
    ticket: SEC-42
    expires: 2025-12-31
rules:
  too-many-billing-admins:
    enabled: false
  stale-provision:
    severity: medium
    parameters: { maxAgeDays: 14 }
`;

describe('policy errors', () => {
  test('should name the file, the JSON path and the line of a bad value', () => {
    const text = VALID.replace('expires: 2025-12-31', 'expires: next year');
    const err = policyError(text);
    expect(err.code).toBe('POLICY_INVALID');
    expect(err.issues[0]).toMatchObject({ path: '$.exemptions[0].expires', line: 15 });
    expect(err.message).toContain('policy.yaml:15');
    expect(err.message).toContain('$.exemptions[0].expires');
    expect(err.message).toContain('must match format "date"');
  });

  test('should point at an unknown key by its own line', () => {
    const err = policyError('version: 1\nthresholds:\n  inactiveDays: 30\n  inactveDays: 30\n');
    expect(err.issues).toEqual([expect.objectContaining({ path: '$.thresholds.inactveDays', line: 4, message: 'unknown property "inactveDays"' })]);
  });

  test('should report a missing required exemption field at the exemption', () => {
    const err = policyError('exemptions:\n  - subject: a@example.com\n    rule: mfa-disabled\n    reason: r\n    owner: o\n    expires: 2030-01-01\n');
    expect(err.issues).toEqual([expect.objectContaining({ path: '$.exemptions[0]', line: 2, message: 'missing required property "ticket"' })]);
  });

  test('should fold subject/subjectPattern into one readable message', () => {
    const both = policyError('breakGlass:\n  - subject: a@example.com\n    subjectPattern: "a.*"\n    reason: r\n    owner: o\n');
    expect(both.issues.map((i) => i.message)).toEqual(['must have exactly one of subject or subjectPattern']);
    const neither = policyError('breakGlass:\n  - reason: r\n    owner: o\n');
    expect(neither.issues.map((i) => i.message)).toEqual(['must have exactly one of subject or subjectPattern']);
    expect(neither.issues[0]?.line).toBe(2);
  });

  test('should reject an unknown rule id, an unknown profile and a bad severity with their paths', () => {
    const err = policyError('profile: nist\nexemptions:\n  - subject: a\n    rule: no-such-rule\n    reason: r\n    owner: o\n    ticket: T-1\n    expires: 2030-01-01\nrules:\n  mfa-disabled:\n    severity: urgent\n');
    expect(err.issues.map((i) => [i.path, i.line])).toEqual([
      ['$.profile', 1],
      ['$.exemptions[0].rule', 4],
      ["$.rules['mfa-disabled'].severity", 11],
    ]);
    expect(err.issues[0]?.message).toContain('"cis-v8"');
  });

  test('should reject an unknown parameter of a rule', () => {
    const err = policyError('rules:\n  inactive-account:\n    parameters:\n      days: 10\n');
    expect(err.issues[0]).toMatchObject({ path: "$.rules['inactive-account'].parameters.days", line: 4 });
  });

  test('should reject an invalid regular expression with its line', () => {
    const err = policyError('serviceAccounts:\n  - subjectPattern: "svc-(["\n    reason: r\n    owner: o\n');
    expect(err.issues[0]).toMatchObject({ path: '$.serviceAccounts[0].subjectPattern', line: 2 });
    expect(err.message).toMatch(/not a valid regular expression/);
  });

  test('should give lines for JSON policies too', () => {
    const json = '{\n  "version": 1,\n  "thresholds": {\n    "inactiveDays": 0\n  }\n}\n';
    const err = policyError(json, 'policy.json');
    expect(err.issues[0]).toMatchObject({ path: '$.thresholds.inactiveDays', line: 4 });
    expect(err.message).toContain('policy.json:4');
  });

  test('should report a syntax error and a duplicate key with its line', () => {
    expect(policyError('version: 1\nprofile: [cis-v8\n').issues[0]?.line).toBeGreaterThanOrEqual(2);
    const dup = policyError('version: 1\nprofile: cis-v8\nprofile: pci-dss-4\n');
    expect(dup.issues[0]?.line).toBe(3);
  });

  test('should refuse a document that is not a mapping', () => {
    expect(policyError('').issues[0]).toMatchObject({ path: '$', message: 'must be object' });
    expect(policyError('- a\n- b\n').issues[0]?.path).toBe('$');
  });

  test('should be POLICY_UNREADABLE for a missing file', async () => {
    await expect(loadPolicy('/nonexistent/policy.yaml')).rejects.toMatchObject({ code: 'POLICY_UNREADABLE', message: expect.stringContaining('/nonexistent/policy.yaml') });
  });
});

describe('policy resolution', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'stc-policy-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test('should load a valid YAML file with its settings', async () => {
    const file = join(dir, 'policy.yaml');
    await writeFile(file, VALID);
    const p = await loadPolicy(file);
    expect(p.label).toBe(`${file} (profile cis-v8)`);
    expect(p.rules.get('inactive-account')?.params.maxInactiveDays).toBe(45);
    expect(p.rules.get('snyk-member-inactive')?.params.maxInactiveDays).toBe(45);
    expect(p.rules.get('too-many-billing-admins')?.enabled).toBe(false);
    expect(p.rules.get('stale-provision')).toEqual({ enabled: true, severity: 'medium', params: { maxAgeDays: 14 } });
    expect(p.exemptions.map((e) => [e.kind, e.rules, e.line])).toEqual([
      ['break-glass', ['inactive-account', 'snyk-member-inactive'], 6],
      ['exemption', ['external-domain'], 10],
    ]);
  });

  test('should use the documented defaults without a policy', () => {
    const p = defaultPolicy();
    expect(p.label).toBe('built-in defaults');
    expect(p.rules.get('inactive-account')?.params).toEqual({ maxInactiveDays: 90 });
    expect(p.rules.get('stale-provision')?.params).toEqual({ maxAgeDays: 30 });
    expect(p.rules.get('too-many-billing-admins')?.params).toEqual({ maxBillingAdmins: 3 });
  });

  test.each([
    ['cis-v8', 45],
    ['pci-dss-4', 90],
    ['disa-stig', 35],
    ['fedramp-moderate', 90],
  ])('should set the inactivity threshold of profile %s to %i days', (profile, days) => {
    expect(parsePolicy(`profile: ${profile}\n`, 'p.yaml').rules.get('inactive-account')?.params.maxInactiveDays).toBe(days);
  });

  test('should apply the strictest of several profiles', () => {
    expect(parsePolicy('profiles: [pci-dss-4, cis-v8, disa-stig]\n', 'p.yaml').rules.get('inactive-account')?.params.maxInactiveDays).toBe(35);
  });

  test('should let thresholds override the profile and rule parameters override thresholds', () => {
    const p = parsePolicy('profile: cis-v8\nthresholds: { inactiveDays: 60 }\nrules:\n  inactive-account:\n    parameters: { maxInactiveDays: 20 }\n', 'p.yaml');
    expect(p.rules.get('inactive-account')?.params.maxInactiveDays).toBe(20);
    expect(p.rules.get('snyk-member-inactive')?.params.maxInactiveDays).toBe(60);
  });

  test('should judge with the profile threshold', () => {
    const u = user({ last_login: new Date(Date.parse('2025-06-30T12:00:00Z') - 50 * 86_400_000).toISOString() });
    expect(evaluate([u]).of('inactive-account')).toHaveLength(0);
    expect(evaluate([u], { policy: parsePolicy('profile: cis-v8\n', 'p.yaml') }).of('inactive-account')).toHaveLength(1);
  });

  test('should skip a disabled rule and override its severity', () => {
    const policy = parsePolicy('rules:\n  mfa-disabled: { enabled: false }\n  inactive-account: { severity: critical }\n', 'p.yaml');
    const run = evaluate([user({ mfa_enabled: false, last_login: null })], { policy });
    expect(run.outcome('mfa-disabled')).toBe('skipped');
    expect(run.of('mfa-disabled')).toEqual([]);
    expect(run.of('inactive-account')[0]?.severity).toBe('critical');
    expect(run.rules.find((r) => r.id === 'inactive-account')?.severity).toBe('critical');
  });
});
